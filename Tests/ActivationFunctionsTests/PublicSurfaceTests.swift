import ActivationFunctions
import Testing

/// The batch kernels as a client calls them, with a plain `import` (no `@_spi(Lanes)`): the `Float` and
/// `Double` witnesses of `BatchElement` are SPI, so `Float.forward(f, x, y)` must keep compiling through
/// the protocol's public requirements and its default-parallelism overloads. Expected values are exact
/// facts of the functions (ReLU's definition, σ(0) = ½, σ′(0) = ¼, softmax of equal scores), not the kernels.
@Suite struct PublicSurfaceTests {
    @Test func elementwiseKernelsThroughBatchElement() throws {
        let relu = try Activations.elementwise("relu")
        let sigmoid = try Activations.elementwise("sigmoid")
        let x: [Float] = [-1.5, 0, 2, .infinity, .nan]
        var y = [Float](repeating: 7, count: x.count)
        x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { y in Float.forward(relu, x, y) } }
        #expect(Array(y.prefix(4)) == [0, 0, 2, .infinity] && y[4].isNaN, "\(y)")

        let zero: [Double] = [0, 0]
        let dy: [Double] = [1, -2]
        var out = [Double](repeating: 7, count: 2)
        var dx = [Double](repeating: 7, count: 2)
        zero.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { Double.forward(sigmoid, x, $0, .serial) }
            dy.withUnsafeBufferPointer { dy in dx.withUnsafeMutableBufferPointer { Double.backward(sigmoid, x, dy, $0) }
            }
        }
        #expect(out == [0.5, 0.5])
        #expect(dx == [0.25, -0.5])
    }

    @Test func rowKernelsThroughBatchElement() throws {
        guard case .row(let softmax) = try Activations.make("softmax") else {
            Issue.record("softmax is not a row function")
            return
        }
        let x: [Float] = [3, 3, -1, -1]
        var y = [Float](repeating: 7, count: 4)
        try x.withUnsafeBufferPointer { x in
            try y.withUnsafeMutableBufferPointer { y in try Float.forwardRows(softmax, x, y, 2) }
        }
        #expect(y == [0.5, 0.5, 0.5, 0.5])
    }

    @Test func aRowLengthTheFunctionRefusesThrows() throws {
        guard case .row(let glu) = try Activations.make("glu") else {
            Issue.record("glu is not a row function")
            return
        }
        let x = [Double](repeating: 1, count: 6)
        var y = [Double](repeating: 7, count: 3)
        #expect(throws: ActivationError.self) {
            try x.withUnsafeBufferPointer { x in
                try y.withUnsafeMutableBufferPointer { y in try Double.forwardRows(glu, x, y, 3) }
            }
        }
    }
}
