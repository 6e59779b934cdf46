/// A token of a formula, with the 1-based column where it starts.
struct FormulaToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        /// One of `+ - * / ^ ( ) , ; = ? : < <= > >=` (`·`, `×` and `−` are read as `*`, `*` and `-`).
        case symbol(String)
        case end
    }

    let kind: Kind
    let column: Int
}

/// Splits a formula into tokens. Names are letters, digits and `_`; a name may continue with
/// `-name` when the whole is a catalog id or alias (`leaky-relu`), so that `a-b` stays a subtraction.
struct FormulaLexer {
    let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    static let symbols: Set<String> = [
        "+", "-", "*", "/", "^", "(", ")", ",", ";", "=", "?", ":", "<", "<=", ">", ">=",
    ]
    static let synonyms: [Character: String] = ["·": "*", "×": "*", "−": "-", "⋅": "*"]

    mutating func tokens() throws(FormulaError) -> [FormulaToken] {
        var result: [FormulaToken] = []
        while true {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { break }
            result.append(try token())
        }
        result.append(FormulaToken(kind: .end, column: characters.count + 1))
        return result
    }

    private mutating func token() throws(FormulaError) -> FormulaToken {
        let start = index
        let c = characters[index]
        let column = start + 1
        if c.isNumber || (c == "." && index + 1 < characters.count && characters[index + 1].isNumber) {
            return FormulaToken(kind: .number(try number()), column: column)
        }
        if c.isLetter || c == "_" { return FormulaToken(kind: .name(name()), column: column) }
        if let synonym = Self.synonyms[c] {
            index += 1
            return FormulaToken(kind: .symbol(synonym), column: column)
        }
        let pair = index + 1 < characters.count ? String([c, characters[index + 1]]) : ""
        if Self.symbols.contains(pair) {
            index += 2
            return FormulaToken(kind: .symbol(pair), column: column)
        }
        guard Self.symbols.contains(String(c)) else {
            throw FormulaError("unexpected character '\(c)'", column: column, in: text)
        }
        index += 1
        return FormulaToken(kind: .symbol(String(c)), column: column)
    }

    private mutating func number() throws(FormulaError) -> Double {
        let start = index
        while index < characters.count, characters[index].isASCII,
            characters[index].isNumber || characters[index] == "."
        {
            index += 1
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var end = index + 1
            if end < characters.count, characters[end] == "+" || characters[end] == "-" { end += 1 }
            if end < characters.count, characters[end].isASCII, characters[end].isNumber {
                index = end
                while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            }
        }
        let literal = String(characters[start..<index])
        guard let value = Double(literal), value.isFinite else {
            throw FormulaError("'\(literal)' is not a number", column: start + 1, in: text)
        }
        return value
    }

    private mutating func word() -> String {
        let start = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
        {
            index += 1
        }
        return String(characters[start..<index])
    }

    /// A name, extended over `-` while the longer name is a catalog id or alias.
    private mutating func name() -> String {
        var name = word()
        while index + 1 < characters.count, characters[index] == "-", characters[index + 1].isLetter {
            let saved = index
            index += 1
            let longer = name + "-" + word()
            if Activations.named(longer) != nil || Activations.hasNamePrefix(longer + "-") {
                name = longer
            } else {
                index = saved
                break
            }
        }
        return name
    }
}
