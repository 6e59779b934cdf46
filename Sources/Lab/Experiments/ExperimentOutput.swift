import Foundation
import Plotting

extension ExperimentResult {
    /// The result as plain text: title, claim, tables, checks and the verdict line last.
    public var text: String {
        var lines = ["\(info.id): \(info.title)", "claim: \(info.claim)",
                     "mode: \(settings.quick ? "quick" : "full"), seed \(settings.seed), \(Format.number(seconds, 2)) s", ""]
        for table in tables { lines += TextTable.render(table) + [""] }
        lines += checks.map { ($0.passed ? "  ✓ " : "  ✗ ") + $0.criterion + ": " + $0.measured }
        lines += notes.map { "  note: " + $0 }
        return (lines + [verdictLine]).joined(separator: "\n")
    }

    /// Writes each chart as `<id>-<name>.svg` into `directory` (created if needed); returns the files.
    @discardableResult
    public func writeCharts(to directory: URL) throws -> [URL] {
        try SiteFiles.write(charts.map { ("\(info.id)-\($0.name).svg", $0.chart.svg) }, to: directory)
    }

    /// One JSON object: id, holds, verdict, checks, measurements (by name) and the chart paths given.
    public func json(chartPaths: [String] = []) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(JSONResult(self, chartPaths)), as: UTF8.self)  // plain values always encode
    }

    /// The JSON shape of a result.
    struct JSONResult: Encodable {
        struct CheckJSON: Encodable { let criterion: String, measured: String, passed: Bool }
        let id: String, title: String, claim: String, holds: Bool, verdict: String
        let quick: Bool, seed: UInt64, seconds: Double
        let checks: [CheckJSON]
        /// Non-finite values become null.
        let measurements: [String: Double?]
        let charts: [String]

        init(_ r: ExperimentResult, _ charts: [String]) {
            (id, title, claim, holds, verdict) = (r.info.id, r.info.title, r.info.claim, r.holds, r.verdictLine)
            (quick, seed, seconds) = (r.settings.quick, r.settings.seed, r.seconds)
            checks = r.checks.map { CheckJSON(criterion: $0.criterion, measured: $0.measured, passed: $0.passed) }
            measurements = Dictionary(r.measurements.map { ($0.name, $0.value.isFinite ? $0.value : nil) }, uniquingKeysWith: { $1 })
            self.charts = charts
        }
    }
}

/// Tables as aligned plain text.
enum TextTable {
    static func render(_ table: ResultTable) -> [String] {
        let all = [table.columns] + table.rows
        let widths = table.columns.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let line = { (cells: [String]) in
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return [table.title, line(table.columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
            + table.rows.map(line)
    }
}
