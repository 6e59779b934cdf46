import Plotting

/// The HTML of one experiment's result: the article's sentence, the verdict with its checks, the
/// tables and the charts.
struct ExperimentPage {
    let result: ExperimentResult

    /// The page body section (used on its own page and nowhere else, so ids stay unique).
    var section: String {
        let info = result.info
        let mode = result.settings.quick ? "quick mode" : "full mode"
        return """
            <header><p class="note"><a href="../index.html">ActivationLab report</a> › experiments</p>
            \(HTML.element("h1", info.title))<p class="id">\(HTML.escape(info.id))</p></header>
            <blockquote class="claim"><p>\(HTML.escape(info.claim))</p><footer class="note">the article's claim</footer></blockquote>
            \(verdict)
            <section class="panel"><h2>Method</h2><p>\(HTML.escape(info.method))</p>
            <p class="note">\(mode), seed \(result.settings.seed), \(Format.number(result.seconds, 2)) s</p></section>
            \(result.tables.map(Self.table).joined(separator: "\n"))
            <div class="charts">\(result.charts.map(Self.figure).joined(separator: "\n"))</div>
            \(notes)
            """
    }

    var html: String { HTML.document(title: result.info.title + " · ActivationLab", body: "<main>" + section + "</main>") }

    /// The verdict banner and the list of criteria with what was measured.
    private var verdict: String {
        let checks = result.checks.map { check in
            "<li class=\"\(check.passed ? "pass" : "fail")\"><span class=\"mark\">\(check.passed ? "✓" : "✗")</span> " +
                "\(HTML.escape(check.criterion))<br><span class=\"measured\">\(HTML.escape(check.measured))</span></li>"
        }
        return """
            <section class="panel verdict \(result.holds ? "holds" : "fails")">
            <h2>\(result.holds ? "Holds" : "Does not hold")</h2><ul class="checks">\(checks.joined())</ul></section>
            """
    }

    private var notes: String {
        guard !result.notes.isEmpty else { return "" }
        return "<section class=\"panel\"><h2>Notes</h2>" + result.notes.map { "<p>\(HTML.escape($0))</p>" }.joined() + "</section>"
    }

    static func table(_ table: ResultTable) -> String {
        let head = "<tr>" + table.columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>"
        let rows = table.rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        return "<section class=\"panel scroll\"><h3>\(HTML.escape(table.title))</h3><table class=\"results\">\(head)\(rows.joined())</table></section>"
    }

    static func figure(_ chart: ResultChart) -> String {
        "<figure class=\"panel\">\(HTML.inline(chart.chart))<figcaption class=\"note\">\(HTML.escape(chart.caption))</figcaption></figure>"
    }
}
