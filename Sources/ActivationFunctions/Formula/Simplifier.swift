/// One bottom-up pass of cheap rewrites, so that a derivative reads like one written by hand:
/// constants folded, 0 and 1 dropped, signs pulled out, c₁·(c₂·u) = (c₁c₂)·u, a·u + b·u = (a + b)·u
/// and u·u = u^2. Each rewrite keeps the value for finite operands (0·u = 0 assumes u finite).
extension Expression {
    func simplified() -> Expression {
        switch self {
        case .constant, .x, .parameter: return self
        case .unary(let f, let a): return Self.simplify(f, a.simplified())
        case .catalog(let id, let a): return .catalog(id, a.simplified())
        case .catalogDerivative(let id, let a): return .catalogDerivative(id, a.simplified())
        case .binary(let op, let a, let b): return Self.simplify(op, a.simplified(), b.simplified())
        case .conditional(let c, let a, let b, let t, let e):
            let (then, otherwise) = (t.simplified(), e.simplified())
            return then == otherwise ? then : .conditional(c, a.simplified(), b.simplified(), then, otherwise)
        }
    }

    private var constantValue: Double? {
        if case .constant(let c) = self { return c }
        return nil
    }

    private static func simplify(_ f: UnaryFunction, _ a: Expression) -> Expression {
        guard f == .negate else { return .unary(f, a) }
        switch a {
        case .constant(let c): return .constant(-c)
        case .unary(.negate, let inner): return inner
        default: return .unary(.negate, a)
        }
    }

    private static func simplify(_ op: BinaryOperator, _ a: Expression, _ b: Expression) -> Expression {
        if let x = a.constantValue, let y = b.constantValue, let folded = fold(op, x, y) { return .constant(folded) }
        switch op {
        case .add: return sum(a, b)
        case .subtract: return difference(a, b)
        case .multiply: return product(a, b)
        case .divide:
            if b.constantValue == 1 { return a }
            if a.constantValue == 0 { return a }
            return .binary(.divide, a, b)
        case .power:
            if b.constantValue == 1 { return a }
            if b.constantValue == 0 { return .constant(1) }
            return .binary(.power, a, b)
        case .min, .max: return .binary(op, a, b)
        }
    }

    /// x op y when it is exact enough to print: + − · /, and whole powers.
    private static func fold(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double? {
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide: result = x / y
        case .power where y == y.rounded() && abs(y) <= 16:
            result = (0..<Int(abs(y))).reduce(1.0) { p, _ in p * x }
            return y < 0 ? 1 / result : result
        case .power, .min, .max: return nil
        }
        return result.isFinite ? result : nil
    }

    private static func sum(_ a: Expression, _ b: Expression) -> Expression {
        if a.constantValue == 0 { return b }
        if b.constantValue == 0 { return a }
        if case .unary(.negate, let inner) = b { return difference(a, inner) }
        if case .constant(let c) = b, c < 0 { return .binary(.subtract, a, .constant(-c)) }
        if a == b { return product(.constant(2), a) }
        if let (p, u) = a.coefficient, let (q, v) = b.coefficient, u == v { return product(.constant(p + q), u) }
        return .binary(.add, a, b)
    }

    private static func difference(_ a: Expression, _ b: Expression) -> Expression {
        if b.constantValue == 0 { return a }
        if a.constantValue == 0 { return simplify(.negate, b) }
        if a == b { return .constant(0) }
        if case .unary(.negate, let inner) = b { return sum(a, inner) }
        if let (p, u) = a.coefficient, let (q, v) = b.coefficient, u == v { return product(.constant(p - q), u) }
        return .binary(.subtract, a, b)
    }

    private static func product(_ a: Expression, _ b: Expression) -> Expression {
        if a.constantValue == 0 || b.constantValue == 0 { return .constant(0) }
        if a.constantValue == 1 { return b }
        if b.constantValue == 1 { return a }
        if a.constantValue == -1 { return simplify(.negate, b) }
        if b.constantValue == -1 { return simplify(.negate, a) }
        if b.constantValue != nil, a.constantValue == nil { return product(b, a) }  // constants first
        if case .unary(.negate, let u) = a { return simplify(.negate, product(u, b)) }
        if case .unary(.negate, let v) = b { return simplify(.negate, product(a, v)) }
        if let c = a.constantValue, case .binary(.multiply, .constant(let d), let u) = b {
            return product(.constant(c * d), u)
        }
        if a == b { return .binary(.power, a, .constant(2)) }
        return .binary(.multiply, a, b)
    }

    /// (c, u) when the tree is c·u with a constant c, or (1, self).
    private var coefficient: (Double, Expression)? {
        if case .binary(.multiply, .constant(let c), let u) = self { return (c, u) }
        if constantValue != nil { return nil }
        return (1, self)
    }
}
