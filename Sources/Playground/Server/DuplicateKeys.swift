import Foundation

/// Finds a key repeated within one JSON object (`{"seed": 1, "seed": 2}`), which a decoder would
/// resolve silently by keeping one of them. One linear pass over the bytes; it only looks at
/// strings and brackets, so it accepts what the decoder then rejects (the decoder reports that).
enum DuplicateKeys {
    /// The first repeated key, as a path such as `networkShape` or `config.seed`; nil when none.
    static func first(in data: Data) -> String? {
        var scanner = Scanner(bytes: Array(data))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// One entry per open container: the keys seen so far (nil for an array) and the key it is under.
        var stack: [(keys: Set<String>?, name: String)] = []
        var lastKey = ""

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> String? {
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "{"): stack.append((keys: [], name: lastKey))
                case UInt8(ascii: "["): stack.append((keys: nil, name: lastKey))
                case UInt8(ascii: "}"), UInt8(ascii: "]"): if !stack.isEmpty { stack.removeLast() }
                case UInt8(ascii: "\""):
                    let text = readString()
                    if isKey(), stack.last?.keys != nil {
                        if stack[stack.count - 1].keys!.insert(text).inserted == false { return path(text) }
                        lastKey = text
                    }
                default: break
                }
            }
            return nil
        }

        /// Reads a string whose opening quote was just read; returns its text with escapes decoded.
        mutating func readString() -> String {
            let start = index
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\\") { escaped = true; index += 1; continue }
                if byte == UInt8(ascii: "\"") { break }
            }
            let raw = bytes[start..<max(start, index - 1)]
            guard escaped else { return String(decoding: raw, as: UTF8.self) }
            let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
            return (try? JSONDecoder().decode(String.self, from: quoted)) ?? String(decoding: raw, as: UTF8.self)
        }

        /// Whether the string just read is followed by a colon (spaces between allowed).
        func isKey() -> Bool {
            var i = index
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i < bytes.count && bytes[i] == UInt8(ascii: ":")
        }

        func path(_ key: String) -> String {
            let names = stack.dropFirst().map(\.name).filter { !$0.isEmpty } + [key]
            return "'" + names.joined(separator: ".") + "'"
        }
    }
}
