import Foundation
import Plotting

extension ExperimentResult {
    /// The result as plain text: title, claim, tables, checks and the verdict line last.
    public var text: String {
        let seedsRun = seeds.isEmpty ? "" : ", \(seeds.count) seed\(seeds.count == 1 ? "" : "s") run"
        var lines = [
            "\(info.id): \(info.title)",
            "claim (\(info.source); claims \(info.claims.map(String.init).joined(separator: ", "))): \(info.claim)",
        ]
        if !info.reading.isEmpty { lines.append("reading: \(info.reading)") }
        lines += [
            "mode: \(settings.modeDescription)\(seedsRun), \(Format.duration(seconds))",
            "",
        ]
        for table in tables { lines += TextTable.render(table) + [""] }
        lines += checks.map {
            ($0.passed ? "  ✓ " : $0.value.isNaN ? "  – " : "  ✗ ") + "[\($0.criterion.claimLabel)] "
                + $0.criterion.name + ": " + $0.measured
                + (seeds.count > 1 ? " (first seed)" : "")
        }
        lines += facts.map {
            "  shown, not judged [claim\($0.claims.count == 1 ? "" : "s") \($0.claims.map(String.init).joined(separator: ", "))]: \($0.text)"
        }
        lines += notes.map { "  note: " + $0 }
        if info.claims.count > 1 { lines.append(claimVerdicts) }
        return (lines + [verdictLine]).joined(separator: "\n")
    }

    /// "claim 9: holds; claim 10: mixed": each claim judged by the criteria that name it alone (after a quick
    /// run, headed "quick-run verdicts per claim").
    public var claimVerdicts: String {
        (settings.quick ? "quick-run verdicts per claim: " : "")
            + info.claims.map { claim in
                "claim \(claim): "
                    + (verdict(forClaim: claim)?.rawValue
                        ?? (facts(forClaim: claim).isEmpty
                            ? "no criterion tests it" : "not judged (no criterion; shown as a fact)"))
            }.joined(separator: "; ")
    }

    /// Writes each chart as `<id>-<name>.svg` into `directory` (created if needed); returns the files.
    @discardableResult
    public func writeCharts(to directory: URL) throws -> [URL] {
        try SiteFiles.write(charts.map { ("\(info.id)-\($0.name).svg", $0.chart.svg) }, to: directory)
    }

    /// One JSON object: id, title, claims, verdict ("holds", "mixed" or "does not hold"), seeds (how many
    /// were run), criteria (name, threshold, comparison, mean, sd, share of seeds passing), the mean
    /// measurements by name (non-finite values as null) and the chart paths given.
    public func json(chartPaths: [String] = []) -> String {
        JSONText.encode(JSONResult(self, chartPaths))
    }

    /// The JSON shape of a result.
    struct JSONResult: Encodable {
        struct CriterionJSON: Encodable {
            let name: String, claims: [Int], comparison: String, threshold: Double, mean: Double?, sd: Double?
            /// How many seeds measured it (the share is of these).
            let measuredSeeds: Int
            let share: Double
            let values: [Double?]
        }
        let id: String, title: String, claims: [Int], verdict: String, seeds: Int, seedList: [UInt64]
        let quick: Bool, seed: UInt64, seconds: Double
        /// "quick" or "full"; after a quick run, what its verdict is worth.
        let mode: String, verdictScope: String
        let criteria: [CriterionJSON]
        let measurements: [String: Double?]
        let charts: [String]

        init(_ r: ExperimentResult, _ charts: [String]) {
            (id, title, claims, verdict) = (r.info.id, r.info.title, r.info.claims, r.verdict.rawValue)
            (seeds, seedList, quick, seed, seconds) = (
                max(r.seeds.count, 1), r.seeds, r.settings.quick, r.settings.seed, r.seconds
            )
            mode = r.settings.quick ? "quick" : "full"
            verdictScope =
                r.settings.quick ? "quick-run verdict: \(ExperimentSettings.quickCaveat)" : "full-run verdict"
            criteria = r.criteria.map { s in
                CriterionJSON(
                    name: s.criterion.name, claims: s.criterion.claims, comparison: s.criterion.comparison.rawValue,
                    threshold: s.criterion.threshold,
                    mean: JSONText.finite(s.mean), sd: JSONText.finite(s.standardDeviation),
                    measuredSeeds: s.measured.count, share: s.share,
                    values: s.values.map(JSONText.finite))
            }
            measurements = Dictionary(
                r.measurements.map { ($0.name, JSONText.finite($0.value)) }, uniquingKeysWith: { $1 })
            self.charts = charts
        }
    }
}

/// JSON text of plain values, non-finite numbers as null.
public enum JSONText {
    /// `value` as compact JSON with sorted keys (non-finite numbers as null, when the value's own encoding writes them
    /// so).
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)  // plain finite values always encode
    }

    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// The catalog as an array of {id, title, claims}.
    public static var listing: String {
        struct Entry: Encodable { let id: String, title: String, claims: [Int] }
        return encode(Experiments.all.map { Entry(id: $0.info.id, title: $0.info.title, claims: $0.info.claims) })
    }
}

/// Tables as aligned plain text.
enum TextTable {
    static func render(_ table: ResultTable) -> [String] {
        let all = [table.columns] + table.rows
        let widths = table.columns.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        let line = { (cells: [String]) in
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                separator: "  ")
        }
        return [
            table.title, line(table.columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
        ]
            + table.rows.map(line)
    }
}
