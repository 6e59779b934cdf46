import Foundation
import TestSupport

/// A minimal WebSocket client on a ``RawConnection``, for the frame socket's tests: it sends what a
/// browser would (a handshake with any `Host` and `Origin`, masked frames) and what no browser would
/// (oversized, binary or garbled requests), and reads the server's messages and its close frame.
final class SocketClient: @unchecked Sendable {
    enum Message: Equatable {
        case text(String)
        case binary([UInt8])
        /// The server's close frame: its code and reason.
        case close(code: Int, reason: String)
    }

    let connection: RawConnection

    private init(_ connection: RawConnection) { self.connection = connection }

    /// A browser's `Connection`, key and version lines (the key is RFC 6455's example).
    static let goodHandshake = "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"

    /// The handshake for `path` (with `handshake` as its lines after `Upgrade: websocket`, and `bytes`
    /// sent with it, before any answer); the client when the server answered 101, else the whole answer.
    static func open(
        port: Int, path: String, host: String? = nil, origin: String? = nil, receiveBuffer: Int32? = nil,
        handshake: String = goodHandshake, thenAtOnce bytes: [UInt8] = []
    ) throws -> Result<SocketClient, Refused> {
        let connection = try RawConnection(port: port, receiveBuffer: receiveBuffer)
        var head = "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nUpgrade: websocket\r\n"
        head += handshake
        if let origin { head += "Origin: \(origin)\r\n" }
        try connection.write(Array((head + "\r\n").utf8) + bytes)  // `bytes` in the same write as the head
        var answer: [UInt8] = []
        while !answer.ends(with: Array("\r\n\r\n".utf8)) {
            guard let byte = connection.read(count: 1, timeout: 30) else { break }
            answer += byte
        }
        let text = String(decoding: answer, as: UTF8.self)
        guard RawConnection.status(of: text) == 101 else {
            defer { connection.close() }
            return .failure(Refused(answer: text + connection.readAll(timeout: 10)))
        }
        return .success(SocketClient(connection))
    }

    /// An answer other than 101 to a handshake.
    struct Refused: Error {
        let answer: String
        var status: Int { RawConnection.status(of: answer) }
    }

    /// Sends one frame, masked as a client must (RFC 6455, 5.3); `fin` false leaves the message open.
    func send(opcode: UInt8, _ payload: [UInt8], fin: Bool = true) throws {
        try connection.write(Self.frame(opcode: opcode, payload, fin: fin))
    }

    /// A text message, unless the server takes nothing for `seconds` (it stopped reading): false then.
    func send(text: String, unlessHeldFor seconds: Double) throws -> Bool {
        try connection.write(Self.frame(opcode: 0x1, Array(text.utf8)), unlessHeldFor: seconds)
    }

    /// A client's frame: masked, as RFC 6455 requires.
    static func frame(opcode: UInt8, _ payload: [UInt8], fin: Bool = true) -> [UInt8] {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        switch payload.count {
        case ..<126: frame.append(0x80 | UInt8(payload.count))
        case ..<65536: frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default: frame += [0x80 | 127] + (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        return frame + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    func send(text: String) throws { try send(opcode: 0x1, Array(text.utf8)) }

    /// The next text, binary or close message (pings and pongs are skipped); nil when the connection
    /// closed or nothing came within `timeout` seconds.
    func receive(timeout: Double = 30) -> Message? {
        var message: [UInt8] = []
        var messageOpcode: UInt8 = 0
        while true {
            guard let head = connection.read(count: 2, timeout: timeout) else { return nil }
            let (fin, opcode) = (head[0] & 0x80 != 0, head[0] & 0x0F)
            var length = Int(head[1] & 0x7F)
            if length == 126 {
                guard let more = connection.read(count: 2, timeout: timeout) else { return nil }
                length = Int(more[0]) << 8 | Int(more[1])
            } else if length == 127 {
                guard let more = connection.read(count: 8, timeout: timeout) else { return nil }
                length = more.reduce(0) { $0 << 8 | Int($1) }
            }
            guard let payload = length == 0 ? [] : connection.read(count: length, timeout: timeout) else { return nil }
            switch opcode {
            case 0x8:
                let code = payload.count >= 2 ? Int(payload[0]) << 8 | Int(payload[1]) : 1005
                return .close(code: code, reason: String(decoding: payload.dropFirst(2), as: UTF8.self))
            case 0x9, 0xA: continue
            case 0x0: message += payload
            default: (message, messageOpcode) = (payload, opcode)
            }
            guard fin else { continue }
            return messageOpcode == 0x1 ? .text(String(decoding: message, as: UTF8.self)) : .binary(message)
        }
    }

    /// Reads messages until the server's close frame; nil when the connection ended without one.
    func receiveClose(timeout: Double = 30) -> (code: Int, reason: String)? {
        while let message = receive(timeout: timeout) {
            if case .close(let code, let reason) = message { return (code, reason) }
        }
        return nil
    }

    func close() { connection.close() }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
