/// Reads `f(x) = EXPR` or `f(x; a=1.5, b) = EXPR` into a tree, by recursive descent:
///
///     conditional := additive [ (< | <= | > | >=) additive ? conditional : conditional ]
///     additive    := term { (+ | -) term }
///     term        := unary { (* | / | · | ×) unary }
///     unary       := (- | +) unary | power
///     power       := primary [ ^ unary ]            (right-associative; -x^2 = -(x^2))
///     primary     := number | x | pi | parameter | name ( conditional [, conditional] ) | ( conditional )
///
/// The length and the nesting depth are checked before any work that grows with them.
struct FormulaParser {
    /// A parameter declared in the header, with its default if one was written.
    struct Declared: Equatable {
        let name: String
        let defaultValue: Double?
    }

    let text: String
    private var tokens: [FormulaToken] = []
    private var position = 0
    private var depth = 0
    private(set) var parameters: [Declared] = []

    init(_ text: String) { self.text = text }

    /// The parameters declared and the expression.
    mutating func parse() throws(FormulaError) -> ([Declared], Expression) {
        guard text.count <= Formula.maximumLength else {
            throw FormulaError(
                "the formula has \(text.count) characters; the limit is \(Formula.maximumLength)", column: nil, in: text
            )
        }
        var lexer = FormulaLexer(text)
        tokens = try lexer.tokens()
        try header()
        let expression = try conditional()
        guard case .end = current.kind else {
            throw error("unexpected \(describe(current)) after the end of the expression")
        }
        return (parameters, expression)
    }

    // MARK: header

    private mutating func header() throws(FormulaError) {
        guard case .name("f") = current.kind else {
            throw error("a formula starts with f(x) =, e.g. f(x) = x*sigmoid(x)")
        }
        advance()
        try expect("(")
        guard case .name("x") = current.kind else { throw error("the variable is x: write f(x) = …") }
        advance()
        if accept(";") {
            repeat { try declaration() } while accept(",")
        }
        try expect(")")
        try expect("=")
    }

    private mutating func declaration() throws(FormulaError) {
        guard case .name(let name) = current.kind else {
            throw error("expected a parameter name, e.g. f(x; a=1.5) = a*x")
        }
        let column = current.column
        guard name != "x", name != "pi", UnaryFunction.callable[name] == nil, name != "min", name != "max",
            Activations.named(name) == nil
        else {
            throw FormulaError(
                "'\(name)' is already a name in formulas; choose another parameter name", column: column, in: text)
        }
        guard !parameters.contains(where: { $0.name == name }) else {
            throw FormulaError("parameter '\(name)' is declared twice", column: column, in: text)
        }
        advance()
        var value: Double?
        if accept("=") {
            let negative = accept("-")
            guard case .number(let number) = current.kind else { throw error("expected a number after \(name)=") }
            value = negative ? -number : number
            advance()
        }
        parameters.append(Declared(name: name, defaultValue: value))
    }

    // MARK: expressions

    // Nesting is counted where the formula nests as its reader sees it (a parenthesis, a call, a sign,
    // a power, a piecewise branch), one level each: every recursion passes one of them, so the count
    // bounds it. (Counted per parser function, 32 parentheses were called "deeper than 64 levels".)

    private mutating func conditional() throws(FormulaError) -> Expression {
        let lhs = try additive()
        guard case .symbol(let symbol) = current.kind, let comparison = Comparison(rawValue: symbol) else { return lhs }
        advance()
        let rhs = try additive()
        guard accept("?") else { throw error("a comparison is the start of a piecewise form: x > 0 ? x : 0.01*x") }
        try nested()
        defer { depth -= 1 }
        let then = try conditional()
        try expect(":")
        let otherwise = try conditional()
        return .conditional(comparison, lhs, rhs, then, otherwise)
    }

    private mutating func additive() throws(FormulaError) -> Expression {
        var result = try term()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            advance()
            result = .binary(s == "+" ? .add : .subtract, result, try term())
        }
        return result
    }

    private mutating func term() throws(FormulaError) -> Expression {
        var result = try unary()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            advance()
            result = .binary(s == "*" ? .multiply : .divide, result, try unary())
        }
        return result
    }

    private mutating func unary() throws(FormulaError) -> Expression {
        let negate = accept("-")
        if negate || accept("+") {
            try nested()
            defer { depth -= 1 }
            let operand = try unary()
            return negate ? .unary(.negate, operand) : operand
        }
        let base = try primary()
        guard accept("^") else { return base }
        try nested()
        defer { depth -= 1 }
        return .binary(.power, base, try unary())
    }

    private mutating func primary() throws(FormulaError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .constant(value)
        case .name(let name):
            advance()
            if case .symbol("(") = current.kind { return try call(name, column: token.column) }
            return try variable(name, column: token.column)
        case .symbol("("):
            advance()
            try nested()
            defer { depth -= 1 }
            let inner = try conditional()
            try expect(")")
            return inner
        default:
            throw error("expected a number, x, a name or '(' but found \(describe(token))")
        }
    }

    private func variable(_ name: String, column: Int) throws(FormulaError) -> Expression {
        if name == "x" { return .x }
        if name == "pi" || name == "π" { return .constant(.pi) }
        if parameters.contains(where: { $0.name == name }) { return .parameter(name) }
        if UnaryFunction.callable[name] != nil || FormulaNames.catalogID(name) != nil || name == "min" || name == "max"
        {
            throw FormulaError("\(name) is a function: write \(name)(…)", column: column, in: text)
        }
        throw FormulaNames.unknown(name, column: column, in: text, parameters: parameters.map(\.name))
    }

    private mutating func call(_ name: String, column: Int) throws(FormulaError) -> Expression {
        advance()  // (
        try nested()
        defer { depth -= 1 }
        let first = try conditional()
        let second: Expression? = accept(",") ? try conditional() : nil
        try expect(")")
        if name == "min" || name == "max" {
            guard let second else {
                throw FormulaError("\(name) takes two arguments: \(name)(a, b)", column: column, in: text)
            }
            return .binary(name == "min" ? .min : .max, first, second)
        }
        guard second == nil else { throw FormulaError("\(name) takes one argument", column: column, in: text) }
        if let function = UnaryFunction.callable[name] { return .unary(function, first) }
        if let id = try FormulaNames.catalogID(name, column: column, in: text) { return .catalog(id, first) }
        throw FormulaNames.unknown(name, column: column, in: text, parameters: parameters.map(\.name))
    }

    // MARK: tokens

    private var current: FormulaToken { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private mutating func accept(_ symbol: String) -> Bool {
        guard case .symbol(symbol) = current.kind else { return false }
        advance()
        return true
    }

    private mutating func expect(_ symbol: String) throws(FormulaError) {
        guard accept(symbol) else { throw error("expected '\(symbol)' but found \(describe(current))") }
    }

    private mutating func nested() throws(FormulaError) {
        depth += 1
        guard depth <= Formula.maximumDepth else {
            throw error("the formula is nested deeper than \(Formula.maximumDepth) levels")
        }
    }

    private func error(_ message: String) -> FormulaError { FormulaError(message, column: current.column, in: text) }

    private func describe(_ token: FormulaToken) -> String {
        switch token.kind {
        case .number(let value): "the number \(value.shortDescription)"
        case .name(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end of the formula"
        }
    }
}
