import ActivationFunctions
import Foundation

/// A `DecodingError` in the user's terms: which field (`layers[0].bias`) and what was wrong with it.
public enum DecodingFailure {
    /// A one-line message for `error`: for a `DecodingError`, the field's path and what was wrong with
    /// it (`layers[0].bias is missing`); for any other error, its description.
    public static func describe(_ error: any Error) -> String { describe(error, whole: "the file") }

    /// `describe(_:)` with `whole` naming the document itself where the path is empty ("the file" for
    /// a model file, "the body" for a request's).
    package static func describe(_ error: any Error, whole: String) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let field = { (path: [any CodingKey]) in Self.fieldPath(path, whole: whole) }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(field(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(field(context.codingPath)) is not \(article(type))"
        case .valueNotFound(let type, let context):
            return "\(field(context.codingPath)) is null, expected \(article(type))"
        case .dataCorrupted(let context):
            let detail = context.underlyingError.flatMap {
                ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            }
            let path = context.codingPath.isEmpty ? "" : "\(field(context.codingPath)): "
            let text = detail ?? context.debugDescription
            // Swift's words for an enum's unknown raw value: "Cannot initialize OutputHead from invalid
            // String value nonsense".
            if let match = text.firstMatch(of: /^Cannot initialize \w+ from invalid \w+ value (.*)$/) {
                return path + "'\(NumberText.excerpt(match.output.1, limit: 40))' is not one of its values"
            }
            return path + text
        @unknown default:
            return "\(error)"
        }
    }

