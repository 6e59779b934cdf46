import Foundation
import Hummingbird

/// Reading request bodies within the size limit, with errors a person can act on.
enum BodyReader {
    static func text(_ request: Request, limit: Int) async throws -> String {
        String(decoding: try await bytes(request, limit: limit).readableBytesView, as: UTF8.self)
    }

    /// The body, at most `limit` bytes: 413 when larger, 400 when it is not valid HTTP (a malformed chunk),
    /// 408 when it did not arrive in time.
    static func bytes(_ request: Request, limit: Int) async throws -> ByteBuffer {
        do { return try await request.body.collect(upTo: limit) } catch let error as any HTTPResponseError
            where error.status == .contentTooLarge
        {
            throw PlaygroundError(.tooLarge, "the request body is larger than the limit of \(limit / 1024) KiB")
        } catch let error as PlaygroundError {
            throw error  // the body did not arrive in time (`RequestDeadlineHandler`)
        } catch {
            throw PlaygroundError.bad("the request body could not be read: it is not valid HTTP (\(error))")
        }
    }

    /// The body as JSON: a 400 naming the place of a syntax error, a wrong type, a missing or a repeated key.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let data = Data(try await bytes(request, limit: limit).readableBytesView)
        if let repeated = DuplicateKeys.first(in: data) {
            throw PlaygroundError.bad("bad JSON: the key \(repeated) appears twice")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw PlaygroundError.bad("bad JSON: " + describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : "at \(keys.dropFirst(keys.hasPrefix(".") ? 1 : 0)): "
        }
        switch error {
        case .typeMismatch(let type, let c): return path(c) + "expected \(type)"
        case .valueNotFound(let type, let c): return path(c) + "expected \(type), found null"
        case .keyNotFound(let key, let c): return path(c) + "missing \(key.stringValue)"
        case .dataCorrupted(let c):
            return path(c)
                + ((c.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String ?? c.debugDescription)
        @unknown default: return "\(error)"
        }
    }
}
