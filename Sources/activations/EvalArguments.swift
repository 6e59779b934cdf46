/// The numbers of `activations eval` taken out of the command line before ArgumentParser reads it.
///
/// ArgumentParser removes each argument it reads from an array, which is quadratic in their count:
/// 16,000 numbers took 8 s (and 20,000 minutes). Here one pass sets the numbers aside, so only the
/// function id and the options go through ArgumentParser. A number is an argument that is not the
/// id, not an option and not an option's value; after `--` every argument is a number. What looks
/// like an option (`--derivatve`, `-x`) stays, so ArgumentParser names it.
enum EvalArguments {
    /// The most numbers `eval` takes as arguments; more are read from standard input.
    static let maxValues = 10_000

    /// `eval`'s options that take a value (`--type float`, `--param slope=0.2`).
    static let optionsWithValue: Set<String> = ["--type", "--param"]

    /// `arguments` (without the program name) with `eval`'s numbers removed, and those numbers in
    /// order; anything but `eval` is returned unchanged.
    static func separate(_ arguments: [String]) -> (arguments: [String], values: [String]) {
        guard arguments.first == "eval" else { return (arguments, []) }
        var kept = ["eval"]
        var values: [String] = []
        var (index, sawID) = (1, false)
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                values += arguments[index...]
                break
            }
            if optionsWithValue.contains(argument) {
                kept.append(argument)
                if index < arguments.count { kept.append(arguments[index]) }
                index += 1
            } else if argument.hasPrefix("--") || NumberInput.looksLikeOption(argument) || sawID == false {
                sawID = sawID || !argument.hasPrefix("-")
                kept.append(argument)
            } else {
                values.append(argument)
            }
        }
        return (kept, values)
    }

    /// The most numbers one run reads (standard input included): every one is kept until all are
    /// read, so that a bad one prints nothing (`yes 1 | activations eval relu` grew without end).
    static let maxTotal = 20_000_000

    /// A data failure once `count` numbers, read up to line `line`, are more than `maxTotal`.
    static func checkTotal(_ count: Int, at line: Int) throws {
        guard count > maxTotal else { return }
        throw CommandFailure.data(
            "line \(line): more than \(maxTotal) numbers, the most one run reads; split the input")
    }

    /// A usage failure when there are more numbers than `maxValues`, saying to use standard input.
    static func check(count: Int) throws {
        guard count > maxValues else { return }
        throw CommandFailure.usage(
            """
            eval takes at most \(maxValues) numbers as arguments, got \(count); give more on standard input, \
            one or more per line (e.g. `seq -5 0.001 5 | activations eval sigmoid`)
            """)
    }
}
