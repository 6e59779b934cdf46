import NeuralNet

/// What went wrong with a request, as the page shows it: a message a person can act on, and the
/// HTTP status it is sent with (always 4xx: the server keeps running and other sessions go on).
public struct PlaygroundError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Int, Sendable {
        case badRequest = 400, notFound = 404, conflict = 409, tooLarge = 413, unprocessable = 422, tooManySessions = 429
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) { (self.kind, self.message) = (kind, message) }

    public var description: String { message }

    static func bad(_ message: String) -> PlaygroundError { PlaygroundError(.badRequest, message) }

    /// A library error as a request error: the configuration or the data was at fault.
    static func from(_ error: NeuralNetError) -> PlaygroundError {
        PlaygroundError(error.isUsageError ? .badRequest : .unprocessable, error.description)
    }
}
