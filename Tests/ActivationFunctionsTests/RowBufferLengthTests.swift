import ActivationFunctions
import Testing

/// The buffer API of every row function in the catalog refuses buffers that are not whole rows, or
/// whose output or gradient has the wrong length, with an `ActivationError` naming what was wrong; it
/// used to stop the program (a precondition) although its documentation promised an error.
@Suite("Row functions: buffers of the wrong length")
struct RowBufferLengthTests {
    static let ids = Activations.all.compactMap { definition -> String? in
        guard case .row = try? Activations.make(definition.info.id) else { return nil }
        return definition.info.id
    }

    /// A row length every row function in the catalog takes at its defaults (even, and a multiple of
    /// maxout's pieces).
    static let rowLength = 12

    func forward(_ f: any RowActivation, inputs: Int, outputs: Int) -> ActivationError? {
        let x = [Float](repeating: 0.5, count: inputs)
        var y = [Float](repeating: 0, count: outputs)
        do {
            try x.withUnsafeBufferPointer { (input) throws(ActivationError) in
                try y.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                    try f.forward(rows: input, into: out, rowLength: Self.rowLength)
                }
            }
        } catch { return error }
        return nil
    }

    func backward(_ f: any RowActivation, inputs: Int, gradients: Int, dx: Int) -> ActivationError? {
        let x = [Double](repeating: 0.5, count: inputs)
        let dy = [Double](repeating: 1, count: gradients)
        var result = [Double](repeating: 0, count: dx)
        do {
            try x.withUnsafeBufferPointer { (input) throws(ActivationError) in
                try dy.withUnsafeBufferPointer { (g) throws(ActivationError) in
                    try result.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                        try f.backward(rows: input, g, into: out, rowLength: Self.rowLength)
                    }
                }
            }
        } catch { return error }
        return nil
    }

    @Test("the catalog has row functions to check")
    func catalogHasRows() {
        #expect(
            Set(["softmax", "log-softmax", "sparsemax", "glu", "maxout"]).isSubset(of: Set(Self.ids)), "\(Self.ids)")
    }

    @Test("part of a row, a wrong output length and a wrong dx length are errors", arguments: ids)
    func wrongLengths(id: String) throws {
        guard case .row(let f) = try Activations.make(id) else { return }
        let n = Self.rowLength
        let width = try f.outputCount(forInputCount: n)
        #expect(forward(f, inputs: 3 * n, outputs: 3 * width) == nil, "\(id): whole rows work")
        #expect(backward(f, inputs: 3 * n, gradients: 3 * width, dx: 3 * n) == nil, "\(id): whole rows work")
        let partial = forward(f, inputs: 3 * n + 1, outputs: 3 * width)
        #expect(
            partial.map { "\($0)".contains("not whole rows of \(n)") } == true, "\(id): \(String(describing: partial))")
        let shortOutput = forward(f, inputs: 3 * n, outputs: 3 * width - 1)
        #expect(
            shortOutput
                == .mismatchedLengths(function: f.info.id, expected: 3 * width, actual: 3 * width - 1, what: "y"))
        let shortGradient = backward(f, inputs: 3 * n, gradients: 2 * width, dx: 3 * n)
        #expect(
            shortGradient == .mismatchedLengths(function: f.info.id, expected: 3 * width, actual: 2 * width, what: "dy")
        )
        let shortDx = backward(f, inputs: 3 * n, gradients: 3 * width, dx: n)
        #expect(shortDx == .mismatchedLengths(function: f.info.id, expected: 3 * n, actual: n, what: "dx"))
    }
}