    /// Where `data` stops being JSON, as a line and column (`not valid JSON at line 12, column 7: Invalid
    /// value`), from `JSONSerialization`'s byte offset; nil when it parses (a value that does not fit its
    /// field). For model files and the playground's request bodies alike.
    package static func syntaxError(in data: Data) -> String? {
        let description: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        }
        let what = description.components(separatedBy: " around ").first ?? description
        // JSON nested more than 512 deep is well-formed but beyond the reader's limit: not a syntax error.
        let verdict = what.hasPrefix("Too many nested") ? "JSON nested too deeply to read" : "not valid JSON"
        if let given = description.firstMatch(of: /line (\d+), column (\d+)/) {  // Apple's Foundation says where
            return "\(verdict) at line \(given.output.1), column \(given.output.2): \(what)"
        }
        // swift-corelibs-foundation gives a byte offset ("Invalid value around character 200."), counted
        // after a UTF-8 byte-order mark, which it skips.
        let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let match = description.firstMatch(of: /around character (\d+)/), let offset = Int(match.output.1),
            offset <= text.count
        else {
            if text.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return "not valid JSON: it is empty" }
            // Two refusals the reader gives without a place: a number beyond Double's range ("Number 1e309 is
            // not representable in Swift."), and half of a UTF-16 surrogate pair (called an early end).
            let bytes = Array(text)
            if let number = description.firstMatch(of: /Number (\S+) is not representable/)?.output.1,
                let at = place(ofNumber: number, in: bytes)
            {
                return "not valid JSON at \(position(ofByte: at, in: bytes)): the number "
                    + "\(NumberText.excerpt(number, limit: 40)) is beyond a Double's range (about ±1.8e308)"
            }
            if let half = unpairedSurrogate(in: bytes) {
                return "not valid JSON at \(position(ofByte: half.lowerBound, in: bytes)): "
                    + "\(String(decoding: bytes[half], as: UTF8.self)) is half of a UTF-16 surrogate pair, without its other half"
            }
            let lines = text.count { $0 == UInt8(ascii: "\n") } + 1
            guard description.contains("end of file") else { return "not valid JSON: \(description)" }
            return "not valid JSON: it ends at line \(lines) before its last value is complete"
        }
        return "\(verdict) at \(position(ofByte: offset, in: text)): \(what)"
    }

    /// "line L, column C" of the byte at `offset` in the UTF-8 text `bytes`: a line ends at each line
    /// feed (a CR LF ending too), and columns count characters, as an editor does, not bytes.
    static func position(ofByte offset: Int, in bytes: some BidirectionalCollection<UInt8>) -> String {
        let before = bytes.prefix(offset)
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }

    /// Where `number` first stands as a value of its own in the JSON text `json`: outside every string
    /// (`{"name": "1e309"}` holds no number), and the whole of its number (`11e309` is not `1e309`).
    static func place(ofNumber number: Substring, in json: [UInt8]) -> Int? {
        let target = Array(number.utf8)
        let signs = Array("+-.eE".utf8)
        let partOfNumber = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || signs.contains(byte) }
        var i = 0
        var inString = false
        while i < json.count {
            let byte = json[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 2; continue }  // an escape: the next byte is not the string's end
                if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                i += 1
            } else if partOfNumber(byte) {
                let end = json[i...].firstIndex { !partOfNumber($0) } ?? json.count
                if json[i..<end].elementsEqual(target) { return i }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    /// The bytes of the first `\uD800`–`\uDBFF` escape in a string of `json` that no `\uDC00`–`\uDFFF`
    /// escape follows at once, or of such a low half with no high one just before it. A backslash escaped
    /// by another starts no escape (`"C:\\udc00"` is a path).
    static func unpairedSurrogate(in json: [UInt8]) -> Range<Int>? {
        var pendingHigh: Range<Int>?
        var i = 0
        var inString = false
        while i < json.count {
            let byte = json[i]
            guard inString else {
                inString = byte == UInt8(ascii: "\"")
                i += 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), i + 1 < json.count else {
                if let pendingHigh { return pendingHigh }
                if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            let escape = i..<min(i + 6, json.count)
            guard json[i + 1] == UInt8(ascii: "u"), escape.count == 6,
                let value = UInt16(String(decoding: json[i + 2..<i + 6], as: UTF8.self), radix: 16)
            else {
                if let pendingHigh { return pendingHigh }
                i += 2
                continue
            }
            switch value {
            case 0xD800...0xDBFF:
                if let pendingHigh { return pendingHigh }
                pendingHigh = escape
            case 0xDC00...0xDFFF:
                guard pendingHigh != nil else { return escape }
                pendingHigh = nil
            default:
                if let pendingHigh { return pendingHigh }
            }
            i += 6
        }
        return pendingHigh
    }

    /// What is wrong with JSON that the decoder refused without saying where: this toolchain's
    /// `JSONDecoder` says "The given data was not valid JSON." both for a syntax error (named by
    /// `syntaxError(in:)`) and for a number that does not fit its field (−1 for a seed, 10.5 for a batch
    /// size, 1e300 for a model file's version). The field is found by decoding the document again with
    /// each of its numbers in turn left out or set to 0: the numbers of its objects, nested ones included
    /// (`playground.batchSize` in an exported model), not those in arrays. Each try decodes the whole
    /// document, so the search runs only while the count of such numbers times the document's size is
    /// at most 1 MiB, and for at most 64 numbers (a playground configuration of 16 KiB, or a model file
    /// of up to 1 MiB, whose only number at its top is its version; the playground searches an exported
    /// model's settings on their own, as its uploaded points make the file large): about 4 MB of JSON
    /// work at most, on the server's training threads too. A number in an array, or a
    /// larger document, gets the general message. (Under a flat limit of 16 KiB a 20 KB model file with
    /// a version of 1.5 got it too.)
    /// `within` names the document's place in a larger one (`playground`), put before the field's path.
    package static func valueThatDoesNotFit<T: Decodable>(in data: Data, as type: T.Type, within: String? = nil) -> String {
        let unknown = "a value does not fit its field (a whole number where one is expected, not below 0 where a "
            + "count or a seed is, within the field's range)"
        guard data.count <= 1 << 20, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let numbers = numberPaths(in: object, atMost: min(64, (1 << 20) / max(data.count, 1)))
        else { return unknown }
        func decodes(_ candidate: [String: Any]) -> Bool {
            guard let data = try? JSONSerialization.data(withJSONObject: candidate) else { return false }
            return (try? JSONDecoder().decode(T.self, from: data)) != nil
        }
        for path in numbers {
            guard decodes(replacing(path[...], in: object, with: nil)) || decodes(replacing(path[...], in: object, with: 0))
            else { continue }
            let value = path.reduce(object as Any) { ($0 as? [String: Any])?[$1] ?? NSNull() }
            let field = ((within.map { [$0] } ?? []) + path).joined(separator: ".")
            return "\(NumberText.excerpt(field, limit: 60)): \(String(describing: value).prefix(60)) "
                + "does not fit the field (a whole number where one is expected, not below 0 where a count or a seed "
                + "is, within the field's range)"
        }
        return unknown
    }

    /// The key paths of the numbers in `object` and in the objects within it down to 8 levels (not in
    /// arrays), in key order, shallower first; nil when there are more than `limit`.
    static func numberPaths(in object: [String: Any], atMost limit: Int) -> [[String]]? {
        var paths: [[String]] = []
        var level: [([String], [String: Any])] = [([], object)]
        for _ in 0..<8 where !level.isEmpty {  // 8 levels: no configuration nests deeper
            var next: [([String], [String: Any])] = []
            for (prefix, object) in level {
                for key in object.keys.sorted() {
                    if object[key] is NSNumber {
                        paths.append(prefix + [key])
                        if paths.count > limit { return nil }
                    } else if let inner = object[key] as? [String: Any] {
                        next.append((prefix + [key], inner))
                    }
                }
            }
            level = next
        }
        return paths
    }

    /// `object` with the value at `path` replaced by `value` (nil: left out).
    static func replacing(_ path: ArraySlice<String>, in object: [String: Any], with value: Any?) -> [String: Any] {
        guard let key = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[key] = value
        } else if let inner = object[key] as? [String: Any] {
            copy[key] = replacing(path.dropFirst(), in: inner, with: value)
        }
        return copy
    }

    /// `layers[0].bias` for a coding path; `whole` for the empty path.
    static func fieldPath(_ path: [any CodingKey], whole: String = "the file") -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? whole : text
    }

    static func article(_ type: Any.Type) -> String {
        switch type {
        case is any BinaryFloatingPoint.Type, is any BinaryInteger.Type: "a number"  // seed is a UInt64
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        // What JSONDecoder names for an object and an array; a Swift type name said nothing to a reader.
        case is [String: Any].Type: "an object ({…})"
        case is [Any].Type: "a list ([…])"
        default: "a value of the expected kind"
        }
    }
}
