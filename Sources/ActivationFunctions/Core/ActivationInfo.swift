/// Everything about an activation that is not arithmetic: its names, formulas and properties.
///
/// Properties such as `monotonic` describe the function at its default parameters.
public struct ActivationInfo: Sendable, Encodable, Equatable {
    /// Kebab-case id: the CLI argument, the URL segment and the file name.
    public let id: String
    /// Display name, e.g. "Leaky ReLU" or "GELU (Gaussian error linear unit)".
    public let name: String
    /// Other accepted names (kebab-case), e.g. `swish` for `silu`; each resolves to this function.
    public let aliases: [String]
    /// The family the catalog, the gallery and the documentation group it under.
    public let family: Family
    /// f(x), in Unicode.
    public let formula: String
    /// f′(x), in Unicode.
    public let derivativeFormula: String
    /// The function's parameters, with defaults and valid ranges, in the order `parameterGradients` uses.
    public let parameters: [ParameterSpec]
    /// Relations between parameters that must hold, e.g. `lower ≤ upper`.
    public let constraints: [ParameterConstraint]
    /// The output range, e.g. `(0, 1)` or `[0, ∞)`.
    public let outputRange: String
    /// Non-decreasing; `nil` for functions of a whole row.
    public let monotonic: Bool?
    /// The derivative is monotone; `nil` for functions of a whole row.
    public let derivativeMonotonic: Bool?
    /// How many times f is continuously differentiable everywhere (C⁰ for a kink, C⁻¹ for a jump).
    public let smoothness: Smoothness
    /// Whether outputs are centred on zero.
    public let zeroCentred: ZeroCentring
    /// f(0) = 0 and f′(0) = 1; `nil` for functions of a whole row.
    public let approximatesIdentityNearZero: Bool?
    /// Points where f is not differentiable (kinks and jumps).
    public let kinks: [Kink]
    /// Where the function comes from: paper, year, or library.
    public let reference: String
    /// A domain that shows the function's character, for plots and tables.
    public let plotDomain: PlotDomain

    /// Creates an entry. `formula` and `derivative` are Unicode text; `range` is the output range in interval notation;
    /// `kinks` lists every point where f′ jumps; `plotDomain` defaults to [−6, 6].
    public init(
        id: String, name: String, aliases: [String] = [], family: Family,
        formula: String, derivative: String,
        parameters: [ParameterSpec] = [], constraints: [ParameterConstraint] = [],
        range: String, monotonic: Bool?, derivativeMonotonic: Bool?,
        smoothness: Smoothness, zeroCentred: ZeroCentring, identityNearZero: Bool?,
        kinks: [Kink] = [], reference: String, plotDomain: PlotDomain = PlotDomain(-6, 6)
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.family = family
        self.formula = formula
        self.derivativeFormula = derivative
        self.parameters = parameters
        self.constraints = constraints
        self.outputRange = range
        self.monotonic = monotonic
        self.derivativeMonotonic = derivativeMonotonic
        self.smoothness = smoothness
        self.zeroCentred = zeroCentred
        self.approximatesIdentityNearZero = identityNearZero
        self.kinks = kinks
        self.reference = reference
        self.plotDomain = plotDomain
    }
}

/// Groups for galleries and menus.
public enum Family: String, Sendable, Encodable, CaseIterable {
    /// Identity, steps and thresholds.
    case stepAndLinear = "step and linear"
    /// S-shaped: sigmoid, tanh, arctan, softsign, ISRU and their hard, scaled and log forms.
    case sigmoidLike = "sigmoid-like"
    /// ReLU and its variants: leaky, parametric, learned (SReLU, APL), exponential units and ISRLU.
    case rectifiers
    /// Smooth and mostly ReLU-like: softplus, squareplus, soft exponential, bent identity, LiSHT, eˣ.
    case smoothRectifiers = "smooth rectifiers"
    /// x times a gate in [0, 1]: GELU, SiLU, hard swish, Mish.
    case gated
    /// Functions that shrink small inputs towards 0.
    case shrink
    /// Non-monotone: |x|, bumps, sine, cosine, sinc.
    case periodicAndBumps = "periodic and bumps"
    /// Functions of a whole row (softmax, sparsemax, GLU, maxout, BReLU).
    case vector
    /// A formula typed by the user (`Formula`); no catalog entry has this family.
    case formula = "your own"
}

/// Order of continuity: C⁻¹ means the function itself jumps.
public enum Smoothness: String, Sendable, Encodable, CaseIterable {
    /// The function jumps (a step).
    case discontinuous = "C⁻¹"
    /// Continuous, with kinks where the derivative jumps.
    case continuous = "C⁰"
    /// Continuously differentiable once.
    case once = "C¹"
    /// Continuously differentiable twice.
    case twice = "C²"
    /// Smooth: derivatives of every order.
    case infinitely = "C∞"
}

/// Whether outputs are centred on zero: odd or symmetric (`yes`), f(0) = 0 with negative values but
/// asymmetric (`partly`), or non-negative / f(0) ≠ 0 (`no`).
public enum ZeroCentring: String, Sendable, Encodable, CaseIterable {
    /// Odd or symmetric about 0.
    case yes
    /// f(0) = 0 and negative values occur, but asymmetrically.
    case partly
    /// Non-negative, or f(0) ≠ 0.
    case no
}

/// A point where the derivative jumps: a constant, or a parameter (possibly negated).
public enum Kink: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// At a fixed x.
    case at(Double)
    /// At x equal to the named parameter.
    case parameter(String)
    /// At x equal to minus the named parameter.
    case negatedParameter(String)

    /// The kink's x for the given parameter values (a negated parameter gives −value).
    public func location(in parameters: ParameterValues) -> Double {
        switch self {
        case .at(let x): x
        case .parameter(let name): parameters[name]
        case .negatedParameter(let name): -parameters[name]
        }
    }

    /// `0`, `tl` or `-lambda`: the number, or the parameter's name with a minus sign when negated.
    public var description: String {
        switch self {
        case .at(let x): x.shortDescription
        case .parameter(let name): name
        case .negatedParameter(let name): "-" + name
        }
    }

    /// Encodes `description`, a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The x interval a plot of the function should show.
public struct PlotDomain: Sendable, Encodable, Equatable {
    /// Left end of the plot, in x.
    public let lower: Double
    /// Right end of the plot, in x.
    public let upper: Double
    /// The interval [lower, upper]; callers pass lower < upper.
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

extension Double {
    /// `2` rather than `2.0`; otherwise Swift's shortest round-tripping form.
    package var shortDescription: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return description
    }
}
