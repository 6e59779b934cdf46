import NeuralNet
import Plotting

extension TrainingReport {
    /// The report of a finished (or stopped) training session: its curves, per-layer gradient flow and
    /// unit health, and — for 2-D data — the decision boundary over the data's square.
    public init(session: TrainingSession, dataName: String) {
        let c = session.configuration
        let activation = c.activations.count == 1 ? c.activations[0] : c.activations.joined(separator: ", ")
        self.init(
            title: "\(dataName): \(Self.shape(session)), \(activation)",
            activationID: c.activations[0], activationParameters: c.activationParameters)
        facts = [
            .init("data", "\(dataName), \(session.train.count) train / \(session.test.count) test"),
            .init(
                "network",
                Self.shape(session) + " (" + c.activations.joined(separator: ", ") + ", \(c.output.rawValue) output)"),
            .init(
                "optimiser",
                "\(c.optimizer.kind.rawValue), learning rate \(c.optimizer.learningRate), batch \(c.batchSize)"),
            .init("initialiser", c.initializer.rawValue),
            .init("epochs", "\(session.history.count)"), .init("seed", "\(c.seed)"),
        ]
        let history = session.history
        trainLoss = history.map(\.trainLoss)
        testLoss = history.compactMap(\.testLoss)
        trainAccuracy = history.compactMap(\.trainAccuracy)
        testAccuracy = history.compactMap(\.testAccuracy)
        let count = history.first?.layers.count ?? 0
        layers = (0..<count).map { index in
            let isOutput = index == count - 1
            return Layer(
                name: isOutput ? "output" : "hidden \(index + 1)",
                gradientMagnitude: history.map { $0.layers[index].meanAbsWeightGradient },
                deadFraction: isOutput ? [] : history.map { $0.layers[index].deadFraction },
                sparsity: isOutput ? [] : history.map { $0.layers[index].zeroFraction })
        }
        boundary = Self.boundary(session)
    }

    static func shape(_ session: TrainingSession) -> String {
        ([session.train.inputs.columns] + session.configuration.hidden + [session.network.outputCount]).map(String.init)
            .joined(separator: "-")
    }

    /// Output over the square holding the data (2-D inputs only): p(class 1) for two classes, the
    /// most likely class for more, the value for regression.
    static func boundary(_ session: TrainingSession) -> Boundary? {
        guard session.data.inputs.columns == 2 else { return nil }
        let extent = max(6, (session.data.inputs.storage.map(abs).max() ?? 6).rounded(.up))
        let side = 60
        let cells = (0..<(side * side)).map { index -> [Double] in
            let (row, column) = (index / side, index % side)
            return [
                -extent + (Double(column) + 0.5) * 2 * extent / Double(side),
                -extent + (Double(row) + 0.5) * 2 * extent / Double(side),
            ]
        }
        guard let outputs = try? session.predict(Matrix(cells)) else { return nil }
        let classes = session.data.classNames.count
        let value = { (i: Int) -> Double in
            classes > 2
                ? Double((0..<outputs.columns).max { outputs[i, $0] < outputs[i, $1] }!)  // row(i)'s indices are storage offsets
                : Self.positiveScore(session, outputs[i, 0])
        }
        let grid = Grid2D(
            xRange: -extent...extent, yRange: -extent...extent,
            values: (0..<side).map { row in (0..<side).map { value(row * side + $0) } })
        let points = Self.points(session.rawTrain, isTest: false) + Self.points(session.rawTest, isTest: true)
        let scale: ColorScale =
            classes > 2
            ? .diverging(lower: 0, center: Double(classes - 1) / 2, upper: Double(classes - 1))
            : classes == 2 ? .diverging(lower: 0, center: 0.5, upper: 1) : .diverging(lower: -1, center: 0, upper: 1)
        return Boundary(grid: grid, points: points, colorScale: scale)
    }

    /// p(class 1) from a one-output classifier (σ output, or tanh mapped to [0, 1]); the value for regression.
    static func positiveScore(_ session: TrainingSession, _ output: Double) -> Double {
        guard session.data.isClassification else { return output }
        return session.configuration.output == .tanh ? (output + 1) / 2 : output
    }

    static func points(_ data: Dataset, isTest: Bool) -> [DecisionBoundaryChart.Point] {
        (0..<data.count).map { i in
            let label: Double =
                switch data.labels {
                case .classes(let classes, _): Double(classes[i])
                case .values(let values): values[i, 0]
                }
            return .init(x: data.inputs[i, 0], y: data.inputs[i, 1], label: label, isTest: isTest)
        }
    }
}
