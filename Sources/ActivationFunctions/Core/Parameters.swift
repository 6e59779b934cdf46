/// One named parameter of an activation, with its default and the values it may take.
public struct ParameterSpec: Sendable, Encodable, Equatable {
    /// The name used on the command line (`--param slope=0.2`), in formulas and in model files.
    public let name: String
    /// The value used when none is given.
    public let defaultValue: Double
    /// The values `ActivationInfo.validate(_:)` accepts.
    public let range: ParameterRange
    /// What the parameter does, in a few words, for `activations show` and the documentation.
    public let summary: String
    /// Whether only whole numbers are valid (maxout's number of pieces).
    public let isInteger: Bool

    /// Declares a parameter: its name, default, valid range and summary; `integer` when only whole numbers are valid.
    public init(
        _ name: String, _ defaultValue: Double, _ range: ParameterRange, _ summary: String, integer: Bool = false
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
        self.summary = summary
        self.isInteger = integer
    }
}

/// An interval of finite numbers, each end open or closed (an infinite end is always open).
public struct ParameterRange: Sendable, Encodable, Equatable, CustomStringConvertible {
    /// The lower end; −∞ when unbounded below.
    public let lower: Double
    /// The upper end; +∞ when unbounded above.
    public let upper: Double
    /// Whether `lower` itself is valid (never for −∞).
    public let lowerIncluded: Bool
    /// Whether `upper` itself is valid (never for +∞).
    public let upperIncluded: Bool

    /// An interval from `lower` to `upper`, closed at each finite end unless told otherwise; an infinite end is always
    /// open.
    public init(lower: Double, upper: Double, lowerIncluded: Bool = true, upperIncluded: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.lowerIncluded = lowerIncluded && lower.isFinite
        self.upperIncluded = upperIncluded && upper.isFinite
    }

    /// Any finite number.
    public static let real = ParameterRange(lower: -.infinity, upper: .infinity)
    /// x > 0.
    public static let positive = ParameterRange(lower: 0, upper: .infinity, lowerIncluded: false)
    /// x ≥ 0.
    public static let nonNegative = ParameterRange(lower: 0, upper: .infinity)
    /// 0 ≤ x ≤ 1.
    public static let unitInterval = ParameterRange(lower: 0, upper: 1)

    /// JSON: infinite ends are `null`, and the interval notation rides along.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower.isFinite ? lower : nil, forKey: .lower)
        try container.encode(upper.isFinite ? upper : nil, forKey: .upper)
        try container.encode(lowerIncluded, forKey: .lowerIncluded)
        try container.encode(upperIncluded, forKey: .upperIncluded)
        try container.encode(description, forKey: .notation)
    }

    private enum CodingKeys: String, CodingKey { case lower, upper, lowerIncluded, upperIncluded, notation }

    /// Whether `value` is finite and inside the interval (NaN and ±∞ never are).
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        let aboveLower = lowerIncluded ? value >= lower : value > lower
        let belowUpper = upperIncluded ? value <= upper : value < upper
        return aboveLower && belowUpper
    }

    /// Interval notation, e.g. `(0, ∞)` or `[0, 1]`.
    public var description: String {
        let open = lowerIncluded ? "[" : "("
        let close = upperIncluded ? "]" : ")"
        return "\(open)\(Self.bound(lower)), \(Self.bound(upper))\(close)"
    }

    private static func bound(_ x: Double) -> String {
        x == .infinity ? "∞" : x == -.infinity ? "-∞" : x.shortDescription
    }
}

/// A relation two parameters must satisfy.
public struct ParameterConstraint: Sendable, Encodable, Equatable, CustomStringConvertible {
    /// The parameter that must be the smaller.
    public let smaller: String
    /// The parameter that must be the larger.
    public let larger: String
    /// Whether equality is allowed.
    public let orEqual: Bool

    /// `smaller < larger`, strictly.
    public init(_ smaller: String, lessThan larger: String) {
        (self.smaller, self.larger, self.orEqual) = (smaller, larger, false)
    }

    /// `smaller ≤ larger`.
    public init(_ smaller: String, atMost larger: String) {
        (self.smaller, self.larger, self.orEqual) = (smaller, larger, true)
    }

    /// Whether the relation holds for `values` (both parameters must be declared).
    public func holds(in values: ParameterValues) -> Bool {
        orEqual ? values[smaller] <= values[larger] : values[smaller] < values[larger]
    }

    /// `lower ≤ upper` or `min < max`: the relation as an error message shows it.
    public var description: String { "\(smaller) \(orEqual ? "≤" : "<") \(larger)" }
}

/// Validated parameter values: every parameter of the function, defaults filled in.
public struct ParameterValues: Sendable, Equatable {
    /// Every declared parameter's value, by name.
    public let values: [String: Double]

    /// The value of the parameter `name`. Asking for a name the function does not declare is a programming error and
    /// stops the program (a precondition).
    public subscript(name: String) -> Double {
        guard let value = values[name] else {
            preconditionFailure("parameter '\(name)' is not declared in the activation's info")
        }
        return value
    }
}

extension ParameterValues {
    /// Values taken as they are, for parameters that are learned and may leave their initial range
    /// (a network's PReLU slopes or SReLU joints). Every declared parameter must be present.
    public init(unvalidated values: [String: Double]) { self.init(values: values) }
}

extension ActivationInfo {
    /// The defaults of every parameter.
    public var defaultParameters: ParameterValues {
        ParameterValues(values: Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) }))
    }

    /// Checks `overrides` against the declared parameters, their ranges and constraints.
    public func validate(_ overrides: [String: Double]) throws(ActivationError) -> ParameterValues {
        var values = defaultParameters.values
        for name in overrides.keys.sorted() {
            guard let spec = parameters.first(where: { $0.name == name }) else {
                throw .unknownParameter(function: id, name: name, known: parameters)
            }
            let value = overrides[name]!
            guard spec.range.contains(value), !spec.isInteger || value == value.rounded() else {
                throw .parameterOutOfRange(function: id, parameter: spec, value: value)
            }
            values[name] = value
        }
        let validated = ParameterValues(values: values)
        if let broken = constraints.first(where: { !$0.holds(in: validated) }) {
            throw .constraintViolated(function: id, constraint: broken, values: validated)
        }
        return validated
    }
}
