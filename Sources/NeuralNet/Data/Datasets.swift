import ActivationFunctions
import RealModule

/// The dataset catalog: every generator, by id. The CLI, the playground and the experiments read it.
public struct DatasetGenerator: Sendable {
    /// The dataset's kebab-case id, as `activations train --dataset` and the playground take it.
    public let id: String
    /// A one-line description of the points.
    public let summary: String
    /// Whether the points have class labels (otherwise real-valued targets).
    public let isClassification: Bool
    /// The default number of points (TensorFlow Playground: 500 to classify, 1200 for regression).
    public let defaultCount: Int
    /// Whether `generate(classes:)` uses its class count (blobs, spiral-arms); the other sets ignore it.
    package var takesClassCount = false
    let make:
        @Sendable (_ count: Int, _ noise: Double, _ classes: Int, _ rng: inout SeededGenerator) throws(NeuralNetError)
            -> Dataset

    /// Points with `noise` in [0, 0.5] (Playground's slider/100), seeded; `classes` for the k-class sets.
    public func generate(count: Int? = nil, noise: Double = 0, classes: Int = 3, seed: UInt64) throws(NeuralNetError)
        -> Dataset
    {
        let n = count ?? defaultCount
        guard n >= 2, n <= 1_000_000 else { throw .invalidConfiguration("\(id): count must be in 2…1000000, got \(n)") }
        guard noise.isFinite, (0...0.5).contains(noise) else {
            throw .invalidConfiguration(
                "\(id): noise must be in [0, 0.5] (the Playground's 0–50 divided by 100), got \(noise)")
        }
        guard (2...10).contains(classes) else {
            throw .invalidConfiguration("\(id): classes must be in 2…10, got \(classes)")
        }
        var rng = SeededGenerator(seed: seed)
        return try make(n, noise, classes, &rng)
    }
}

/// The catalog of dataset generators: the one list every surface reads.
public enum Datasets {
    /// Every generator: TensorFlow Playground's six, then more 2-D sets, 1-D curves to fit and the
    /// bundled UCI digits.
    public static let all: [DatasetGenerator] = [
        DatasetGenerator(
            id: "circle", summary: "a disc of one class inside a ring of the other", isClassification: true,
            defaultCount: 500
        ) { n, noise, _, rng in PlaygroundData.circle(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "xor", summary: "the four quadrants, alternating", isClassification: true,
            defaultCount: 500
        ) { n, noise, _, rng in PlaygroundData.xor(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "gauss", summary: "two Gaussian clouds", isClassification: true,
            defaultCount: 500
        ) { n, noise, _, rng in PlaygroundData.gauss(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "spiral", summary: "two interleaved spiral arms", isClassification: true,
            defaultCount: 500
        ) { n, noise, _, rng in PlaygroundData.spiral(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "reg-plane", summary: "regression on a tilted plane", isClassification: false,
            defaultCount: 1200
        ) { n, noise, _, rng in PlaygroundData.regressionPlane(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "reg-gauss", summary: "regression on six Gaussian bumps", isClassification: false,
            defaultCount: 1200
        ) { n, noise, _, rng in PlaygroundData.regressionGauss(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "moons", summary: "two interleaving half moons", isClassification: true,
            defaultCount: 500
        ) { n, noise, _, rng in MoreData.moons(count: n, noise: noise, rng: &rng) },
        DatasetGenerator(
            id: "blobs", summary: "k Gaussian blobs on a circle", isClassification: true,
            defaultCount: 500, takesClassCount: true
        ) { n, noise, k, rng in MoreData.blobs(count: n, noise: noise, classes: k, rng: &rng) },
        DatasetGenerator(
            id: "spiral-arms", summary: "a spiral with k arms", isClassification: true,
            defaultCount: 600, takesClassCount: true
        ) { n, noise, k, rng in MoreData.spiralArms(count: n, noise: noise, classes: k, rng: &rng) },
        DatasetGenerator(
            id: "fit-sin", summary: "y = sin x on [−π, π]", isClassification: false,
            defaultCount: 200
        ) { n, noise, _, rng in MoreData.fit(count: n, noise: noise, rng: &rng) { Double.sin($0) } },
        DatasetGenerator(
            id: "fit-abs", summary: "y = |x| on [−π, π]", isClassification: false,
            defaultCount: 200
        ) { n, noise, _, rng in MoreData.fit(count: n, noise: noise, rng: &rng) { abs($0) } },
        DatasetGenerator(
            id: "fit-step", summary: "y = step(x) on [−π, π]", isClassification: false,
            defaultCount: 200
        ) { n, noise, _, rng in MoreData.fit(count: n, noise: noise, rng: &rng) { $0 > 0 ? 1 : 0 } },
        DatasetGenerator(
            id: "digits", summary: "UCI handwritten digits, 8×8 pixels, 10 classes (real data, CC BY 4.0)",
            isClassification: true,
            defaultCount: Digits.imageCount
        ) { n, noise, _, rng throws(NeuralNetError) in try Digits.sample(count: n, noise: noise, rng: &rng) },
    ]

    /// The generator with id `id` (letter case ignored); an unknown id throws an error listing the known ones.
    public static func named(_ id: String) throws(NeuralNetError) -> DatasetGenerator {
        guard let generator = all.first(where: { $0.id == id.lowercased() }) else {
            throw .invalidConfiguration(
                "unknown dataset '\(NumberText.excerpt(id))'; the datasets are \(all.map(\.id).joined(separator: ", "))")
        }
        return generator
    }
}
