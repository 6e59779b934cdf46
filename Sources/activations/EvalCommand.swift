import ActivationFunctions
import ArgumentParser
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a function (or its derivative) exactly, through the batch kernels.",
        discussion: """
            Numbers come from the arguments or, when there are none, from standard input, separated by \
            whitespace; nan, inf and -inf are accepted. At most \(EvalArguments.maxValues) numbers come as \
            arguments; give more on standard input. One result per line, in the shortest form that reads \
            back to the same number.

            Row functions (softmax, softmin, log-softmax, sparsemax, glu) read one row per input line \
            (spaces or commas) and print one row per line; the arguments form a single row. With \
            --derivative they print the Jacobian ∂yᵢ/∂xⱼ, one line per output i, rows separated by a blank line.

            Examples:
              activations eval sigmoid -100 0 100
              activations eval leaky-relu --param slope=0.2 --derivative -- -1 0 1
              echo "1 2 3" | activations eval softmax --type float
              activations eval 'f(x) = x*sigmoid(x)' --derivative -- -3 0 3
            """
    )

    @Argument(
        help: "Function id or alias (see `activations list`), or a formula such as 'f(x; a=1.5) = x*sigmoid(a*x)'.")
    var id: String

    @Flag(help: "Evaluate f′(x) instead of f(x).")
    var derivative = false

    @Option(help: "Arithmetic type: double or float.")
    var type: NumberType = .double

    @OptionGroup var parameters: ParameterOptions

    /// The numbers, and whatever else ArgumentParser did not recognise. `ActivationsCommand.main` sets
    /// the numbers aside before parsing (`EvalArguments`) and appends them here.
    @Argument(
        parsing: .allUnrecognized,
        help:
            "Inputs, at most \(EvalArguments.maxValues) (more on standard input). Negative numbers work as they are (or after --)."
    )
    var inputs: [String] = []

    /// Whether `value` is a `Float` too: finite, and zero only when it is zero.
    static func fitsFloat(_ value: Double) -> Bool {
        let rounded = Float(value)
        return rounded.isFinite && (rounded == 0) == (value == 0)
    }

    func run() throws {
        try reportingFailures {
            try EvalArguments.check(count: inputs.count)
            if let option = inputs.first(where: NumberInput.looksLikeOption) {
                throw CommandFailure.usage("unknown option '\(option)' (see `activations eval --help`)")
            }
            let given = try parameters.values()
            // A catalog function whose parameters Float cannot hold runs in Double (`Activations.make`);
            // a formula's program runs in Float, where such a parameter becomes ±∞ or 0.
            if type == .float, Formula.isFormula(id),
                let (name, value) = given.sorted(by: { $0.key < $1.key }).first(where: { !Self.fitsFloat($0.value) })
            {
                throw CommandFailure.usage(
                    "--param \(name)=\(value) is outside Float's range (it becomes \(Float(value)) there); use --type double")
            }
            let function = try Activations.make(id, parameters: given)
            let numbers = inputs.filter { $0 != "--" }
            // An empty argument vanished from the joined line: `eval f "$a" "$b" "$c"` with $b empty
            // printed two results for three inputs.
            if let blank = numbers.firstIndex(where: { $0.allSatisfy { $0.isWhitespace || $0 == "," } }) {
                throw CommandFailure.usage("input argument \(blank + 1) is empty; give a number")
            }
            let source = numbers.isEmpty ? InputLines.standardInput : .arguments(numbers.joined(separator: " "))
            switch type {
            case .double: try Evaluation<Double>(function: function, derivative: derivative).run(source)
            case .float: try Evaluation<Float>(function: function, derivative: derivative).run(source)
            }
        }
    }
}

/// Where the numbers come from: the arguments, as one line, or standard input, line by line.
enum InputLines {
    case arguments(String)
    case standardInput

    /// The longest line read from standard input: `readLine` kept a line of any length (an endless one
    /// without a newline grew past 2 GB before any count was checked).
    static let maxLineBytes = 32 << 20

