import Foundation
import NeuralNet

/// Progress while training: a bar redrawn in place on a terminal, plain lines otherwise.
struct TrainingProgress {
    let total: Int
    /// With --json, standard output carries only the result; progress goes to a terminal's stderr, if any.
    let quiet: Bool
    private let interactive: Bool
    private let start = Date()

    init(total: Int, quiet: Bool) {
        (self.total, self.quiet) = (total, quiet)
        interactive = isatty(quiet ? STDERR_FILENO : STDOUT_FILENO) != 0
    }

    func report(_ m: EpochMetrics) {
        let accuracy = m.trainAccuracy.map { String(format: "  accuracy %5.1f%%", 100 * $0) } ?? ""
        let test = m.testLoss.map { String(format: "  test loss %.4g", $0) } ?? ""
        if interactive {
            let elapsed = Date().timeIntervalSince(start)
            let left = elapsed / Double(m.epoch) * Double(total - m.epoch)
            let filled = 24 * m.epoch / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 24 - filled)
            emit(
                String(
                    format: "\r%@ epoch %d/%d  loss %.4g%@%@  %.0fs left ", bar, m.epoch, total, m.trainLoss, accuracy,
                    test, left),
                newline: false)
        } else if !quiet && (m.epoch % max(1, total / 20) == 0 || m.epoch == total || m.epoch == 1) {
            emit(
                String(format: "epoch %d/%d  loss %.4g%@%@", m.epoch, total, m.trainLoss, accuracy, test), newline: true
            )
        }
    }

    func finish() {
        if interactive { emit("\n", newline: false) }
    }

    private func emit(_ text: String, newline: Bool) {
        let line = newline ? text + "\n" : text
        if quiet {  // StandardError, not FileHandle.write, whose `try!` crashes on a closed stream
            var standardError = StandardError()
            return standardError.write(line)
        }
        StandardOutput.write(line)
        if interactive { StandardOutput.flush() }
    }
}

/// The table printed after training.
struct TrainingSummary {
    let session: TrainingSession

    var text: String {
        guard let last = session.history.last else { return "no epochs were run" }
        let perEpoch = session.history.map(\.seconds).reduce(0, +) / Double(session.history.count)
        var lines = [
            "",
            String(
                format: "Trained %d epochs (%.2f ms per epoch) on %d points; tested on %d.", session.history.count,
                perEpoch * 1000, session.train.count, session.test.count),
            "",
            "         loss        accuracy",
            "  train  " + pad(String(format: "%.5g", last.trainLoss), 12) + percent(last.trainAccuracy),
        ]
        if let testLoss = last.testLoss {
            lines.append("  test   " + pad(String(format: "%.5g", testLoss), 12) + percent(last.testAccuracy))
        }
        let network = session.network
        let names = last.layers.indices.map { index in
            index == last.layers.count - 1 ? "(\(network.head.rawValue))" : network.layers[index].activation.id
        }
        // A formula can be longer than a catalog id: the column is as wide as its longest name.
        let nameWidth = max(16, (names.map(\.count).max() ?? 0) + 2)
        lines += [
            "",
            "  layer   units  " + pad("activation", nameWidth) + "mean|∂L/∂W|  mean|∂L/∂a|  dead    zeros   saturated",
        ]
        for (index, layer) in last.layers.enumerated() {
            let isOutput = index == last.layers.count - 1
            lines.append(
                "  " + pad(isOutput ? "output" : "\(index + 1)", 8) + pad("\(network.layers[index].units)", 7)
                    + pad(names[index], nameWidth) + pad(String(format: "%.3e", layer.meanAbsWeightGradient), 13)
                    + pad(String(format: "%.3e", layer.meanAbsOutputGradient), 13)
                    + (isOutput
                        ? ""
                        : pad(percent(layer.deadFraction), 8) + pad(percent(layer.zeroFraction), 8)
                            + percent(layer.saturatedFraction)))
        }
        return lines.joined(separator: "\n")
    }

    func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", 100 * $0) } ?? "–" }
    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
