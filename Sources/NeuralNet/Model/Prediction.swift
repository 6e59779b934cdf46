/// A model's outputs as CSV: `class,p(name)…` for a classifier, `y1…` for regression.
public struct Prediction {
    /// The model that made the outputs (its head and class names decide the columns).
    public let file: ModelFile
    /// The network's outputs, one row per point: probabilities, tanh values or regression values.
    public let outputs: Matrix<Double>

    /// The outputs `outputs` of the model in `file`.
    public init(file: ModelFile, outputs: Matrix<Double>) { (self.file, self.outputs) = (file, outputs) }

    /// A header line, then one line per point: for a classifier, the most probable class's name and
    /// every class's probability; for regression, the output values.
    public func csv() -> String {
        var lines = [header.joined(separator: ",")]
        for i in 0..<outputs.rows { lines.append(row(i).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    var isClassifier: Bool { !file.classNames.isEmpty }

    var header: [String] {
        guard isClassifier else { return (1...outputs.columns).map { "y\($0)" } }
        return ["class"] + file.classNames.map { "p(\($0))" }
    }

    /// Class probabilities for every class (a one-output head gives p(class 1); p(class 0) is its complement).
    func probabilities(_ i: Int) -> [Double] {
        switch file.head {
        case .softmax: return Array(outputs.row(i))
        case .sigmoid: return [1 - outputs[i, 0], outputs[i, 0]]
        default: let p = (outputs[i, 0] + 1) / 2; return [1 - p, p]  // tanh output in [−1, 1]
        }
    }

    func row(_ i: Int) -> [String] {
        guard isClassifier else { return outputs.row(i).map { "\($0)" } }
        let p = probabilities(i)
        let best = p.indices.max { p[$0] < p[$1] }!
        return [file.classNames[best]] + p.map { "\($0)" }
    }
}
