import ActivationFunctions

/// Reading numbers typed by a person: `nan`, `inf` and `-inf` are accepted; anything else that is
/// not a number, or a finite number too large for the type, is an error naming its position. A hidden
/// character (a NUL byte, a byte-order mark) makes a token no number, and is named in the message.
enum NumberInput {
    /// Whether `token` spells an infinity on purpose (rather than overflowing).
    static func spellsInfinity(_ token: String) -> Bool {
        let body = token.lowercased().drop { $0 == "+" || $0 == "-" }
        return body == "inf" || body == "infinity"
    }

    /// Parses `token` as `T`, or explains what is wrong with it at `position`.
    static func parse<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ token: String, as type: T.Type, at position: String
    ) throws -> T {
        if token.isEmpty { throw CommandFailure.data("\(position): nothing between two commas (or before or after one)") }
        guard let value = NumberText.parse(token, as: T.self) else {
            let hidden = NumberText.hiddenCharacter(in: token).map { " (it holds \($0))" } ?? ""
            throw CommandFailure.data("\(position): '\(shown(token))' is not a number\(hidden)")
        }
        if value.isInfinite && !spellsInfinity(token) {
            throw CommandFailure.data(
                "\(position): '\(shown(token))' is too large for \(T.self) (largest finite: \(T.greatestFiniteMagnitude))")
        }
        return value
    }

    /// A token as a message quotes it: hidden characters spelled out, and a long one cut to its first
    /// 40 Unicode scalars (a 1 MB token made a 1 MB message; counted in scalars, since one character
    /// can hold any number of combining marks).
    static func shown(_ token: String) -> String {
        let scalars = token.unicodeScalars
        guard scalars.count > 40 else { return NumberText.visible(token) }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars.prefix(40))
        return "\(NumberText.visible(String(head)))… (\(scalars.count) characters)"
    }

    /// Splits a line into tokens at whitespace and commas. A comma with nothing before or after it
    /// (`1,,2`, `1,2,`) gives an empty token, which `parse` refuses: dropping it would shift every later
    /// number to the wrong position without a word.
    static func tokens(_ line: Substring) -> [String] {
        guard line.contains(",") else { return line.split(whereSeparator: \.isWhitespace).map(String.init) }
        return line.split(separator: ",", omittingEmptySubsequences: false).flatMap { field -> [String] in
            let words = field.split(whereSeparator: \.isWhitespace).map(String.init)
            return words.isEmpty ? [""] : words
        }
    }

    /// Whether `token` looks like a mistyped option rather than a number (`--foo`, `-x`).
    static func looksLikeOption(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1, token != "--" else { return false }
        let next = token[token.index(after: token.startIndex)]
        return next == "-" ? true : next.isLetter && !spellsInfinity(token) && token.lowercased() != "-nan"
    }
}
