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

    /// Throws for a schedule that cannot give a usable rate: `step` with `every` below 1 or a `gamma`
    /// that is not a finite number > 0 (−1 trained with a negative rate: gradient ascent), `cosine`
    /// with `epochs` below 1 or a `minimum` that is not a finite number ≥ 0, or a rate that is not
    /// finite and > 0 in some epoch of `epochs` (a gamma of 1e300 overflowed).
    public func validate(base: Double, epochs: Int) throws(NeuralNetError) {
        switch self {
        case .constant: return
        case .step(let every, let gamma):
            guard every >= 1, gamma.isFinite, gamma > 0 else {
                throw .invalidConfiguration(
                    "a step schedule needs every ≥ 1 and a gamma that is a finite number > 0, got every \(every), gamma \(gamma)")
            }
        case .cosine(let epochs, let minimum):
            guard epochs >= 1, minimum.isFinite, minimum >= 0 else {
                throw .invalidConfiguration(
                    "a cosine schedule needs epochs ≥ 1 and a minimum that is a finite number ≥ 0, got epochs \(epochs), minimum \(minimum)")
            }
        }
        // The rate moves one way over the epochs (step: by powers of gamma; cosine: from base to
        // minimum), so its first and last epochs bound it.
        for epoch in [0, max(epochs - 1, 0)] {
            let r = rate(base: base, epoch: epoch)
            guard r.isFinite, r > 0 || (r == 0 && epoch > 0) else {
                throw .invalidConfiguration(
                    "the schedule gives a learning rate of \(r) in epoch \(epoch + 1); it must stay a finite number > 0")
            }
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
