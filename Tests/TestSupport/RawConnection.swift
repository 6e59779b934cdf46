import Foundation

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
    private let noSignal = Int32(MSG_NOSIGNAL)
#else
    import Darwin
    private let streamSocket = SOCK_STREAM
    private let noSignal = Int32(0)
#endif

/// Shared by PlaygroundTests and activationsTests.
/// A blocking TCP connection to 127.0.0.1, for sending bytes no HTTP client would.
public final class RawConnection: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    private let fd: Int32
    private var isOpen = true

    /// Connects; a `receiveBuffer` (bytes) set before connecting keeps the window the server may fill
    /// small, as a client that has stopped reading would.
    public init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure("socket() failed: errno \(errno)") }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            closeDescriptor(fd)
            throw Failure("connect() failed: errno \(errno)")
        }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { throw Failure("send() failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Writes `bytes` unless the server stops taking them (it stopped reading, and the buffers between
    /// are full) for `seconds`: false then, with part of `bytes` perhaps written.
    public func write(_ bytes: [UInt8], unlessHeldFor seconds: Double) throws -> Bool {
        var offset = 0
        while offset < bytes.count {
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return false }
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal | Int32(MSG_DONTWAIT)) }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { continue }
            guard sent > 0 else { throw Failure("send() failed: errno \(errno)") }
            offset += sent
        }
        return true
    }

    /// Everything until the server closes the connection or `timeout` seconds pass.
    public func readAll(timeout: Double) -> String {
        String(decoding: receive(timeout: timeout, until: { _ in false }), as: UTF8.self)
    }

    /// One response with a `Content-Length` (on a connection the server keeps open): its head and
    /// body, read until the body is complete, the server closes, or `timeout` seconds pass.
    public func readResponse(timeout: Double) -> String {
        let received = receive(timeout: timeout) { bytes in
            guard let head = Self.head(bytes, at: 0), let length = head.length else { return false }
            return bytes.count >= head.bodyStart + length
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// What the server sends until `done` says what came is enough, the server closes, or `timeout`
    /// seconds pass.
    private func receive(timeout: Double, until done: ([UInt8]) -> Bool) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received), Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { break }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// Exactly `count` bytes; nil when the server closed the connection or `timeout` seconds passed first.
    public func read(count: Int, timeout: Double) -> [UInt8]? {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: count)
        while received.count < count, Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { return nil }
            let got = recv(fd, &buffer, count - received.count, 0)
            guard got > 0 else { return nil }
            received += buffer[0..<got]
        }
        return received.count == count ? received : nil
    }

    /// Whether the server closed the connection within `timeout` seconds (reading and dropping what it sent).
    public func isClosedByServer(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { return false }
            if recv(fd, &buffer, buffer.count, 0) <= 0 { return true }
        }
        return false
    }

    /// Closes once (a second close could close a descriptor the server has since been given).
    public func close() {
        guard isOpen else { return }
        isOpen = false
        closeDescriptor(fd)
    }

    /// One request on a fresh connection (`Connection: close`, a JSON body unless it is a GET); the
    /// whole response, read until the server closes or `timeout` seconds pass.
    public static func exchange(
        port: Int, _ method: String, _ path: String, _ body: String = "", timeout: Double = 60
    ) throws -> String {
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        let type = method == "GET" ? "" : "Content-Type: application/json\r\n"
        try connection.write(
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(type)Content-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n\(body)")
        return connection.readAll(timeout: timeout)
    }

    /// The status code of an HTTP response's first line, or 0 when there is none.
    public static func status(of response: String) -> Int {
        let parts = response.prefix(while: { $0 != "\r" }).split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }

    /// The lowercased `Connection` options of every response in `responses` (several when pipelined),
    /// in order: [] for a response that has none. Responses are read one after another by their
    /// `Content-Length` (a body may itself say "HTTP/1.1"); what follows an unframed one is not read.
    public static func connectionOptions(of responses: String) -> [[String]] {
        let bytes = Array(responses.utf8)
        var (result, start) = ([[String]](), 0)
        while let head = head(bytes, at: start) {
            result.append(
                head.fields.filter { $0.name == "connection" }
                    .flatMap { $0.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } })
            guard let length = head.length else { break }
            start = head.bodyStart + length
        }
        return result
    }

    /// The head of the response starting at `start` in `bytes`, once all of it is there: its fields
    /// (names lowercased, values trimmed), where its body starts and its `Content-Length`; nil before
    /// a whole head, or where no response starts.
    private static func head(_ bytes: [UInt8], at start: Int) -> (
        fields: [(name: String, value: String)], bodyStart: Int, length: Int?
    )? {
        let separator = Array("\r\n\r\n".utf8)
        guard start + separator.count <= bytes.count, bytes[start...].starts(with: Array("HTTP/".utf8)),
            let end = (start...(bytes.count - separator.count)).first(where: { bytes[$0..<$0 + 4].elementsEqual(separator) })
        else { return nil }
        let fields = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: "\r\n").dropFirst()
            .compactMap { line -> (name: String, value: String)? in
                let parts = line.split(separator: ":", maxSplits: 1)
                return parts.count == 2 ? (parts[0].lowercased(), parts[1].trimmingCharacters(in: .whitespaces)) : nil
            }
        let length = fields.first { $0.name == "content-length" }.flatMap { Int($0.value) }
        return (fields, end + separator.count, length)
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
