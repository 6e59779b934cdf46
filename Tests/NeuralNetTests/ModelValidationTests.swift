import Foundation
import Testing

@testable import NeuralNet

/// A model file is checked against its architecture before use; each broken field is named.
@Suite("Model files: validation before use")
struct ModelValidationTests {
    /// A 2-3-3 softmax classifier with a PReLU layer (learned slopes, one per unit).
    static func model(head: OutputHead = .softmax, outputs: Int = 3, classNames: [String] = ["a", "b", "c"]) throws
        -> ModelFile
    {
        var rng = SeededGenerator(seed: 4)
        let network = try Network<Double>(
            inputs: 2, hidden: [3], activations: [try HiddenActivation.named("prelu")],
            outputs: outputs, head: head, initializer: .glorotUniform, rng: &rng)
        return ModelFile(
            network: network, inputNames: ["x1", "x2"], features: nil,
            normalization: Normalization(mean: [0, 1], standardDeviation: [1, 2]), classNames: classNames)
    }

    func failure(_ file: ModelFile) -> String {
        do { _ = try file.network(); return "accepted" } catch { return error.description }
    }

    @Test("a valid file builds, and predicts")
    func valid() throws {
        let file = try Self.model()
        let network = try file.network()
        let outputs = network.predict(try file.prepare(Matrix(rows: 1, columns: 2, storage: [0.5, -1])))
        #expect(outputs.columns == 3 && abs(outputs.storage.reduce(0, +) - 1) < 1e-12)
    }

    @Test("every broken field is refused, naming it")
    func brokenFields() throws {
        let cases: [(String, (inout ModelFile) -> Void)] = [
            ("normalization.mean has 3", { $0.normalization.mean = [0, 0, 0] }),
            ("normalization.standardDeviation has 1", { $0.normalization.standardDeviation = [1] }),
            ("normalization.standardDeviation[1] is 0.0", { $0.normalization.standardDeviation = [1, 0] }),
            ("normalization.standardDeviation[0] is -2.0", { $0.normalization.standardDeviation = [-2, 1] }),
            ("normalization.mean[0] is nan", { $0.normalization.mean = [.nan, 0] }),
            ("layers[0].weights has 3 rows", { $0.layers[0].weights.append([0, 0, 0]) }),
            ("layers[0].weights[1] has 2 values", { $0.layers[0].weights[1].removeLast() }),
            ("layers[0].bias has 2 values", { $0.layers[0].bias.removeLast() }),
            ("layers[1].weights has 2 rows", { $0.layers[1].weights.removeLast() }),
            ("layers[0].learned has 1 values", { $0.layers[0].learned = [0.25] }),
            ("layers[1].learned has 2 values", { $0.layers[1].learned = [1, 2] }),
            ("layers[0].weights holds inf", { $0.layers[0].weights[0][0] = .infinity }),
            ("classNames has 2 names", { $0.classNames = ["a", "b"] }),
            ("classNames names 'a' twice", { $0.classNames = ["a", "b", "a"] }),
            ("layers[1].activation is relu", { $0.layers[1].activation = "relu" }),
            ("layers[0].activation", { $0.layers[0].activation = "no-such-function" }),
            ("inputNames is empty", { $0.inputNames = [] }),
            (
                "features are computed from 2-D points",
                {
                    $0.inputNames = ["a", "b", "c"]; $0.features = [.x1]
                }
            ),
            ("layers is empty", { $0.layers = [] }),
        ]
        for (expected, breakIt) in cases {
            var file = try Self.model()
            breakIt(&file)
            let message = failure(file)
            #expect(message.contains(expected), "expected '\(expected)', got '\(message)'")
        }
    }

