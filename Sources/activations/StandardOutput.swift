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
        // A failed write of buffered bytes leaves them buffered, so the flush fails too; a large write
        // (a whole SVG) bypasses the buffer, fails at once and leaves only the stream's error flag.
        guard fflush(nil) != 0 || cStandardOutputHasFailed() else { return nil }
        // errno is that of the failed flush; a write that failed earlier left none, so a closed pipe is
        // recognised by its state (`poll`).
        let code = errno != 0 ? errno : (standardOutputIsAClosedPipe() ? EPIPE : 0)
        if code == EPIPE { return 128 + SIGPIPE }
        let reason = code != 0 ? String(cString: strerror(code)) : "the write failed"
        var standardError = StandardError()
        print("error: cannot write to standard output: \(reason)", to: &standardError)
        return ioErrorStatus
    }
}

/// Whether C's standard output stream has its error flag set (`ferror`). Swift 6 refuses to read the
/// global `stdout` (shared mutable state), so its address is looked up by name: `stdout` in glibc and
/// musl, `__stdoutp` on Apple platforms.
private func cStandardOutputHasFailed() -> Bool {
    #if canImport(Darwin)
    let name = "__stdoutp"
    #else
    let name = "stdout"
    #endif
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return false }
    guard let stream = symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee else { return false }
    return ferror(stream) != 0
}

/// Whether standard output is a pipe whose reader has gone (`poll` reports an error or a hang-up on it).
private func standardOutputIsAClosedPipe() -> Bool {
    var descriptor = pollfd(fd: 1, events: Int16(POLLOUT), revents: 0)
    guard poll(&descriptor, 1, 0) > 0 else { return false }
    return descriptor.revents & Int16(POLLERR | POLLHUP) != 0
}

/// Writes to standard error; a failure there has nowhere to be reported, and must not crash
/// (`FileHandle.write(_:)` traps on a closed stream, `write(contentsOf:)` throws).
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { try? FileHandle.standardError.write(contentsOf: Data(string.utf8)) }
}
