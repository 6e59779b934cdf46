import Foundation

/// One point of the mpmath reference (Scripts/reference/generate-reference.py): the exact value and
/// derivative at x, each as hi + lo.
struct ReferencePoint: Sendable {
    let id: String
    let parameters: [String: Double]
    let parameterText: String
    let type: String
    let x: Double
    let value: (hi: Double, lo: Double)
    /// `nil` at kinks, where the derivative is a convention (tested in KinkTests).
    let derivative: (hi: Double, lo: Double)?
}

/// One row of the mpmath row reference: input, upstream gradient, exact outputs and exact Jᵀ·dy.
struct ReferenceRow: Sendable {
    let id: String
    let type: String
    let x: [Double]
    let dy: [Double]
    let y: [(hi: Double, lo: Double)]
    let dx: [(hi: Double, lo: Double)]
}

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let points: [ReferencePoint] = lines("reference-values.tsv").map(parsePoint)
    static let rows: [ReferenceRow] = lines("reference-rows.tsv").map(parseRow)

    /// Points grouped by (id, parameters, type).
    static let groups: [String: [ReferencePoint]] = Dictionary(grouping: points) {
        "\($0.id) \($0.parameterText) \($0.type)"
    }

    static func lines(_ name: String) -> [[Substring]] {
        let url = directory.appendingPathComponent(name)
        // A missing file leaves no points; the coverage tests then fail and name the script to run.
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }

    static func number(_ text: Substring) -> Double {
        guard let value = Double(String(text)) else { fatalError("fixture: '\(text)' is not a number") }
        return value
    }

    static func numbers(_ text: Substring) -> [Double] {
        text == "-" ? [] : text.split(separator: ",").map(number)
    }

    static func parsePoint(_ fields: [Substring]) -> ReferencePoint {
        precondition(fields.count == 8, "fixture line has \(fields.count) fields: \(fields)")
        var parameters: [String: Double] = [:]
        if fields[1] != "-" {
            for assignment in fields[1].split(separator: ",") {
                let pair = assignment.split(separator: "=")
                parameters[String(pair[0])] = number(pair[1])
            }
        }
        let derivative = fields[6] == "-" ? nil : (hi: number(fields[6]), lo: number(fields[7]))
        return ReferencePoint(
            id: String(fields[0]), parameters: parameters, parameterText: String(fields[1]),
            type: String(fields[2]), x: number(fields[3]), value: (number(fields[4]), number(fields[5])),
            derivative: derivative)
    }

    static func parseRow(_ fields: [Substring]) -> ReferenceRow {
        precondition(fields.count == 8, "row fixture line has \(fields.count) fields")
        let pairs = { (hi: Substring, lo: Substring) in zip(numbers(hi), numbers(lo)).map { (hi: $0, lo: $1) } }
        return ReferenceRow(
            id: String(fields[0]), type: String(fields[1]), x: numbers(fields[2]), dy: numbers(fields[3]),
            y: pairs(fields[4], fields[5]), dx: pairs(fields[6], fields[7]))
    }
}