    @Test("heads against class names: sigmoid needs 2 names and 1 output, regression none")
    func heads() throws {
        #expect(failure(try Self.model(head: .sigmoid, outputs: 1, classNames: ["no", "yes"])) == "accepted")
        #expect(
            failure(try Self.model(head: .sigmoid, outputs: 1, classNames: [])).contains(
                "sigmoid head separates 2 classes"))
        #expect(failure(try Self.model(head: .linear, outputs: 1, classNames: [])) == "accepted")
        #expect(
            failure(try Self.model(head: .linear, outputs: 1, classNames: ["a"])).contains("head is for regression"))
        #expect(failure(try Self.model(head: .tanh, outputs: 2, classNames: [])) == "accepted")
    }

    @Test("a key given twice in the JSON is refused, naming where")
    func duplicateKeys() throws {
        let json = String(decoding: try Self.model().encoded(), as: UTF8.self)
        let twice = "{\"version\": 1, " + json.drop { $0 != "{" }.dropFirst()
        #expect(throws: NeuralNetError.self) { try ModelFile.decode(Data(twice.utf8)) }
        #expect(
            JSONDuplicateKeys.first(in: Data(#"{"a": {"b": [1, {"c": 1, "c": 2}]}}"#.utf8))
                == "'c' appears twice in the object at a.b[1]")
        #expect(
            JSONDuplicateKeys.first(in: Data(#"{"a": 1, "\u0061": 2}"#.utf8))
                == "'a' appears twice in the top-level object")
        #expect(JSONDuplicateKeys.first(in: Data(#"{"a": "a", "b": ["a", "a"], "c": {"a": 1}}"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.first(in: Data(#"{"a\"": 1, "a": 2}"#.utf8)) == nil)
    }

    @Test("decoding errors name the field")
    func decodingErrors() throws {
        var object = try JSONSerialization.jsonObject(with: try Self.model().encoded()) as! [String: Any]
        object["classNames"] = [1, "b", "c"]
        let broken = try JSONSerialization.data(withJSONObject: object)
        do { _ = try ModelFile.decode(broken); Issue.record("accepted") } catch {
            #expect(error.description.contains("classNames[0] is not a string"), "\(error)")
        }
    }

    /// The decoder said only "not valid JSON"; the line and column are counted here independently of
    /// the code (the stray character's own place in the text).
    @Test("a file that is not JSON is refused with the line and column of the fault")
    func syntaxErrorPosition() throws {
        let text = String(decoding: try Self.model().encoded(), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = lines.firstIndex { $0.contains("\"head\"") }!
        let column = lines[row].firstIndex(of: "\"")!.utf16Offset(in: lines[row]) + 1
        lines[row].insert("x", at: lines[row].firstIndex(of: "\"")!)  // `x"head" : …`
        do { _ = try ModelFile.decode(Data(lines.joined(separator: "\n").utf8)); Issue.record("accepted") } catch {
            #expect(error.description.contains("not valid JSON at line \(row + 1), column \(column)"), "\(error)")
        }
        // Behind a byte-order mark (which the parser skips) the same place.
        let marked = Data([0xEF, 0xBB, 0xBF]) + Data(lines.joined(separator: "\n").utf8)
        do { _ = try ModelFile.decode(marked); Issue.record("accepted") } catch {
            #expect(error.description.contains("not valid JSON at line \(row + 1), column \(column)"), "\(error)")
        }
        // Columns in characters: a stray x after a class name of two-byte letters.
        let accented = String(decoding: try Self.model(classNames: ["ééé", "b", "c"]).encoded(), as: UTF8.self)
        var rows = accented.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = rows.firstIndex { $0.contains("ééé") }!
        let quoteEnd = rows[at].range(of: "\"ééé\"")!.upperBound
        let characterColumn = rows[at].distance(from: rows[at].startIndex, to: quoteEnd) + 1
        rows[at].insert("x", at: quoteEnd)
        do { _ = try ModelFile.decode(Data(rows.joined(separator: "\n").utf8)); Issue.record("accepted") } catch {
            #expect(error.description.contains("line \(at + 1), column \(characterColumn)"), "\(error)")
        }
        do { _ = try ModelFile.decode(Data()); Issue.record("accepted") } catch {
            #expect(error.description.contains("not valid JSON: it is empty"), "\(error)")
        }
        do { _ = try ModelFile.decode(Data(text.prefix(40).utf8)); Issue.record("accepted") } catch {
            #expect(error.description.contains("not valid JSON: it ends at line"), "\(error)")
        }
        // Refusals the reader makes without a place: a number beyond Double's range, and half of a
        // surrogate pair (it said "Number 1e309 is not representable in Swift." and "it ends at line 1").
        let cases = [
            ("{\"format\": \"activationlab-model\",\n \"version\": 1e309}", "at line 2, column 13: the number 1e309 is beyond a Double's range"),
            (#"{"format": "\ud800"}"#, #"at line 1, column 13: \ud800 is half of a UTF-16 surrogate pair"#),
            (#"{"format": "a\udc00"}"#, #"at line 1, column 14: \udc00 is half"#),
            // Lines end in CR LF (one Character in Swift: counted by it, all was "line 1, column 400").
            ("{\"format\": \"activationlab-model\",\r\n\"note\": 1,\r\n \"version\": 1e309}", "at line 3, column 13: the number 1e309"),
            // The same digits inside a string earlier are text, not the number.
            (#"{"format": "1e309", "version": 1e309}"#, "at line 1, column 32: the number 1e309"),
            (#"{"format": "x11e309y", "version": 1e309}"#, "at line 1, column 35: the number 1e309"),
            // A pair's halves split by another escape are both unpaired.
            (#"{"format": "\ud800\n\udc00"}"#, #"at line 1, column 13: \ud800 is half"#),
        ]
        for (json, expected) in cases {
            do { _ = try ModelFile.decode(Data(json.utf8)); Issue.record("accepted \(json)") } catch {
                #expect(error.description.contains(expected), "\(json): \(error)")
            }
        }
        // A backslash escaped by another starts no escape: a path cut short is an early end, not a surrogate.
        do { _ = try ModelFile.decode(Data(#"{"p": "C:\\udc00", "version":"#.utf8)); Issue.record("accepted") } catch {
            #expect(error.description.contains("it ends at line 1 before its last value is complete"), "\(error)")
        }
        // A whole pair is a character, not an error of this kind.
        do { _ = try ModelFile.decode(Data(#"{"format": "\ud83d\ude00"}"#.utf8)) } catch {
            #expect(!error.description.contains("surrogate"), "\(error)")
        }
        // Well-formed but nested beyond the reader's depth: not called invalid.
        let deep = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        do { _ = try ModelFile.decode(Data(deep.utf8)); Issue.record("accepted") } catch {
            #expect(error.description.contains("JSON nested too deeply to read at line 1"), "\(error)")
            #expect(!error.description.contains("not valid JSON"), "\(error)")
        }
    }

    /// Valid JSON with a number that does not fit was called "not valid JSON"; an unknown head was
    /// Swift's "Cannot initialize OutputHead from invalid String value nonsense".
    @Test("hand edits: a version of 1e300 and an unknown head are named as such")
    func handEdits() throws {
        let text = String(decoding: try Self.model().encoded(), as: UTF8.self)
        let version = try #require(text.firstMatch(of: /"version" : \d+/))
        do { _ = try ModelFile.decode(Data(text.replacingCharacters(in: version.range, with: #""version" : 1e300"#).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("version: 1e+300 does not fit the field") && !error.description.contains("not valid JSON"),
                "\(error)")
        }
        let head = try #require(text.firstMatch(of: /"head" : "\w+"/))
        do { _ = try ModelFile.decode(Data(text.replacingCharacters(in: head.range, with: #""head" : "nonsense""#).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("head: 'nonsense' is not one of its values"), "\(error)")
        }
    }

    /// A model file of a few dozen KB (three layers of 16 units) with a version of 1.5 got the general
    /// "a value does not fit its field": the search for the field stopped at 16 KiB whatever the number
    /// of keys. It is bounded by size times the keys whose value is a number; a model file has one at
    /// its top, its version.
    @Test("a hand edit in a model file larger than 16 KiB is named too")
    func handEditInALargerFile() throws {
        var rng = SeededGenerator(seed: 5)
        let network = try Network<Double>(
            inputs: 2, hidden: [16, 16, 16], activations: try (0..<3).map { _ in try HiddenActivation.named("tanh") },
            outputs: 3, head: .softmax, initializer: .glorotUniform, rng: &rng)
        let model = ModelFile(
            network: network, inputNames: ["x1", "x2"], features: nil,
            normalization: Normalization(mean: [0, 1], standardDeviation: [1, 2]), classNames: ["a", "b", "c"])
        let text = String(decoding: try model.encoded(), as: UTF8.self)
        #expect(text.utf8.count > 16 << 10, "the file is \(text.utf8.count) bytes")
        let version = try #require(text.firstMatch(of: /"version" : \d+/))
        do { _ = try ModelFile.decode(Data(text.replacingCharacters(in: version.range, with: #""version" : 1.5"#).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("version: 1.5 does not fit the field"), "\(error)")
        }
    }

    @Test("a class name longer than a CSV label may be is refused, quoted by its start")
    func longClassName() throws {
        let model = try Self.model(classNames: ["a", String(repeating: "b", count: 900_000), "c"])
        do { try model.validate(); Issue.record("accepted") } catch {
            #expect(error.description.contains("… (900000 characters)' is longer than 100"), "\(error.description.prefix(300))")
        }
    }

    @Test("predict input: a header of the wrong width, or the model's columns swapped, is refused")
    func predictHeaders() throws {
        #expect(throws: NeuralNetError.self) { try CSVLoader.loadPoints("x1,x2,x3\n1,2\n", header: true, columns: 2) }
        #expect(throws: NeuralNetError.self) {
            try CSVLoader.loadPoints("x2,x1\n1,2\n", header: true, columns: 2, names: ["x1", "x2"])
        }
        let points = try CSVLoader.loadPoints("x1,x2\n1,2\n", header: true, columns: 2, names: ["x1", "x2"])
        #expect(points.storage == [1, 2])
    }
}
