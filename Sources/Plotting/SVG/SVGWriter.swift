import Foundation

/// Builds SVG markup line by line: elements with ordered attributes, escaped text, compact numbers.
struct SVGWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// `<tag a="1" b="2">` (or `<tag .../>` when `selfClosing`).
    mutating func open(_ tag: String, _ attributes: [(String, String)] = [], selfClosing: Bool = false) {
        lines.append(indent + "<" + tag + Self.attributes(attributes) + (selfClosing ? "/>" : ">"))
        if !selfClosing { depth += 1 }
    }

    mutating func close(_ tag: String) {
        depth -= 1
        lines.append(indent + "</" + tag + ">")
    }

    /// An element without children.
    mutating func empty(_ tag: String, _ attributes: [(String, String)]) {
        open(tag, attributes, selfClosing: true)
    }

    /// An element holding escaped text.
    mutating func text(_ tag: String, _ attributes: [(String, String)], _ content: String) {
        lines.append(
            indent + "<" + tag + Self.attributes(attributes) + ">" + XMLText.escape(content) + "</" + tag + ">")
    }

    /// Markup that is already well formed (e.g. a style sheet in CDATA).
    mutating func raw(_ markup: String) {
        lines.append(markup)
    }

    var markup: String { lines.joined(separator: "\n") + "\n" }

    private var indent: String { String(repeating: "  ", count: max(depth, 0)) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }
}

/// Escaping for XML and HTML text and attribute values.
public enum XMLText {
    /// Replaces `& < > " '` with entities and drops characters XML 1.0 forbids (most C0 controls).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// Pixel coordinates with two decimals at most, trailing zeros removed: `12.5`, `3`, `-0.25`.
func px(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
}
