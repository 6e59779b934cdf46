/// A tree compiled to straight-line code: instruction i writes register i. Shared subtrees are
/// computed once. Parameters are bound to their values before compiling, and a power whose exponent
/// does not depend on x is compiled by the exponent's value (`power(_:exponent:_:)`).
struct FormulaProgram: Sendable {
    enum Instruction: Sendable {
        case input
        case constant(Double)
        case unary(UnaryFunction, Int)
        case binary(BinaryOperator, Int, Int)
        case wholePower(Int, Int)
        case catalog(any ElementwiseActivation, Int, derivative: Bool)
        case select(Comparison, Int, Int, Int, Int)
    }

    private(set) var instructions: [Instruction] = []
    private var registers: [Expression: Int] = [:]

    /// Compiles `expression` (its parameters already bound).
    init(_ expression: Expression) {
        _ = register(expression)
        registers = [:]
    }

    private mutating func register(_ e: Expression) -> Int {
        if let known = registers[e] { return known }
        let instruction: Instruction
        switch e {
        case .x: instruction = .input
        case .constant(let c): instruction = .constant(c)
        case .parameter: instruction = .constant(.nan)  // bound before compiling
        case .unary(let f, let a): instruction = .unary(f, register(a))
        case .binary(.power, let a, let b) where !b.dependsOnX:
            instruction = power(a, exponent: FormulaProgram(b).run(0.0), b)
        case .binary(let op, let a, let b): instruction = .binary(op, register(a), register(b))
        case .catalog(let id, let a): instruction = .catalog(Self.function(id), register(a), derivative: false)
        case .catalogDerivative(let id, let a): instruction = .catalog(Self.function(id), register(a), derivative: true)
        case .conditional(let c, let a, let b, let t, let o):
            instruction = .select(c, register(a), register(b), register(t), register(o))
        }
        instructions.append(instruction)
        registers[e] = instructions.count - 1
        return instructions.count - 1
    }

    /// uⁿ with an exponent known when compiling: whole (|n| ≤ 4) by repeated squaring, ½ as a square
    /// root, any other through C's `pow` (`LaneOperations.power`). Squaring's roundings compound: up to
    /// 1.9 ulp at n = 4, but 4.9 at n = 8 and 48 at n = 64 (20 000 points in [½, 2] against exact
    /// rational powers), where `pow` is within an ulp.
    private mutating func power(_ u: Expression, exponent n: Double, _ b: Expression) -> Instruction {
        if n == n.rounded(), abs(n) <= 4 { return .wholePower(register(u), Int(n)) }
        if n == 0.5 { return .unary(.sqrt, register(u)) }
        return .binary(.power, register(u), register(b))
    }

    /// The catalog function with this id at its defaults (the parser admits only elementwise ids).
    static func function(_ id: String) -> any ElementwiseActivation {
        guard let f = try? Activations.elementwise(id) else { preconditionFailure("'\(id)' was checked when parsed") }
        return f
    }

    /// The program's value at x, one lane set at a time (the scalar path; `FormulaBlocks` runs the
    /// same operations over blocks).
    func run<L: ElementaryLanes>(_ x: L) -> L {
        var r: [L] = []
        r.reserveCapacity(instructions.count)
        for instruction in instructions {
            switch instruction {
            case .input: r.append(x)
            case .constant(let c): r.append(L(c))
            case .unary(let f, let a): r.append(LaneOperations.apply(f, r[a]))
            case .binary(let op, let a, let b): r.append(LaneOperations.apply(op, r[a], r[b]))
            case .wholePower(let a, let n): r.append(LaneOperations.power(r[a], whole: n))
            case .catalog(let f, let a, let derivative): r.append(Self.catalog(f, r[a], derivative: derivative))
            case .select(let c, let a, let b, let t, let o):
                r.append(select(LaneOperations.compare(c, r[a], r[b]), r[t], r[o]))
            }
        }
        return r[r.count - 1]
    }

    /// A catalog function at one lane set, as its batch kernel computes it (`Float` per `floatLanes`).
    static func catalog<L: ElementaryLanes>(_ f: any ElementwiseActivation, _ x: L, derivative: Bool) -> L {
        if let v = x as? Float { return (derivative ? f.derivative(at: v) : f(v)) as! L }
        if let v = x as? Double { return (derivative ? f.derivative(at: v) : f(v)) as! L }
        return derivative ? f.evaluateDerivative(x) : f.evaluate(x)
    }
}
