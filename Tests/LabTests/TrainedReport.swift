import Lab
import NeuralNet

/// A report from a short real training run, for the tests and the browser check to render:
/// circle, 2-8-8-1 sigmoid, Adam, 15 epochs on 200 points (about a second in a debug build).
enum TrainedReport {
    static func make() throws -> TrainingReport {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.output, c.epochs, c.seed) = ([8, 8], ["sigmoid"], .sigmoid, 15, 1)
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.03)
        let data = try Datasets.named("circle").generate(count: 200, seed: 1)
        var session = try TrainingSession(configuration: c, data: data)
        while !session.isFinished { try session.runEpoch() }
        return TrainingReport(session: session, dataName: "circle")
    }
}
