import ActivationFunctions
import Foundation
import Hummingbird
import NeuralNet

/// Reading request bodies within the size limit, with errors a person can act on.
enum BodyReader {
    static func text(_ request: Request, limit: Int) async throws -> String {
        String(decoding: try await bytes(request, limit: limit).readableBytesView, as: UTF8.self)
    }

    /// The body, at most `limit` bytes: 413 when larger, 400 when it is not valid HTTP (a malformed chunk),
    /// 408 when it did not arrive in time.
    static func bytes(_ request: Request, limit: Int) async throws -> ByteBuffer {
        // Declared larger than the limit: refused before waiting for a body that may never come (a
        // Content-Length of 10¹¹ with two bytes sent waited for the 30 s body deadline).
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw PlaygroundError(.tooLarge, "the request body is larger than the limit of \(limit / 1024) KiB")
        }
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
            throw PlaygroundError.bad("bad JSON: the key \(NumberText.excerpt(repeated)) appears twice")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                if let syntax = DecodingFailure.syntaxError(in: data) { throw PlaygroundError.bad(syntax) }
                throw PlaygroundError.bad("bad JSON: " + DecodingFailure.valueThatDoesNotFit(in: data, as: T.self))
            }
            throw PlaygroundError.bad("bad JSON: " + DecodingFailure.describe(error, whole: "the body"))
        }
    }
}
