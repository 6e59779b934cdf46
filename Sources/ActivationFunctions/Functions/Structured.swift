/// Maxout: each output is the maximum of k consecutive inputs, so a layer of n maxout units computes
/// k·n weighted sums — k linear pieces per unit, of which the largest wins. Gradient flows only to the
/// winning piece (the first one on a tie).
public struct Maxout: ExampleRowActivation {
    /// Catalog metadata for `maxout` (Goodfellow et al. 2013): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "maxout", name: "Maxout (max of k linear pieces)", family: .vector,
        formula: "yⱼ = max(z_{jk+1}, …, z_{jk+k}),  k = pieces",
        derivative: "∂yⱼ/∂zᵢ = 1 for the winning piece (first on a tie), else 0",
        parameters: [
            ParameterSpec(
                "pieces", 2, ParameterRange(lower: 2, upper: 16), "linear pieces per unit",
                integer: true)
        ],
        range: "(−∞, ∞)", monotonic: nil, derivativeMonotonic: nil, smoothness: .continuous,
        zeroCentred: .partly, identityNearZero: nil, reference: "Goodfellow et al. 2013",
        plotDomain: PlotDomain(-3, 3))
    /// Linear pieces per unit, from the parameter `pieces` (default 2, valid 2 to 16, whole numbers).
    public let pieces: Int
    /// Reads `pieces` from `p`, which must hold every declared parameter (`ActivationInfo.validate(_:)` makes such
    /// values with ranges checked).
    public init(_ p: ParameterValues) { pieces = Int(p["pieces"]) }

    /// n / pieces. Throws `ActivationError.invalidRowLength` when `n` is not a multiple of `pieces`.
    public func outputCount(forInputCount n: Int) throws(ActivationError) -> Int {
        guard n.isMultiple(of: pieces) else {
            throw .invalidRowLength(
                function: Self.info.id, length: n,
                requirement: "maxout with \(pieces) pieces needs a multiple of \(pieces)")
        }
        return n / pieces
    }

    /// n·pieces: a maxout layer of n units computes that many sums.
    public func inputCount(forOutputCount n: Int) -> Int { n * pieces }

    /// The index of the winning piece of unit `j`; NaN wins, so that NaN in gives NaN out.
    func winner(_ row: [Double], unit j: Int) -> Int {
        var best = j * pieces
        for i in (j * pieces + 1)..<((j + 1) * pieces) where row[i] > row[best] || row[i].isNaN { best = i }
        return best
    }

    /// The winning piece of each unit; NaN wins, so NaN in gives NaN out.
    public func forwardRow(_ row: [Double]) -> [Double] {
        requireRowLengths(row.count)
        return (0..<(row.count / pieces)).map { row[winner(row, unit: $0)] }
    }

    /// dy routed to each unit's winning piece (the first on a tie); 0 for the other pieces.
    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        requireRowLengths(row.count, dy: dy.count)
        var dx = [Double](repeating: 0, count: row.count)
        for j in dy.indices { dx[winner(row, unit: j)] = dy[j] }
        return dx
    }

    /// Sample pieces zᵢ = wᵢ·x + bᵢ of one unit: slopes spread over [−1, 1.5], offsets alternating.
    public func exampleRow(at x: Double) -> (row: [Double], slope: [Double]) {
        let slopes = (0..<pieces).map { -1 + 2.5 * Double($0) / Double(pieces - 1) }
        let offsets = (0..<pieces).map { $0.isMultiple(of: 2) ? 0.0 : -0.5 }
        return (zip(slopes, offsets).map { $0 * x + $1 }, slopes)
    }

    /// "z1 = −x", "z2 = 1.5x − 0.5" and so on: the sample pieces `exampleRow(at:)` draws.
    public var exampleInputLabels: [String] {
        let row = exampleRow(at: 0)
        let slopes = exampleRow(at: 1).slope
        return (0..<pieces).map { "z\($0 + 1) = " + Self.term(slopes[$0]) + Self.offset(row.row[$0]) }
    }

    /// The one output, "max".
    public var exampleOutputLabels: [String] { ["max"] }

    static func term(_ w: Double) -> String {
        w == 1 ? "x" : w == -1 ? "−x" : w < 0 ? "−\((-w).shortDescription)x" : "\(w.shortDescription)x"
    }

    static func offset(_ b: Double) -> String {
        b == 0 ? "" : b < 0 ? " − \((-b).shortDescription)" : " + \(b.shortDescription)"
    }
}

/// BReLU (bipolar ReLU): unit i is ReLU(x) for even i and −ReLU(−x) for odd i, so a layer's outputs
/// are centred on zero although each unit is a rectifier. At 0 the slope is 0 for both kinds.
public struct BReLU: ExampleRowActivation {
    /// Catalog metadata for `brelu` (Eidnes & Nøkland 2018): names, formula, derivative, parameters, properties.
    public static let info = ActivationInfo(
        id: "brelu", name: "BReLU (bipolar ReLU)", family: .vector,
        formula: "yᵢ = max(0, xᵢ) for even i;  −max(0, −xᵢ) for odd i",
        derivative: "∂yᵢ/∂xᵢ = 1 if xᵢ > 0 (even i) or xᵢ < 0 (odd i), else 0",
        range: "(−∞, ∞)", monotonic: nil, derivativeMonotonic: nil, smoothness: .continuous,
        zeroCentred: .yes, identityNearZero: nil, kinks: [.at(0)], reference: "Eidnes & Nøkland 2018")
    /// Creates BReLU; it has no parameters, so `p` is not read.
    public init(_ p: ParameterValues) {}

    /// ReLU(x) at even indices and −ReLU(−x) at odd ones; NaN stays NaN.
    public func forwardRow(_ row: [Double]) -> [Double] {
        requireRowLengths(row.count)
        return row.indices.map { $0.isMultiple(of: 2) ? row[$0].positivePart : row[$0].negativePart }
    }

    /// dy where the unit passes (x > 0 at even indices, x < 0 at odd ones), else 0; NaN where x is NaN.
    public func backwardRow(_ row: [Double], _ dy: [Double]) -> [Double] {
        requireRowLengths(row.count, dy: dy.count)
        return row.indices.map { i in
            let passes = i.isMultiple(of: 2) ? row[i] > 0 : row[i] < 0
            return row[i].isNaN ? .nan : passes ? dy[i] : 0
        }
    }

    /// An even and an odd unit fed the same x.
    public func exampleRow(at x: Double) -> (row: [Double], slope: [Double]) { ([x, x], [1, 1]) }
    /// None: both units read x itself.
    public var exampleInputLabels: [String] { [] }
    /// "even unit" and "odd unit".
    public var exampleOutputLabels: [String] { ["even unit", "odd unit"] }
}
