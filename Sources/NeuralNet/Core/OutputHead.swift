import ActivationFunctions
import RealModule

/// What the network's targets are: class indices, or real values (one column per output).
public enum Targets<T: TrainingScalar>: Sendable {
    /// One class index per sample, each in 0..<`count`.
    case classes([Int], count: Int)
    /// Real-valued targets: one row per sample, one column per output.
    case values(Matrix<T>)

    /// The number of samples.
    public var count: Int {
        switch self {
        case .classes(let labels, _): labels.count
        case .values(let matrix): matrix.rows
        }
    }

    /// The targets of the samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> Targets {
        var result = Targets.classes([], count: 0)
        result.setSubset(indices, of: self)
        return result
    }

    /// self = the targets of `source` at `indices` (memory reused).
    mutating func setSubset(_ indices: some Collection<Int>, of source: Targets) {
        switch source {
        case .classes(let labels, let count):
            var kept = takeLabels()
            kept.removeAll(keepingCapacity: true)
            for index in indices { kept.append(labels[index]) }
            self = .classes(kept, count: count)
        case .values(let matrix):
            var kept = takeValues()
            kept.setRows(indices, of: matrix)
            self = .values(kept)
        }
    }

    /// The label buffer, moved out (so that refilling it copies nothing), or a new one.
    private mutating func takeLabels() -> [Int] {
        guard case .classes(let labels, _) = self else { return [] }
        self = .classes([], count: 0)
        return labels
    }

    /// The value buffer, moved out (so that refilling it copies nothing), or a new one.
    private mutating func takeValues() -> Matrix<T> {
        guard case .values(let values) = self else { return Matrix(rows: 0, columns: 0) }
        self = .classes([], count: 0)
        return values
    }
}

/// The output layer's function and the loss it is paired with, fused so the gradient is stable:
/// the gradient of the loss with respect to the last weighted sums z.
public enum OutputHead: String, Sendable, Codable, CaseIterable {
    /// Identity output, mean squared error (regression).
    case linear
    /// σ output, binary cross-entropy computed on the logits (two classes, one output).
    case sigmoid
    /// Softmax output, cross-entropy computed with log-softmax (k classes, k outputs).
    case softmax
    /// tanh output, ½(o − t)² with targets ±1 for two classes (TensorFlow Playground's choice).
    case tanh
    /// Identity output, Huber loss with δ = 1 (regression, robust to outliers).
    case huber

    /// How many outputs the last layer needs for these targets.
    public func outputCount<T: TrainingScalar>(for targets: Targets<T>) throws(NeuralNetError) -> Int {
        switch (self, targets) {
        case (.softmax, .classes(_, let count)): return count
        case (.sigmoid, .classes(_, let count)), (.tanh, .classes(_, let count)):
            guard count == 2 else {
                throw .invalidConfiguration(
                    "the \(rawValue) output separates two classes, the data has \(count); use --output softmax")
            }
            return 1
        case (.linear, .values(let m)), (.huber, .values(let m)), (.tanh, .values(let m)): return m.columns
        case (.linear, .classes), (.huber, .classes):
            throw .invalidConfiguration(
                "the \(rawValue) output is for regression, but the data has class labels; use softmax, sigmoid or tanh")
        case (.sigmoid, .values), (.softmax, .values):
            throw .invalidConfiguration(
                "the \(rawValue) output is for classification, but the data has real-valued targets; use linear or huber"
            )
        }
    }

    /// Whether accuracy means anything for this head and these targets.
    public func isClassification<T: TrainingScalar>(_ targets: Targets<T>) -> Bool {
        if case .classes = targets { return true }
        return false
    }

    /// The network's outputs from the last sums: probabilities, tanh values or the sums themselves.
    public func outputs<T: TrainingScalar>(_ z: Matrix<T>) -> Matrix<T> {
        switch self {
        case .linear, .huber: return z
        case .sigmoid: return map(z) { OutputFunctions.sigmoid($0) }
        case .tanh: return map(z) { Double.tanh($0) }
        case .softmax:
            let rows = (0..<z.rows).map { OutputFunctions.softmax.forwardRow(z.row($0).map(Double.init)).map { T($0) } }
            return Matrix(rows: z.rows, columns: z.columns, storage: rows.flatMap { $0 })
        }
    }

    private func map<T: TrainingScalar>(_ z: Matrix<T>, _ f: (Double) -> Double) -> Matrix<T> {
        Matrix(rows: z.rows, columns: z.columns, storage: z.storage.map { T(f(Double($0))) })
    }
}

/// The catalog functions the output heads use, built once (building one fills its parameter table).
enum OutputFunctions {
    static let sigmoid = Sigmoid()
    static let tanh = Tanh()
    static let softmax = Softmax()
    static let logSoftmax = LogSoftmax()
}
