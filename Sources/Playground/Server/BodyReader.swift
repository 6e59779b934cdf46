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
                throw PlaygroundError.bad("bad JSON: " + diagnose(data, as: T.self))
            }
            throw PlaygroundError.bad("bad JSON: " + DecodingFailure.describe(error, whole: "the body"))
        }
    }

    /// What is wrong with a body that is JSON but that the decoder refused without saying where: this
    /// toolchain's `JSONDecoder` says "The given data was not valid JSON." both for a syntax error (named
    /// by `DecodingFailure.syntaxError`, as for model files) and for a number that does not fit its field
    /// (−1 for a seed, 10.5 for a batch size). The field is found by decoding the object again without
    /// each of its keys in turn, for an object of at most 16 KiB and 64 keys (a configuration is a few hundred
    /// bytes), so that the search stays within about 2 MB of JSON work. A required key, an array body or a
    /// larger one gets the general message.
    static func diagnose<T: Decodable>(_ data: Data, as type: T.Type) -> String {
        let unknown = "a value does not fit its field (a whole number where one is expected, not below 0 where a "
            + "count or a seed is, within the field's range)"
        guard data.count <= 16 << 10, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object.count <= 64
        else { return unknown }
        for key in object.keys.sorted() {
            var rest = object
            rest[key] = nil
            guard let without = try? JSONSerialization.data(withJSONObject: rest),
                (try? JSONDecoder().decode(T.self, from: without)) != nil
            else { continue }
            return "\(key): \(String(describing: object[key]!).prefix(60)) does not fit the field (a whole number "
                + "where one is expected, not below 0 where a count or a seed is, within the field's range)"
        }
        return unknown
    }
}
