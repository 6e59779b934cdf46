import Foundation
import NeuralNet
import Testing
@testable import Playground

/// Warnings about uploaded points: near-empty classes (a typo label) and far outliers, and none for
/// clean data of every shape the playground generates.
@Suite struct UploadWarningsTests {
    /// 400 points on a grid, labels alternating 0 and 1, then `extra` lines.
    static func csv(_ extra: [String]) -> String {
        ((0..<400).map { "\(Double($0 % 20) / 4 - 2.5),\(Double($0 / 20) / 4 - 2.5),\($0 % 2)" } + extra).joined(separator: "\n")
    }

    /// Labels become classes by their distinct values (0, 1 and 7 are three classes, none empty), so
    /// the one warning names the lonely class.
    @Test func aTypoLabelNamesTheLonelyClass() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["1.0,1.0,7"]), header: false)
        let warnings = engine.pointsView().warnings
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("Class 7 has only 1 of 401 points, at (1, 1)") == true, "\(warnings)")
        #expect(engine.data.classCount == 3)
    }

    @Test func aFarOutlierIsNamedByItsCoordinates() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv(["900,2,1"]), header: false)
        let warnings = engine.pointsView().warnings
        #expect(warnings.count == 1 && warnings[0].contains("1 point lies far outside the rest") && warnings[0].contains("(900, 2)"), "\(warnings)")
    }

    @Test func cleanDataGetsNoWarnings() throws {
        var engine = try PlaygroundEngine(config: PlaygroundConfig())
        try engine.upload(csv: Self.csv([]), header: false)
        #expect(engine.pointsView().warnings.isEmpty)
        for id in PlaygroundLimits.planeDatasets {
            for seed: UInt64 in [1, 2, 3] {
                let data = try Datasets.named(id).generate(count: 500, noise: 0.3, classes: 3, seed: seed)
                #expect(UploadWarnings.of(data).isEmpty, "\(id), seed \(seed): \(UploadWarnings.of(data))")
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
}
