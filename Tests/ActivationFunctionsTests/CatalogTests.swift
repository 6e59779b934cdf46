import ActivationFunctions
import Foundation
import Testing

@Suite("Catalog integrity")
struct CatalogTests {
    /// The ids the issue asks for, written out here as an independent checklist.
    static let requiredIDs = """
        identity step sign threshold relu relu6 squared-relu leaky-relu prelu rrelu srelu plu apl elu celu selu \
        isrlu isru gelu gelu-tanh quick-gelu silu hard-swish mish softplus squareplus sparse-plus \
        soft-exponential bent-identity lisht log-cosh exponential sigmoid log-sigmoid hard-sigmoid \
        sparse-sigmoid symmetric-sigmoid log-log tanh lecun-tanh hard-tanh soft-clipping arctan arsinh \
        softsign sqnl tanh-shrink soft-shrink hard-shrink absolute gaussian sq-rbf sinusoid cos sinc \
        softmax softmin log-softmax sparsemax glu maxout brelu
        """.split(separator: " ").map(String.init)

    static let infos = Activations.all.map { $0.info }

    @Test func everyRequiredFunctionIsPresent() {
        #expect(Set(Self.infos.map(\.id)) == Set(Self.requiredIDs))
        #expect(Self.infos.count == Self.requiredIDs.count)
    }

    /// `activations list`, the docs' table and the gallery show the catalog in its order, one heading per
    /// family where the family changes: a function filed among another family's split its own in two
    /// (ISRU, sigmoid-like, sat among the rectifiers).
    @Test func eachFamilyIsListedInOneRun() {
        var seen: [Family] = []
        for info in Self.infos where seen.last != info.family {
            #expect(!seen.contains(info.family), "\(info.id) (\(info.family)) comes after another family's functions")
            seen.append(info.family)
        }
    }

    @Test func idsAndAliasesAreUniqueKebabCase() {
        let names = Self.infos.flatMap { [$0.id] + $0.aliases }
        #expect(Set(names).count == names.count)
        let kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
        for name in names { #expect(name.wholeMatch(of: kebab) != nil, "\(name) is not kebab-case") }
    }

    @Test(
        "the issue's aliases resolve",
        arguments: [
            ("linear", "identity"), ("swish", "silu"),
            ("logistic", "sigmoid"), ("sin", "sinusoid"), ("SiLU", "silu"),
        ])
    func alias(alias: String, id: String) {
        #expect(Activations.named(alias)?.info.id == id)
    }

    @Test("metadata is complete", arguments: infos.map(\.id))
    func metadata(id: String) {
        let info = Activations.named(id)!.info
        for text in [info.name, info.formula, info.derivativeFormula, info.outputRange, info.reference] {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty)
        }
        #expect(info.plotDomain.lower < info.plotDomain.upper)
        let isRow = info.family == .vector
        #expect((info.monotonic == nil) == isRow && (info.approximatesIdentityNearZero == nil) == isRow)
        for spec in info.parameters {
            #expect(spec.range.contains(spec.defaultValue), "\(id): default \(spec.name) outside \(spec.range)")
            #expect(!spec.summary.isEmpty)
        }
        for kink in info.kinks { #expect(kink.location(in: info.defaultParameters).isFinite) }
        #expect(throws: Never.self) { try info.validate([:]) }
    }

    @Test("unknown ids name the closest ones")
    func suggestions() {
        #expect(Activations.suggestions(for: "relux").contains("relu"))
        #expect(Activations.suggestions(for: "leaky").contains("leaky-relu"))
        #expect(Activations.suggestions(for: "gelu_tanh").contains("gelu-tanh"))
        #expect(throws: ActivationError.self) { try Activations.make("no-such-function") }
        #expect(Activations.suggestions(for: "symmetric-sigmoidd").contains("symmetric-sigmoid"))
        // Two neighbouring letters swapped, the commonest typing slip, is one edit: the intended id comes first
        // ("rleu" suggested elu, glu and plu, each two plain edits away, and not relu).
        for (typo, meant) in [("rleu", "relu"), ("sigmiod", "sigmoid"), ("tnah", "tanh"), ("lekay-relu", "leaky-relu")]
        {
            #expect(Activations.suggestions(for: typo).first == meant, "\(typo): \(Activations.suggestions(for: typo))")
        }
        // A name far longer than any id has no suggestion, and the message quotes only its start.
        let long = String(repeating: "a", count: 75_000)
        #expect(Activations.suggestions(for: long).isEmpty)
        do { _ = try Activations.make(long); Issue.record("accepted") } catch {
            #expect(error.description.contains("… (75000 characters)") && error.description.count < 300, "\(error)")
        }
    }

    @Test("a vector function asked for as an elementwise one is named as such, not as unknown")
    func vectorFunctionWhereElementwiseIsNeeded() {
        for id in ["softmax", "log-softmax", "glu"] {
            #expect(throws: ActivationError.notElementwise(id)) { try Activations.elementwise(id) }
        }
        do { _ = try Activations.elementwise("softmax"); Issue.record("accepted") } catch {
            #expect(error.description.contains("softmax is a vector function") && !error.description.contains("unknown"))
            #expect(error.isUsageError)
        }
        // A misspelt id is still unknown, with the vector function among the names offered.
        do { _ = try Activations.elementwise("softmaxx"); Issue.record("accepted") } catch {
            guard case .unknownFunction("softmaxx", let offered) = error else { Issue.record("\(error)"); return }
            #expect(offered.first == "softmax", "\(offered)")
        }
    }

    @Test("parameters are checked against their ranges and constraints")
    func parameterValidation() {
        #expect(throws: ActivationError.self) { try Activations.make("leaky-relu", parameters: ["slope": 2]) }
        #expect(throws: ActivationError.self) { try Activations.make("leaky-relu", parameters: ["alpha": 0.1]) }
        #expect(throws: ActivationError.self) { try Activations.make("relu", parameters: ["slope": 0.1]) }
        #expect(throws: ActivationError.self) { try Activations.make("celu", parameters: ["alpha": 0]) }
        #expect(throws: ActivationError.self) { try Activations.make("hard-tanh", parameters: ["min": 2]) }
        #expect(throws: ActivationError.self) {
            try Activations.make("rrelu", parameters: ["lower": 0.5, "upper": 0.25])
        }
        #expect(throws: ActivationError.self) { try Activations.make("elu", parameters: ["alpha": .nan]) }
        do {
            _ = try Activations.make("leaky-relu", parameters: ["slope": 2])
        } catch {
            #expect(error.description.contains("[0, 1]"), "the message gives the valid range: \(error)")
        }
    }
}
