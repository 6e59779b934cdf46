import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import NeuralNet

/// The CSV loader (the CLI's `train --csv` and the playground's upload): random and mutated text
/// always gives a dataset that keeps its invariants, or a clear error; never a crash or a hang.
@Suite("Fuzz: the CSV loader", .timeLimit(.minutes(1)))
struct CSVFuzzTests {
    static let seeds = [
        "x1,x2,label\n0.5,-1.25,0\n1e3,2,1\n-3,4.5e-2,0\n7,8,1\n",
        "1,2,a\r\n3,4,b\r\n5,6,\"c, d\"\r\n",
        "\u{FEFF}0.1,0.2,0.3\n0.4,0.5,0.6\n0.7,0.8,0.9\n",
        "a,b,c,d\n1,2,3,-1\n4,5,6,+1\n7,8,9,-1\n",
    ]

    static let options = [
        CSVOptions(header: true, maxRows: 50, maxClasses: 8), CSVOptions(maxRows: 50, maxClasses: 8),
        CSVOptions(classification: false, maxRows: 50), CSVOptions(header: true, labelColumn: "2"),
    ]

    /// What every loaded dataset must satisfy.
    static func check(_ loaded: LoadedCSV, _ options: CSVOptions, _ text: String) {
        let data = loaded.dataset
        #expect(
            data.count >= 1 && data.count <= options.maxRows && data.inputs.columns >= 1, "\(text.debugDescription)")
        #expect(data.inputs.storage.count == data.count * data.inputs.columns)
        #expect(data.inputs.storage.allSatisfy { $0.isFinite }, "\(text.debugDescription)")
        #expect(data.featureNames.count == data.inputs.columns)
        switch data.labels {
        case .classes(let labels, let names):
            #expect(
                labels.count == data.count && (2...options.maxClasses).contains(names.count)
                    && Set(names).count == names.count)
            #expect(labels.allSatisfy { names.indices.contains($0) }, "\(text.debugDescription)")
        case .values(let values):
            #expect(values.rows == data.count && values.storage.allSatisfy { $0.isFinite })
        }
    }

    @Test("random text", arguments: options.indices)
    func randomText(option: Int) async {
        let options = Self.options[option]
        await propertyCheck(count: 800, input: Fuzz.csvText) { text in
            if let loaded = Fuzz.bounded(text.debugDescription, { try CSVLoader.loadReporting(text, options: options) })
            {
                Self.check(loaded, options, text)
            }
        }
    }

    @Test("valid files mutated byte by byte", arguments: options.indices)
    func mutated(option: Int) async {
        let options = Self.options[option]
        await propertyCheck(count: 800, input: Gen.int(in: 0..<Self.seeds.count), Fuzz.recipes) { seed, recipe in
            let text = String(decoding: Fuzz.mutate(Array(Self.seeds[seed].utf8), recipe), as: UTF8.self)
            if let loaded = Fuzz.bounded(text.debugDescription, { try CSVLoader.loadReporting(text, options: options) })
            {
                Self.check(loaded, options, text)
            }
        }
    }

    @Test("points for prediction")
    func points() async {
        await propertyCheck(count: 800, input: Gen.int(in: 0..<Self.seeds.count), Fuzz.recipes, Gen.int(in: 1...4)) {
            seed, recipe, columns in
            let text = String(decoding: Fuzz.mutate(Array(Self.seeds[seed].utf8), recipe), as: UTF8.self)
            if let points = Fuzz.bounded(
                text.debugDescription,
                { try CSVLoader.loadPoints(text, header: seed == 0, columns: columns, names: ["x1", "x2"]) })
            {
                #expect(points.columns == columns && points.rows >= 1 && points.storage.allSatisfy { $0.isFinite })
            }
        }
    }

    /// Linear, not quadratic: distinct labels beyond the class limit, 10,000 rows against 80,000, timed
    /// alternately in this thread's CPU time (see `Timing.scalingRatio` for the bound). The label parsing
    /// this replaced was quadratic (150,000 distinct labels cost 39 s).
    @Test("large files stay linear: 8× the rows of distinct labels cost about 8× the time, not 64×")
    func large() {
        func file(_ rows: Int) -> String { (0..<rows).map { "\($0 % 97),\($0)" }.joined(separator: "\n") }
        let (small, large) = (file(10_000), file(80_000))
        func load(_ text: String) {
            #expect(
                Fuzz.bounded("\(text.utf8.count) bytes of distinct labels", seconds: 60) {
                    try CSVLoader.loadReporting(text, options: CSVOptions())
                } == nil, "refused at the class limit")
        }
        let ratio = Timing.scalingRatio(clock: .threadCPU, small: { load(small) }, large: { load(large) })
        print("80,000 rows of distinct labels took \(ratio)× the CPU time of 10,000")
        #expect(ratio < Timing.linearBound, "80,000 rows took \(ratio)× as long as 10,000")
    }
}
