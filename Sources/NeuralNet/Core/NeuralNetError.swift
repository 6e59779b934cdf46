import ActivationFunctions

/// What went wrong in building, training or loading a network, saying which input and where.
public enum NeuralNetError: Error, CustomStringConvertible, Equatable {
    case invalidConfiguration(String)
    case activation(ActivationError)
    case shapeMismatch(String)
    case invalidData(String)
    case nonFinite(epoch: Int, batch: Int, detail: String)
    case invalidModel(String)

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
