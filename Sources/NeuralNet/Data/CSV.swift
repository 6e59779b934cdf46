/// Loads a dataset from CSV text, refusing what numpy.loadtxt lets through (numerics note §4.4):
/// ragged rows, blank or non-numeric cells, non-finite or overflowing numbers, no data. Every error
/// names the line and column. A UTF-8 byte-order mark, CRLF line ends and spaces around cells are fine.
public struct CSVOptions: Sendable {
    /// Whether the first line names the columns (never guessed).
    public var header: Bool
    /// The label column: a 1-based index or a header name; `nil` means the last column.
    public var labelColumn: String?
    /// Class labels (integers 0…k−1 or strings) rather than real-valued targets.
    public var classification: Bool

    public init(header: Bool = false, labelColumn: String? = nil, classification: Bool = true) {
        (self.header, self.labelColumn, self.classification) = (header, labelColumn, classification)
    }
}

public enum CSVLoader {
    public static func load(_ text: String, options: CSVOptions) throws(NeuralNetError) -> Dataset {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        let numbered = lines.enumerated().map { ($0 + 1, $1) }.filter { !$1.allSatisfy(\.isWhitespace) }
        guard let firstLine = numbered.first else { throw .invalidData("the CSV file has no data") }
        let names = options.header ? cells(firstLine.1) : nil
        let rows = options.header ? Array(numbered.dropFirst()) : numbered
        guard !rows.isEmpty else { throw .invalidData("the CSV file has a header but no data rows") }
        let width = names?.count ?? cells(rows[0].1).count
        guard width >= 2 else { throw .invalidData("line \(rows[0].0): need at least one feature column and a label column") }
        let label = try labelIndex(options.labelColumn, names: names, width: width)
        var features: [Double] = [], rawLabels: [(line: Int, text: String)] = []
        for (line, text) in rows {
            let row = cells(text)
            guard row.count == width else {
                throw .invalidData("line \(line): \(row.count) columns, expected \(width) (as on line \(rows[0].0))")
            }
            for (column, cell) in row.enumerated() where column != label {
                features.append(try number(cell, line: line, column: column + 1))
            }
            rawLabels.append((line, row[label]))
        }
        let featureNames = (names ?? (1...width).map { "x\($0)" }).enumerated().filter { $0.offset != label }.map(\.element)
        let inputs = Matrix(rows: rows.count, columns: width - 1, storage: features)
        let labels = try options.classification ? classLabels(rawLabels, column: label + 1) : values(rawLabels, column: label + 1)
        return Dataset(inputs: inputs, labels: labels, featureNames: featureNames)
    }

    /// Unlabelled points (for prediction): every cell a finite number, `columns` per line.
    public static func loadPoints(_ text: String, header: Bool, columns: Int) throws(NeuralNetError) -> Matrix<Double> {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        let rows = Array(lines.enumerated().map { ($0 + 1, $1) }.filter { !$1.allSatisfy(\.isWhitespace) }.dropFirst(header ? 1 : 0))
        guard !rows.isEmpty else { throw .invalidData("no points to predict") }
        var values: [Double] = []
        for (line, text) in rows {
            let row = cells(text)
            guard row.count == columns else { throw .invalidData("line \(line): \(row.count) columns, the model reads \(columns)") }
            for (column, cell) in row.enumerated() { values.append(try number(cell, line: line, column: column + 1)) }
        }
        return Matrix(rows: rows.count, columns: columns, storage: values)
    }

    static func cells(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
    }

    static func labelIndex(_ column: String?, names: [String]?, width: Int) throws(NeuralNetError) -> Int {
        guard let column else { return width - 1 }
        if let index = Int(column) {
            guard (1...width).contains(index) else { throw .invalidConfiguration("label column \(index) is outside 1…\(width)") }
            return index - 1
        }
        guard let names, let index = names.firstIndex(of: column) else {
            throw .invalidConfiguration("no column named '\(column)'" + (names.map { "; the header has \($0.joined(separator: ", "))" } ?? " (use --header)"))
        }
        return index
    }

    static func number(_ cell: String, line: Int, column: Int) throws(NeuralNetError) -> Double {
        guard !cell.isEmpty else { throw .invalidData("line \(line), column \(column): the cell is empty") }
        guard let value = Double(cell) else {
            throw .invalidData("line \(line), column \(column): could not convert '\(cell)' to a number")
        }
        guard value.isFinite else {
            throw .invalidData("line \(line), column \(column): '\(cell)' is not finite (or overflows); features must be finite numbers")
        }
        return value
    }

    /// Integers 0…k−1 are used as they are; any other text names a class (sorted names → indices).
    static func classLabels(_ raw: [(line: Int, text: String)], column: Int) throws(NeuralNetError) -> Dataset.Labels {
        if let empty = raw.first(where: { $0.text.isEmpty }) {
            throw .invalidData("line \(empty.line), column \(column): the label is empty")
        }
        let distinct = Set(raw.map(\.text))
        guard distinct.count >= 2 else {
            throw .invalidData("column \(column): every label is '\(raw[0].text)'; need at least 2 classes")
        }
        let integers = raw.compactMap { Int($0.text) }
        if integers.count == raw.count {
            if let negative = raw.first(where: { Int($0.text)! < 0 }) {
                throw .invalidData("line \(negative.line), column \(column): class label \(negative.text) is negative")
            }
            let count = max(integers.max()! + 1, 2)
            return .classes(integers, names: (0..<count).map(String.init))
        }
        let names = distinct.sorted()
        return .classes(raw.map { names.firstIndex(of: $0.text)! }, names: names)
    }

    static func values(_ raw: [(line: Int, text: String)], column: Int) throws(NeuralNetError) -> Dataset.Labels {
        var values: [Double] = []
        for (line, text) in raw { values.append(try number(text, line: line, column: column)) }
        return .values(Matrix(rows: values.count, columns: 1, storage: values))
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
