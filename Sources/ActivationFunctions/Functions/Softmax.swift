import RealModule

/// A row shifted by its maximum and exponentiated: the common core of softmax and log-softmax.
///
/// Follows PyTorch, JAX and SciPy: a row with any NaN or +∞, or with every entry −∞, is `nil`
/// (its outputs are all NaN); −∞ entries give exactly 0. The difference x − max is carried exactly
/// (two-sum) so tiny probabilities keep their digits, and the sum excludes the 1 contributed by the
/// maximum so that log-softmax can use ln(1 + rest) without cancellation.
struct ShiftedExponentials {
    /// x − max, high part.
    let shifted: [Double]
    /// x − max, low part (0 for −∞ entries).
    let shiftedLow: [Double]
    /// e^{x − max}.
    let exponentials: [Double]
    /// Σ e^{x − max} − 1, summed with Neumaier's compensation.
    let rest: Double

    init?(_ row: [Double]) {
        guard let maximum = row.max(), !row.contains(where: { $0.isNaN || $0 == .infinity }),
            maximum > -.infinity
        else { return nil }
        var shifted = [Double](), low = [Double](), exponentials = [Double]()
        for x in row {
            let difference = DoubleDouble.sum(x, -maximum)
            let lo = x == -.infinity ? 0 : difference.lo
            let e = Double.exp(difference.hi)
            shifted.append(difference.hi)
            low.append(lo)
            exponentials.append(e.addingProduct(e, lo))
        }
        let top = row.firstIndex(of: maximum)!
        var others = exponentials
        others.remove(at: top)
        (self.shifted, self.shiftedLow, self.exponentials) = (shifted, low, exponentials)
        rest = compensatedSum(others)
    }

    var probabilities: [Double] { exponentials.map { $0 / (1 + rest) } }

    var logProbabilities: [Double] {
        let logSum = Double.log(onePlus: rest)
        return zip(shifted, shiftedLow).map { ($0 - logSum) + $1 }
    }
}

/// Σ values with Neumaier's compensated summation: error about 2ε, independent of the length.
func compensatedSum(_ values: [Double]) -> Double {
    var sum = 0.0, compensation = 0.0
    for v in values {
        let t = sum + v
        compensation += abs(sum) >= abs(v) ? (sum - t) + v : (v - t) + sum
        sum = t
    }
    return sum + compensation
}

/// Softmax: turns a row of scores into probabilities, for choosing one class out of several.
public struct Softmax: RowActivation {
    public static let info = ActivationInfo(
        id: "softmax", name: "Softmax", family: .vector,
        formula: "yᵢ = e^{xᵢ}/Σⱼ e^{xⱼ}", derivative: "∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ)",
        range: "(0, 1), Σ = 1", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "Bridle 1990")
    public init(_ p: ParameterValues) {}

    public func forwardRow(_ row: [Double]) -> [Double] {
        ShiftedExponentials(row)?.probabilities ?? row.map { _ in .nan }
    }

    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        let y = forwardRow(row)
        let dot = compensatedSum(zip(y, dy).map(*))
        return zip(y, dy).map { $0 * ($1 - dot) }
    }
}

/// Softmin: softmax of −x, so the smallest score gets the largest probability.
public struct Softmin: RowActivation {
    public static let info = ActivationInfo(
        id: "softmin", name: "Softmin", family: .vector,
        formula: "yᵢ = e^{−xᵢ}/Σⱼ e^{−xⱼ}", derivative: "∂yᵢ/∂xⱼ = −yᵢ(δᵢⱼ − yⱼ)",
        range: "(0, 1), Σ = 1", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "PyTorch Softmin")
    public init(_ p: ParameterValues) {}

    public func forwardRow(_ row: [Double]) -> [Double] { Softmax().forwardRow(row.map { -$0 }) }

    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        Softmax().backwardRow(row.map { -$0 }, dy).map { -$0 }
    }
}

/// Log-softmax: xᵢ − ln Σⱼ e^{xⱼ}, computed directly (never as ln of softmax, which gives −∞).
public struct LogSoftmax: RowActivation {
    public static let info = ActivationInfo(
        id: "log-softmax", name: "Log-softmax", aliases: ["logsoftmax"], family: .vector,
        formula: "yᵢ = xᵢ − ln Σⱼ e^{xⱼ}", derivative: "∂yᵢ/∂xⱼ = δᵢⱼ − softmax(x)ⱼ",
        range: "(−∞, 0]", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .no, identityNearZero: nil, reference: "PyTorch LogSoftmax")
    public init(_ p: ParameterValues) {}

    public func forwardRow(_ row: [Double]) -> [Double] {
        ShiftedExponentials(row)?.logProbabilities ?? row.map { _ in .nan }
    }

    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        let p = Softmax().forwardRow(row)
        let total = compensatedSum(dy)
        return zip(p, dy).map { $1 - $0 * total }
    }
}
