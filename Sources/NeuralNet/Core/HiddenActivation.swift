import ActivationFunctions

/// What a hidden layer does after its weighted sum: a catalog function, or an activation with
/// structure — learned slopes (PReLU), random slopes in training (RReLU), a maximum over k linear
/// pieces (maxout), or alternating signs across units (BReLU).
public enum HiddenActivation: Sendable {
    /// A catalog function with fixed parameters (kept, to save and describe the layer).
    case function(any ElementwiseActivation, parameters: [String: Double])
    /// A catalog function whose parameters are learned: one set per unit, or one shared (`shared`),
    /// starting from `initial` (PReLU, SReLU, APL, soft exponential).
    case learned(LearnedKind, initial: [String: Double], shared: Bool)
    /// Leaky ReLU whose slope is drawn from U(lower, upper) per element in training and is the mean
    /// (lower + upper)/2 in evaluation.
    case rrelu(lower: Double, upper: Double)
    /// The maximum of k linear pieces per unit (the layer computes k·units sums).
    case maxout(pieces: Int)
    /// Unit i: ReLU(x) for even i, −ReLU(−x) for odd i.
    case brelu

    /// The id used in configurations and model files.
    public var id: String {
        switch self {
        case .function(let f, _): f.info.id
        case .learned(let kind, _, _): kind.rawValue
        case .rrelu: "rrelu"
        case .maxout: "maxout"
        case .brelu: "brelu"
        }
    }

    /// The parameters that rebuild this activation with `named(_:parameters:)`.
    public var parameters: [String: Double] {
        switch self {
        case .function(_, let parameters): parameters
        case .learned(_, let initial, let shared): initial.merging(["shared": shared ? 1 : 0]) { a, _ in a }
        case .rrelu(let lower, let upper): ["lower": lower, "upper": upper]
        case .maxout(let pieces): ["pieces": Double(pieces)]
        case .brelu: [:]
        }
    }

    /// How many weighted sums the layer computes for `units` outputs.
    func sums(forUnits units: Int) -> Int {
        if case .maxout(let pieces) = self { return units * pieces }
        return units
    }

    /// Makes the activation named `id`: the structured ones by name, any other from the catalog.
    /// `parameters` go to the catalog function (or set prelu's initial slope, rrelu's bounds,
    /// maxout's `pieces`).
    public static func named(_ id: String, parameters: [String: Double] = [:]) throws(NeuralNetError) -> HiddenActivation {
        do {
            switch id.lowercased() {
            case let id where LearnedKind(rawValue: id) != nil:
                let kind = LearnedKind(rawValue: id)!
                let values = try kind.definition.info.validate(parameters.filter { $0.key != "shared" })
                return .learned(kind, initial: values.values, shared: (parameters["shared"] ?? 0) != 0)
            case "rrelu":
                let values = try RReLU.info.validate(parameters)
                return .rrelu(lower: values["lower"], upper: values["upper"])
            case "maxout":
                let pieces = parameters["pieces"] ?? 2
                guard pieces >= 2, pieces <= 16, pieces == pieces.rounded() else {
                    throw NeuralNetError.invalidConfiguration("maxout needs pieces in 2…16, got \(pieces)")
                }
                return .maxout(pieces: Int(pieces))
            case "brelu":
                return .brelu
            default:
                return .function(try Activations.elementwise(id, parameters: parameters), parameters: parameters)
            }
        } catch let error as ActivationError {
            throw .activation(error)
        } catch let error as NeuralNetError {
            throw error
        } catch {
            throw .invalidConfiguration("\(error)")
        }
    }

    /// The ids the trainer accepts: every elementwise catalog function plus the structured ones.
    public static var ids: [String] { Activations.elementwiseIDs + ["maxout", "brelu"] }
}
