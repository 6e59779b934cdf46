import Foundation
import Hummingbird

/// The page's own files (HTML, CSS, JavaScript), shipped as resources and read once.
enum WebFiles {
    static let files: [String: [UInt8]] = {
        guard let folder = Bundle.module.url(forResource: "Web", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: names.compactMap { name in
                (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
            })
    }()

    /// Set `PLAYGROUND_WEB_DIR` to Sources/Playground/Web to edit the page without rebuilding.
    static let developmentFolder = ProcessInfo.processInfo.environment["PLAYGROUND_WEB_DIR"].map(
        URL.init(fileURLWithPath:))

    static func response(_ name: String) throws(PlaygroundError) -> Response {
        if let folder = developmentFolder, !name.contains("/"),
            let data = try? Data(contentsOf: folder.appendingPathComponent(name))
        {
            return Reply.bytes(Array(data), type: contentType(name))
        }
        guard let bytes = files[name] else { throw PlaygroundError(.notFound, "no file \(name)") }
        return Reply.bytes(bytes, type: contentType(name))
    }

    /// A page file as text (index.html, to add the site's header).
    static func text(_ name: String) throws(PlaygroundError) -> String {
        if let folder = developmentFolder, let data = try? Data(contentsOf: folder.appendingPathComponent(name)) {
            return String(decoding: data, as: UTF8.self)
        }
        guard let bytes = files[name] else { throw PlaygroundError(.notFound, "no file \(name)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func contentType(_ name: String) -> String {
        switch name.split(separator: ".").last ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "json": "application/json; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// The experiments report written by `activations report -o DIR`, when the server was given one, else
/// the quick report run here on demand; before either exists, the page that offers to run it.
struct ReportFiles {
    let directory: URL?
    let quick: QuickReport

    func response(_ path: String) throws(PlaygroundError) -> Response {
        let written = directory.flatMap {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.html").path) ? $0 : nil
        }
        guard let folder = written ?? quick.directory else {
            return Reply.html(ExperimentsPage.html(total: quick.current.total))
        }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { throw .bad("bad path \(path)") }
        let file = parts.isEmpty ? "index.html" : parts.joined(separator: "/")
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)) else {
            throw PlaygroundError(.notFound, "no file \(file) in the report")
        }
        if file.hasSuffix(".html") {
            return Reply.html(SiteHeader.inject(into: String(decoding: data, as: UTF8.self), current: .experiments))
        }
        return Reply.bytes(Array(data), type: WebFiles.contentType(file))
    }
}
