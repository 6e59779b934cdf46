import ActivationFunctions
import Testing

/// Maxout and BReLU: values and vector–Jacobian products worked by hand, and their example rows.
@Suite("Maxout and BReLU")
struct StructuredTests {
    func row(_ id: String, _ parameters: [String: Double] = [:]) throws -> any RowActivation {
        guard case .row(let f) = try Activations.make(id, parameters: parameters) else {
            throw ActivationError.unknownFunction(id, suggestions: [])
        }
        return f
    }

    @Test("maxout takes the largest of each group of k and routes the gradient to it")
    func maxout() throws {
        let two = try row("maxout")
        #expect(try two.forward([1, 3, -2, 0.5] as [Double]) == [3, 0.5])
        #expect(try two.backward([1, 3, -2, 0.5] as [Double], [1, 2]) == [0, 1, 0, 2])
        #expect(try two.backward([2, 2] as [Double], [5]) == [5, 0])  // a tie: the first piece
        #expect(try two.forward([.nan, 1] as [Double]).first?.isNaN == true)
        let three = try row("maxout", ["pieces": 3])
        #expect(try three.forward([0, -1, 4, 2, 7, 1] as [Double]) == [4, 7])
        #expect(three.inputCount(forOutputCount: 5) == 15)
        #expect(throws: ActivationError.self) { try three.forward([1, 2] as [Double]) }
        #expect(throws: ActivationError.self) { try Activations.make("maxout", parameters: ["pieces": 2.5]) }
        #expect(throws: ActivationError.self) { try Activations.make("maxout", parameters: ["pieces": 1]) }
    }

    @Test("BReLU: ReLU(x) on even units, −ReLU(−x) on odd ones")
    func brelu() throws {
        let f = try row("brelu")
        #expect(try f.forward([1, -1, 1, -1] as [Double]) == [1, -1, 1, -1])
        #expect(try f.forward([-2, 3, -2, 3] as [Double]) == [0, 0, 0, 0])
        #expect(try f.backward([1, -1, -2, 3] as [Double], [5, 6, 7, 8]) == [5, 6, 0, 0])
        #expect(try f.backward([0, 0] as [Double], [1, 1]) == [0, 0])  // the slope at 0 is 0 for both kinds
    }

    @Test("each example row's slope is its derivative in x (central differences)")
    func exampleSlopes() throws {
        for id in ["maxout", "brelu"] {
            let f = try #require(try row(id) as? any ExampleRowActivation)
            for x in [-1.3, 0.4, 2.2] {
                let (up, down) = (f.exampleRow(at: x + 1e-6).row, f.exampleRow(at: x - 1e-6).row)
                for (k, slope) in f.exampleRow(at: x).slope.enumerated() {
                    #expect(abs((up[k] - down[k]) / 2e-6 - slope) < 1e-6)
                }
            }
        }
    }
}
