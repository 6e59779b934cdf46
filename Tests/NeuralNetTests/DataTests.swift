import Foundation
import Testing

@testable import NeuralNet

@Suite("Datasets")
struct DataTests {
    @Test("every generator: count, balance, ranges", arguments: Datasets.all.map(\.id))
    func generator(_ id: String) throws {
        let generator = try Datasets.named(id)
        let data = try generator.generate(noise: 0.1, seed: 7)
        #expect(abs(data.count - generator.defaultCount) <= 2)
        #expect(data.inputs.storage.allSatisfy { $0.isFinite && abs($0) < 12 })
        if case .classes(let labels, let names) = data.labels {
            let counts = Dictionary(grouping: labels, by: { $0 }).mapValues(\.count)
            #expect(counts.count == names.count)
            #expect(counts.values.allSatisfy { Double($0) > 0.25 * Double(data.count) / Double(names.count) })
        }
        #expect(try generator.generate(seed: 7).inputs == (try generator.generate(seed: 7).inputs))
    }

    /// `takesClassCount` is what the CLI checks `--classes` against before it generates anything:
    /// it must say what the generator does with the count.
    @Test("takesClassCount says whether a generator uses its class count", arguments: Datasets.all.map(\.id))
    func classCount(_ id: String) throws {
        let generator = try Datasets.named(id)
        let (two, five) = (
            try generator.generate(count: 60, classes: 2, seed: 3), try generator.generate(count: 60, classes: 5, seed: 3)
        )
        if generator.takesClassCount {
            #expect(two.classNames.count == 2 && five.classNames.count == 5)
        } else {
            #expect(two.classNames == five.classNames && two.inputs == five.inputs)
        }
    }

    @Test("circle: the inner disc is one class, the ring the other (no noise)")
    func circle() throws {
        let data = try Datasets.named("circle").generate(noise: 0, seed: 3)
        guard case .classes(let labels, _) = data.labels else { Issue.record("circle is a classification set"); return }
        for i in 0..<data.count {
            let r = (data.inputs[i, 0] * data.inputs[i, 0] + data.inputs[i, 1] * data.inputs[i, 1]).squareRoot()
            #expect(labels[i] == (r < 2.5 ? 1 : 0))
            #expect(r <= 2.5 || r >= 3.5)
        }
    }

    @Test("xor: points keep 0.3 from the axes; the label is the sign of x·y")
    func xor() throws {
        let data = try Datasets.named("xor").generate(noise: 0, seed: 3)
        guard case .classes(let labels, _) = data.labels else { return }
        for i in 0..<data.count {
            let (x, y) = (data.inputs[i, 0], data.inputs[i, 1])
            #expect(abs(x) >= 0.3 && abs(y) >= 0.3)
            #expect(labels[i] == (x * y >= 0 ? 1 : 0))
        }
    }

    @Test("reg-plane: label (x + y)/10 without noise")
    func plane() throws {
        let data = try Datasets.named("reg-plane").generate(noise: 0, seed: 3)
        guard case .values(let values) = data.labels else { return }
        for i in 0..<data.count { #expect(abs(values[i, 0] - (data.inputs[i, 0] + data.inputs[i, 1]) / 10) < 1e-12) }
    }

    @Test("the split keeps every point once; features map 2-D points")
    func splitAndFeatures() throws {
        let data = try Datasets.named("spiral").generate(seed: 1)
        let (train, test) = try data.split(trainFraction: 0.7, seed: 5)
        #expect(train.count == 350 && test.count == 150)
        let mapped = try Feature.map(data, [.x1, .x1Squared, .sinX2])
        #expect(mapped.inputs.columns == 3 && mapped.featureNames == ["x1", "x1^2", "sin(x2)"])
        #expect(mapped.inputs[4, 1] == data.inputs[4, 0] * data.inputs[4, 0])
    }

    @Test("bad generator settings are refused")
    func badSettings() throws {
        #expect(throws: NeuralNetError.self) { try Datasets.named("circle").generate(noise: 0.8, seed: 1) }
        #expect(throws: NeuralNetError.self) { try Datasets.named("circle").generate(count: 1, seed: 1) }
        #expect(throws: NeuralNetError.self) { try Datasets.named("blobs").generate(classes: 40, seed: 1) }
    }
}

@Suite("CSV and model files")
struct FileTests {
    func load(_ text: String, header: Bool = false, label: String? = nil, classes: Bool = true) throws -> Dataset {
        try CSVLoader.load(text, options: CSVOptions(header: header, labelColumn: label, classification: classes))
    }

    func message(_ text: String, header: Bool = false) -> String {
        do { _ = try load(text, header: header); return "" } catch { return "\(error)" }
    }

