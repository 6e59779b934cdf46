import ActivationFunctions

/// Loads a dataset from CSV text, refusing what numpy.loadtxt lets through (numerics note §4.4):
/// ragged rows, blank or non-numeric cells, non-finite or overflowing numbers, hidden characters
/// (a NUL byte, bytes that are not UTF-8), no data. Every error names the line and column. A UTF-8
/// byte-order mark, LF, CRLF or CR line ends, quoted cells and spaces around cells are fine.
///
/// The work is linear in the text's length and bounded before it starts: at most `maxRows` data lines
/// and `maxClasses` distinct class labels, each refused as soon as it is exceeded.
public struct CSVOptions: Sendable {
    /// Whether the first line names the columns (never guessed).
    public var header: Bool
    /// The label column: a 1-based index or a header name; `nil` means the last column.
    public var labelColumn: String?
    /// Class labels (integers or strings) rather than real-valued targets.
    public var classification: Bool
    /// The most data rows read.
    public var maxRows: Int
    /// The most distinct class labels.
    public var maxClasses: Int

    /// Options for reading; by default a file without a header, class labels in the last column, and
    /// the default limits.
    public init(
        header: Bool = false, labelColumn: String? = nil, classification: Bool = true,
        maxRows: Int = CSVLoader.defaultMaxRows, maxClasses: Int = CSVLoader.defaultMaxClasses
    ) {
        (self.header, self.labelColumn, self.classification) = (header, labelColumn, classification)
        (self.maxRows, self.maxClasses) = (maxRows, maxClasses)
    }
}

/// A dataset read from CSV, and what looked suspicious in it (the data loaded; each warning names
/// the column and a line): classes with very few points, values far from the rest of their column.
public struct LoadedCSV: Sendable {
    /// The data, as `CSVLoader.load(_:options:)` returns it.
    public var dataset: Dataset
    /// One message per suspicious class or value, naming the column and a line; empty when none.
    public var warnings: [String]
}

/// Reads a dataset from CSV text: the features from every column but the label column, checked
/// cell by cell (see `CSVOptions`).
public enum CSVLoader {
    /// The default `CSVOptions.maxRows`: a million data lines.
    public static let defaultMaxRows = 1_000_000
    /// The default `CSVOptions.maxClasses`.
    public static let defaultMaxClasses = 1000

    /// The dataset (warnings dropped; see `loadReporting`).
    public static func load(_ text: String, options: CSVOptions) throws(NeuralNetError) -> Dataset {
        try loadReporting(text, options: options).dataset
    }

    /// The dataset and its warnings.
    public static func loadReporting(_ text: String, options: CSVOptions) throws(NeuralNetError) -> LoadedCSV {
        let (names, rows) = try table(text, header: options.header, maxRows: options.maxRows)
        let width = names?.count ?? rows[0].cells.count
        guard width >= 2 else {
            throw .invalidData("line \(rows[0].line): need at least one feature column and a label column")
        }
        let label = try labelIndex(options.labelColumn, names: names, width: width)
        var features: [Double] = []
        var rawLabels: [(line: Int, text: String)] = []
        features.reserveCapacity(rows.count * (width - 1))
        for (line, row) in rows {
            guard row.count == width else {
                throw .invalidData("line \(line): \(row.count) columns, expected \(width) (as on line \(rows[0].line))")
            }
            for (column, cell) in row.enumerated() where column != label {
                features.append(try number(cell, line: line, column: column + 1))
            }
            rawLabels.append((line, row[label]))
        }
        let featureNames = (names ?? (1...width).map { "x\($0)" }).enumerated().filter { $0.offset != label }.map(
            \.element)
        let inputs = Matrix(rows: rows.count, columns: width - 1, storage: features)
        let lines = rows.map(\.line)
        var warnings = CSVOutliers.warnings(inputs, names: featureNames, lines: lines)
        let labels: Dataset.Labels
        if options.classification {
            let classes = try CSVClassLabels.map(rawLabels, column: label + 1, limit: options.maxClasses)
            labels = .classes(classes.labels, names: classes.names)
            warnings = classes.warnings + warnings
        } else {
            let targets = try values(rawLabels, column: label + 1)
            labels = .values(targets)
            warnings += CSVOutliers.warnings(
                targets, names: [(names ?? [])[safe: label] ?? "\(label + 1)"], lines: lines)
        }
        return LoadedCSV(
            dataset: Dataset(inputs: inputs, labels: labels, featureNames: featureNames), warnings: warnings)
    }

