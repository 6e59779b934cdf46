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

    enum CodingKeys: String, ClosedKeys { case x1, x2, label }

    /// Decodes `{"x1", "x2", "label"}`, refusing any other key (`ClosedKeys`).
    public init(from decoder: any Decoder) throws {
        try CodingKeys.refuseOthers(in: decoder, what: "a point")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        (x1, x2, label) = (
            try c.decode(Double.self, forKey: .x1), try c.decode(Double.self, forKey: .x2),
            try c.decode(Double.self, forKey: .label)
        )
    }
}

/// The data of one session, split and ready to train on: NeuralNet's `TrainingSplit` (the split, the
/// clicked points, the feature map and the normalisation, as `TrainingSession` prepares its data) in
/// `Double`, and what the frames draw besides: the plotted square and its grid of feature values.
struct PreparedData: Sendable {
    /// The split, the feature map and the normalisation.
    let split: TrainingSplit
    /// 0 for regression.
    let classCount: Int
    /// The normalised training part, which the session's `TrainingRun` trains on.
    let train: LabeledData<Double>
    /// The normalised test part; nil when it has no points.
    let test: LabeledData<Double>?
    let features: [Feature]
    /// The plot covers [−domain, domain]² (6, as TensorFlow Playground, unless the data reaches further).
    let domain: Double
    /// The grid's feature values (before normalisation) and what the network reads for them.
    let gridFeatures: Matrix<Double>
    let gridInputs: Matrix<Float>
    /// Each input feature's grid at 50×50, encoded once (it only changes with the data).
    let inputGrids: [EncodedGrid]
    /// Side of the square grid every neuron's output is computed on (TensorFlow Playground's 100).
    static let gridSize = 100

    /// The training part as given (with the clicked points), before the feature map.
    var rawTrain: Dataset { split.rawTrain }
    /// The test part as given.
    var rawTest: Dataset { split.rawTest }
    /// What the features are standardised with (the identity when not normalising).
    var normalization: Normalization { split.normalization }

    /// Splits `raw` as the configuration says (with the data seed), appends `added` to the training set,
    /// and maps the features; `normalization` (kept from before) or one fitted on the training set.
    init(raw: Dataset, added: [AddedPoint], config: PlaygroundConfig, normalization kept: Normalization?)
        throws(PlaygroundError)
    {
        // The clicked points were checked against the data they were added to; a new problem type or
        // number of classes may not have their labels (a class 2 of 2, a regression target 0.5).
        do { try PlaygroundEngine.check(added, classCount: raw.isClassification ? raw.classNames.count : 0) } catch {
            throw PlaygroundError(
                .unprocessable,
                "the clicked points do not fit this data: \(error.message). Clear them first (the page's "
                    + "\"Clear added points\", or DELETE /api/sessions/{id}/points).")
        }
        (split, (train, test)) = try lift { () throws(NeuralNetError) in
            let split = try TrainingSplit(
                raw, trainFraction: Double(config.percTrainData) / 100, seed: config.dataSeed,
                addingToTraining: Self.dataset(of: added, like: raw), features: config.features,
                normalize: config.normalize, keeping: kept)
            return (split, try split.labeled(Double.self))
        }
        features = config.features
        classCount = raw.isClassification ? raw.classNames.count : 0
        let reach = raw.inputs.storage.map(abs).max() ?? 0
        domain = reach <= 6 ? 6 : (reach * 1.05).rounded(.up)
        gridFeatures = Self.featureValues(Self.gridPoints(size: Self.gridSize, domain: domain), features)
        let normalizedGrid = split.normalization.apply(gridFeatures)
        try Self.checkScale(
            of: [train.inputs, test?.inputs, normalizedGrid].compactMap { $0 }, split.normalization, before: gridFeatures)
        gridInputs = normalizedGrid.converted()
        let (grid, size) = (gridFeatures, Self.gridSize)
        inputGrids = (0..<grid.columns).map { j in  // at 50×50: smooth functions of x1 and x2
            let half = EncodedGrid.halved((0..<grid.rows).map { grid.storage[$0 * grid.columns + j] }, size: size)
            return EncodedGrid(half.values, size: half.size)
        }
    }

    /// Refuses a normalisation that makes the inputs (the points and the plotted square, as the network
    /// reads them) larger than `PlaygroundLimits.maxValue` and than they were before it (`before`: the
    /// plotted square's features, which reach beyond every point's): an imported standard deviation of
    /// 1e−300 turns x = 1 into 1e300, finite, and the first layer's sums overflowed to NaN with no
    /// message. Features that are large on their own (x1² of a point at 10⁶ is 10¹²) are not its doing.
    static func checkScale(of inputs: [Matrix<Double>], _ normalization: Normalization, before: Matrix<Double>)
        throws(PlaygroundError)
    {
        let largest = inputs.lazy.flatMap(\.storage).map { abs($0) }.max() ?? 0
        let unnormalized = before.storage.lazy.map { abs($0) }.max() ?? 0
        guard largest <= max(PlaygroundLimits.maxValue, unnormalized) else {
            throw PlaygroundError(
                .unprocessable,
                "the normalization (mean \(normalization.mean), standard deviation \(normalization.standardDeviation)) "
                    + "turns the points into values up to \(largest) in size; at most \(PlaygroundLimits.maxValue) is "
                    + "taken: its standard deviations are too small or its means too large for these points")
        }
    }

    /// The clicked points as samples of `data`'s kind: class indices into its classes, or target values.
    static func dataset(of points: [AddedPoint], like data: Dataset) -> Dataset {
        let inputs = Matrix(rows: points.count, columns: 2, storage: points.flatMap { [$0.x1, $0.x2] })
        let labels: Dataset.Labels =
            data.isClassification
            ? .classes(points.map { Int($0.label) }, names: data.classNames)
            : .values(Matrix(rows: points.count, columns: 1, storage: points.map(\.label)))
        return Dataset(inputs: inputs, labels: labels, featureNames: data.featureNames)
    }

    /// The generated points of a configuration.
    static func generate(_ config: PlaygroundConfig) throws(PlaygroundError) -> Dataset {
        try lift { () throws(NeuralNetError) in
            try Datasets.named(config.dataset).generate(
                noise: Double(config.noise) / 100, classes: config.classes, seed: config.dataSeed)
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
