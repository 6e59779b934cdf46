/// The derivative of a tree with respect to x, by the chain rule. Catalog functions use their own
/// derivative (`catalogDerivative`); at a switch point of a piecewise part (a comparison, abs, sign,
/// min, max) the derivative is that of the branch taken there, as the catalog's convention.
///
/// A part that does not depend on x has derivative 0 where it is finite, and NaN where it is not
/// (`x < 0 ? 0/0 : x` is undefined left of 0, and so is its slope; the quotient rule, simplified,
/// made it 0 there). `parameters` are the values the part is evaluated with.
extension Expression {
    func derivative(parameters: [String: Double] = [:]) -> Expression {
        switch self {
        case .x: return .constant(1)
        case _ where !dependsOnX:
            return .constant(FormulaProgram(binding(parameters)).run(0.0).isFinite ? 0 : .nan)
        case .unary(let f, let u): return Self.chain(f, u) * u.derivative(parameters: parameters)
        case .catalog(let id, let u): return .catalogDerivative(id, u) * u.derivative(parameters: parameters)
        case .catalogDerivative, .constant, .parameter:
            return .constant(.nan)  // never reached: the first two never hold x, the third is never built
        case .binary(let op, let u, let v): return Self.derivative(op, u, v, parameters)
        case .conditional(let c, let a, let b, let t, let e):
            return .conditional(c, a, b, t.derivative(parameters: parameters), e.derivative(parameters: parameters))
        }
    }

    /// d f(u)/du.
    private static func chain(_ f: UnaryFunction, _ u: Expression) -> Expression {
        let twoOverRootPi = Expression.constant(2 / Double.pi.squareRoot())
        switch f {
        case .negate: return .constant(-1)
        case .exp, .expm1: return .unary(.exp, u)
        // Undefined where the logarithm is: 1/u alone gave log(x) the slope of log|x| left of 0.
        case .log: return .conditional(.less, u, .constant(0), .constant(.nan), .constant(1) / u)
        case .log1p:
            return .conditional(.less, u, .constant(-1), .constant(.nan), .constant(1) / (.constant(1) + u))
        case .sqrt: return .constant(1) / (.constant(2) * .unary(.sqrt, u))
        case .abs: return .unary(.sign, u)
        case .sign: return .constant(0)
        case .sin: return .unary(.cos, u)
        case .cos: return .unary(.negate, .unary(.sin, u))
        case .tan: return .constant(1) + .binary(.power, .unary(.tan, u), .constant(2))
        case .tanh: return .constant(1) - .binary(.power, .unary(.tanh, u), .constant(2))
        case .atan: return .constant(1) / (.constant(1) + .binary(.power, u, .constant(2)))
        case .asinh: return .constant(1) / .unary(.sqrt, .binary(.power, u, .constant(2)) + .constant(1))
        case .erf: return twoOverRootPi * .unary(.exp, .unary(.negate, .binary(.power, u, .constant(2))))
        case .erfc:
            return .unary(.negate, twoOverRootPi * .unary(.exp, .unary(.negate, .binary(.power, u, .constant(2)))))
        }
    }

    private static func derivative(
        _ op: BinaryOperator, _ u: Expression, _ v: Expression, _ parameters: [String: Double]
    ) -> Expression {
        let (du, dv) = (u.derivative(parameters: parameters), v.derivative(parameters: parameters))
        switch op {
        case .add: return du + dv
        case .subtract: return du - dv
        case .multiply: return du * v + u * dv
        case .divide: return (du * v - u * dv) / .binary(.power, v, .constant(2))
        // The branch the value takes (`LaneOperations.apply`: min(a, b) is b only where b < a, max(a, b)
        // b only where b > a), so a tie and a NaN operand pick the same side for f and f′: with u ≥ v,
        // max(log(x), x) at −1 was f = NaN beside f′ = 1.
        case .min: return .conditional(.less, v, u, dv, du)
        case .max: return .conditional(.greater, v, u, dv, du)
        case .power where !v.dependsOnX:  // v·u^(v−1)·u′
            return v * .binary(.power, u, v - .constant(1)) * du
        case .power:  // u^v·(v′·ln u + v·u′/u)
            return .binary(.power, u, v) * (dv * .unary(.log, u) + v * du / u)
        }
    }

    static func + (a: Expression, b: Expression) -> Expression { .binary(.add, a, b) }
    static func - (a: Expression, b: Expression) -> Expression { .binary(.subtract, a, b) }
    static func * (a: Expression, b: Expression) -> Expression { .binary(.multiply, a, b) }
    static func / (a: Expression, b: Expression) -> Expression { .binary(.divide, a, b) }
}
