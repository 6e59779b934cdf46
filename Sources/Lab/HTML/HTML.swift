import Plotting

/// Small helpers for writing HTML by hand: escaping, tags, formulas.
enum HTML {
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// `<tag class="…">escaped text</tag>`.
    static func element(_ tag: String, _ text: String, class className: String? = nil) -> String {
        let attribute = className.map { " class=\"\(escape($0))\"" } ?? ""
        return "<\(tag)\(attribute)>\(escape(text))</\(tag)>"
    }

    /// A two-column table of `rows` (already escaped values allowed through `rawValues`).
    static func table(_ rows: [(String, String)], class className: String) -> String {
        let body = rows.map { "<tr><th scope=\"row\">\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }
        return "<table class=\"\(className)\">" + body.joined() + "</table>"
    }

    /// A catalog formula typeset in plain HTML: `e^{−x}` and `(…)^(−3/2)` become superscripts,
    /// `_{…}` subscripts; everything else is escaped text in the math font.
    static func formula(_ text: String) -> String {
        "<span class=\"math\">" + scripts(Array(text)) + "</span>"
    }

    private static func scripts(_ characters: [Character]) -> String {
        var html = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "^" || character == "_", index + 1 < characters.count,
                let close = matchingClose(characters, from: index + 1)
            {
                let tag = character == "^" ? "sup" : "sub"
                let inner = Array(characters[(index + 2)..<close])
                let shown = characters[index + 1] == "(" ? "(" + scripts(inner) + ")" : scripts(inner)
                html += "<\(tag)>\(shown)</\(tag)>"
                index = close + 1
            } else {
                html += escape(String(character))
                index += 1
            }
        }
        return html
    }

    /// The index of the bracket closing the `{` or `(` at `open`, or `nil`.
    private static func matchingClose(_ characters: [Character], from open: Int) -> Int? {
        let pairs: [Character: Character] = ["{": "}", "(": ")"]
        guard let closing = pairs[characters[open]] else { return nil }
        var depth = 0
        for index in open..<characters.count {
            if characters[index] == characters[open] { depth += 1 }
            if characters[index] == closing { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    /// A complete HTML document with the page and chart style sheets inlined (works offline).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(escape(title))</title>
        <style>
        \(ChartTheme.stylesheet)
        \(PageStyle.css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// An SVG chart for inlining: without the XML declaration and standalone style.
    static func inline(_ chart: any SVGChart) -> String {
        chart.svg(standalone: false)
    }
}
