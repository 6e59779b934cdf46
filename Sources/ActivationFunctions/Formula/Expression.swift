/// A formula's expression tree in x. Catalog functions are held by id (at their default parameters)
/// so that the tree is a plain value: comparable, hashable, printable.
indirect enum Expression: Hashable, Sendable {
    case constant(Double)
    case x
    /// A named parameter of the formula (`f(x; a=1.5) = …`); bound to its value before evaluation.
    case parameter(String)
    case unary(UnaryFunction, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// A catalog function of one argument, by id.
    case catalog(String, Expression)
    /// The catalog function's own derivative, by id.
    case catalogDerivative(String, Expression)
    /// `lhs op rhs ? then : otherwise`.
    case conditional(Comparison, Expression, Expression, Expression, Expression)

    /// The number of nodes.
    var size: Int {
        switch self {
        case .constant, .x, .parameter: 1
        case .unary(_, let a), .catalog(_, let a), .catalogDerivative(_, let a): 1 + a.size
        case .binary(_, let a, let b): 1 + a.size + b.size
        case .conditional(_, let a, let b, let c, let d): 1 + a.size + b.size + c.size + d.size
        }
    }

    /// Whether x occurs in the tree.
    var dependsOnX: Bool {
        switch self {
        case .x: true
        case .constant, .parameter: false
        case .unary(_, let a), .catalog(_, let a), .catalogDerivative(_, let a): a.dependsOnX
        case .binary(_, let a, let b): a.dependsOnX || b.dependsOnX
        case .conditional(_, let a, let b, let c, let d): a.dependsOnX || b.dependsOnX || c.dependsOnX || d.dependsOnX
        }
    }

    /// The tree with every parameter replaced by its value.
    func binding(_ values: [String: Double]) -> Expression {
        switch self {
        case .parameter(let name): .constant(values[name] ?? .nan)
        case .constant, .x: self
        case .unary(let f, let a): .unary(f, a.binding(values))
        case .catalog(let id, let a): .catalog(id, a.binding(values))
        case .catalogDerivative(let id, let a): .catalogDerivative(id, a.binding(values))
        case .binary(let op, let a, let b): .binary(op, a.binding(values), b.binding(values))
        case .conditional(let c, let a, let b, let t, let e):
            .conditional(c, a.binding(values), b.binding(values), t.binding(values), e.binding(values))
        }
    }
}

/// The functions of one argument a formula may call (besides catalog ids).
enum UnaryFunction: String, Hashable, Sendable, CaseIterable {
    case negate
    case exp, log, log1p, expm1, sqrt, abs, sign, sin, cos, tan, tanh, atan, asinh, erf, erfc

    /// The names a formula can call (all but `negate`, which is written `-`).
    static let callable: [String: UnaryFunction] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .negate }.map { ($0.rawValue, $0) })
}

enum BinaryOperator: String, Hashable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "·"
    case divide = "/"
    case power = "^"
    case min, max

    /// Binding strength for printing and parsing: + − 1, · / 2, ^ 4 (unary minus is 3).
    var precedence: Int {
        switch self {
        case .add, .subtract: 1
        case .multiply, .divide: 2
        case .power: 4
        case .min, .max: 5
        }
    }
}

enum Comparison: String, Hashable, Sendable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
