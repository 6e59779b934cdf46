/// A dataset made ready to train on: split into training and test parts with a seed, extra training
/// samples appended, mapped to features, and normalised with the training part's mean and standard
/// deviation (or with a normalisation kept from before). `TrainingSession` and the Playground
/// prepare their data through it, so the same data and seed give the same numbers in both.
public struct TrainingSplit: Sendable {
    /// The training part as given (with the extra samples), before the feature map.
    public let rawTrain: Dataset
    /// The test part as given (empty with a train fraction of 1), before the feature map.
    public let rawTest: Dataset
    /// The training part after the feature map, before normalisation.
    public let train: Dataset
    /// The test part after the feature map, before normalisation.
    public let test: Dataset
    /// What the first layer's inputs are standardised with (the identity when not normalising).
    public let normalization: Normalization

    /// Splits `raw` (shuffled once with `seed`; see `Dataset.split(trainFraction:seed:)`), appends
    /// `extra` to the training part, applies `features` (nil: the columns as they are) and normalises:
    /// with `kept` when it has one entry per feature, else with a normalisation fitted on the training
    /// part when `normalize` is set, else with the identity. Throws for a train fraction outside
    /// (0, 1], extra samples that do not match the data, or features that need 2-D points or overflow.
    public init(
        _ raw: Dataset, trainFraction: Double, seed: UInt64, addingToTraining extra: Dataset? = nil,
        features: [Feature]?, normalize: Bool, keeping kept: Normalization? = nil
    ) throws(NeuralNetError) {
        var (rawTrain, rawTest) = try raw.split(trainFraction: trainFraction, seed: seed)
        if let extra, extra.count > 0 { rawTrain = try rawTrain.appending(extra) }
        var (train, test) = (rawTrain, rawTest)
        if let features { (train, test) = (try Feature.map(rawTrain, features), try Feature.map(rawTest, features)) }
        let columns = train.inputs.columns
        if let kept, kept.mean.count == columns {
            normalization = kept
        } else {
            normalization = normalize ? Normalization(fitting: train.inputs) : .identity(columns)
        }
        (self.rawTrain, self.rawTest, self.train, self.test) = (rawTrain, rawTest, train, test)
    }

    /// The normalised training part and test part (nil when it is empty) in `T`, checked: every
    /// feature and real target finite, every class label in range.
    public func labeled<T: TrainingScalar>(_ type: T.Type = T.self) throws(NeuralNetError) -> (
        train: LabeledData<T>, test: LabeledData<T>?
    ) {
        let normalized = { (d: Dataset) in
            Dataset(inputs: normalization.apply(d.inputs), labels: d.labels, featureNames: d.featureNames)
        }
        return (try normalized(train).labeled(T.self), test.count == 0 ? nil : try normalized(test).labeled(T.self))
    }
}

extension Dataset {
    /// The samples of `other` after these: the same columns, and the same kind of labels (class
    /// indices into these class names, or as many target columns). Throws, naming what differs.
    public func appending(_ other: Dataset) throws(NeuralNetError) -> Dataset {
        guard other.inputs.columns == inputs.columns else {
            throw .shapeMismatch(
                "the added samples have \(other.inputs.columns) columns but the data has \(inputs.columns)")
        }
        let combined = Matrix(
            rows: count + other.count, columns: inputs.columns, storage: inputs.storage + other.inputs.storage)
        switch (labels, other.labels) {
        case (.classes(let mine, let names), .classes(let theirs, _)):
            return Dataset(inputs: combined, labels: .classes(mine + theirs, names: names), featureNames: featureNames)
        case (.values(let mine), .values(let theirs)) where mine.columns == theirs.columns:
            let values = Matrix(
                rows: mine.rows + theirs.rows, columns: mine.columns, storage: mine.storage + theirs.storage)
            return Dataset(inputs: combined, labels: .values(values), featureNames: featureNames)
        default:
            throw .shapeMismatch(
                "the added samples' targets are not of the data's kind (classes or as many target columns)")
        }
    }
}