    /// Calls `body` with each line and its 1-based number (a UTF-8 byte-order mark dropped from the
    /// first; a line ends with LF or CRLF). Standard input is read in chunks of 1 MiB.
    func forEach(_ body: (String, Int) throws -> Void) throws {
        switch self {
        case .arguments(let line): try body(line, 1)
        case .standardInput:
            var number = 0
            func emit(_ bytes: some BidirectionalCollection<UInt8>) throws {
                number += 1
                var line = String(decoding: bytes.last == 13 ? bytes.dropLast() : bytes[...], as: UTF8.self)
                if number == 1, line.hasPrefix("\u{FEFF}") { line = String(line.dropFirst()) }
                try body(line, number)
            }
            var carry: [UInt8] = []
            while true {
                let chunk = try readChunk(FileHandle.standardInput, naming: "standard input")
                if chunk.isEmpty { break }
                var start = chunk.startIndex
                while let end = chunk[start...].firstIndex(of: 10) {
                    if carry.isEmpty { try emit(chunk[start..<end]) } else { try emit(carry + chunk[start..<end]) }
                    carry.removeAll(keepingCapacity: true)
                    start = end + 1
                }
                carry.append(contentsOf: chunk[start...])
                guard carry.count <= Self.maxLineBytes else {
                    throw CommandFailure.data(
                        "line \(number + 1) is longer than \(Self.maxLineBytes >> 20) MiB; put the numbers on several lines")
                }
            }
            if !carry.isEmpty { try emit(carry) }
        }
    }
}

/// Parses every input first, then evaluates, then prints, so a bad number (or a row a function
/// refuses) prints nothing to standard output. Lines are parsed as they are read and not kept, and
/// elementwise results are printed as they are formatted: 3 million numbers from standard input took
/// 360 MB as lines of text and lines of results, 72 MB now.
struct Evaluation<T: BatchElement & LosslessStringConvertible> {
    let function: AnyActivation
    let derivative: Bool

    func run(_ source: InputLines) throws {
        switch function {
        case .elementwise(let f):
            let x = try parseAll(source)
            let y = derivative ? f.backward(x, [T](repeating: 1, count: x.count)) : f.forward(x)
            for value in y { print(value.description) }
        case .row(let f):
            var (rows, count): ([[T]], Int) = ([], 0)
            try source.forEach { line, number in
                rows.append(try parseRow(line, line: number))
                count += rows.last!.count
                try EvalArguments.checkTotal(count, at: number)
            }
            if derivative { try Self.checkJacobianSizes(rows.map(\.count)) }
            // Every row evaluated before any is printed: a later row can still fail (an odd length for glu).
            let output = try rows.flatMap { try evaluate(f, $0) }
            for line in output { print(line) }
        }
    }

    func parseAll(_ source: InputLines) throws -> [T] {
        var numbers: [T] = []
        let arguments = if case .arguments = source { true } else { false }
        try source.forEach { line, number in
            for (column, token) in NumberInput.tokens(Substring(line)).enumerated() {
                let position = arguments ? "input \(numbers.count + 1)" : "line \(number), number \(column + 1)"
                numbers.append(try NumberInput.parse(token, as: T.self, at: position))
                try EvalArguments.checkTotal(numbers.count, at: number)  // per number: a line may be long
            }
        }
        return numbers
    }

    func parseRow(_ line: String, line number: Int) throws -> [T] {
        try NumberInput.tokens(Substring(line)).enumerated().map { column, token in
            try NumberInput.parse(token, as: T.self, at: "line \(number), number \(column + 1)")
        }
    }

    /// The most entries of a row whose Jacobian `--derivative` prints (its square, 10⁶ numbers, is
    /// about 20 MB of text; a row of 10⁵ read from standard input once took 4.6 GB before printing).
    static var maxJacobianRow: Int { 1000 }
    /// The most numbers all the rows' Jacobians may hold together (every line is printed at the end).
    static var maxJacobianTotal: Int { 10_000_000 }

    /// Refuses, before any is computed, a row too long for its Jacobian or rows whose Jacobians
    /// together hold more than `maxJacobianTotal` numbers.
    static func checkJacobianSizes(_ counts: [Int]) throws {
        if let line = counts.firstIndex(where: { $0 > maxJacobianRow }) {
            throw CommandFailure.usage(
                "line \(line + 1) has \(counts[line]) numbers: --derivative prints the whole Jacobian, so a row may "
                    + "have at most \(maxJacobianRow) (the library's backward takes any length with a dy of your own)")
        }
        let total = counts.reduce(0) { $0 + $1 * $1 }
        guard total <= maxJacobianTotal else {
            throw CommandFailure.usage(
                "the \(counts.count) rows' Jacobians hold \(total) numbers; --derivative prints at most "
                    + "\(maxJacobianTotal) at once: give fewer or shorter rows")
        }
    }

    /// One output line, or with `derivative` the Jacobian's rows and a blank separator line.
    func evaluate(_ f: any RowActivation, _ row: [T]) throws -> [String] {
        let x = row.map(Double.init)
        guard derivative else { return [format(try f.forward(x))] }
        let outputs = try f.outputCount(forInputCount: x.count)
        let jacobian = try (0..<outputs).map { i in
            try f.backward(x, (0..<outputs).map { $0 == i ? 1.0 : 0.0 })
        }
        return jacobian.map(format) + [""]
    }

    func format(_ values: [Double]) -> String {
        values.map { T($0).description }.joined(separator: " ")
    }
}
