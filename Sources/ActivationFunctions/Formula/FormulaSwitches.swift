/// Where a formula may switch branch: each comparison a ? : (a − b), abs and sign (their argument),
/// min and max (a − b), and each catalog function's kinks (its argument minus the kink). The signs
/// of these at x are the formula's branch signature; f can have a kink only where it changes.
struct FormulaSwitches {
    private let programs: [FormulaProgram]

    init(_ bound: Expression) {
        programs = Self.collect(bound).map(FormulaProgram.init)
    }

    var isEmpty: Bool { programs.isEmpty }

    /// The sign of every switch expression at x (NaN counts as its own sign).
    func signature(_ x: Double) -> [Int] {
        programs.map { p in
            let v = p.run(x)
            return v.isNaN ? 2 : v > 0 ? 1 : v < 0 ? -1 : 0
        }
    }

    /// Whether the branch signature changes within ±`radius` of x.
    func switches(near x: Double, radius: Double) -> Bool {
        let centre = signature(x)
        return signature(x - radius) != centre || signature(x + radius) != centre
    }

    private static func collect(_ e: Expression) -> [Expression] {
        var found: [Expression] = []
        var seen: Set<Expression> = []
        func add(_ s: Expression) { if s.dependsOnX, seen.insert(s).inserted { found.append(s) } }
        func walk(_ e: Expression) {
            switch e {
            case .constant, .x, .parameter: return
            case .unary(let f, let a):
                if f == .abs || f == .sign { add(a) }
                walk(a)
            case .catalog(let id, let a), .catalogDerivative(let id, let a):
                let info = FormulaProgram.function(id).info
                for kink in info.kinks { add(a - .constant(kink.location(in: info.defaultParameters))) }
                walk(a)
            case .binary(let op, let a, let b):
                if op == .min || op == .max { add(a - b) }
                walk(a)
                walk(b)
            case .conditional(_, let a, let b, let t, let o):
                add(a - b)
                [a, b, t, o].forEach(walk)
            }
        }
        walk(e)
        return found
    }
}
