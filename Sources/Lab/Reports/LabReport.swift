import Foundation

/// The whole offline site: `index.html` with every experiment's verdict, one page per experiment
/// (`experiments/<id>.html`, charts inline and as `.svg` files) and the function gallery (`gallery/`).
///
/// ```swift
/// let results = try Experiments.all.map { try Experiments.run($0, ExperimentSettings(quick: true)) }
/// try LabReport(results: results).write(to: URL(fileURLWithPath: "report"))
/// ```
public struct LabReport: Sendable {
    public let results: [ExperimentResult]

    public init(results: [ExperimentResult]) { self.results = results }

    /// The front page: what the site holds and one row per experiment.
    public var index: String {
        let rows = results.map { r in
            "<tr><td><a href=\"experiments/\(r.info.id).html\">\(HTML.escape(r.info.title))</a><br><span class=\"id\">\(HTML.escape(r.info.id))</span></td>" +
                "<td class=\"quote\">\(HTML.escape(r.info.claim))</td>" +
                "<td class=\"\(r.holds ? "pass" : "fail")\"><strong>\(r.holds ? "holds" : "does not hold")</strong><br>" +
                "<span class=\"measured\">\(HTML.escape(String(r.verdictLine.drop { $0 != ":" }.dropFirst(2))))</span></td></tr>"
        }
        let held = results.filter(\.holds).count
        let body = """
            <header><h1>ActivationLab: the article's claims, measured</h1>
            <p class="lede">\(results.count) experiments, \(held) of which hold by their stated criteria. Each page shows the \
            sentence tested, the method, the numbers and the charts. The <a href="gallery/index.html">gallery</a> shows every \
            activation function with its derivative.</p></header>
            <section class="panel scroll"><table class="results summary"><tr><th scope="col">experiment</th><th scope="col">the article says</th>\
            <th scope="col">verdict and measurements</th></tr>\(rows.joined())</table></section>
            """
        return HTML.document(title: "ActivationLab report", body: "<main>" + body + "</main>")
    }

    /// Writes the site into `directory`; returns the path of `index.html` first, then every other file.
    @discardableResult
    public func write(to directory: URL, gallery: Gallery = Gallery()) throws -> [URL] {
        var files = try SiteFiles.write([("index.html", index)], to: directory)
        let pages = directory.appendingPathComponent("experiments")
        for result in results {
            files += try SiteFiles.write([("\(result.info.id).html", ExperimentPage(result: result).html)], to: pages)
            files += try result.writeCharts(to: pages)
        }
        files += try gallery.write(to: directory.appendingPathComponent("gallery"))
        return files
    }
}
