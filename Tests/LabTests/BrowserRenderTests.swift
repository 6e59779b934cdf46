import Foundation
import Lab
import Testing

/// Headless Chromium, when it is installed (Debian: `apt-get install chromium`); CHROMIUM overrides.
enum Chromium {
    /// The browser: `$CHROMIUM` when set (CI sets it, so that the test runs rather than skips), else the
    /// first of chromium, chromium-browser, google-chrome on the PATH.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["CHROMIUM"], !chosen.isEmpty { return chosen }
        let directories = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
        }
        return nil
    }()

    /// Renders `page` to a PNG of `width` × `height`; returns the PNG's bytes.
    static func screenshot(_ page: URL, width: Int, height: Int, in directory: URL) throws -> Data {
        let png = directory.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "chromium")
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=" + directory.appendingPathComponent("profile").path,
            "--window-size=\(width),\(height)", "--screenshot=" + png.path, page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func size(ofPNG data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}

@Suite("render in a real browser")
struct BrowserRenderTests {
    @Test(
        "the gallery and a training report render to PNG in headless Chromium",
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium); the browser render check is skipped"),
        .timeLimit(.minutes(2)))
    func render() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let gallery = try Gallery().write(to: directory.appendingPathComponent("gallery"))[0]
        let report = try TrainedReport.make().write(to: directory.appendingPathComponent("report"))[0]
        for page in [gallery, report] {
            let png = try Chromium.screenshot(page, width: 900, height: 1200, in: directory)
            let size = Chromium.size(ofPNG: png)
            #expect(size?.width == 900 && size?.height == 1200, "\(page.path)")
            // A blank page compresses to a few kilobytes; charts, text and tables do not.
            #expect(png.count > 30_000, "\(page.path) rendered to only \(png.count) bytes")
        }
    }
}
