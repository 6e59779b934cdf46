import Foundation

/// A `DecodingError` in the user's terms: which field (`layers[0].bias`) and what was wrong with it.
public enum DecodingFailure {
    /// A one-line message for `error`: for a `DecodingError`, the field's path and what was wrong with
    /// it (`layers[0].bias is missing`); for any other error, its description.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(fieldPath(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(fieldPath(context.codingPath)) is not \(article(type))"
        case .valueNotFound(let type, let context):
            return "\(fieldPath(context.codingPath)) is null, expected \(article(type))"
        case .dataCorrupted(let context):
            let detail = context.underlyingError.flatMap {
                ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            }
            let path = context.codingPath.isEmpty ? "" : "\(fieldPath(context.codingPath)): "
            return path + (detail ?? context.debugDescription)
        @unknown default:
            return "\(error)"
        }
    }

    /// `layers[0].bias` for a coding path.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the file" : text
    }

    static func article(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "the expected kind of value (\(type))"
        }
    }
}
