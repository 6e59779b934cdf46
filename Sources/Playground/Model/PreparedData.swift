import NeuralNet

/// A point the user added by clicking: it joins the training set.
public struct AddedPoint: Codable, Sendable, Equatable {
    /// The first coordinate (horizontal on the page).
    public var x1: Double
    /// The second coordinate (vertical on the page).
    public var x2: Double
    /// A class index for classification, the target value for regression.
    public var label: Double

    /// A point at (`x1`, `x2`) with its class index or target value `label`.
    public init(x1: Double, x2: Double, label: Double) { (self.x1, self.x2, self.label) = (x1, x2, label) }
}

/// The data of one session, split and ready to train on: the 2-D points (to draw), the feature
/// map and normalisation (to train and to fill the grids), and the plotted square.
struct PreparedData: Sendable {
    let rawTrain: Dataset
    let rawTest: Dataset
    /// 0 for regression.
    let classCount: Int
    let train: LabeledData<Double>
    let test: LabeledData<Double>?
    let features: [Feature]
    let normalization: Normalization
    /// The plot covers [−domain, domain]² (6, as TensorFlow Playground, unless the data reaches further).
    let domain: Double
    /// The grid's feature values (before normalisation) and what the network reads for them.
    let gridFeatures: Matrix<Double>
    let gridInputs: Matrix<Float>
    /// Each input feature's grid at 50×50, encoded once (it only changes with the data).
    let inputGrids: [EncodedGrid]
    /// Side of the square grid every neuron's output is computed on (TensorFlow Playground's 100).
    static let gridSize = 100

    /// Splits `raw` as the configuration says, appends `added` to the training set, and maps the
    /// features; `normalization` (kept from before) or one fitted on the training set.
    init(raw: Dataset, added: [AddedPoint], config: PlaygroundConfig, normalization kept: Normalization?) throws(PlaygroundError) {
        let prepared = try lift { () throws(NeuralNetError) in
            var (train, test) = try raw.split(trainFraction: Double(config.percTrainData) / 100, seed: config.dataSeed)
            if !added.isEmpty { train = try Self.appending(added, to: train) }
            let (featTrain, featTest) = (try Feature.map(train, config.features), try Feature.map(test, config.features))
            let fitted = config.normalize ? Normalization(fitting: featTrain.inputs) : .identity(config.features.count)
            let n = kept?.mean.count == config.features.count ? kept! : fitted
            let names = config.features.map(\.rawValue)
            let labeledTrain = try Dataset(inputs: n.apply(featTrain.inputs), labels: featTrain.labels, featureNames: names).labeled(Double.self)
            let labeledTest = test.count == 0 ? nil
                : try Dataset(inputs: n.apply(featTest.inputs), labels: featTest.labels, featureNames: names).labeled(Double.self)
            return (train, test, n, labeledTrain, labeledTest)
        }
        (rawTrain, rawTest, normalization, train, test) = prepared
        features = config.features
        classCount = raw.isClassification ? raw.classNames.count : 0
        let reach = raw.inputs.storage.map(abs).max() ?? 0
        domain = reach <= 6 ? 6 : (reach * 1.05).rounded(.up)
        gridFeatures = Self.featureValues(Self.gridPoints(size: Self.gridSize, domain: domain), features)
        gridInputs = normalization.apply(gridFeatures).converted()
        let (grid, size) = (gridFeatures, Self.gridSize)
        inputGrids = (0..<grid.columns).map { j in  // at 50×50: smooth functions of x1 and x2
            let half = EncodedGrid.halved((0..<grid.rows).map { grid.storage[$0 * grid.columns + j] }, size: size)
            return EncodedGrid(half.values, size: half.size)
        }
    }

    static func appending(_ points: [AddedPoint], to data: Dataset) throws(NeuralNetError) -> Dataset {
        var inputs = data.inputs
        inputs.storage += points.flatMap { [$0.x1, $0.x2] }
        inputs.rows += points.count
        switch data.labels {
        case .classes(let labels, let names):
            return Dataset(inputs: inputs, labels: .classes(labels + points.map { Int($0.label) }, names: names), featureNames: data.featureNames)
        case .values(var values):
            values.storage += points.map(\.label)
            values.rows += points.count
            return Dataset(inputs: inputs, labels: .values(values), featureNames: data.featureNames)
        }
    }

    /// The generated points of a configuration.
    static func generate(_ config: PlaygroundConfig) throws(PlaygroundError) -> Dataset {
        try lift { () throws(NeuralNetError) in
            try Datasets.named(config.dataset).generate(noise: Double(config.noise) / 100, classes: config.classes, seed: config.dataSeed)
        }
    }

    /// `size`² points covering the plotted square, row by row from the top (x2 = +domain) down.
    static func gridPoints(size: Int, domain: Double) -> Matrix<Double> {
        var storage: [Double] = []
        storage.reserveCapacity(2 * size * size)
        let step = 2 * domain / Double(size)
        for row in 0..<size {
            let x2 = domain - (Double(row) + 0.5) * step
            for column in 0..<size { storage += [-domain + (Double(column) + 0.5) * step, x2] }
        }
        return Matrix(rows: size * size, columns: 2, storage: storage)
    }

    /// The feature values of grid points (before normalisation), one column per feature.
    static func featureValues(_ points: Matrix<Double>, _ features: [Feature]) -> Matrix<Double> {
        var storage: [Double] = []
        storage.reserveCapacity(points.rows * features.count)
        for i in 0..<points.rows {
            for feature in features { storage.append(feature.value(points[i, 0], points[i, 1])) }
        }
        return Matrix(rows: points.rows, columns: features.count, storage: storage)
    }
}

/// Runs library code, turning its error into a request error.
func lift<T>(_ body: () throws(NeuralNetError) -> T) throws(PlaygroundError) -> T {
    do { return try body() } catch { throw PlaygroundError.from(error) }
}
