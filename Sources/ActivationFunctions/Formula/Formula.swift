/// Your own activation function, from a formula: `f(x) = x*tanh(softplus(x))`, or with parameters,
/// `f(x; a=1.5) = x*sigmoid(a*x)`. It is an `ElementwiseActivation` like any catalog function, so
/// it works wherever one does: batch kernels, layers, plots, model files (which store its text and
/// parameter values). `Activations.make(_:parameters:)` builds one when the name is a formula.
///
/// The derivative is symbolic (chain rule, then simplified), and is checked against central finite
/// differences when the formula is built; a mismatch is an error, as it would be a bug. Values are
/// the formula as written, evaluated with the catalog's SIMD primitives block by block
/// (`FormulaBlocks`). Its properties are measured on [−10, 10] (`FormulaProperties`).
///
/// Grammar: numbers, x, pi, parameters, `+ - * / ^` (also `·` `×`), unary minus, parentheses;
/// exp log log1p expm1 sqrt abs sign sin cos tan tanh atan asinh erf erfc, min(a, b), max(a, b);
/// every elementwise catalog id as a function of one argument at its default parameters; and the
/// piecewise form `a < b ? then : otherwise` with `< <= > >=`. At most `maximumLength` characters
/// nested at most `maximumDepth` deep.
public struct Formula: ElementwiseActivation {
    /// The longest formula accepted, in characters.
    public static let maximumLength = 500
    /// The deepest nesting of parentheses and calls accepted.
    public static let maximumDepth = 64
    /// The most nodes a formula's derivative may have before it is refused as too large.
    public static let maximumDerivativeSize = 20_000

    /// The type's placeholder entry; a formula's own metadata is its instance `info`.
    public static let info = FormulaProperties.placeholder

    /// The formula as written (its text is also its id).
    public let text: String
    /// The value of every parameter.
    public let parameterValues: [String: Double]
    /// The formula's own metadata: its text as id, name and formula, the symbolic derivative, its parameters, and
    /// properties measured on [−10, 10].
    public let info: ActivationInfo
    /// Measured problems on [−10, 10], e.g. "f is NaN at 12 of 2001 sample points, first at x = -10".
    public let warnings: [String]
    let expression: Expression
    let derivativeExpression: Expression
    let valueProgram: FormulaProgram
    let derivativeProgram: FormulaProgram

    /// `f(x) = x`: a formula needs its text; see `init(parsing:parameters:)`.
    public init(_ p: ParameterValues) {
        do { try self.init(parsing: "f(x) = x") } catch { preconditionFailure("the identity formula parses") }
    }

    /// Parses, differentiates, checks and measures `text`; `parameters` override the defaults
    /// written in the formula and give values to parameters declared without one.
    public init(parsing text: String, parameters: [String: Double] = [:]) throws(FormulaError) {
        var parser = FormulaParser(text)
        let (declared, expression) = try parser.parse()
        let values = try Self.values(declared, parameters, text: text)
        let derivative = expression.derivative(parameters: values).simplified()
        guard derivative.size <= Self.maximumDerivativeSize else {
            throw FormulaError(
                "the derivative has \(derivative.size) terms; the limit is \(Self.maximumDerivativeSize)",
                column: nil, in: text)
        }
        self.text = text
        parameterValues = values
        self.expression = expression
        derivativeExpression = derivative
        valueProgram = FormulaProgram(expression.binding(values))
        derivativeProgram = FormulaProgram(derivative.binding(values))
        let switches = FormulaSwitches(expression.binding(values))
        try FormulaCheck(value: valueProgram, derivative: derivativeProgram, switches: switches).verify(text)
        let measured = FormulaProperties(value: valueProgram, derivative: derivativeProgram, switches: switches)
        warnings = measured.warnings
        info = measured.info(
            id: text, formula: expression.description, derivative: derivative.description,
            parameters: declared.map { ParameterSpec($0.name, values[$0.name]!, .real, "a parameter of the formula") })
    }

    /// Whether `name` is written as a formula (`f(x) = …`) rather than a catalog id.
    public static func isFormula(_ name: String) -> Bool {
        let trimmed = name.drop { $0.isWhitespace }
        guard trimmed.first == "f" else { return false }
        return trimmed.dropFirst().drop { $0.isWhitespace }.first == "("
    }

    private static func values(_ declared: [FormulaParser.Declared], _ given: [String: Double], text: String)
        throws(FormulaError) -> [String: Double]
    {
        if let unknown = given.keys.sorted().first(where: { name in !declared.contains { $0.name == name } }) {
            let known =
                declared.isEmpty ? "it declares none" : "it declares " + declared.map(\.name).joined(separator: ", ")
            throw FormulaError(
                "the formula has no parameter '\(unknown)'; \(known) (f(x; a=1) = …)", column: nil, in: text)
        }
        var values: [String: Double] = [:]
        for parameter in declared {
            guard let value = given[parameter.name] ?? parameter.defaultValue else {
                throw FormulaError(
                    "parameter '\(parameter.name)' has no value: write a default, f(x; \(parameter.name)=1) = …, "
                        + "or give --param \(parameter.name)=VALUE", column: nil, in: text)
            }
            guard value.isFinite else {
                throw FormulaError(
                    "parameter '\(parameter.name)' must be a finite number, got \(value)", column: nil, in: text)
            }
            values[parameter.name] = value
        }
        return values
    }

    /// f(x): the formula's compiled program, run in every lane of `x`.
    public func value<L: ElementaryLanes>(_ x: L) -> L { valueProgram.run(x) }
    /// f′(x): the compiled program of the simplified symbolic derivative, run in every lane of `x`.
    public func derivative<L: ElementaryLanes>(_ x: L) -> L { derivativeProgram.run(x) }
}
