import ActivationFunctions

/// Lines and cells of CSV text, read in one pass (linear in the text's length).
///
/// Lines end with LF, CRLF or a lone CR (old Mac files); a UTF-8 byte-order mark at the start is
/// skipped; blank lines are skipped but keep their numbers. Cells are separated by commas and trimmed;
/// a cell may be quoted ("a, b" or "1.5", with "" for a quote inside), as spreadsheets write them.
/// A cell holding a NUL byte, bytes that were not UTF-8 or another hidden character is refused with
/// its line and column: never silently truncated or misread.
enum CSVText {
    /// The most cells a line may have (the bundled digits have 65).
    static let maxColumns = 10_000

    /// The non-blank lines with their 1-based numbers.
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var result: [(number: Int, text: Substring)] = []
        var number = 0
        for line in body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            number += 1
            if !line.allSatisfy(\.isWhitespace) { result.append((number, line)) }
        }
        return result
    }

    /// The most bytes a line may have: `maxColumns` cells of 100 bytes each. Reading a line cell by cell
    /// takes its characters one at a time (a 200 MB file of one line took 90 s and 785 MB before its
    /// refusal); a line's length in bytes is checked first, in one pass.
    static let maxLineBytes = 100 * maxColumns

    /// How many lines `text` has (numbered as `lines` numbers them: CRLF is one line end, blank lines
    /// count), in one pass over its bytes, to refuse a file before reading it: too many lines for the row
    /// limit, or a line longer than `maxLineBytes` (named).
    static func lineCount(_ text: String) throws(NeuralNetError) -> Int {
        var (line, length, afterCR) = (1, 0, false)
        for byte in text.utf8 {
            switch byte {
            case 13: (line, length, afterCR) = (line + 1, 0, true)
            case 10:
                if !afterCR { line += 1 }
                (length, afterCR) = (0, false)
            default:
                afterCR = false
                length += 1
                guard length <= maxLineBytes else {
                    throw .invalidData(
                        "line \(line) is longer than \(maxLineBytes / 1_000_000) MB (at most \(maxColumns) cells are "
                            + "read): is this a CSV file?")
                }
            }
        }
        return line
    }

    /// The cells of `line` (number `number`), unquoted and checked for hidden characters.
    static func cells(_ line: Substring, number: Int) throws(NeuralNetError) -> [String] {
        var reader = CellReader(number: number)
        for character in line { try reader.read(character) }
        return try reader.finish()
    }

    /// One line's state: the cells so far and the cell being read.
    private struct CellReader {
        let number: Int
        var cells: [String] = []
        var cell = ""
        /// Inside quotes; `closed`: the cell's closing quote was read; `pendingQuote`: a quote inside
        /// quotes that is either the closing one or the first of "".
        var quoted = false, closed = false, pendingQuote = false

        var position: String { "line \(number), column \(cells.count + 1)" }

        mutating func read(_ character: Character) throws(NeuralNetError) {
            if pendingQuote {
                pendingQuote = false
                if character == "\"" { cell.append("\""); return }
                (quoted, closed) = (false, true)
            }
            if quoted {
                if character == "\"" { pendingQuote = true } else { cell.append(character) }
                return
            }
            switch character {
            case ",": try endCell()
            case "\"":
                guard !closed, cell.allSatisfy(\.isWhitespace) else {
                    throw .invalidData(
                        "\(position): a quote (\") inside a cell; quote the whole cell and double the quote (\"\")")
                }
                (quoted, cell) = (true, "")
            default:
                guard closed else { return cell.append(character) }
                guard character.isWhitespace else {
                    throw .invalidData("\(position): text after the closing quote of a quoted cell")
                }
            }
        }

        mutating func endCell() throws(NeuralNetError) {
            guard cells.count < CSVText.maxColumns else {  // checked as read: 5 million columns took 2.4 GB
                throw .invalidData("line \(number): more than \(CSVText.maxColumns) columns, the most a file may have")
            }
            let text = closed ? cell : cell.trimmed
            if let hidden = NumberText.hiddenCharacter(in: text) {
                throw .invalidData("\(position): the cell '\(NumberText.excerpt(text))' holds \(hidden)")
            }
            cells.append(text)
            (cell, closed) = ("", false)
        }

        mutating func finish() throws(NeuralNetError) -> [String] {
            if pendingQuote { (quoted, closed, pendingQuote) = (false, true, false) }
            guard !quoted else {
                throw .invalidData("\(position): the quoted cell is not closed on its line (a cell cannot span lines)")
            }
            try endCell()
            return cells
        }
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
