/// A formula's properties, measured on [−10, 10] at 2001 points and labelled as measured: the range,
/// whether f and f′ are monotonic, zero-centring, ≈ identity near 0, kinks (where the branch signature
/// changes and f′ jumps, located by bisection), and NaN or ±∞ anywhere, as warnings.
struct FormulaProperties {
    static let domain = (lower: -10.0, upper: 10.0)
    static let count = 2001
    static let placeholder = ActivationInfo(
        id: "formula", name: "Your own formula", family: .formula, formula: "f(x) = …", derivative: "symbolic",
        range: "measured", monotonic: nil, derivativeMonotonic: nil, smoothness: .continuous, zeroCentred: .partly,
        identityNearZero: nil, reference: "your formula")

    let value: FormulaProgram
    let derivative: FormulaProgram
    let switches: FormulaSwitches
    let xs: [Double]
    let ys: [Double]
    let slopes: [Double]

    init(value: FormulaProgram, derivative: FormulaProgram, switches: FormulaSwitches) {
        (self.value, self.derivative, self.switches) = (value, derivative, switches)
        let (a, b, n) = (Self.domain.lower, Self.domain.upper, Self.count)
        xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
        ys = xs.map { value.run($0) }
        slopes = xs.map { derivative.run($0) }
    }

    var warnings: [String] {
        [("f", ys), ("f′", slopes)].flatMap { name, samples in
            [("NaN", { (v: Double) in v.isNaN }), ("±∞", { (v: Double) in v.isInfinite })].compactMap { what, test in
                let bad = samples.indices.filter { test(samples[$0]) }
                guard let first = bad.first else { return nil }
                return
                    "\(name) is \(what) at \(bad.count) of \(Self.count) sample points on [−10, 10], first at x = \(xs[first].shortDescription)"
            }
        }
    }

    func info(id: String, formula: String, derivative: String, parameters: [ParameterSpec]) -> ActivationInfo {
        let kinks = self.kinks()
        let jumps = kinks.contains {
            abs(value.run($0 - 1e-9) - value.run($0 + 1e-9)) > 1e-6 * (1 + abs(value.run($0)))
        }
        // A comparison that takes one branch over all of [−10, 10] (`x > 20 ? x + 100 : x`) leaves
        // that branch alone there, smooth as any formula without one.
        let smoothness: Smoothness =
            jumps || hasInteriorPole ? .discontinuous : !kinks.isEmpty ? .continuous : switchesInRange ? .once : .infinitely
        return ActivationInfo(
            id: id, name: "f(x) = " + formula, family: .formula, formula: formula, derivative: derivative,
            parameters: parameters,
            range: range, monotonic: Self.monotone(ys, increasing: true),
            derivativeMonotonic: Self.monotone(slopes, increasing: true) || Self.monotone(slopes, increasing: false),
            smoothness: smoothness, zeroCentred: zeroCentring, identityNearZero: identityNearZero,
            kinks: kinks.map { .at($0) }, reference: "your formula; properties measured on [−10, 10]")
    }

    /// Whether f has a pole inside [−10, 10]: a run of samples where it is ±∞, finite on both sides and
    /// at most `poleWidth` wide (1/x and log|x| at 0 on one sample, exp(1/x²) on 7, 1/x²⁰⁰ on 5): f is not
    /// continuous there, however smooth elsewhere. A wider run is an interval where f overflows
    /// (exp(800 − x²) for |x| < 9.5), and a run of NaN one where f is undefined (sqrt(x² − 1) on
    /// (−1, 1), x/x at 0); f is measured where it is a number, as for a run that reaches an end (exp(100·x)
    /// from x ≈ 7.1 on, sqrt(x) left of 0). A pole so steep that it overflows wider than that (1/x⁴⁰⁰,
    /// over 0.34) is taken for such an interval: the samples cannot tell them apart.
    var hasInteriorPole: Bool {
        guard let first = ys.firstIndex(where: \.isFinite), let last = ys.lastIndex(where: \.isFinite) else { return false }
        var run = 0
        var infinite = false
        for y in ys[first...last] {
            if !y.isFinite {
                run += 1
                infinite = infinite || y.isInfinite
            } else {
                if infinite, run <= Self.poleWidth { return true }
                (run, infinite) = (0, false)
            }
        }
        return false
    }

