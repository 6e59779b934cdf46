import ActivationFunctions
import Foundation
import Testing

@Suite("activations list --docc-pages")
struct CatalogPagesCLITests {
    /// Writes the pages into a fresh temporary folder and reads them back by file name.
    func writePages() async throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docc-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLI.run(["list", "--docc-pages", folder.appendingPathComponent("Functions").path])
        #expect(result.status == 0, "\(result.error)")
        let directory = folder.appendingPathComponent("Functions")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try Dictionary(
            uniqueKeysWithValues: names.map { name in
                (name, try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            })
    }

    @Test("one page per catalog function, titled by its type, with its formula, derivative and command")
    func onePagePerFunction() async throws {
        let pages = try await writePages()
        #expect(pages.count == Activations.all.count)
        for definition in Activations.all {
            let name = "\(definition)"
            let info = definition.info
            guard let page = pages[name + ".md"] else { Issue.record("no page for \(name)"); continue }
            #expect(page.hasPrefix("# ``ActivationFunctions/\(name)``\n"), "\(name)")
            #expect(page.contains("f(x): `\(info.formula)`") && page.contains("f′(x): `\(info.derivativeFormula)`"))
            #expect(page.contains("activations show \(info.id)\n"), "\(name)")
            for parameter in info.parameters { #expect(page.contains("| `\(parameter.name)` |"), "\(name)") }
        }
    }

    @Test("kink pages give PyTorch's derivative at the kink and either side of it")
    func kinkConventions() async throws {
        let pages = try await writePages()
        // PyTorch: relu′(0) = 0 (threshold_backward passes x > 0 only); leaky_relu′(0) = negative_slope = 0.01.
        #expect(
            pages["ReLU.md"]?.contains(
                "- x = 0: at the defaults `derivative(at:)` returns 0 there, 0 just left of it and 1 just right")
                == true)
        #expect(pages["LeakyReLU.md"]?.contains("returns 0.01 there, 0.01 just left of it and 1 just right") == true)
        // A kink at a parameter is placed at its default; PyTorch's hardtanh_backward passes min < x < max only.
        #expect(
            pages["HardTanh.md"]?.contains(
                "- x = min (-1 at the defaults): at the defaults `derivative(at:)` returns 0 there") == true)
        #expect(pages["Sigmoid.md"]?.contains("None: f′ is continuous everywhere.") == true)
    }

    @Test("a bad folder or a second output format is refused in words")
    func refusals() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docc-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let intoFile = try await CLI.run(["list", "--docc-pages", file.appendingPathComponent("pages").path])
        #expect(intoFile.status != 0 && intoFile.error.contains("is a file, not a folder"), "\(intoFile.error)")
        let both = try await CLI.run(["list", "--markdown", "--docc-pages", "pages"])
        #expect(both.status != 0 && both.error.contains("choose one of"), "\(both.error)")
    }
}
