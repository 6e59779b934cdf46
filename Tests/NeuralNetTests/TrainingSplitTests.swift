import Testing

@testable import NeuralNet

/// The pipeline's shared parts: `TrainingSplit` (split, extra rows, features, normalisation) and
/// `TrainingRun` (a trainer whose data can change mid-run).
@Suite struct TrainingSplitTests {
    static func points(_ count: Int, seed: UInt64) -> Dataset {
        var rng = SeededGenerator(seed: seed)
        let inputs = Matrix<Double>(rows: count, columns: 2, storage: (0..<(2 * count)).map { _ in rng.uniform(-3, 5) })
        return Dataset(
            inputs: inputs, labels: .classes((0..<count).map { $0 % 2 }, names: ["a", "b"]), featureNames: ["x1", "x2"])
    }

    static func columnMean(_ m: Matrix<Double>, _ j: Int) -> Double {
        (0..<m.rows).map { m[$0, j] }.reduce(0, +) / Double(m.rows)
    }

    @Test func extraRowsJoinTheTrainingPartAndTheFittedNormalisationCentresIt() throws {
        let split = try TrainingSplit(
            Self.points(40, seed: 1), trainFraction: 0.75, seed: 2, addingToTraining: Self.points(5, seed: 3),
            features: [.x1, .x2, .x1TimesX2], normalize: true)
        #expect(split.rawTrain.count == 35 && split.rawTest.count == 10)
        #expect(Array(split.rawTrain.inputs.storage.suffix(10)) == Self.points(5, seed: 3).inputs.storage)
        #expect(split.train.inputs.columns == 3)
        let (train, test) = try split.labeled(Double.self)
        for j in 0..<3 { #expect(abs(Self.columnMean(train.inputs, j)) < 1e-12, "column \(j)") }
        #expect(test?.count == 10)
    }

    @Test func aKeptNormalisationIsUsedOnlyWhenItFitsTheFeatures() throws {
        let kept = Normalization(mean: [1, 2], standardDeviation: [3, 4])
        let fits = try TrainingSplit(
            Self.points(20, seed: 1), trainFraction: 1, seed: 2, features: nil, normalize: true, keeping: kept)
        #expect(fits.normalization == kept && fits.rawTest.count == 0)
        #expect(try fits.labeled(Double.self).test == nil)
        let other = try TrainingSplit(
            Self.points(20, seed: 1), trainFraction: 1, seed: 2, features: [.x1], normalize: false, keeping: kept)
        #expect(other.normalization == .identity(1))
    }

    @Test func extraRowsOfAnotherShapeOrKindAreRefused() {
        let data = Self.points(4, seed: 1)
        let wide = Dataset(
            inputs: Matrix(rows: 1, columns: 3), labels: .classes([0], names: ["a", "b"]), featureNames: [])
        let valued = Dataset(
            inputs: Matrix(rows: 1, columns: 2), labels: .values(Matrix(rows: 1, columns: 1)), featureNames: [])
        #expect(throws: NeuralNetError.shapeMismatch("the added samples have 3 columns but the data has 2")) {
            try data.appending(wide)
        }
        #expect(throws: NeuralNetError.self) { try data.appending(valued) }
        #expect(throws: NeuralNetError.self) { try valued.appending(data) }
    }

    /// New data mid-run: the last epoch's full-batch pass (over the old data) is not handed out for
    /// them (against `Network.gradients` run on them directly), and a stopped epoch is dropped.
    @Test func newDataDropTheOldPassAndTheStoppedEpoch() throws {
        let trainer = try Trainer(
            network: try ReusedBufferTests.network("tanh"), settings: RetuneTests.adam, batchSize: 2, seed: 9)
        let oldData = try ReusedBufferTests.batch(rows: 12, seed: 3)
        let newData = try ReusedBufferTests.batch(rows: 12, seed: 4)
        var run = TrainingRun(trainer: trainer, train: oldData, test: nil)
        _ = try #require(try run.trainEpoch())
        #expect(run.trainer.lastEvaluation != nil)
        try run.replaceData(train: newData, test: nil)
        var rng = SeededGenerator(seed: 0)
        let direct = run.network.gradients(newData.inputs, newData.targets, training: false, rng: &rng)
        #expect(try #require(run.fullBatchPass()).gradients.map(\.weights) == direct.gradients.map(\.weights))
        #expect(try run.trainEpoch { false } == nil && run.trainer.hasEpochInProgress)
        try run.replaceData(train: oldData, test: nil)
        #expect(!run.trainer.hasEpochInProgress)
    }
}
