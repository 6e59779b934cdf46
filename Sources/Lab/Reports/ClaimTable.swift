/// The rows of the report's claim table: every claim of the article, the experiment testing it, and its
/// verdict from the criteria that name that claim, and no others, with the key number (the first of those
/// criteria, or the first of them that does not hold: mean ± sd and seeds passing).
enum ClaimTable {
    static func rows(_ results: [ExperimentResult]) -> [String] {
        ArticleClaims.all.map { claim in
            let head =
                "<tr><td>\(claim.number)</td><td>\(HTML.escape(claim.text)) <span class=\"note\">(\(HTML.escape(claim.section)), line \(claim.lines))</span></td>"
            let testing = results.filter { $0.info.claims.contains(claim.number) }
            guard !testing.isEmpty else {
                let why = claim.isTestable ? "not run in this report" : ArticleClaims.reasonUntested(claim.number)
                return head + "<td>–</td><td class=\"note\">\(HTML.escape(why))</td></tr>"
            }
            let links = testing.map { "<a href=\"experiments/\($0.info.id).html\">\(HTML.escape($0.info.id))</a>" }
                .joined(separator: "<br>")
            let verdicts = testing.map { cell($0, claim.number) }.joined(separator: "<br>")
            return head + "<td>\(links)</td><td>\(verdicts)</td></tr>"
        }
    }

    /// "holds" in its colour, then the key number; judged by the criteria naming `claim` alone.
    static func cell(_ result: ExperimentResult, _ claim: Int) -> String {
        let criteria = result.criteria(forClaim: claim)
        guard let verdict = result.verdict(forClaim: claim) else {
            let facts = result.facts(forClaim: claim)
            guard !facts.isEmpty else {
                return "<span class=\"note\">no criterion of this experiment tests claim \(claim)</span>"
            }
            return "<span class=\"note\">no verdict: shown, not judged (true by definition or construction):</span> "
                + "<span class=\"measured\">\(facts.map { HTML.escape($0.text) }.joined(separator: "; "))</span>"
        }
        // What keeps it from holding.
        let shown = verdict == .holds ? criteria.first : criteria.first { $0.verdict != .holds }
        let key = shown.map { HTML.escape($0.line) } ?? ""
        let scope = result.settings.quick ? " <span class=\"note\">(quick run)</span>" : ""
        return
            "<span class=\"\(ExperimentPage.cssClass(verdict))\"><strong class=\"mark\">\(verdict.rawValue)</strong></span>\(scope) <span class=\"measured\">\(key)</span>"
    }
}
