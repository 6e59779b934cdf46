import ActivationFunctions
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("activations plot")
struct PlotCommandTests {
    /// Whether `text` is well-formed XML.
    static func parses(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("one function: the SVG goes to standard output, f only by default")
    func one() async throws {
        let result = try await CLI.run(["plot", "sigmoid"])
        #expect(result.status == 0 && result.error.isEmpty)
        #expect(Self.parses(result.output))
        #expect(Self.count("<path class=\"series", in: result.output) == 1)
        let both = try await CLI.run(["plot", "leaky-relu", "--both", "--param", "slope=0.2", "--range", "-3:3"])
        #expect(Self.count("<path class=\"series", in: both.output) == 2)
        #expect(both.output.contains("slope = 0.2"))
    }

    @Test("--compare overlays the functions; -o writes a file")
    func compare() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await CLI.run(["plot", "--compare", "relu,sigmoid,tanh", "--derivative", "-o", file.path])
        #expect(result.status == 0 && result.output.isEmpty)
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(Self.parses(svg) && Self.count("<path class=\"series", in: svg) == 3)
    }

    @Test("--all writes the gallery into a directory")
    func all() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.run(["plot", "--all", "-o", directory.path])
        #expect(result.status == 0)
        let html = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(Self.count("<article class=\"card\"", in: html) == Activations.all.count)
    }

    @Test(
        "bad input: a clear message, exit 64, nothing on standard output",
        arguments: [
            ["plot", "nope"], ["plot", "relu", "--range", "3:1"], ["plot", "relu", "--range", "abc"],
            ["plot", "relu", "--range", "1:inf"], ["plot", "relu", "--derivative", "--both"],
            ["plot"], ["plot", "relu", "--all"], ["plot", "--all"], ["plot", "--compare", "relu,softmax"],
            ["plot", "--compare", "relu", "--param", "slope=1"], ["plot", "relu", "--param", "slope=1"],
        ])
    func badInput(arguments: [String]) async throws {
        let result = try await CLI.run(arguments)
        #expect(result.status == 64, "\(arguments)")
        #expect(result.output.isEmpty, "\(arguments)")
        #expect(result.error.hasPrefix("error: "), "\(arguments): \(result.error)")
    }
}
