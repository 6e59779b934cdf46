import ActivationFunctions
import Testing

/// Bad formulas: each gets a clear error with its column, and nothing else; random and mutated
/// strings never crash or hang.
@Suite("Formulas: errors and fuzzing")
struct FormulaErrorTests {
    static func error(_ text: String, parameters: [String: Double] = [:]) -> FormulaError? {
        do {
            _ = try Formula(parsing: text, parameters: parameters)
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown name is pointed at, with the closest names suggested")
    func unknownName() throws {
        let error = try #require(Self.error("f(x) = x * sigmoud(x)"))
        #expect(error.column == 12)
        #expect(error.message.contains("sigmoid"))
        #expect(error.description.hasSuffix("\n  f(x) = x * sigmoud(x)\n             ^"))
    }

    @Test(
        "syntax errors name what was expected, at their column",
        arguments: [
            ("f(x) = x +", 11, "expected"), ("f(x) = (x", 10, "')'"), ("g(x) = x", 1, "f(x) ="),
            ("f(x) = x $ 2", 10, "'$'"), ("f(x) = x > 0", 13, "piecewise"), ("f(x) = max(x)", 8, "two arguments"),
            ("f(x) = tanh(x, 1)", 8, "one argument"), ("f(x) = exp", 8, "exp(…)"),
            ("f(x) = softmax(x)", 8, "whole row"),
            ("f(x; x=1) = x", 6, "already a name"), ("f(x) = 1e999 * x", 8, "not a number"),
        ])
    func syntax(_ text: String, _ column: Int, _ phrase: String) throws {
        let error = try #require(Self.error(text), "\(text) should not parse")
        #expect(error.column == column, "\(text): \(error)")
        #expect(error.message.contains(phrase), "\(text): \(error)")
    }

    @Test("a parameter without a value, or an unknown one, says so")
    func parameters() throws {
        #expect(Self.error("f(x; a) = a*x")?.message.contains("parameter 'a' has no value") == true)
        #expect(Self.error("f(x) = a*x")?.message.contains("unknown name 'a'") == true)
        #expect(Self.error("f(x; a=1) = a*x", parameters: ["b": 2])?.message.contains("no parameter 'b'") == true)
    }

    @Test("length and depth are limited before any work that grows with them")
    func limits() throws {
        let long = "f(x) = " + String(repeating: "x+", count: 250) + "x"
        #expect(Self.error(long)?.message.contains("limit is 500") == true)
        let deep = "f(x) = " + String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
        #expect(Self.error(deep)?.message.contains("deeper than 64") == true)
        let minuses = "f(x) = " + String(repeating: "-", count: 200) + "x"
        #expect(Self.error(minuses)?.message.contains("deeper than 64") == true)
        // Levels as the reader counts them: 64 parentheses (or powers of parentheses) are fine, 65 are not
        // (32 were refused as "deeper than 64" when each parser function counted one).
        let nested = { (n: Int, open: String) in "f(x) = " + String(repeating: open, count: n) + "x" + String(repeating: ")", count: n) }
        #expect(Self.error(nested(64, "(")) == nil && Self.error(nested(65, "("))?.message.contains("deeper than 64") == true)
        #expect(Self.error(nested(30, "2^(")) == nil && Self.error(nested(64, "tanh(")) == nil)
    }

    @Test("the catalog builds formulas and reports their errors as usage errors")
    func throughTheCatalog() throws {
        #expect(throws: ActivationError.self) { try Activations.make("f(x) = x*") }
        do {
            _ = try Activations.make("f(x) = x*")
        } catch {
            #expect(error.isUsageError)
        }
        guard case .elementwise(let f) = try Activations.make("f(x) = 2*x") else {
            Issue.record("not elementwise"); return
        }
        #expect(f(3.0) == 6)
    }

    /// Tokens a formula is made of, for random strings that are often nearly valid.
    static let pieces = [
        "x", "+", "-", "*", "/", "^", "(", ")", ",", "?", ":", ">", "<=", "0", "1.5", "1e-3", "exp",
        "log", "sqrt", "tanh", "min", "max", "sigmoid", "gelu", "leaky-relu", "a", "=", ";", " ", "·", "é", "π",
    ]

    @Test("random and mutated strings: a clear error or a working function, never a crash or a hang")
    func fuzz() throws {
        var rng = SplitMix(seed: 20_261_205)
        var built = 0
        var rejected = 0
        let seeds = FormulaTests.corpus.map(\.formula)
        for round in 0..<600 {
            var text: String
            if round.isMultiple(of: 2) {
                text = "f(x) = " + (0..<rng.below(24)).map { _ in Self.pieces[rng.below(Self.pieces.count)] }.joined()
            } else {
                var characters = Array(seeds[rng.below(seeds.count)])
                for _ in 0...rng.below(3) {
                    let i = rng.below(characters.count)
                    switch rng.below(3) {
                    case 0: characters.remove(at: i)
                    case 1: characters.insert(Array("()+-*x0^,?:")[rng.below(11)], at: i)
                    default: characters[i] = Array("()+-*/x1^ ")[rng.below(10)]
                    }
                }
                text = String(characters)
            }
            do {
                let f = try Formula(parsing: text)
                let values = f.forward([-2.0, -0.5, 0, 0.5, 2])
                #expect(values.count == 5)
                built += 1
            } catch {
                #expect(!error.message.isEmpty)
                #expect(!error.message.hasPrefix("internal error"), "\(text): \(error)")
                rejected += 1
            }
        }
        #expect(built > 20 && rejected > 20, "built \(built), rejected \(rejected)")
    }
}

/// A small deterministic generator (SplitMix64) for the fuzz test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
