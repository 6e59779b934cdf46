/// An activation function of the catalog: its metadata and how to build it from parameter values.
public protocol ActivationDefinition: Sendable {
    static var info: ActivationInfo { get }
    /// This function's metadata: `Self.info` for a catalog type; a `Formula` describes itself.
    var info: ActivationInfo { get }
    /// Builds the function from validated parameters (`ActivationInfo.validate(_:)`).
    init(_ parameters: ParameterValues)
}

extension ActivationDefinition {
    /// The function at its default parameters.
    public init() { self.init(Self.info.defaultParameters) }

    /// `Self.info`, the type's catalog entry (`Formula` overrides it with the formula's own).
    public var info: ActivationInfo { Self.info }
}

/// A function applied to each number on its own: y = f(x), with f′ beside it.
///
/// Conformers write `value` and `derivative` once, over `Lanes`; everything else comes from this
/// protocol's extensions. NaN lanes need no care in those two: the callers below return NaN for a
/// NaN input, for values and derivatives alike.
public protocol ElementwiseActivation: ActivationDefinition {
    /// f(x): the exact function, computed stably.
    func value<L: ElementaryLanes>(_ x: L) -> L
    /// f′(x), following PyTorch's conventions at kinks.
    func derivative<L: ElementaryLanes>(_ x: L) -> L

    /// y[i] = f(x[i]). `y` may be `x`. SIMD body, scalar tail; bit-identical to the scalar path.
    func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>)
    /// How `Float` inputs are computed: in `Float` lanes (the default), or widened to `Double` lanes
    /// and rounded once, for a function whose `Float` algorithm would not stay within 4 ulp.
    static var floatLanes: FloatLanes { get }
    /// Which of `value` and `derivative` already return NaN in every lane whose input is NaN, whatever
    /// the parameters, so that `evaluate` and `evaluateDerivative` can skip their NaN blend (a compare
    /// and a blend per vector). None unless a function declares it; the tests hold every function to
    /// what it declares, in every lane type.
    static var keepsNaN: KeepsNaN { get }

    /// y[i] = f(x[i]) in `Float` (see `floatLanes`).
    func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>)
    /// dx[i] = dy[i]·f′(x[i]). `dx` may be `dy`.
    func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>)
    /// dx[i] = dy[i]·f′(x[i]) in `Float` (see `floatLanes`).
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>)

    // The same kernels on the threads `parallelism` allows (the calls above use `.automatic`). They
    // are requirements, not only extension methods, so that a call through `any` lands in the
    // conformer's specialised code rather than in the unspecialised generic one.
    func forward(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism)
    func forward(_ x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism)
    func backward(
        _ x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, parallelism: Parallelism)
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, parallelism: Parallelism)
}

/// Which of an elementwise function's `value` and `derivative` return NaN for a NaN input by
/// themselves (`ElementwiseActivation.keepsNaN`).
public struct KeepsNaN: OptionSet, Sendable {
    /// One bit per function: 1 for `value`, 2 for `derivative`.
    public let rawValue: UInt8
    /// The set whose bits are `rawValue`.
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `value` does.
    @inlinable public static var value: KeepsNaN { KeepsNaN(rawValue: 1) }
    /// `derivative` does.
    @inlinable public static var derivative: KeepsNaN { KeepsNaN(rawValue: 2) }
    /// Both do.
    @inlinable public static var both: KeepsNaN { [.value, .derivative] }
}

/// Where an elementwise function computes its `Float` values.
public enum FloatLanes: Sendable {
    /// `Float` and `SIMD16<Float>`: the fast path.
    case float
    /// `Double` and `SIMD4<Double>`, rounded once to `Float`.
    case double
}

extension ElementwiseActivation {
    /// `.float` unless a function declares otherwise: its `Float` inputs run in `Float` and `SIMD16<Float>` lanes.
    public static var floatLanes: FloatLanes { .float }

    /// None: `evaluate` and `evaluateDerivative` put x back in the lanes where x is NaN.
    @inlinable public static var keepsNaN: KeepsNaN { [] }

    /// f(x), with NaN in giving NaN out: `value` alone where it does that itself (`keepsNaN`), else
    /// with x put back in the NaN lanes. `Self.keepsNaN` is a constant in each function's kernels, so
    /// the check costs nothing there.
    @inlinable @inline(__always)
    public func evaluate<L: ElementaryLanes>(_ x: L) -> L {
        let y = value(x)
        return Self.keepsNaN.contains(.value) ? y : y.replacing(with: x, where: x .!= x)
    }

    /// f′(x), with NaN in giving NaN out (as `evaluate`).
    @inlinable @inline(__always)
    public func evaluateDerivative<L: ElementaryLanes>(_ x: L) -> L {
        let slope = derivative(x)
        return Self.keepsNaN.contains(.derivative) ? slope : slope.replacing(with: x, where: x .!= x)
    }

    /// f(x).
    public func callAsFunction(_ x: Double) -> Double { evaluate(x) }
    /// f(x) in `Float`, bit for bit what the batch kernels give (see `floatLanes`).
    public func callAsFunction(_ x: Float) -> Float {
        Self.floatLanes == .float ? evaluate(x) : Float(evaluate(Double(x)))
    }
    /// f′(x).
    public func derivative(at x: Double) -> Double { evaluateDerivative(x) }
    /// f′(x) in `Float`, bit for bit what the batch kernels give (see `floatLanes`).
    public func derivative(at x: Float) -> Float {
        Self.floatLanes == .float ? evaluateDerivative(x) : Float(evaluateDerivative(Double(x)))
    }
}

