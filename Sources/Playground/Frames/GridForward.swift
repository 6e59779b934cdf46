import ActivationFunctions
import NeuralNet

/// The forward pass over the grid's 10 000 points, through the network's own layers in `Float`
/// (whose activation kernels are vectorised; the grids are drawn with 256 shades, far coarser than
/// Float's precision). The matrix kernel has a narrow block for the playground's 1–16 units.
enum GridForward {
    /// Every layer's output for `x`, the last one being the logits (as `Network.forward`).
    static func outputs(_ net: Network<Double>, _ x: Matrix<Float>) -> [Matrix<Float>] {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        return net.converted(to: Float.self).forward(x, training: false, rng: &rng).map(\.output)
    }

    /// x·W + b.
    static func affine(_ x: Matrix<Float>, _ w: Matrix<Float>, _ b: [Float]) -> Matrix<Float> {
        var sums = x.multiplied(by: w)
        sums.addRowVector(b)
        return sums
    }
}
