import Foundation
import NeuralNet
import Testing

@testable import Playground

/// Warnings about uploaded points come from the CSV loader (`CSVLoader.loadReporting`), the same
/// as `activations train --csv` prints: a near-empty class (a typo label) and far outliers, each
/// naming its line; none for clean data of every shape the playground generates. An exported model
/// carries them, so Import shows them again.
@Suite struct UploadWarningsTests {
    /// 400 points on a grid, labels alternating 0 and 1, then `extra` lines.
    static func csv(_ extra: [String]) -> String {
        ((0..<400).map { "\(Double($0 % 20) / 4 - 2.5),\(Double($0 / 20) / 4 - 2.5),\($0 % 2)" } + extra).joined(
            separator: "\n")
    }

    /// Labels become classes by their distinct values (0, 1 and 7 are three classes, none empty), so
    /// the one warning names the lonely class and its line.
    @Test func aTypoLabelNamesTheLonelyClass() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["1.0,1.0,7"]), header: false)
        let warnings = engine.pointsView().warnings
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("class '7' has only 1 point (line 401)") == true, "\(warnings)")
        #expect(engine.data.classCount == 3)
    }

    @Test func aFarOutlierIsNamedByItsLine() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["900,2,1"]), header: false)
        let warnings = engine.pointsView().warnings
        #expect(warnings.count == 1, "\(warnings)")
        #expect(
            warnings.first.map {
                $0.contains("column x1: 1 value far from the rest") && $0.contains("900.0 on line 401")
            } == true, "\(warnings)")
    }

    /// The page's warnings are exactly the loader's, for a file with both kinds.
    @Test func theWarningsAreTheLoaders() throws {
        let text = Self.csv(["900,2,1", "1.0,1.0,7"])
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: text, header: false)
        let loaded = try CSVLoader.loadReporting(text, options: CSVOptions())
        #expect(loaded.warnings.count == 2)
        #expect(engine.pointsView().warnings == loaded.warnings)
    }

    @Test func cleanDataGetsNoWarnings() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv([]), header: false)
        #expect(engine.pointsView().warnings.isEmpty)
        for id in PlaygroundLimits.planeDatasets {
            let generator = try Datasets.named(id)
            for seed: UInt64 in [1, 2, 3] {
                let data = try generator.generate(count: 500, noise: 0.3, classes: 3, seed: seed)
                let labels: [String] =
                    switch data.labels {
                    case .classes(let c, _): c.map(String.init)
                    case .values(let v): v.storage.map { "\($0)" }
                    }
                let text = (0..<data.count).map { "\(data.inputs[$0, 0]),\(data.inputs[$0, 1]),\(labels[$0])" }.joined(
                    separator: "\n")
                let warnings = try CSVLoader.loadReporting(
                    text, options: CSVOptions(classification: generator.isClassification)
                ).warnings
                #expect(warnings.isEmpty, "\(id), seed \(seed): \(warnings)")
            }
        }
    }

    @Test func warningsLeaveWithTheUpload() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["900,2,1"]), header: false)
        var config = engine.config
        config.dataset = "circle"
        try engine.apply(config)
        #expect(engine.pointsView().warnings.isEmpty)
    }

    @Test func anExportedModelBringsItsWarningsBack() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["900,2,1"]), header: false)
        let warnings = engine.pointsView().warnings
        var restored = try PlaygroundEngine(config: PlaygroundConfig())
        try restored.importModel(engine.exportModel())
        #expect(warnings.count == 1 && restored.pointsView().warnings == warnings, "\(restored.pointsView().warnings)")
    }
}
