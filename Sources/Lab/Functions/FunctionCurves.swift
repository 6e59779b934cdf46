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
        var outX: [Double] = [], outY: [Double] = []
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

/// The example row a row function is shown along: [x] followed by a small tail.
public enum ExampleRow {
    /// Tails tried in order; the first the function accepts is used (softmax takes [x, 0, 1];
    /// GLU, which needs an even length, takes [x, 1]: value x, gate 1).
    static let tails: [[Double]] = [[0, 1], [1]]

    /// The tail `function` accepts, or nil if it accepts none.
    public static func tail(for function: any RowActivation) -> [Double]? {
        tails.first { (try? function.forward([0] + $0)) != nil }
    }
}

/// A row function seen along one input: the row is a small example vector whose first entry is x.
struct VectorCurves {
    let function: any RowActivation
    let tail: [Double]
    let curves: FunctionCurves

    init?(_ function: any RowActivation, domain: PlotDomain) {
        guard let tail = ExampleRow.tail(for: function) else { return nil }
        self.function = function
        self.tail = tail
        curves = FunctionCurves(domain: domain)
    }

    /// "[x, 0, 1]".
    var rowDescription: String { "[" + (["x"] + tail.map(\.shortDescription)).joined(separator: ", ") + "]" }

    /// Output i as x varies: one array per output.
    func outputs() -> [[Double]] {
        let rows = curves.xs.map { (try? function.forward([$0] + tail)) ?? [] }
        let count = rows.map(\.count).max() ?? 0
        return (0..<count).map { i in rows.map { i < $0.count ? $0[i] : .nan } }
    }

    /// ∂yᵢ/∂x for each output i (a column of the Jacobian, through `backward` with dy = eᵢ).
    func slopes(outputCount: Int) -> [[Double]] {
        (0..<outputCount).map { i in
            curves.xs.map { x in
                var dy = Array(repeating: 0.0, count: outputCount)
                dy[i] = 1
                return (try? function.backward([x] + tail, dy))?.first ?? .nan
            }
        }
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
