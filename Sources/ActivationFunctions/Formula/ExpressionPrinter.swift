/// Prints a tree the way a person writes it: `x·sigmoid(x)`, `1 - tanh(x)^2`, `(x > 0 ? 1 : 0.01)`.
/// Parentheses only where precedence needs them. The printed form parses back to the same values,
/// except a catalog derivative, which is printed `id′(…)`.
extension Expression: CustomStringConvertible {
    var description: String { printed }

    /// How tightly the printed form binds: conditional 0, + − 1, · / 2, unary minus 3, ^ 4, atoms 6.
    private var precedence: Int {
        switch self {
        case .constant(let c): c < 0 ? 3 : 6
        case .x, .parameter, .catalog, .catalogDerivative: 6
        case .unary(.negate, _): 3
        case .unary: 6
        case .binary(let op, _, _): op.precedence
        case .conditional: 0
        }
    }

    private var printed: String {
        switch self {
        case .constant(let c): return c == .pi ? "pi" : c.shortDescription
        case .x: return "x"
        case .parameter(let name): return name
        case .unary(.negate, let a): return "-" + a.wrapped(above: 3, orEqual: false)
        case .unary(let f, let a): return "\(f.rawValue)(\(a.printed))"
        case .catalog(let id, let a): return "\(id)(\(a.printed))"
        case .catalogDerivative(let id, let a): return "\(id)′(\(a.printed))"
        case .binary(.min, let a, let b), .binary(.max, let a, let b):
            return "\(self.operatorName)(\(a.printed), \(b.printed))"
        case .binary(let op, let a, let b):
            let p = op.precedence
            let left = a.wrapped(above: p, orEqual: op == .power)
            let right = b.wrapped(above: p, orEqual: op != .add && op != .multiply && op != .power, negativeToo: true)
            let spaced = op == .add || op == .subtract
            return spaced ? "\(left) \(op.rawValue) \(right)" : "\(left)\(op.rawValue)\(right)"
        case .conditional(let c, let a, let b, let t, let e):
            return "\(a.printed) \(c.rawValue) \(b.printed) ? \(t.printed) : \(e.printed)"
        }
    }

    private var operatorName: String {
        if case .binary(let op, _, _) = self { return op.rawValue }
        return ""
    }

    /// The printed form, in parentheses when it binds less tightly than `level` (or equally, if
    /// `orEqual`), or when it starts with a minus sign and `negativeToo`.
    private func wrapped(above level: Int, orEqual: Bool, negativeToo: Bool = false) -> String {
        let p = precedence
        let needs = p < level || (orEqual && p == level) || (negativeToo && p == 3)
        return needs ? "(\(printed))" : printed
    }
}
