import ActivationFunctions

/// Class labels read from a CSV column, mapped to classes in one pass (linear in the number of rows).
///
/// The classes are the distinct labels in order: by value when every label is an integer (so labels
/// 0…k−1 keep their numbers, and 1, 2 or −1, +1 become two classes), by text otherwise. A label's
/// value is never a size or an index: a label 1000000 on three rows is one of at most three classes,
/// and the distinct labels are counted against `limit` as they are read, before anything is sized.
enum CSVClassLabels {
    struct Result {
        var labels: [Int]
        var names: [String]
        var warnings: [String]
    }

    /// The longest class label: a name, which goes into every model file and playground frame (one
    /// label of 1.9 MB made each frame of an upload 1.95 MB).
    static let maxNameLength = 100
    /// Beyond this many distinct labels, numbers that are not all whole are taken for regression targets.
    static let maxRealValuedClasses = 20

    static func map(_ raw: [(line: Int, text: String)], column: Int, limit: Int) throws(NeuralNetError) -> Result {
        var seen: [String: Int] = [:]
        var texts: [String] = []
        var firstLines: [Int] = []
        var indices: [Int] = []
        indices.reserveCapacity(raw.count)
        for (line, text) in raw {
            guard !text.isEmpty else { throw .invalidData("line \(line), column \(column): the label is empty") }
            if let index = seen[text] { indices.append(index); continue }
            guard text.count <= maxNameLength else {
                throw .invalidData(
                    "line \(line), column \(column): the label '\(NumberText.excerpt(text))' is longer than \(maxNameLength) "
                        + "characters; a class label is a name (real-valued targets are read as regression)")
            }
            guard texts.count < limit else {
                throw .invalidData(
                    "line \(line), column \(column): label '\(NumberText.excerpt(text))' would be class \(limit + 1); at most \(limit) classes "
                        + "(is column \(column) the label column? real-valued targets are read as regression)")
            }
            seen[text] = texts.count
            indices.append(texts.count)
            texts.append(text)
            firstLines.append(line)
        }
        // Many distinct labels, every one a finite number and some not whole: real values, one class
        // each (200 rows of targets trained a 200-class softmax without a word). A few such labels
        // (ratings of 3.5 and 4.5) stay classes.
        let numbers = texts.count > maxRealValuedClasses
            ? texts.compactMap { NumberText.parse($0, as: Double.self) }.filter(\.isFinite) : []
        if numbers.count == texts.count, let fraction = numbers.first(where: { $0 != $0.rounded() }) {
            throw .invalidData(
                "column \(column): \(texts.count) distinct labels, all numbers and \(fraction) not a whole one: these look "
                    + "like real-valued targets, which are regression (--regression); class labels are whole numbers or names")
        }
        guard texts.count >= 2 else {
            throw .invalidData("column \(column): every label is '\(NumberText.excerpt(raw.first?.text ?? ""))'; need at least 2 classes")
        }
        let (order, names) = ordered(texts)
        guard names.count >= 2 else {  // labels written apart but one number: "+1" and "1"
            let spellings = texts.prefix(3).map { "'\(NumberText.excerpt($0))'" }.joined(separator: ", ")
            throw .invalidData(
                "column \(column): every label is the class \(names[0]) (written \(spellings)); need at least 2 classes")
        }
        let labels = indices.map { order[$0] }
        return Result(
            labels: labels, names: names, warnings: smallClasses(labels, names: names, raw: raw, column: column))
    }

    /// For each first-seen label, its class; and the class names in order (integers by value, then merged:
    /// "07" and "7" are one class).
    static func ordered(_ texts: [String]) -> (order: [Int], names: [String]) {
        let integers = texts.compactMap { Int($0) }
        if integers.count == texts.count {
            let distinct = Array(Set(integers)).sorted()
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            return (integers.map { position[$0]! }, distinct.map(String.init))
        }
        let sorted = texts.indices.sorted { texts[$0] < texts[$1] }
        var order = [Int](repeating: 0, count: texts.count)
        for (rank, index) in sorted.enumerated() { order[index] = rank }
        return (order, sorted.map { texts[$0] })
    }

    /// Warnings for classes with a tenth of the largest class's points or fewer: often a typo
    /// (a `7` in a file of 0s and 1s), which would add an output the network can hardly learn.
    static func smallClasses(_ labels: [Int], names: [String], raw: [(line: Int, text: String)], column: Int)
        -> [String]
    {
        var counts = [Int](repeating: 0, count: names.count)
        for label in labels { counts[label] += 1 }
        let largest = counts.indices.max { counts[$0] < counts[$1] }!
        let small = counts.indices.filter { counts[$0] * 10 <= counts[largest] }
        var warnings = small.prefix(5).map { index in
            let lines = labels.indices.lazy.filter { labels[$0] == index }.prefix(3).map { String(raw[$0].line) }
            let count = counts[index]
            return "column \(column): class '\(NumberText.excerpt(names[index]))' has only \(count) point\(count == 1 ? "" : "s") "
                + "(line\(count == 1 ? "" : "s") \(lines.joined(separator: ", "))\(count > 3 ? ", …" : "")), "
                + "against \(counts[largest]) for class '\(NumberText.excerpt(names[largest]))'; a typo in the labels?"
        }
        if small.count > 5 { warnings.append("column \(column): \(small.count - 5) more classes with few points") }
        return warnings
    }
}
