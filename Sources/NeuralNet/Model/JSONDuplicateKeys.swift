import ActivationFunctions
import Foundation

/// Finds a key given twice in one JSON object. `JSONDecoder` keeps one of the two values and says
/// nothing, so a hand-edited model file or configuration with `"lr"` twice would silently use one.
/// One pass over the bytes, linear in their count; malformed JSON is left to the decoder to report.
public enum JSONDuplicateKeys {
    /// The first duplicated key with where it is (e.g. `layers[1].bias`), or nil when there is none.
    public static func first(in data: Data) -> String? {
        var scanner = Scanner()
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == UInt8(ascii: "\"") {
                let end = stringEnd(data, from: index)
                if let duplicate = scanner.string(data[index..<end]) { return duplicate }
                index = end
                continue
            }
            scanner.punctuation(byte)
            index += 1
        }
        return nil
    }

    /// The index just past the string that starts with the quote at `start` (or the end of the data).
    static func stringEnd(_ data: Data, from start: Data.Index) -> Data.Index {
        var index = start + 1
        while index < data.endIndex {
            switch data[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return data.endIndex
    }

    struct Scanner {
        enum Container {
            case object(keys: Set<String>, current: String?, expectingKey: Bool)
            case array(index: Int)
        }

        var stack: [Container] = []

        mutating func punctuation(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "{"): stack.append(.object(keys: [], current: nil, expectingKey: true))
            case UInt8(ascii: "["): stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let keys, let current, _)?:
                    stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                case .array(let index)?: stack[stack.count - 1] = .array(index: index + 1)
                case nil: break
                }
            default: break
            }
        }

        /// Records a string token; returns the duplicate's description if it is a key seen before.
        mutating func string(_ token: Data) -> String? {
            guard case .object(var keys, _, true)? = stack.last else { return nil }
            let key = Self.decode(token)
            guard keys.insert(key).inserted else { return "'\(NumberText.excerpt(key))' appears twice in \(path())" }
            stack[stack.count - 1] = .object(keys: keys, current: key, expectingKey: false)
            return nil
        }

        /// Where the innermost container is, as keys and indices from the top (`the top-level object` at the top).
        func path() -> String {
            var text = ""
            for container in stack.dropLast() {
                switch container {
                case .object(_, let current, _): text += text.isEmpty ? (current ?? "") : ".\(current ?? "")"
                case .array(let index): text += "[\(index)]"
                }
            }
            return text.isEmpty ? "the top-level object" : "the object at \(text)"
        }

        /// A key's text, escapes resolved (so "\u0061" and "a" are the same key).
        static func decode(_ token: Data) -> String {
            let raw = String(
                decoding: token.dropFirst().dropLast(token.last == UInt8(ascii: "\"") && token.count > 1 ? 1 : 0),
                as: UTF8.self)
            guard token.contains(UInt8(ascii: "\\")) else { return raw }
            return (try? JSONDecoder().decode(String.self, from: token)) ?? raw
        }
    }
}
