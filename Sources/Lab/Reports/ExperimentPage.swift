import Plotting

/// The HTML of one experiment's result: the claim in our words with where the article makes it, the
/// verdict with its criteria over the seeds, the tables and the charts.
struct ExperimentPage {
    let result: ExperimentResult

    /// The page body section (used on its own page and nowhere else, so ids stay unique).
    var section: String {
        let info = result.info
        let mode = result.settings.quick ? "quick mode (\(ExperimentSettings.quickCaveat))" : "full mode"
        return """
            <header><p class="note"><a href="../index.html">ActivationLab report</a> › experiments</p>
            \(HTML.element("h1", info.title))<p class="id">\(HTML.escape(info.id))</p>
            <p class="note mode">\(HTML.escape(result.settings.modeDescription))</p></header>
            <blockquote class="claim"><p>\(HTML.escape(info.claim))</p><footer class="note">the article's claim in our words \
            (claim\(info.claims.count == 1 ? "" : "s") \(info.claims.map(String.init).joined(separator: ", ")); \(HTML.escape(info.source)))</footer></blockquote>
            \(verdict)
            <section class="panel"><h2>Method</h2><p>\(HTML.escape(info.method))</p>\(reading)
            <p class="note">\(mode), base seed \(result.settings.seed), \(seedsRun), \(Format.duration(result.seconds))</p></section>
            \(result.tables.map(Self.table).joined(separator: "\n"))
            <div class="charts">\(result.charts.map(Self.figure).joined(separator: "\n"))</div>
            \(notes)
            """
    }

    var html: String {
        HTML.document(title: result.info.title + " · ActivationLab", body: "<main>" + section + "</main>")
    }

    private var seedsRun: String { result.seeds.count == 1 ? "1 seed (deterministic)" : "\(result.seeds.count) seeds" }

    private var reading: String {
        result.info.reading.isEmpty ? "" : "<p><strong>What we test.</strong> \(HTML.escape(result.info.reading))</p>"
    }

    /// The verdict banner and the list of criteria: threshold, mean ± sd over the seeds, seeds passing.
    private var verdict: String {
        let items = result.criteria.map { s in
            "<li class=\"\(Self.cssClass(s.verdict))\"><span class=\"mark\">\(Self.mark(s.verdict))</span> "
                + "<span class=\"note\">\(s.criterion.claimLabel):</span> \(HTML.escape(s.criterion.statement))<br><span class=\"measured\">\(HTML.escape(s.line.drop { $0 != ":" }.dropFirst(2).description))"
                + " · \(s.verdict.rawValue)</span></li>"
        }
        let word =
            result.verdict == .notJudged
            ? "Not judged: no criterion, since everything shown is true by definition or construction"
            : result.verdict.rawValue.prefix(1).uppercased() + result.verdict.rawValue.dropFirst()
        let scope =
            result.settings.quick && result.verdict != .notJudged
            ? " <span class=\"note\">(quick-run verdict: \(HTML.escape(ExperimentSettings.quickCaveat)))</span>" : ""
        return """
            <section class="panel verdict \(Self.cssClass(result.verdict))">
            <h2>\(word)\(scope)</h2><ul class="checks">\(items.joined())</ul>\(facts)</section>
            """
    }

    /// The facts shown but not judged (true by definition or construction: a criterion on them could not fail).
    private var facts: String {
        guard !result.facts.isEmpty else { return "" }
        let items = result.facts.map { fact in
            "<li><span class=\"note\">claim\(fact.claims.count == 1 ? "" : "s") \(fact.claims.map(String.init).joined(separator: ", ")):</span> \(HTML.escape(fact.text))</li>"
        }
        return
            "<h3>Shown, not judged (true by definition or construction, so not a criterion)</h3><ul>\(items.joined())</ul>"
    }

    static func cssClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .holds: "holds";
        case .mixed: "mixed";
        case .doesNotHold: "fails"
        case .notMeasured, .notJudged: "unmeasured"
        }
    }

    static func mark(_ verdict: Verdict) -> String {
        switch verdict {
        case .holds: "✓";
        case .mixed: "±";
        case .doesNotHold: "✗"
        case .notMeasured, .notJudged: "–"
        }
    }

    private var notes: String {
        guard !result.notes.isEmpty else { return "" }
        return "<section class=\"panel\"><h2>Notes</h2>" + result.notes.map { "<p>\(HTML.escape($0))</p>" }.joined()
            + "</section>"
    }

    static func table(_ table: ResultTable) -> String {
        let head = "<tr>" + table.columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>"
        let rows = table.rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        return
            "<section class=\"panel scroll\"><h3>\(HTML.escape(table.title))</h3><table class=\"results\">\(head)\(rows.joined())</table></section>"
    }

    static func figure(_ chart: ResultChart) -> String {
        "<figure class=\"panel\">\(HTML.inline(chart.chart))<figcaption class=\"note\">\(HTML.escape(chart.caption))</figcaption></figure>"
    }
}
