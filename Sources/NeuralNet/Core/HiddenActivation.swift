import ActivationFunctions

/// What a hidden layer does after its weighted sums, by the capability its catalog definition has:
/// an elementwise function; one whose parameters are learned (`LearnableActivation`: PReLU, SReLU,
/// APL, soft exponential); one that draws random numbers in training (`RandomizedActivation`: RReLU);
/// or a function of the layer's whole row of sums (`RowActivation`: maxout, BReLU, softmax, …).
///
/// Every case is found through the catalog (`Activations.all`); nothing here lists ids.
public enum HiddenActivation: Sendable {
    /// A catalog function with fixed parameters (kept, to save and describe the layer).
    case function(any ElementwiseActivation, parameters: [String: Double])
    /// A catalog function whose parameters are learned: one set per unit, or one shared (`shared`),
    /// starting from `initial`.
    case learned(any LearnableActivation.Type, initial: [String: Double], shared: Bool)
    /// A function that draws per element in training and is its deterministic `value` in evaluation.
    case randomized(any RandomizedActivation, parameters: [String: Double])
    /// A function of the whole row of sums; the layer computes `inputCount(forOutputCount: units)` sums.
    case row(any RowActivation, parameters: [String: Double])

    /// The catalog id, used in configurations and model files.
    public var id: String { info.id }

    /// The catalog entry of this activation.
    public var info: ActivationInfo {
        switch self {
        case .function(let f, _): f.info
        case .learned(let definition, _, _): definition.info
        case .randomized(let f, _): f.info
        case .row(let f, _): f.info
        }
    }

    /// The parameters that rebuild this activation with `named(_:parameters:)`.
    public var parameters: [String: Double] {
        switch self {
        case .function(_, let parameters), .randomized(_, let parameters), .row(_, let parameters): parameters
        case .learned(_, let initial, let shared): initial.merging(["shared": shared ? 1 : 0]) { a, _ in a }
        }
    }

    /// How many parameters each unit learns (0 unless `.learned`).
    public var learnedParameterCount: Int {
        if case .learned(let definition, _, _) = self { return definition.info.parameters.count }
        return 0
    }

    /// How many weighted sums the layer computes for `units` outputs.
    func sums(forUnits units: Int) -> Int {
        if case .row(let f, _) = self { return f.inputCount(forOutputCount: units) }
        return units
    }

    /// How many units a layer of `sums` weighted sums has, or an error if `sums` does not fit.
    public func units(forSums sums: Int) throws(ActivationError) -> Int {
        if case .row(let f, _) = self { return try f.outputCount(forInputCount: sums) }
        return sums
    }

    /// Makes the activation with catalog id or alias `id`, or from a formula (`f(x) = …`, see
    /// `Formula`); its capabilities decide the case.
    /// `parameters` go to the catalog function (for a learned one: its initial values, plus
    /// `shared` = 1 for one set shared by the layer).
    public static func named(_ id: String, parameters: [String: Double] = [:]) throws(NeuralNetError)
        -> HiddenActivation
    {
        do {
            if Formula.isFormula(id) {  // kept with every parameter's value, so that a model file rebuilds it
                let formula = try Activations.formula(id, parameters: parameters)
                return .function(formula, parameters: formula.parameterValues)
            }
            let definition = try Activations.definition(id)
            if let learnable = definition as? any LearnableActivation.Type {
                let values = try learnable.info.validate(parameters.filter { $0.key != "shared" })
                return .learned(learnable, initial: values.values, shared: (parameters["shared"] ?? 0) != 0)
            }
            let built = definition.init(try definition.info.validate(parameters))
            if let f = built as? any RandomizedActivation { return .randomized(f, parameters: parameters) }
            // Through `make`, which computes a `Float` network's values in `Double` when `Float` cannot
            // hold a parameter (celu with alpha = 1e40 trained on NaN).
            if case .elementwise(let f) = try Activations.make(id, parameters: parameters) {
                return .function(f, parameters: parameters)
            }
            if let f = built as? any RowActivation { return .row(f, parameters: parameters) }
            throw NeuralNetError.invalidConfiguration("\(id) is neither elementwise nor a row function")
        } catch let error as ActivationError {
            throw .activation(error)
        } catch let error as NeuralNetError {
            throw error
        } catch {
            throw .invalidConfiguration("\(error)")
        }
    }

    /// The ids the trainer accepts: every catalog id.
    public static var ids: [String] { Activations.all.map { $0.info.id } }
}