extension RowActivation {
    /// Stops the program with a message unless `outputCount(forInputCount:)` takes `row` entries (and
    /// `dy`, when given, has one entry per output): each `forwardRow` and `backwardRow` starts with it.
    /// Called directly with an odd row, glu's dropped the last entry and maxout's a partial group, and
    /// a short `dy` was read past its end.
    public func requireRowLengths(_ row: Int, dy: Int? = nil, _ caller: StaticString = #function) {
        let outputs: Int
        do { outputs = try outputCount(forInputCount: row) } catch {
            preconditionFailure("\(Self.info.id).\(caller): \(error) (forward(_:) and backward(_:_:) throw this instead)")
        }
        if let dy {
            precondition(
                dy == outputs,
                "\(Self.info.id).\(caller): dy has \(dy) entries for \(outputs) outputs (backward(_:_:) throws this instead)")
        }
    }
}

/// A function of a whole row (softmax and friends): y = f(x) for a vector x.
public protocol RowActivation: ActivationDefinition {
    /// The output length for an input row of length `n`, or an error saying why `n` is not valid.
    func outputCount(forInputCount n: Int) throws(ActivationError) -> Int
    /// The input length that gives `n` outputs (a layer computes this many sums for `n` units).
    func inputCount(forOutputCount n: Int) -> Int
    /// f(row), the implementation's hook: `forward(_:)` checks the length and calls it. Called directly
    /// with a length `outputCount(forInputCount:)` refuses, it stops the program with a message
    /// (`requireRowLengths`), in release builds too; call `forward(_:)` for an error you can catch.
    func forwardRow(_ row: [Double]) -> [Double]
    /// The vector–Jacobian product dx = J(x)ᵀ·dy, the implementation's hook behind `backward(_:_:)`;
    /// lengths as `forwardRow`, and `dy` one entry per output.
    func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double]

    /// f of each row of `x` (consecutive rows of `rowLength`) into `y` (rows of the output length).
    /// The softmax family runs SIMD kernels in the buffer's own type; the rest go through `Double`.
    func forward(rows x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>, rowLength: Int)
        throws(ActivationError)
    func forward(rows x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>, rowLength: Int)
        throws(ActivationError)
    /// J(x)ᵀ·dy for each row; `dx` must not overlap `x` or `dy`.
    func backward(
        rows x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>,
        into dx: UnsafeMutableBufferPointer<Float>, rowLength: Int) throws(ActivationError)
    func backward(
        rows x: UnsafeBufferPointer<Double>, _ dy: UnsafeBufferPointer<Double>,
        into dx: UnsafeMutableBufferPointer<Double>, rowLength: Int) throws(ActivationError)
}

extension RowActivation {
    /// `n`: a row function maps a row to a row of the same length unless it says otherwise (GLU halves it, maxout
    /// divides it by its pieces).
    public func outputCount(forInputCount n: Int) throws(ActivationError) -> Int { n }
    /// `n`, the inverse of the default `outputCount(forInputCount:)`.
    public func inputCount(forOutputCount n: Int) -> Int { n }

    /// f(row), after checking the row's length.
    public func forward(_ row: [Double]) throws(ActivationError) -> [Double] {
        _ = try outputCount(forInputCount: row.count)
        return forwardRow(row)
    }

    /// f(row) in `Float` (the softmax family in `Float` lanes; the rest in `Double`, rounded once).
    public func forward(_ row: [Float]) throws(ActivationError) -> [Float] {
        var y = [Float](repeating: 0, count: try outputCount(forInputCount: row.count))
        try row.withUnsafeBufferPointer { (x) throws(ActivationError) in
            try y.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                try forward(rows: x, into: out, rowLength: row.count)
            }
        }
        return y
    }

    /// dx = J(x)ᵀ·dy, after checking both lengths.
    public func backward(_ row: [Double], _ dy: [Double]) throws(ActivationError) -> [Double] {
        let outputs = try outputCount(forInputCount: row.count)
        guard dy.count == outputs else {
            throw .mismatchedLengths(function: Self.info.id, expected: outputs, actual: dy.count, what: "dy")
        }
        return backwardRow(row, dy)
    }

    /// dx = J(x)ᵀ·dy in `Float` (as `forward`).
    public func backward(_ row: [Float], _ dy: [Float]) throws(ActivationError) -> [Float] {
        let outputs = try outputCount(forInputCount: row.count)
        guard dy.count == outputs else {
            throw .mismatchedLengths(function: Self.info.id, expected: outputs, actual: dy.count, what: "dy")
        }
        var dx = [Float](repeating: 0, count: row.count)
        try row.withUnsafeBufferPointer { (x) throws(ActivationError) in
            try dy.withUnsafeBufferPointer { (g) throws(ActivationError) in
                try dx.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                    try backward(rows: x, g, into: out, rowLength: row.count)
                }
            }
        }
        return dx
    }
}
