import Foundation

/// Standard output's write errors, reported instead of ignored. Everything goes through C stdio
/// (`print` and `write` here), so output keeps its order; at the end `finish` flushes it and checks:
/// a full disk or another write error prints what failed and exits 74 (EX_IOERR); a pipe closed by its
/// reader (`activations eval … | head -1`) ends the process quietly, as SIGPIPE does for other tools.
enum StandardOutput {
    /// EX_IOERR: an input/output error.
    static let ioErrorStatus: Int32 = 74

    /// Writes `text` as it is (no newline added).
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Pushes buffered output out now (a progress bar redrawn in place).
    static func flush() {
        fflush(nil)  // every C stream; standard error is unbuffered (Swift 6 cannot name C's `stdout`)
    }

    /// Flushes standard output; on a write error, the status the process must exit with (nil when all went well).
    static func finish() -> Int32? {
        errno = 0
        guard fflush(nil) != 0 else { return nil }  // a failed write leaves its bytes buffered, so this fails too
        let code = errno
        if code == EPIPE { return 128 + SIGPIPE }
        let reason = code != 0 ? String(cString: strerror(code)) : "the write failed"
        var standardError = StandardError()
        print("error: cannot write to standard output: \(reason)", to: &standardError)
        return ioErrorStatus
    }
}

/// Writes to standard error; a failure there has nowhere to be reported, and must not crash
/// (`FileHandle.write(_:)` traps on a closed stream, `write(contentsOf:)` throws).
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { try? FileHandle.standardError.write(contentsOf: Data(string.utf8)) }
}
