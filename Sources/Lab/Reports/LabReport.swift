import Foundation

/// The whole offline site: `index.html` with every experiment's verdict, one page per experiment
/// (`experiments/<id>.html`, charts inline and as `.svg` files) and the function gallery (`gallery/`).
///
/// ```swift
/// let results = try Experiments.all.map { try Experiments.run($0, ExperimentSettings(quick: true)) }
/// try LabReport(results: results).write(to: URL(fileURLWithPath: "report"))
/// ```
public struct LabReport: Sendable {
    /// One result per experiment shown, in the order given.
    public let results: [ExperimentResult]

    /// A site for `results`.
    public init(results: [ExperimentResult]) { self.results = results }

    /// The front page: one row per claim of the article (verdict and key number), then one per experiment.
    public var index: String {
        let counts = Verdict.allCases.filter { v in
            ![.notMeasured, .notJudged].contains(v) || results.contains { $0.verdict == v }
        }
            .map { v in Self.counted(results.filter { $0.verdict == v }.count, v) }.joined(
                separator: ", ")
        let body = """
            <header><h1>ActivationLab: the article's claims, measured</h1>
            <p class="lede mode"><strong>\(HTML.escape(mode))</strong></p>
            <p class="lede">\(results.count) experiments (\(counts)), each run on several seeds with criteria fixed before the \
            run. Each page gives the claim in our words with its place in the article, the method, the criteria with their \
            mean ± sd over the seeds, the tables and the charts. The <a href="gallery/index.html">gallery</a> shows every \
            activation function with its derivative.</p></header>
            <section class="panel scroll"><h2>Every claim of the article</h2><table class="results summary"><tr><th scope="col">#</th>\
            <th scope="col">the article says (our words; section, line)</th><th scope="col">experiment</th>\
            <th scope="col">verdict and key number</th></tr>\(ClaimTable.rows(results).joined())</table></section>
            """
        return HTML.document(title: "ActivationLab report", body: "<main>" + body + "</main>")
    }

    /// "1 holds", "2 hold", "1 does not hold", "2 do not hold", "3 mixed", "1 not measured", "1 not judged".
    static func counted(_ count: Int, _ verdict: Verdict) -> String {
        switch verdict {
        case .holds: "\(count) \(count == 1 ? "holds" : "hold")"
        case .doesNotHold: "\(count) \(count == 1 ? "does" : "do") not hold"
        case .mixed, .notMeasured, .notJudged: "\(count) \(verdict.rawValue)"
        }
    }

    /// How the results were run, for the top of the index: "Quick run (smaller data and nets, fewer epochs; the
    /// full run is the reference): every verdict here is a quick-run verdict. Base seed 1." or "Full run, base
    /// seed 1."; each mode and base seed is named when the results mix them.
    var mode: String {
        let quick = results.filter(\.settings.quick).count
        let seeds = results.map(\.settings.seed).reduce(into: [UInt64]()) { if !$0.contains($1) { $0.append($1) } }
        let seedText = "base seed\(seeds.count == 1 ? "" : "s") " + seeds.map(String.init).joined(separator: ", ")
        if quick == 0 { return "Full run, \(seedText)." }
        let caveat = "(\(ExperimentSettings.quickCaveat))"
        if quick == results.count {
            return
                "Quick run \(caveat): every verdict here is a quick-run verdict. \(seedText.prefix(1).uppercased() + seedText.dropFirst())."
        }
        return
            "Mixed modes: \(quick) of \(results.count) experiments are quick runs \(caveat), marked so below; \(seedText)."
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
