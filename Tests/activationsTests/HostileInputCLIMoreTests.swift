import Foundation
import Testing

/// A second hostile tester's findings (6 Dec, later): each case lost a file, ran without bound,
/// printed NaN or dropped input without a word, and failed before its fix.
@Suite("activations: a second hostile tester's findings")
struct HostileInputCLIMoreTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-more-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A model saved onto a full disk replaced the good model with a truncated one (exit 64). Files
    /// are now written beside themselves and renamed: a failed write is an I/O error (74) and leaves
    /// what was there; a symbolic link stays a link to the file it names.
    @Test("an output file that cannot be written is exit 74; a link stays a link")
    func outputFiles() throws {
        if FileManager.default.fileExists(atPath: "/dev/full") {  // Linux
            let full = try CLI.run(["plot", "sigmoid", "-o", "/dev/full"])
            #expect(full.status == 74 && full.error.contains("cannot write /dev/full"), "\(full.status) \(full.error)")
        }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (target, link) = (folder.appendingPathComponent("chart.svg"), folder.appendingPathComponent("link.svg"))
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let plotted = try CLI.run(["plot", "sigmoid", "-o", link.path])
        #expect(plotted.status == 0, "\(plotted.error)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("<svg"))
    }
}
