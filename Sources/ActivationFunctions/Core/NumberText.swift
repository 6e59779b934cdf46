/// Reading numbers from text without the C library's surprises, for every reader in the package
/// (the CLI's arguments and standard input, CSV cells, uploads).
///
/// `Double("1\u{0}5")` is 1: the standard initialiser hands the text to `strtod` as a C string, which
/// ends at the first NUL byte, so whatever follows is silently dropped. Here text holding a NUL byte
/// (or any other control or invisible format character) is not a number.
public enum NumberText {
    /// The number `text` spells in decimal (`1.5`, `-2e-3`, `inf`, `nan`, and `nan(0x…)` as Swift
    /// writes a NaN with a payload), or nil when it spells none, holds a hidden character, or is
    /// written in hexadecimal: the C library reads `0x10` as 16 and `0x1p3` as 8, which in a CSV cell
    /// or an argument is far more likely a typo than meant.
    public static func parse<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ text: some StringProtocol, as type: T.Type = T.self
    ) -> T? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(isVisible) else { return nil }
        guard !text.contains(where: { $0 == "x" || $0 == "X" || $0 == "(" }) || isNaNWithPayload(text) else { return nil }
        return T(String(text))
    }

    /// Whether `text` is how Swift writes a NaN that carries a payload, `nan(0x8000)` or `-nan(0x3ff)`:
    /// hexadecimal inside, but a NaN whatever the digits, so reading it back as one is no surprise.
    private static func isNaNWithPayload(_ text: some StringProtocol) -> Bool {
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : text[...]
        return unsigned.lowercased().hasPrefix("nan(") && unsigned.last == ")"
    }

    /// The first character a reader should point out: a NUL byte, another control character, an
    /// invisible format character (a byte-order mark, a zero-width space), or U+FFFD (bytes that were
    /// not UTF-8); described in words, with its position (1-based, in characters).
    public static func hiddenCharacter(in text: some StringProtocol) -> String? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where !isVisible(scalar) || scalar == "\u{FFFD}" {
            return "\(describe(scalar)) at character \(offset + 1)"
        }
        return nil
    }

    /// `text` for quoting in a message: `visible`, and cut to its first `limit` characters, with an
    /// ellipsis and its length, when longer (an error about a 2 MB name is not itself 2 MB long).
    package static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        guard text.count > limit else { return visible(text) }
        return visible(text.prefix(limit)) + "… (\(text.count) characters)"
    }

    /// `text` with every hidden character written as `\u{…}`, for quoting input in a message.
    public static func visible(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isVisible(scalar) { result.unicodeScalars.append(scalar) } else { result += "\\u{\(hex(scalar))}" }
        }
        return result
    }

    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "\t" { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        default: return true
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\0": "a NUL byte"
        case "\u{FEFF}": "an invisible byte-order mark (U+FEFF)"
        case "\u{FFFD}": "bytes that are not valid UTF-8 (U+FFFD)"
        default: "an invisible character U+\(hex(scalar))"
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
