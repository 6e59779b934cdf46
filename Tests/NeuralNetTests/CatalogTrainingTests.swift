import ActivationFunctions
import Foundation
import Testing

@testable import NeuralNet

/// Walks the catalog (no list of ids here): every entry, learned and structured ones included, is a
/// hidden activation the trainer accepts, whose backward pass matches finite differences, and which
/// survives a model file.
@Suite("Every catalog entry trains")
struct CatalogTrainingTests {
    static let ids = Activations.all.map { $0.info.id }

    @Test("HiddenActivation.named accepts every catalog id and keeps its id", arguments: ids)
    func named(_ id: String) throws {
        let activation = try HiddenActivation.named(id)
        #expect(activation.id == id)
        #expect(HiddenActivation.ids.contains(id))
        let rebuilt = try HiddenActivation.named(activation.id, parameters: activation.parameters)
        #expect(rebuilt.id == id && rebuilt.parameters == activation.parameters)
    }

    @Test("a network with each catalog activation: gradients against finite differences", arguments: ids)
    func gradients(_ id: String) throws {
        let activation = try HiddenActivation.named(id)
        var network = try GradientCheckTests.network(activation, .linear, seed: 31)
        for index in network.layers.indices {  // small weights keep fast-growing functions (eˣ) resolvable
            network.layers[index].weights.storage = network.layers[index].weights.storage.map { $0 / 2 }
        }
        let (x, targets) = GradientCheckTests.batch(.linear, inputs: 3, seed: 13)
        var rng = SeededGenerator(seed: 0)
        let outputs = network.forward(x, rng: &rng)
        let finite = outputs.last!.output.storage.allSatisfy { $0.isFinite }
        try #require(finite, "\(id): non-finite outputs")
        let sums = outputs.dropLast().flatMap(\.sums.storage)
        let kinks = activation.info.kinks.map { $0.location(in: activation.info.defaultParameters) }
        try #require(sums.allSatisfy { z in kinks.allSatisfy { abs(z - $0) > 1e-3 } }, "a sum landed on a kink")
        let failures = GradientCheckTests.check(network, x, targets)
        #expect(failures.isEmpty, "\(id): \(failures.prefix(3))")
    }

    @Test("a model file with each catalog activation loads back to the same predictions", arguments: ids)
    func modelFile(_ id: String) throws {
        let network = try GradientCheckTests.network(try HiddenActivation.named(id), .softmax, seed: 5)
        let file = ModelFile(
            network: network, inputNames: ["a", "b", "c"], features: nil,
            normalization: .identity(3), classNames: ["p", "q", "r"])
        let decoded = try JSONDecoder().decode(ModelFile.self, from: try JSONEncoder().encode(file))
        let loaded = try decoded.network()
        let (x, _) = GradientCheckTests.batch(.softmax, inputs: 3, seed: 2)
        var rng = SeededGenerator(seed: 0)
        let before = network.forward(x, rng: &rng).last!.output.storage
        let after = loaded.forward(x, rng: &rng).last!.output.storage
        #expect(before == after)
    }

    @Test("a model file whose sums do not fit maxout's pieces is rejected with the layer named")
    func maxoutShapeChecked() throws {
        let network = try GradientCheckTests.network(
            try HiddenActivation.named("maxout", parameters: ["pieces": 2]), .softmax, seed: 5)
        var file = ModelFile(
            network: network, inputNames: ["a", "b", "c"], features: nil,
            normalization: .identity(3), classNames: ["p", "q", "r"])
        file.layers[0].parameters = ["pieces": 3]  // 8 sums are not a multiple of 3
        #expect {
            _ = try file.network()
        } throws: { error in
            "\(error)".contains("layers[0]") && "\(error)".contains("multiple of 3")
        }
    }
}
