import Foundation
import Hummingbird

/// The page's own files (HTML, CSS, JavaScript), shipped as resources and read once.
enum WebFiles {
    static let files: [String: [UInt8]] = {
        guard let folder = Bundle.module.url(forResource: "Web", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        return Dictionary(uniqueKeysWithValues: names.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
        })
    }()

    /// Set `PLAYGROUND_WEB_DIR` to Sources/Playground/Web to edit the page without rebuilding.
    static let developmentFolder = ProcessInfo.processInfo.environment["PLAYGROUND_WEB_DIR"].map(URL.init(fileURLWithPath:))

    static func response(_ name: String) throws(PlaygroundError) -> Response {
        if let folder = developmentFolder, !name.contains("/"), let data = try? Data(contentsOf: folder.appendingPathComponent(name)) {
            return Reply.bytes(Array(data), type: contentType(name))
        }
        guard let bytes = files[name] else { throw PlaygroundError(.notFound, "no file \(name)") }
        return Reply.bytes(bytes, type: contentType(name))
    }

    static func contentType(_ name: String) -> String {
        switch name.split(separator: ".").last ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// The experiments report written by `activations report -o DIR`, when the server was given one.
struct ReportFiles {
    let directory: URL?

    func response(_ path: String) throws(PlaygroundError) -> Response {
        guard let directory, FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.html").path) else {
            return Reply.html(Self.missing(directory))
        }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { throw .bad("bad path \(path)") }
        let file = parts.isEmpty ? "index.html" : parts.joined(separator: "/")
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)) else { throw PlaygroundError(.notFound, "no file \(file) in the report") }
        return Reply.bytes(Array(data), type: WebFiles.contentType(file))
    }

    static func missing(_ directory: URL?) -> String {
        let asked = directory.map { "<p>There is no report in <code>\($0.path)</code> yet.</p>" } ?? ""
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Experiments report</title><link rel="stylesheet" href="/static/style.css"><script src="/static/theme.js"></script></head>
            <body class="doc"><nav class="tabs"><a href="/">Playground</a><a href="/gallery">Gallery</a><a class="current" href="/experiments/">Experiments</a></nav>
            <main class="doc"><h1>Experiments report</h1>\(asked)
            <p>Each of the article's claims is an experiment that runs headless. Write the report, then serve it with the playground:</p>
            <pre>swift run -c release activations report -o report
            swift run -c release activations serve --experiments report</pre>
            <p>(<code>serve</code> uses <code>./report</code> when it exists.) Meanwhile the presets on the playground page set up each claim live.</p></main></body></html>
            """
    }
}
