/// The catalog: every activation, in one list. Every surface (CLI, plots, docs, tests) reads it;
/// adding a function is one struct and one line here.
public enum Activations {
    /// Every catalog function's type, grouped by family in the order `activations list` shows them. Each type carries
    /// its own `info`; `named(_:)` and `make(_:parameters:)` find one by id or alias.
    public static let all: [any ActivationDefinition.Type] = [
        // step and linear
        Identity.self, Step.self, Sign.self, Threshold.self,
        // rectifiers
        ReLU.self, ReLU6.self, SquaredReLU.self, LeakyReLU.self, PReLU.self, RReLU.self,
        SReLU.self, PLU.self, APL.self,
        ELU.self, CELU.self, SELU.self, ISRLU.self,
        // gated
        GELU.self, GELUTanh.self, QuickGELU.self, SiLU.self, HardSwish.self, Mish.self,
        // smooth rectifiers
        Softplus.self, Squareplus.self, SparsePlus.self, SoftExponential.self, BentIdentity.self,
        LiSHT.self, LogCosh.self, Exponential.self,
        // sigmoid-like
        Sigmoid.self, LogSigmoid.self, HardSigmoid.self, SparseSigmoid.self, SymmetricSigmoid.self,
        LogLog.self, Tanh.self, LeCunTanh.self, HardTanh.self, SoftClipping.self, ArcTan.self,
        ArSinH.self, Softsign.self, ISRU.self, SQNL.self,
        // shrink
        TanhShrink.self, SoftShrink.self, HardShrink.self,
        // periodic and bumps
        Absolute.self, Gaussian.self, SQRBF.self, Sinusoid.self, Cosine.self, Sinc.self,
        // along a row
        Softmax.self, Softmin.self, LogSoftmax.self, Sparsemax.self, GLU.self, Maxout.self, BReLU.self,
    ]

    /// Every id and alias, mapped to its definition.
    static let byName: [String: any ActivationDefinition.Type] = {
        var table: [String: any ActivationDefinition.Type] = [:]
        for definition in all {
            for name in [definition.info.id] + definition.info.aliases {
                precondition(table[name] == nil, "activation name '\(name)' is used twice")
                table[name] = definition
            }
        }
        return table
    }()

    /// The definition with this id or alias (case-insensitive), if any.
    public static func named(_ name: String) -> (any ActivationDefinition.Type)? {
        byName[name.lowercased()]
    }

    /// Whether some id or alias starts with `prefix` (a formula's lexer reads `leaky-relu` as one name).
    static func hasNamePrefix(_ prefix: String) -> Bool { byName.keys.contains { $0.hasPrefix(prefix.lowercased()) } }

    /// The definition with this id or alias, or an error naming the closest ids.
    public static func definition(_ name: String) throws(ActivationError) -> any ActivationDefinition.Type {
        guard let definition = named(name) else {
            throw .unknownFunction(name, suggestions: suggestions(for: name))
        }
        return definition
    }

    /// Builds the function `name` with `parameters` (others keep their defaults), checking them.
    /// `name` may be a formula, `f(x) = x*sigmoid(x)` (see `Formula`); its parameters are then the
    /// formula's own.
    public static func make(_ name: String, parameters: [String: Double] = [:]) throws(ActivationError)
        -> AnyActivation
    {
        if Formula.isFormula(name) { return .elementwise(try formula(name, parameters: parameters)) }
        let definition = try definition(name)
        let values = try definition.info.validate(parameters)
        let built = definition.init(values)
        if !values.fitFloat, let f = built as? any ElementwiseActivation { return .elementwise(f.inDoubleLanesForFloat()) }
        return AnyActivation(built)
    }

    /// Builds an elementwise function; a row function such as softmax is refused as one
    /// (`ActivationError.notElementwise`).
    public static func elementwise(_ name: String, parameters: [String: Double] = [:]) throws(ActivationError)
        -> any ElementwiseActivation
    {
        let built = try make(name, parameters: parameters)
        if case .elementwise(let f) = built { return f }
        throw .notElementwise(built.info.id)
    }

    /// The formula `text` built with `parameters`, its errors as `ActivationError.formula`.
    public static func formula(_ text: String, parameters: [String: Double] = [:]) throws(ActivationError) -> Formula {
        do { return try Formula(parsing: text, parameters: parameters) } catch { throw .formula(error) }
    }

    /// The ids of the functions applied to each number on its own.
    public static var elementwiseIDs: [String] {
        all.compactMap { $0 as? any ElementwiseActivation.Type }.map { $0.info.id }
    }

    /// The three ids closest to `name` by edit distance (and any id that contains it).
    public static func suggestions(for name: String) -> [String] {
        closest(to: name, among: Array(byName.keys))
            .map { named($0)!.info.id }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The (at most three) `candidates` closest to `name` by edit distance, within `limit` edits
    /// (by default about half its length); for the catalog's ids, and for other closed sets of names
    /// (the playground's keys, with a tighter limit).
    package static func closest(to name: String, among candidates: [String], limit: Int? = nil) -> [String] {
        // Beyond twice the longest candidate's length no candidate is within the limit below (the
        // distance is at least the difference of the lengths, over half the query's): the answer is
        // the same, without an edit distance of a long name (a 75 000-character id took 1.2 s).
        guard name.count <= 2 * (candidates.map(\.count).max() ?? 0) else { return [] }
        let query = name.lowercased()
        let ranked = candidates.map { candidate in
            (candidate, candidate.contains(query) && !query.isEmpty ? 0 : editDistance(query, candidate))
        }
        let sorted = ranked.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let limit = limit ?? max(2, query.count / 2)
        return sorted.prefix(3).filter { $0.1 <= limit }.map(\.0)
    }
}

/// A catalog function of either kind.
public enum AnyActivation: Sendable {
    case elementwise(any ElementwiseActivation)
    case row(any RowActivation)

    init(_ definition: any ActivationDefinition) {
        if let f = definition as? any ElementwiseActivation {
            self = .elementwise(f)
        } else if let f = definition as? any RowActivation {
            self = .row(f)
        } else {
            preconditionFailure("\(type(of: definition)) is neither elementwise nor a row function")
        }
    }

    /// The function's metadata, whichever of the two kinds it is.
    public var info: ActivationInfo {
        switch self {
        case .elementwise(let f): f.info
        case .row(let f): f.info
        }
    }
}

/// Edit distance between two strings, counting an insertion, a deletion, a substitution or a swap of two
/// neighbouring characters as one edit (optimal string alignment): `rleu` is one edit from `relu`, where
/// plain Levenshtein counts two and ranked `elu` and `plu` ahead of it.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var beforePrevious: [Int] = []
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous) = (previous, current)
    }
    return previous[b.count]
}
