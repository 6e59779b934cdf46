import Foundation

/// The UCI optical handwritten digits bundled with the package (Resources/digits.csv, CC BY 4.0; its
/// README states source and licence): 1,797 images of 8×8 pixels valued 0–16, ten classes.
enum Digits {
    static let imageCount = 1797

    /// The whole set, pixels scaled to [0, 1], loaded once.
    static let all: Result<Dataset, NeuralNetError> = load()

    private static func load() -> Result<Dataset, NeuralNetError> {
        guard let url = Bundle.module.url(forResource: "digits", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return .failure(.invalidData("digits: the bundled digits.csv is missing from the NeuralNet resources"))
        }
        do {
            var data = try CSVLoader.load(text, options: CSVOptions())
            data.inputs = Matrix(
                rows: data.inputs.rows, columns: data.inputs.columns, storage: data.inputs.storage.map { $0 / 16 })
            data.featureNames = (0..<64).map { "r\($0 / 8)c\($0 % 8)" }
            return .success(data)
        } catch {
            return .failure(error)
        }
    }

    /// `count` images chosen by `rng` (all of them, shuffled, for 1797), with Gaussian pixel noise of
    /// standard deviation `noise` (on the 0–1 scale).
    static func sample(count: Int, noise: Double, rng: inout SeededGenerator) throws(NeuralNetError) -> Dataset {
        guard count <= imageCount else {
            throw .invalidConfiguration(
                "digits: count must be at most \(imageCount) (the images bundled), got \(count)")
        }
        var data = try all.get().subset(Array(0..<imageCount).shuffled(using: &rng).prefix(count))
        if noise > 0 {
            data.inputs = Matrix(
                rows: data.inputs.rows, columns: data.inputs.columns,
                storage: data.inputs.storage.map { $0 + noise * rng.normal() })
        }
        return data
    }
}