    /// The most samples in a row (0.01 apart: 0.1 in x) that a pole makes infinite.
    static let poleWidth = 10

    /// "[−0.278, 10] measured on [−10, 10]"; an end is ∞ where a sample is (log(x) at 0: "[−∞, 2.3026]"),
    /// and NaN samples are left out ("where f is a number": undefined there, or ∞/∞ of an overflow).
    var range: String {
        let defined = ys.filter { !$0.isNaN }
        guard defined.contains(where: \.isFinite), let low = defined.min(), let high = defined.max() else {
            return "no finite value on [−10, 10] (measured)"
        }
        let definedOnly = defined.count < ys.count ? " where f is a number" : ""
        return "[\(Self.rounded(low)), \(Self.rounded(high))] measured on [−10, 10]\(definedOnly)"
    }

    static func rounded(_ v: Double) -> String {
        guard v.isFinite else { return v < 0 ? "−∞" : "∞" }
        let text = (v * 1e4).rounded() / 1e4
        return text.shortDescription
    }

    /// Non-decreasing (or non-increasing) within rounding, over the finite samples.
    static func monotone(_ samples: [Double], increasing: Bool) -> Bool {
        let finite = samples.filter(\.isFinite)
        let scale = finite.map(abs).max() ?? 0
        return zip(finite, finite.dropFirst()).allSatisfy { a, b in
            (increasing ? b - a : a - b) >= -1e-12 * (1 + scale)
        }
    }

    var zeroCentring: ZeroCentring {
        let f0 = value.run(0.0)
        guard abs(f0) <= 1e-9 else { return .no }
        let odd = xs.indices.allSatisfy { i in
            let (a, b) = (ys[i], ys[xs.count - 1 - i])
            // Both undefined (or infinite) is symmetric; one alone is not (`x < 0 ? 0/0 : x`).
            if !a.isFinite || !b.isFinite { return a.isNaN == b.isNaN && (a.isNaN || a == -b) }
            return abs(a + b) <= 1e-9 * (1 + abs(a))
        }
        return odd ? .yes : ys.contains { $0 < 0 } ? .partly : .no
    }

    var identityNearZero: Bool { abs(value.run(0.0)) <= 1e-6 && abs(derivative.run(0.0) - 1) <= 1e-3 }

    /// Whether some comparison (or abs, sign, min, max) changes branch between two samples.
    var switchesInRange: Bool {
        guard !switches.isEmpty else { return false }
        let first = switches.signature(xs[0])
        return xs.dropFirst().contains { switches.signature($0) != first }
    }

    /// Points where the branch signature changes between samples and f′ (or f) jumps there, or f
    /// (or f′) is NaN on one side only: where the formula stops being defined.
    func kinks() -> [Double] {
        guard !switches.isEmpty else { return [] }
        var found: [Double] = []
        var previous = switches.signature(xs[0])
        for x in xs.dropFirst() {
            let current = switches.signature(x)
            defer { previous = current }
            guard current != previous else { continue }
            let point = locate(x - (xs[1] - xs[0]), x)
            if let last = found.last, abs(last - point) < 1e-6 { continue }  // a sample exactly on the switch
            let (left, right) = (derivative.run(point - 1e-7), derivative.run(point + 1e-7))
            let (fl, fr) = (value.run(point - 1e-9), value.run(point + 1e-9))
            let oneSidedNaN = left.isNaN != right.isNaN || fl.isNaN != fr.isNaN
            if oneSidedNaN || abs(left - right) > 1e-4 * (1 + abs(left)) || abs(fl - fr) > 1e-6 * (1 + abs(fl)) {
                found.append((point * 1e9).rounded() / 1e9)
            }
            if found.count == 16 { break }
        }
        return found
    }

    /// The switch point between a and b (their signatures differ), by bisection.
    private func locate(_ a: Double, _ b: Double) -> Double {
        var (low, high) = (a, b)
        let start = switches.signature(a)
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if switches.signature(mid) == start { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
