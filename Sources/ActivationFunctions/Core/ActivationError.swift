/// What went wrong when looking up, configuring or applying an activation, in words a person can act on.
public enum ActivationError: Error, Equatable, CustomStringConvertible {
    /// No function has this id or alias; `suggestions` are the nearest names by edit distance.
    case unknownFunction(String, suggestions: [String])
    /// A function of a whole row (softmax and its family) asked for where each number is taken on its own.
    case notElementwise(String)
    /// The function has no parameter `name`; `known` lists the ones it has.
    case unknownParameter(function: String, name: String, known: [ParameterSpec])
    /// `value` is outside the parameter's valid range (or not finite).
    case parameterOutOfRange(function: String, parameter: ParameterSpec, value: Double)
    /// The values break a relation between two parameters, e.g. `min < max`.
    case constraintViolated(function: String, constraint: ParameterConstraint, values: ParameterValues)
    /// A row function cannot take a row of `length`; `requirement` says what it needs.
    case invalidRowLength(function: String, length: Int, requirement: String)
    /// Two buffers that must match in length do not; `what` names them.
    case mismatchedLengths(function: String, expected: Int, actual: Int, what: String)
    /// A formula (`f(x) = …`) that does not parse or cannot be built, with its column.
    case formula(FormulaError)

    /// Whether the error is in how the function was asked for (its name or parameters) rather than
    /// in the data it was given.
    public var isUsageError: Bool {
        switch self {
        case .unknownFunction, .notElementwise, .unknownParameter, .parameterOutOfRange, .constraintViolated, .formula:
            true
        case .invalidRowLength, .mismatchedLengths: false
        }
    }

    /// A sentence a person can act on: what was wrong, where, and what would be valid.
    public var description: String {
        switch self {
        case .unknownFunction(let id, let suggestions):
            var hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.joined(separator: ", "))?"
            // `g(x) = x`, `y = x`: meant as a formula, which is written with f and x.
            if id.contains("=") { hint += " A formula is written f(x) = …, e.g. f(x) = x*sigmoid(x)." }
            return "unknown activation '\(NumberText.excerpt(id))'.\(hint) (`activations list` shows them all)"
        case .notElementwise(let id):
            return "\(id) is a vector function (each output depends on the whole row); here each number is"
                + " taken on its own, so it needs an elementwise one (`activations list` shows the vector ones under VECTOR)"
        case .unknownParameter(let function, let name, let known):
            guard !known.isEmpty else { return "\(function) takes no parameters (got '\(NumberText.excerpt(name))')" }
            let list = known.map { "\($0.name) in \($0.range)" }.joined(separator: ", ")
            return "\(function) has no parameter '\(NumberText.excerpt(name))'; its parameters are: \(list)"
        case .parameterOutOfRange(let function, let spec, let value):
            let problem = spec.isInteger ? "must be a whole number in" : "is outside its valid range"
            return "\(function): \(spec.name)=\(value) \(problem) \(spec.range)"
                + " (\(spec.summary); default \(spec.defaultValue.shortDescription))"
        case .constraintViolated(let function, let constraint, let values):
            let a = values[constraint.smaller].shortDescription
            let b = values[constraint.larger].shortDescription
            return "\(function): parameters must satisfy \(constraint)"
                + " (got \(constraint.smaller)=\(a), \(constraint.larger)=\(b))"
        case .invalidRowLength(let function, let length, let requirement):
            return "\(function): a row of length \(length) is not valid; \(requirement)"
        case .mismatchedLengths(let function, let expected, let actual, let what):
            return "\(function): \(what) has \(actual) elements, expected \(expected)"
        case .formula(let error):
            return error.description
        }
    }
}
