/// What a training run will hold in memory, estimated from the shapes before anything is allocated,
/// so a configuration that passes every per-field limit (64 layers of 4096 units) but needs tens of
/// gigabytes is refused with the number instead of exhausting the machine.
extension TrainingConfiguration {
    /// The most memory a run may need: 2 GB.
    public static let memoryLimit = 2e9

    /// Bytes, at least: per parameter the weight, its gradient and two optimiser moments; per layer
    /// and row of a pass (a batch, or all `rows` when the epoch's metrics are measured) the sums, the
    /// outputs and their two gradients; and per epoch its record in the history (the losses, and
    /// each layer's gradient and dead-unit figures: about 230 bytes with two hidden layers, measured).
    public func memoryEstimate(inputs: Int, outputs: Int, rows: Int) throws(NeuralNetError) -> Double {
        let activations = try hiddenActivations()
        var (parameters, perRow, fanIn) = (0.0, 0.0, Double(inputs))
        for (width, activation) in zip(hidden, activations) {
            let sums = Double(activation.sums(forUnits: width))
            parameters += (fanIn + 1) * sums
            perRow += sums + Double(width)
            fanIn = Double(width)
        }
        parameters += (fanIn + 1) * Double(outputs)
        perRow += 2 * Double(outputs)
        let scalar = precision == .float ? 4.0 : 8.0
        let history = Double(epochs) * (128 + 48 * Double(hidden.count + 1))
        return scalar * (4 * parameters + 2 * perRow * Double(max(rows, min(batchSize, rows)))) + history
    }

    /// Refuses a run whose `memoryEstimate` is over `memoryLimit`, naming the estimate.
    public func checkMemory(inputs: Int, outputs: Int, rows: Int) throws(NeuralNetError) {
        let bytes = try memoryEstimate(inputs: inputs, outputs: outputs, rows: rows)
        guard bytes <= Self.memoryLimit else {
            let shape = ([inputs] + hidden + [outputs]).map(String.init).joined(separator: "-")
            throw .invalidConfiguration(
                "a \(shape) network trained on \(rows) points for \(epochs) epochs needs about \(gigabytes(bytes)) GB "
                    + "of memory; at most \(gigabytes(Self.memoryLimit)) GB (use fewer or narrower layers, fewer points "
                    + "or fewer epochs)")
        }
    }

    private func gigabytes(_ bytes: Double) -> String {
        let value = bytes / 1e9
        return value >= 10 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
    }
}