    /// Unlabelled points (for prediction): every cell a finite number, `columns` per line. With
    /// `header`, the first line must name `columns` columns; when `names` are given and the header
    /// holds the same names in another order, that is refused (the columns would be read swapped).
    public static func loadPoints(
        _ text: String, header: Bool, columns: Int, names: [String]? = nil,
        maxRows: Int = defaultMaxRows
    ) throws(NeuralNetError) -> Matrix<Double> {
        let (headerNames, rows) = try table(text, header: header, maxRows: maxRows, what: "points to predict")
        if let headerNames { try checkHeader(headerNames, columns: columns, names: names) }
        var values: [Double] = []
        for (line, row) in rows {
            guard row.count == columns else {
                throw .invalidData("line \(line): \(row.count) columns, the model reads \(columns)")
            }
            for (column, cell) in row.enumerated() { values.append(try number(cell, line: line, column: column + 1)) }
        }
        return Matrix(rows: rows.count, columns: columns, storage: values)
    }

    static func checkHeader(_ header: [String], columns: Int, names: [String]?) throws(NeuralNetError) {
        guard header.count == columns else {
            throw .invalidData(
                "line 1: the header names \(header.count) columns (\(header.joined(separator: ", "))), the model reads \(columns)"
            )
        }
        if let names, header != names, header.sorted() == names.sorted() {
            throw .invalidData(
                "line 1: the header has the model's columns in another order (\(header.joined(separator: ", "))); "
                    + "the model reads \(names.joined(separator: ", "))")
        }
    }

    /// The header's cells (when `header`) and the data rows' cells with their line numbers.
    static func table(_ text: String, header: Bool, maxRows: Int, what: String = "data rows")
        throws(NeuralNetError) -> (names: [String]?, rows: [(line: Int, cells: [String])])
    {
        let bound = try CSVText.lineCount(text) - (header ? 1 : 0)
        let lines =
            try bound > maxRows ? CSVText.lines(text).checkedCount(maxRows + (header ? 1 : 0)) : CSVText.lines(text)
        guard let first = lines.first else { throw .invalidData("the CSV file has no \(what)") }
        let names = try header ? CSVText.cells(first.text, number: first.number) : nil
        var rows: [(line: Int, cells: [String])] = []
        for (number, line) in lines.dropFirst(header ? 1 : 0) {
            rows.append((number, try CSVText.cells(line, number: number)))
        }
        guard !rows.isEmpty else { throw .invalidData("the CSV file has a header but no \(what)") }
        return (names, rows)
    }

    static func labelIndex(_ column: String?, names: [String]?, width: Int) throws(NeuralNetError) -> Int {
        guard let column else { return width - 1 }
        if let index = Int(column) {
            guard (1...width).contains(index) else {
                throw .invalidConfiguration("label column \(index) is outside 1…\(width)")
            }
            return index - 1
        }
        guard let names, let index = names.firstIndex(of: column) else {
            throw .invalidConfiguration(
                "no column named '\(NumberText.excerpt(column))'"
                    + (names.map { "; the header has \(NumberText.excerpt($0.joined(separator: ", "), limit: 300))" }
                        ?? " (use --header)"))
        }
        // `a,a,b` with --label a took the first a as the label and the second as a feature.
        if let other = names[(index + 1)...].firstIndex(of: column) {
            throw .invalidConfiguration(
                "columns \(index + 1) and \(other + 1) are both named '\(NumberText.excerpt(column))'; give the label "
                    + "column by its number")
        }
        return index
    }

    static func number(_ cell: String, line: Int, column: Int) throws(NeuralNetError) -> Double {
        guard !cell.isEmpty else { throw .invalidData("line \(line), column \(column): the cell is empty") }
        guard let value = NumberText.parse(cell, as: Double.self) else {
            throw .invalidData(
                "line \(line), column \(column): could not convert '\(NumberText.excerpt(cell))' to a number")
        }
        guard value.isFinite else {
            throw .invalidData(
                "line \(line), column \(column): '\(NumberText.excerpt(cell))' is not finite (or overflows); features must be finite numbers"
            )
        }
        return value
    }

    static func values(_ raw: [(line: Int, text: String)], column: Int) throws(NeuralNetError) -> Matrix<Double> {
        var values: [Double] = []
        for (line, text) in raw { values.append(try number(text, line: line, column: column)) }
        return Matrix(rows: values.count, columns: 1, storage: values)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }

    /// Self, or an error when it has more than `limit` elements (data lines).
    func checkedCount(_ limit: Int) throws(NeuralNetError) -> Self {
        guard count <= limit else {
            throw .invalidData(
                "the CSV file has \(count) non-blank lines; at most \(limit) are read (the limit on data rows)")
        }
        return self
    }
}
