/// What is wrong with a formula, and where: a message, the 1-based column it points at, and the
/// formula's text, so that `description` can draw a caret under the spot.
///
/// ```
/// unknown function 'sigmoud' at column 12; did you mean sigmoid?
///   f(x) = x * sigmoud(x)
///              ^
/// ```
public struct FormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. "unknown function 'sigmoud'".
    public let message: String
    /// The 1-based column (in characters) of the problem, or nil when it concerns the whole formula.
    public let column: Int?
    /// The formula as the user wrote it.
    public let text: String

    /// An error about `text`, pointing at the 1-based `column` (nil for the whole formula).
    public init(_ message: String, column: Int?, in text: String) {
        (self.message, self.column, self.text) = (message, column, text)
    }

    /// The message, then the formula with a caret under `column`.
    public var description: String {
        guard let column else { return message }
        let shown = String(text.prefix(Formula.maximumLength))
        let caret = String(repeating: " ", count: max(column - 1, 0)) + "^"
        return "\(message) at column \(column)\n  \(shown)\n  \(caret)"
    }
}
