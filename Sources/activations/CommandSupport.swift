import ActivationFunctions
import ArgumentParser
import Foundation
import NeuralNet

/// A failure the user can fix, with the sysexits code it ends the process with.
struct CommandFailure: Error {
    enum Kind: Int32 {
        /// EX_USAGE: the command line is wrong.
        case usage = 64
        /// EX_DATAERR: the input data is wrong.
        case data = 65
        /// EX_IOERR: an output file could not be written (a full disk, a device error).
        case io = 74
    }

    let kind: Kind
    let message: String

    static func usage(_ message: String) -> Self { Self(kind: .usage, message: message) }
    static func data(_ message: String) -> Self { Self(kind: .data, message: message) }
    static func io(_ message: String) -> Self { Self(kind: .io, message: message) }
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

/// The text of the file at `path`. Bytes that are not UTF-8 become U+FFFD, which the readers
/// refuse with the line and column (rather than refusing the whole file without saying where).
///
/// Read in chunks, at most `maxInputBytes`: so a named pipe, `/dev/stdin` or a shell's `<(…)` reads
/// too (they were refused as "permission denied"), and an endless one stops at the limit.
func readText(_ path: String) throws -> String {
    if path.isEmpty { throw CommandFailure.usage("cannot read a file: the path is empty") }
    if OutputPath.isDirectory(path) == true { throw CommandFailure.usage("cannot read \(path): it is a directory") }
    let handle: FileHandle
    do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
        throw CommandFailure.usage("cannot read \(path): \(OutputPath.describe(error, reading: true))")
    }
    defer { try? handle.close() }
    return String(decoding: try readAll(handle, naming: path), as: UTF8.self)
}

/// The most bytes a command reads from one file or from standard input: 256 MiB (a CSV file of a
/// million 2-D points is about 30 MB). `yes 1,1 | activations predict …` grew past 4 GB unchecked.
let maxInputBytes = 256 << 20

/// The next chunk of at most 1 MiB from `handle` (empty at its end), or a usage failure naming `name`.
func readChunk(_ handle: FileHandle, naming name: String) throws -> Data {
    do { return try handle.read(upToCount: 1 << 20) ?? Data() } catch {
        throw CommandFailure.usage("cannot read \(name): \(OutputPath.describe(error, reading: true))")
    }
}

/// Everything `handle` holds, read in chunks; an error past `maxInputBytes`, naming `name`.
func readAll(_ handle: FileHandle, naming name: String) throws -> Data {
    var data = Data()
    while true {
        let chunk = try readChunk(handle, naming: name)
        if chunk.isEmpty { return data }
        data.append(chunk)
        guard data.count <= maxInputBytes else {
            throw CommandFailure.data("\(name) holds more than \(maxInputBytes >> 20) MiB, the most a command reads")
        }
    }
}

func printWarning(_ message: String) {
    var standardError = StandardError()
    print("warning: \(message)", to: &standardError)
}

func printError(_ message: String) {
    var standardError = StandardError()
    print("error: \(message)", to: &standardError)
}

/// The shared `--param NAME=VALUE` option. Its value is taken as it is even when it starts with a
/// dash (`--param -0.1` is refused for its missing name, not read as a missing value).
struct ParameterOptions: ParsableArguments {
    @Option(
        name: .customLong("param"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Set a parameter, e.g. --param slope=0.2.", valueName: "name=value"))
    var assignments: [String] = []

    /// The assignments as a dictionary, or a usage failure naming the malformed or repeated one.
    func values() throws -> [String: Double] {
        var values: [String: Double] = [:]
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].trimmingWhitespace.isEmpty else {
                throw CommandFailure.usage("--param expects NAME=VALUE, got '\(NumberText.visible(assignment))'")
            }
            let name = parts[0].trimmingWhitespace
            guard let value = NumberText.parse(parts[1].trimmingWhitespace, as: Double.self), value.isFinite else {
                throw CommandFailure.usage("--param \(name): '\(NumberText.visible(parts[1]))' is not a finite number")
            }
            if let earlier = values[name] {
                throw CommandFailure.usage("--param \(name) is given twice (\(earlier) and \(value)); give it once")
            }
            values[name] = value
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
