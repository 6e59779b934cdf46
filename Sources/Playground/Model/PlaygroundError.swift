import NeuralNet

/// What went wrong with a request, as the page shows it: a message a person can act on, and the
/// HTTP status it is sent with (4xx, or 503 when the server is full: it keeps running and other sessions go on).
public struct PlaygroundError: Error, Equatable, CustomStringConvertible {
    /// The kind of fault, sent as the HTTP status and, by name, as the error's `code`.
    public enum Kind: Int, Sendable, CaseIterable {
        case badRequest = 400
        case forbidden = 403
        case notFound = 404
        case timeout = 408
        case tooLarge = 413
        case unsupportedMediaType = 415
        case unprocessable = 422
        /// A WebSocket handshake in a version other than 13 (the frame socket's), or with none.
        case upgradeRequired = 426
        case tooManySessions = 429
        case unavailable = 503

        /// The name the page can test for (`tooManySessions`), stable across wording changes.
        public var code: String { String(describing: self) }
    }

    /// The fault's kind: the HTTP status, and the `code` the page tests for.
    public var kind: Kind
    /// What was wrong and what to do about it, for a person.
    public var message: String

    /// An error of `kind` with `message`.
    public init(_ kind: Kind, _ message: String) { (self.kind, self.message) = (kind, message) }

    /// The message.
    public var description: String { message }

    static func bad(_ message: String) -> PlaygroundError { PlaygroundError(.badRequest, message) }

    /// A library error as a request error: the configuration or the data was at fault.
    static func from(_ error: NeuralNetError) -> PlaygroundError {
        PlaygroundError(error.isUsageError ? .badRequest : .unprocessable, error.description)
    }
}
