import RealModule

/// How the learning rate changes over the epochs.
public enum LearningRateSchedule: Sendable, Codable, Equatable {
    /// The base rate in every epoch.
    case constant
    /// Multiplied by `gamma` every `every` epochs.
    case step(every: Int, gamma: Double)
    /// Cosine annealing from the base rate to `minimum` over `epochs`.
    case cosine(epochs: Int, minimum: Double)

    /// The rate for epoch `epoch` (0-based).
    public func rate(base: Double, epoch: Int) -> Double {
        switch self {
        case .constant:
            return base
        case .step(let every, let gamma):
            return base * Double.pow(gamma, epoch / max(every, 1))
        case .cosine(let epochs, let minimum):
            let progress = Double(min(epoch, epochs)) / Double(max(epochs, 1))
            return minimum + (base - minimum) * (1 + Double.cos(.pi * progress)) / 2
        }
    }

    /// Parses `constant`, `step:EVERY:GAMMA` or `cosine` (over `epochs`, down to 0).
    public static func parse(_ text: String, epochs: Int) -> LearningRateSchedule? {
        let parts = text.split(separator: ":").map(String.init)
        switch parts.first {
        case "constant" where parts.count == 1: return .constant
        case "cosine" where parts.count == 1: return .cosine(epochs: epochs, minimum: 0)
        case "step" where parts.count == 3:
            guard let every = Int(parts[1]), every >= 1, let gamma = Double(parts[2]), gamma > 0, gamma.isFinite else {
                return nil
            }
            return .step(every: every, gamma: gamma)
        default: return nil
        }
    }
}
