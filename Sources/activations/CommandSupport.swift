import ActivationFunctions
import NeuralNet
import ArgumentParser

import Foundation

/// A failure the user can fix, with the sysexits code it ends the process with.
struct CommandFailure: Error {
    enum Kind: Int32 {
        /// EX_USAGE: the command line is wrong.
        case usage = 64
        /// EX_DATAERR: the input data is wrong.
        case data = 65
    }

    let kind: Kind
    let message: String

    static func usage(_ message: String) -> Self { Self(kind: .usage, message: message) }
    static func data(_ message: String) -> Self { Self(kind: .data, message: message) }
}

/// Runs `body`; a `CommandFailure`, `ActivationError` or `NeuralNetError` is printed to standard error (never standard
/// output) and becomes the matching exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        printError(failure.message)
        throw ExitCode(failure.kind.rawValue)
    } catch let error as ActivationError {
        printError(error.description)
        throw ExitCode((error.isUsageError ? CommandFailure.Kind.usage : .data).rawValue)
    } catch let error as NeuralNetError {
        printError(error.description)
        throw ExitCode((error.isUsageError ? CommandFailure.Kind.usage : .data).rawValue)
    }
}

func printError(_ message: String) {
    var standardError = StandardError()
    print("error: \(message)", to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

/// The shared `--param NAME=VALUE` option.
struct ParameterOptions: ParsableArguments {
    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter, e.g. --param slope=0.2.", valueName: "name=value"))
    var assignments: [String] = []

    /// The assignments as a dictionary, or a usage failure naming the malformed one.
    func values() throws -> [String: Double] {
        var values: [String: Double] = [:]
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandFailure.usage("--param expects NAME=VALUE, got '\(assignment)'")
            }
            guard let value = Double(parts[1].trimmingWhitespace), value.isFinite else {
                throw CommandFailure.usage("--param \(parts[0]): '\(parts[1])' is not a finite number")
            }
            values[parts[0]] = value
        }
        return values
    }
}

/// Whether to colour output: standard output is a terminal and NO_COLOR is not set.
var standardOutputWantsColor: Bool {
    isatty(STDOUT_FILENO) != 0 && getenv("NO_COLOR") == nil
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
