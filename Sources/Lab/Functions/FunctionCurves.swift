import ActivationFunctions

/// Samples of a catalog function over an interval, ready to become chart series.
struct FunctionCurves {
    let xs: [Double]

    /// `count` evenly spaced points from `domain.lower` to `domain.upper`, ends included.
    init(domain: PlotDomain, count: Int = 401) {
        let n = max(count, 2)
        let step = (domain.upper - domain.lower) / Double(n - 1)
        xs = (0..<n).map { $0 == n - 1 ? domain.upper : domain.lower + Double($0) * step }
    }

    func values(_ f: any ElementwiseActivation) -> [Double] { xs.map { f($0) } }

    func derivatives(_ f: any ElementwiseActivation) -> [Double] { xs.map { f.derivative(at: $0) } }

    /// The samples with the line broken at each of `jumps`: a NaN sample is placed inside the interval
    /// that holds a jump, and on both sides of a sample that falls exactly on one (so that a lone value
    /// such as sign(0) = 0 is not joined to either side). A chart then draws no vertical connector.
    func broken(_ ys: [Double], at jumps: [Double]) -> (xs: [Double], ys: [Double]) {
        guard !jumps.isEmpty else { return (xs, ys) }
        var outX: [Double] = []
        var outY: [Double] = []
        for (index, x) in xs.enumerated() {
            if jumps.contains(x), index > 0 { outX.append(x); outY.append(.nan) }
            outX.append(x)
            outY.append(ys[index])
            let next = index + 1 < xs.count ? xs[index + 1] : x
            if jumps.contains(where: { $0 == x || (x < $0 && $0 < next) }), index + 1 < xs.count {
                outX.append(x)
                outY.append(.nan)
            }
        }
        return (outX, outY)
    }
}

/// The example row a row function is shown along: its own (`ExampleRowActivation`: maxout's pieces,
/// BReLU's unit pair), or [x] followed by a small tail.
public struct ExampleRow: Sendable {
    /// Tails tried in order; the first the function accepts is used (softmax takes [x, 0, 1];
    /// GLU, which needs an even length, takes [x, 1]: value x, gate 1).
    static let tails: [[Double]] = [[0, 1], [1]]

    /// The row function the example feeds.
    public let function: any RowActivation
    let tail: [Double]

    /// The example for `function`, or nil if it accepts none of the tails and has no example of its own.
    public init?(_ function: any RowActivation) {
        self.function = function
        if function is any ExampleRowActivation {
            tail = []
        } else if let tail = Self.tails.first(where: { (try? function.forward([0] + $0)) != nil }) {
            self.tail = tail
        } else {
            return nil
        }
    }

    /// The row at x, and d(row)/dx.
    public func at(_ x: Double) -> (row: [Double], slope: [Double]) {
        if let own = function as? any ExampleRowActivation { return own.exampleRow(at: x) }
        return ([x] + tail, [1] + tail.map { _ in 0 })
    }

    /// "[x, 0, 1]", or the function's own pieces ("z1 = -1x, z2 = 1.5x − 0.5").
    public var description: String {
        if let own = function as? any ExampleRowActivation, !own.exampleInputLabels.isEmpty {
            return own.exampleInputLabels.joined(separator: ", ")
        }
        if function is any ExampleRowActivation { return "[x, x]" }
        return "[" + (["x"] + tail.map(\.shortDescription)).joined(separator: ", ") + "]"
    }

    /// The label of output i: the function's own, or yᵢ.
    public func outputLabel(_ i: Int) -> String {
        if let own = function as? any ExampleRowActivation, i < own.exampleOutputLabels.count {
            return own.exampleOutputLabels[i]
        }
        return "y" + Subscript.digits(i + 1)
    }

    /// The outputs at x.
    public func outputs(_ x: Double) -> [Double] { (try? function.forward(at(x).row)) ?? [] }

    /// dyᵢ/dx along the example: (J(row)ᵀ·eᵢ) · d(row)/dx.
    public func slope(ofOutput i: Int, outputCount: Int, at x: Double) -> Double {
        let (row, rowSlope) = at(x)
        var dy = Array(repeating: 0.0, count: outputCount)
        dy[i] = 1
        guard let column = try? function.backward(row, dy) else { return .nan }
        return zip(column, rowSlope).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// A row function seen along its example row as x varies.
struct VectorCurves {
    let example: ExampleRow
    let curves: FunctionCurves

    init?(_ function: any RowActivation, domain: PlotDomain) {
        guard let example = ExampleRow(function) else { return nil }
        self.example = example
        curves = FunctionCurves(domain: domain)
    }

    var rowDescription: String { example.description }

    /// The example's inputs as x varies, when the function names them (maxout's pieces).
    func inputs() -> [(label: String, ys: [Double])] {
        guard let own = example.function as? any ExampleRowActivation else { return [] }
        return own.exampleInputLabels.enumerated().map { i, label in (label, curves.xs.map { example.at($0).row[i] }) }
    }

    /// Output i as x varies: one array per output.
    func outputs() -> [[Double]] {
        let rows = curves.xs.map { example.outputs($0) }
        let count = rows.map(\.count).max() ?? 0
        return (0..<count).map { i in rows.map { i < $0.count ? $0[i] : .nan } }
    }

    /// dyᵢ/dx for each output i along the example row.
    func slopes(outputCount: Int) -> [[Double]] {
        (0..<outputCount).map { i in curves.xs.map { example.slope(ofOutput: i, outputCount: outputCount, at: $0) } }
    }

    /// Σᵢ yᵢ when it is 1 at every sample (a probability vector), else `nil`.
    static func unitSum(_ outputs: [[Double]]) -> [Double]? {
        guard outputs.count > 1, let first = outputs.first else { return nil }
        let sums = first.indices.map { j in outputs.reduce(0) { $0 + $1[j] } }
        return sums.allSatisfy { abs($0 - 1) < 1e-9 } ? sums : nil
    }
}

enum Subscript {
    /// 12 → "₁₂".
    static func digits(_ number: Int) -> String {
        let table: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { table[$0] } })
    }
}
