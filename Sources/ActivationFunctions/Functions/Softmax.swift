/// The softmax family runs `RowKernel` (Core/RowKernels.swift) through `SoftmaxFamily`: shifted by
/// the row maximum, following PyTorch, JAX and SciPy: a row with any NaN or +∞, or with every entry
/// −∞, is all NaN; −∞ entries give exactly 0 (−∞ for log-softmax); an empty row stays empty.

/// Σ values with Neumaier's compensated summation: error about 2ε, independent of the length.
func compensatedSum(_ values: [Double]) -> Double {
    var total = CompensatedSum()
    for v in values { total.add(v) }
    return total.value
}

/// Softmax: turns a row of scores into probabilities, for choosing one class out of several.
public struct Softmax: SoftmaxFamily {
    /// Catalog metadata for `softmax` (Bridle 1990): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "softmax", name: "Softmax", family: .vector,
        formula: "yᵢ = e^{xᵢ}/Σⱼ e^{xⱼ}", derivative: "∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ)",
        range: "(0, 1), Σ = 1", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "Bridle 1990")
    /// Creates Softmax; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    static let negated = false, logarithmic = false
}

/// Softmin: softmax of −x, so the smallest score gets the largest probability.
public struct Softmin: SoftmaxFamily {
    /// Catalog metadata for `softmin` (PyTorch Softmin): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "softmin", name: "Softmin", family: .vector,
        formula: "yᵢ = e^{−xᵢ}/Σⱼ e^{−xⱼ}", derivative: "∂yᵢ/∂xⱼ = −yᵢ(δᵢⱼ − yⱼ)",
        range: "(0, 1), Σ = 1", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "PyTorch Softmin")
    /// Creates Softmin; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    static let negated = true, logarithmic = false
}

/// Log-softmax: xᵢ − ln Σⱼ e^{xⱼ}, computed directly (never as ln of softmax, which gives −∞).
public struct LogSoftmax: SoftmaxFamily {
    /// Catalog metadata for `log-softmax` (PyTorch LogSoftmax): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "log-softmax", name: "Log-softmax", aliases: ["logsoftmax"], family: .vector,
        formula: "yᵢ = xᵢ − ln Σⱼ e^{xⱼ}", derivative: "∂yᵢ/∂xⱼ = δᵢⱼ − softmax(x)ⱼ",
        range: "(−∞, 0]", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "PyTorch LogSoftmax")
    /// Creates LogSoftmax; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}
    static let negated = false, logarithmic = true
}
