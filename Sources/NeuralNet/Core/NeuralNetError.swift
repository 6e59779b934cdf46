import ActivationFunctions

/// What went wrong in building, training or loading a network, saying which input and where.
public enum NeuralNetError: Error, CustomStringConvertible, Equatable {
    /// A setting is out of range or inconsistent (a width, a learning rate, a head that does not fit
    /// the targets); the message names it and its value.
    case invalidConfiguration(String)
    /// An activation id or its parameters were refused by the catalog.
    case activation(ActivationError)
    /// Two sizes that must agree do not (features against the network's inputs, inputs against targets).
    case shapeMismatch(String)
    /// The data cannot be used (a malformed CSV cell, a non-finite feature, a label out of range); the
    /// message is complete and names the line or row.
    case invalidData(String)
    /// Training stopped because a loss or gradient was NaN or infinite, in epoch `epoch` and batch
    /// `batch` (both counted from 1), before that step's update reached the weights.
    case nonFinite(epoch: Int, batch: Int, detail: String)
    /// A model file is malformed or inconsistent; the message names the field.
    case invalidModel(String)

    /// The message for a person: what was wrong and where.
    public var description: String {
        switch self {
        case .invalidConfiguration(let message): "invalid configuration: \(message)"
        case .activation(let error): error.description
        case .shapeMismatch(let message): "shape mismatch: \(message)"
        case .invalidData(let message): message
        case .nonFinite(let epoch, let batch, let detail):
            "training stopped at epoch \(epoch), batch \(batch): \(detail); the weights were not updated with it"
        case .invalidModel(let message): "invalid model file: \(message)"
        }
    }

    /// Whether the fault is in the command line or configuration (rather than the data).
    public var isUsageError: Bool {
        switch self {
        case .invalidConfiguration, .activation: true
        case .shapeMismatch, .invalidData, .nonFinite, .invalidModel: false
        }
    }
}
