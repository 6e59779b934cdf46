/// An elementwise function whose parameters a network can learn (PReLU's slope, SReLU's joints and
/// slopes, APL's hinge, soft exponential's α): ∂f/∂θ is written beside `value` and `derivative`.
///
/// Every parameter in `info.parameters` is learnable; a network keeps one set per unit, or one shared
/// by the layer. At a kink the parameter gradient follows the same branch as `derivative` (the branch
/// taken at that point), so that the two always describe the same piece.
public protocol LearnableActivation: ElementwiseActivation {
    /// ∂f/∂θᵢ at x for each parameter θᵢ, in the order of `info.parameters`.
    func parameterGradients<L: ElementaryLanes>(_ x: L) -> [L]
}

extension LearnableActivation {
    /// ∂f/∂θ at x, for the parameters in `info.parameters` order.
    public func parameterGradients(at x: Double) -> [Double] { parameterGradients(x) }
}

/// An elementwise function that draws a random number per element in training (RReLU). In evaluation
/// it is the deterministic `value`; in training `training(_:draw:)` gives the value for a draw
/// u ~ U[0, 1) and, beside it, the derivative for that same draw, which the backward pass uses.
public protocol RandomizedActivation: ElementwiseActivation {
    /// f(x) and f′(x) for the draw `u` in [0, 1).
    func training(_ x: Double, draw u: Double) -> (value: Double, derivative: Double)
}

/// A row function drawn best along an example input of its own (maxout: k linear pieces of x; BReLU:
/// one even and one odd unit fed the same x) rather than along [x, 0, 1].
public protocol ExampleRowActivation: RowActivation {
    /// The example row at x, and its derivative with respect to x (entry by entry).
    func exampleRow(at x: Double) -> (row: [Double], slope: [Double])
    /// A label for each entry of the example row, e.g. "z₁ = x" (drawn as dotted lines), or empty when
    /// the inputs are not worth drawing.
    var exampleInputLabels: [String] { get }
    /// A label for each output, e.g. "max".
    var exampleOutputLabels: [String] { get }
}
