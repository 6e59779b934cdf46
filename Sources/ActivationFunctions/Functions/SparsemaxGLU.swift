/// Sparsemax: the Euclidean projection of the row onto the probability simplex. Unlike softmax it
/// gives exact zeros: sparsemax([1, 0.5, −1]) = [0.75, 0.25, 0]. Special rows follow softmax.
public struct Sparsemax: RowActivation {
    /// Catalog metadata for `sparsemax` (Martins & Astudillo 2016): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "sparsemax", name: "Sparsemax", family: .vector,
        formula: "yᵢ = max(xᵢ − τ(x), 0), τ such that Σ y = 1",
        derivative: "on the support S: I − 𝟙𝟙ᵀ/|S|;  0 elsewhere",
        range: "[0, 1], Σ = 1", monotonic: nil, derivativeMonotonic: nil, smoothness: .continuous,
        zeroCentred: .no, identityNearZero: nil, reference: "Martins & Astudillo 2016")
    /// Creates Sparsemax; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// sparsemax(row): max(xᵢ − τ, 0) with τ chosen so the outputs sum to 1; all NaN when the row holds NaN or +∞, or
    /// is empty or all −∞.
    public func forwardRow(_ row: [Double]) -> [Double] {
        requireRowLengths(row.count)
        guard let maximum = row.max(), !row.contains(where: { $0.isNaN || $0 == .infinity }),
            maximum > -.infinity
        else { return row.map { _ in .nan } }
        let z = row.map { $0 - maximum }
        let tau = threshold(z.sorted(by: >))
        return z.map { ($0 - tau).positivePart }
    }

    /// τ = (Σ_{j≤k} z₍ⱼ₎ − 1)/k for the largest k with 1 + k·z₍ₖ₎ > Σ_{j≤k} z₍ⱼ₎ (z sorted descending).
    func threshold(_ sorted: [Double]) -> Double {
        var cumulative = 0.0
        var supportSum = 0.0
        var supportSize = 0
        for (index, value) in sorted.enumerated() {
            cumulative += value
            let k = Double(index + 1)
            if 1 + k * value > cumulative { (supportSum, supportSize) = (cumulative, index + 1) }
        }
        return (supportSum - 1) / Double(supportSize)
    }

    /// J(row)ᵀ·dy: on the support, dy minus its mean over the support; 0 elsewhere; NaN where the forward is NaN.
    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        requireRowLengths(row.count, dy: dy.count)
        let y = forwardRow(row)
        guard !y.contains(where: \.isNaN) else { return y }
        let support = y.indices.filter { y[$0] > 0 }
        let mean = compensatedSum(support.map { dy[$0] }) / Double(support.count)
        return y.indices.map { y[$0] > 0 ? dy[$0] - mean : 0 }
    }
}

/// GLU: splits the row into halves [a; b] and gates one by the other, a ⊙ σ(b).
public struct GLU: RowActivation {
    /// Catalog metadata for `glu` (Dauphin et al. 2017): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "glu", name: "GLU (gated linear unit)", family: .vector,
        formula: "a ⊙ σ(b),  [a; b] = the row split in halves", derivative: "∂/∂a = σ(b);  ∂/∂b = a·σ(b)(1 − σ(b))",
        range: "(−∞, ∞)", monotonic: nil, derivativeMonotonic: nil, smoothness: .infinitely,
        zeroCentred: .partly, identityNearZero: nil, reference: "Dauphin et al. 2017")
    /// Creates GLU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// n/2. Throws `ActivationError.invalidRowLength` when `n` is odd.
    public func outputCount(forInputCount n: Int) throws(ActivationError) -> Int {
        guard n.isMultiple(of: 2) else {
            throw .invalidRowLength(function: Self.info.id, length: n, requirement: "glu needs an even length")
        }
        return n / 2
    }

    /// 2n: a GLU layer of n units computes 2n sums.
    public func inputCount(forOutputCount n: Int) -> Int { 2 * n }

    /// a ⊙ σ(b), the first half of the row gated by the second.
    public func forwardRow(_ row: [Double]) -> [Double] {
        requireRowLengths(row.count)
        let half = row.count / 2
        return (0..<half).map { row[$0] * sigmoid(row[half + $0]) }
    }

    /// [dy ⊙ σ(b); dy ⊙ a ⊙ σ(b)(1 − σ(b))]: the gradient for the first half, then for the second.
    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        requireRowLengths(row.count, dy: dy.count)
        let half = row.count / 2
        let gates = (0..<half).map { sigmoidPair(row[half + $0]) }
        let da = (0..<half).map { dy[$0] * gates[$0].positive }
        let db = (0..<half).map { dy[$0] * row[$0] * gates[$0].positive * gates[$0].negative }
        return da + db
    }
}
