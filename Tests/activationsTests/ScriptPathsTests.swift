import Foundation
import Testing

/// Every `Scripts/…` path that the code, the tests, the documentation or CI names exists, so that
/// moving or renaming a script cannot leave a command that a reader (or `.ci/run`) would fail to find.
/// Virtualenv paths (`Scripts/.venv…`) are made on first use and are not checked.
@Suite struct ScriptPathsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let textExtensions: Set<String> = ["swift", "md", "py", "js", "css", "html", "sh", "c", "h", "txt", ""]

    /// The text files to read: the README, CONTRIBUTING, CI's script, and everything under the source
    /// folders (build folders and virtualenvs skipped).
    static func files() -> [URL] {
        var found = ["README.md", "CONTRIBUTING.md", ".ci/run"].map { root.appendingPathComponent($0) }
        for folder in ["Sources", "Tests", "Scripts", "Benchmarks"] {
            let enumerator = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                if url.lastPathComponent.hasPrefix(".") {
                    enumerator?.skipDescendants()
                    continue
                }
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                if isFile && textExtensions.contains(url.pathExtension) { found.append(url) }
            }
        }
        return found
    }

    /// `Scripts/…` mentions in `text`, trailing punctuation removed, with their line numbers.
    static func mentions(in text: String) -> [(line: Int, path: String)] {
        let pattern = /Scripts\/[A-Za-z0-9_.\/\-]+/
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            line.matches(of: pattern).map { match in
                var path = String(match.output)
                while let last = path.last, ".,:;/".contains(last) { path.removeLast() }
                return (index + 1, path)
            }
        }
    }

    @Test func everyNamedScriptExists() throws {
        var missing: [String] = []
        var checked = 0
        for file in Self.files() {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for (line, path) in Self.mentions(in: text) where !path.contains("/.venv") {
                checked += 1
                if !FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path) {
                    missing.append("\(file.path.dropFirst(Self.root.path.count + 1)):\(line): \(path)")
                }
            }
        }
        #expect(checked > 50, "the walk found only \(checked) mentions of Scripts/: is the root right?")
        #expect(missing.isEmpty, "named but missing:\n\(missing.joined(separator: "\n"))")
    }

    @Test func aMissingScriptIsCaught() {
        // Spelt in two pieces, so that this file does not itself name a missing script.
        let missing = "Scripts" + "/no-such-script"
        let found = Self.mentions(in: "run `\(missing) --check`.\nthen Scripts/docs/catalog-doc.")
        #expect(found.map(\.path) == [missing, "Scripts/docs/catalog-doc"])
        #expect(found.map(\.line) == [1, 2])
        #expect(!FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(found[0].path).path))
    }
}
