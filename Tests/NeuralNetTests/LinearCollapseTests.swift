import Testing

@testable import NeuralNet

/// `Network.linearCollapse()` against computations that do not use it: a net worked out by hand,
/// and the network's own forward pass.
@Suite("Linear collapse")
struct LinearCollapseTests {
    /// 1 → 1 (identity c = 3) → 1: z = 4·3(2x + 1) + 5 = 24x + 17, so the map is exactly W = 24, b = 17.
    @Test("a net worked out by hand, with the identity's scale c")
    func byHand() throws {
        let hidden = DenseLayer<Double>(
            weights: Matrix([[2]]), bias: [1], activation: try .named("identity", parameters: ["c": 3]))
        let output = DenseLayer<Double>(weights: Matrix([[4]]), bias: [5], activation: try .named("identity"))
        let network = Network(layers: [hidden, output], head: .linear)
        let map = try #require(network.linearCollapse())
        #expect(map.weights == Matrix([[24]]))
        #expect(map.bias == [17])
        #expect(network.isLinear)
    }

    /// Random deep linear nets whose layers have different scales c (0.5, 2, 1, −1.5), against the
    /// network's forward pass on random inputs; several seeds.
    @Test("equals the deep linear net's logits", arguments: [1, 2, 3] as [UInt64])
    func matchesForwardPass(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let scales = [0.5, 2, 1, -1.5]
        let activations = try scales.map { c throws(NeuralNetError) in
            try HiddenActivation.named("linear", parameters: ["c": c])
        }
        var network = try Network<Double>(
            inputs: 3, hidden: [5, 7, 4, 6], activations: activations, outputs: 2,
            head: .linear, initializer: .glorotNormal, rng: &rng)
        for l in network.layers.indices { network.layers[l].bias = network.layers[l].bias.map { _ in rng.normal() } }
        let x = Matrix(rows: 50, columns: 3, storage: (0..<150).map { _ in 3 * rng.normal() })
        let deep = network.logits(x)
        let single = try #require(network.linearCollapse()).apply(x)
        let scale = deep.storage.map(abs).max()!
        let error = zip(deep.storage, single.storage).map { abs($0 - $1) }.max()! / scale
        #expect(network.isLinear)
        #expect(error <= 1e-13, "relative error \(error)")
    }

    @Test("a nonlinear net is not linear; maxout has no collapse")
    func nonlinear() throws {
        var rng = SeededGenerator(seed: 4)
        let tanh = try Network<Double>(
            inputs: 2, hidden: [3], activations: [try .named("tanh")], outputs: 1,
            head: .linear, initializer: .glorotNormal, rng: &rng)
        #expect(!tanh.isLinear)
        #expect(tanh.linearCollapse() != nil)  // the activation taken out
        let maxout = try Network<Double>(
            inputs: 2, hidden: [3], activations: [try .named("maxout")], outputs: 1,
            head: .linear, initializer: .glorotNormal, rng: &rng)
        #expect(maxout.linearCollapse() == nil)
    }
}
