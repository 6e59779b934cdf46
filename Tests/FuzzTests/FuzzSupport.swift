import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import NeuralNet

/// Shared pieces of the fuzz suite: alphabets that hit the readers' edge cases, a byte mutator, and
/// the checks every outcome must pass: a value that keeps the invariants, or a `NeuralNetError` with
/// a message, within a time bound (no crash, no hang).
enum Fuzz {
    /// Characters that matter to the number and CSV readers, hidden ones included.
    static let csvAlphabet: [Character] =
        Array("0123456789,,,\n\n\r\r\n\"\"--+..eEinfatxyz ") + [
            "\u{0}", "\u{FEFF}", "\u{FFFD}", "\u{200B}", "\t", "é",
        ]

    static let numberAlphabet: [Character] = Array("0123456789+-.eEinfaxp_ ") + ["\u{0}", "\u{FEFF}", "\u{FFFD}", "٣"]

    /// Random CSV-like text, up to 300 characters.
    static let csvText = Gen.int(in: 0..<csvAlphabet.count).map { csvAlphabet[$0] }.string(of: 0...300)
    /// Random number-like text, up to 24 characters; and short tails.
    static let numberText = Gen.int(in: 0..<numberAlphabet.count).map { numberAlphabet[$0] }.string(of: 0...24)
    static let tails = Gen.int(in: 0..<numberAlphabet.count).map { numberAlphabet[$0] }.string(of: 0...4)

    /// Mutation recipes: each number picks an operation, a position and a byte.
    static let recipes = Gen.int(in: 0...Int(UInt32.max)).array(of: 1...12)

    /// Bytes that mutations insert: structure (quotes, commas, braces), digits, signs, huge and
    /// hidden values.
    static let insertions: [[UInt8]] =
        [
            "\"", ",", "\n", "\r", "{", "}", "[", "]", ":", "0", "-", "1e308", "-1e308", "9223372036854775807",
            "1e999", "\u{0}", "\u{FEFF}", "null", "true", "\"x\"", "\\", "1000000",
        ].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0xE2, 0x82]]

    /// `bytes` changed by `recipe`: insert, delete, replace with an insertion, or duplicate a span.
    static func mutate(_ bytes: [UInt8], _ recipe: [Int]) -> [UInt8] {
        var result = bytes
        for step in recipe {
            let position = result.isEmpty ? 0 : (step >> 2) % result.count
            let insertion = insertions[(step >> 12) % insertions.count]
            switch step & 3 {
            case 0: result.insert(contentsOf: insertion, at: position)
            case 1:
                if !result.isEmpty {
                    result.removeSubrange(position..<min(result.count, position + 1 + (step >> 20) % 8))
                }
            case 2: if !result.isEmpty { result.replaceSubrange(position..<(position + 1), with: insertion) }
            default:
                let end = min(result.count, position + 1 + (step >> 20) % 64)
                result.insert(contentsOf: result[position..<end], at: end)
            }
        }
        return result
    }

    /// Runs `body`, which must finish within `seconds` of this thread's CPU time (a busy machine
    /// stretches wall time, not the work done); a thrown error must be a `NeuralNetError` with a message.
    static func bounded<T>(_ input: @autoclosure () -> String, seconds: Double = 2, _ body: () throws -> T) -> T? {
        let start = Timing.threadCPUSeconds()
        defer {
            let spent = Timing.threadCPUSeconds() - start
            #expect(spent < seconds, "took \(spent) s of CPU for \(input())")
        }
        do { return try body() } catch let error as NeuralNetError {
            #expect(!error.description.isEmpty, "an empty message for \(input())")
        } catch {
            Issue.record("not a NeuralNetError: \(error) for \(input())")
        }
        return nil
    }
}