    @Test("good files: header, BOM, CRLF, spaces, string labels, a chosen label column")
    func good() throws {
        let data = try load("\u{FEFF}a,b,kind\r\n 1 , 2 ,cat\r\n3,4,dog\r\n5,6,cat\r\n", header: true)
        #expect(data.inputs == Matrix([[1, 2], [3, 4], [5, 6]]))
        #expect(data.labels == .classes([0, 1, 0], names: ["cat", "dog"]))
        #expect(data.featureNames == ["a", "b"])
        let first = try load("0,1.5,2\n1,2.5,3\n", label: "1")
        #expect(
            first.labels == .classes([0, 1], names: ["0", "1"]) && first.inputs == Matrix([[1.5, 2], [2.5, 3]]))
        let regression = try load("1,0.5\n2,1.5\n", classes: false)
        #expect(regression.labels == .values(Matrix([[0.5], [1.5]])))
    }

    @Test(
        "bad files are refused with the line and column",
        arguments: [
            ("1,2,3\n4,5\n", "line 2: 2 columns, expected 3"),
            ("4,abc,6\n", "line 1, column 2: could not convert 'abc'"),
            ("", "no data"),
            ("1,,3\n", "line 1, column 2: the cell is empty"),
            ("1,2,3,\n", "line 1, column 4"),
            ("nan,1,0\n", "line 1, column 1: 'nan' is not finite"),
            ("1e400,1,0\n", "line 1, column 1"),
            ("1,2,\"a\n3,4,1\n", "line 1, column 3: the quoted cell is not closed"),
            ("1,2,0\n3,4,0\n", "at least 2 classes"),
            // A label is a name: one of 1.9 MB went into every playground frame; quoted by its start.
            ("1,2,0\n3,4,\(String(repeating: "x", count: 101))\n", "line 2, column 3: the label 'xxx"),
            ("1,2,0\n3,4,\(String(repeating: "x", count: 101))\n", "… (101 characters)' is longer than 100"),
            ("1,\(String(repeating: "7", count: 5000))x,0\n", "… (5001 characters)' to a number"),
        ])
    func bad(_ text: String, _ expected: String) {
        #expect(message(text).contains(expected), "\(message(text))")
    }

    /// `a,a,b` with `--label a` took the first a as the label and the second as a feature; real-valued
    /// labels trained one class per row.
    @Test("a header naming two columns alike, and real-valued class labels, are refused")
    func ambiguousFiles() {
        let ambiguous = { () -> String in
            do { _ = try load("a,a,b\n1,2,0\n3,4,1\n", header: true, label: "a"); return "" } catch { return "\(error)" }
        }()
        #expect(ambiguous.contains("columns 1 and 2 are both named 'a'; give the label column by its number"), "\(ambiguous)")
        #expect(message("v,v,label\n1,2,0\n3,4,1\n", header: true).isEmpty)  // repeated names the run does not use
        let real = message((0..<30).map { "\($0),\($0 % 7),\(Double($0) / 8 + 0.01)" }.joined(separator: "\n"))
        #expect(real.contains("30 distinct labels") && real.contains("--regression"), "\(real)")
        #expect(message("1,2,1.0\n3,4,2.0\n5,6,1.0\n").isEmpty)  // whole numbers written with a point are classes
        #expect(message("1,2,3.5\n3,4,4.5\n5,6,3.5\n").isEmpty)  // a few such labels (ratings) stay classes
    }

    @Test("a header with no rows is refused")
    func headerOnly() {
        #expect(message("a,b,c\n", header: true).contains("no data rows"))
    }

    @Test("a model survives a JSON round trip and predicts the same outputs")
    func modelRoundTrip() throws {
        var c = TrainingConfiguration()
        (c.hidden, c.activations, c.epochs, c.features) = ([5, 3], ["prelu", "tanh"], 3, [.x1, .x2, .x1TimesX2])
        var session = try TrainingSession(
            configuration: c, data: try Datasets.named("xor").generate(count: 100, seed: 2))
        while !session.isFinished { try session.runEpoch() }
        let file = session.modelFile(inputNames: ["x1", "x2"])
        let decoded = try ModelFile.decode(file.encoded())
        #expect(decoded == file)
        let points = Matrix([[1.0, -2.0], [0.5, 3.0]])
        let restored = try decoded.network().predict(try decoded.prepare(points))
        let original = session.network.predict(try file.prepare(points))
        #expect(restored == original)
        #expect(throws: NeuralNetError.self) { try ModelFile.decode(Data("{\"format\": 1}".utf8)) }
        #expect(throws: NeuralNetError.self) { try decoded.prepare(Matrix([[1.0, 2.0, 3.0]])) }
    }
}
