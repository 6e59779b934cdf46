import Testing

@testable import ActivationFunctions

/// Parameters `Float` cannot hold: in `Float` lanes they became ±∞ or 0, and `squareplus` with
/// b = 10⁴⁰ gave NaN at −1 where the value, 5·10¹⁹, fits `Float` well. Such a function now runs in
/// `Double` for `Float` inputs and rounds once: every `Float` value is the `Double` value rounded.
@Suite struct FloatParameterTests {
    static let cases: [(String, [String: Double])] = [
        ("squareplus", ["b": 1e40]), ("celu", ["alpha": 1e40]), ("soft-exponential", ["alpha": 1e-300]),
        ("apl", ["a": 1e300, "b": 0]), ("soft-clipping", ["alpha": 1e40]), ("isru", ["alpha": 1e40]),
        ("softplus", ["beta": 1e40]), ("elu", ["alpha": 1e40]), ("identity", ["c": 3.5e38]),
        ("leaky-relu", ["slope": 1e-40]), ("prelu", ["slope": 3.5e38]),
    ]

    static let inputs: [Float] = [
        -.infinity, -1e30, -100, -2.5, -1, -0.5, -1e-20, -.leastNonzeroMagnitude, -0.0, 0, 1e-30, 0.75, 1, 3, 50,
        1e25, .greatestFiniteMagnitude, .infinity,
    ]

    @Test("Float values and slopes are the Double ones rounded, scalar and batch", arguments: cases.indices)
    func floatIsDoubleRounded(_ index: Int) throws {
        let (id, parameters) = Self.cases[index]
        let f = try Activations.elementwise(id, parameters: parameters)
        let x = Self.inputs
        let dy = x.indices.map { Float($0 % 3) - 0.75 }
        var y = [Float](repeating: .nan, count: x.count)
        var dx = y
        x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { f.forward(x, into: $0) } }
        x.withUnsafeBufferPointer { x in
            dy.withUnsafeBufferPointer { dy in dx.withUnsafeMutableBufferPointer { f.backward(x, dy, into: $0) } }
        }
        for i in x.indices {
            let wide = Double(x[i])
            let (value, slope) = (Float(f(wide)), Float(Double(dy[i]) * f.derivative(at: wide)))
            #expect(same(f(x[i]), value), "\(id) f(\(x[i])) = \(f(x[i])), Double's rounded \(value)")
            #expect(same(y[i], value), "\(id) batch f(\(x[i])) = \(y[i]), Double's rounded \(value)")
            #expect(same(dx[i], slope), "\(id) batch dy·f′(\(x[i])) = \(dx[i]), Double's rounded \(slope)")
            #expect(same(f.derivative(at: x[i]), Float(f.derivative(at: wide))), "\(id) f′(\(x[i])) scalar")
            // NaN only where Double's value is NaN (the point of the change).
            #expect(!y[i].isNaN || f(wide).isNaN, "\(id) f(\(x[i])) is NaN in Float only")
        }
    }

    @Test("in place, empty, and on every core: the same bits")
    func shapesOfTheCall() throws {
        let f = try Activations.elementwise("squareplus", parameters: ["b": 1e40])
        let x = (0..<3000).map { Float($0) * 7.25e15 - 1e19 }
        var serial = [Float](repeating: 0, count: x.count)
        var parallel = serial
        var inPlace = x
        x.withUnsafeBufferPointer { x in
            serial.withUnsafeMutableBufferPointer { f.forward(x, into: $0, parallelism: .serial) }
            parallel.withUnsafeMutableBufferPointer { f.forward(x, into: $0, parallelism: Parallelism(maximumThreads: 2, minimumCount: 64)) }
        }
        inPlace.withUnsafeMutableBufferPointer { buffer in f.forward(UnsafeBufferPointer(buffer), into: buffer) }
        #expect(serial == parallel && serial == inPlace)
        #expect(serial == x.map { Float(f(Double($0))) })
        // Backward over several 512-element chunks: dy and x widened side by side.
        let dy = x.indices.map { Float($0 % 7) - 3.25 }
        let dx = f.backward(x, dy)
        #expect(dx == x.indices.map { Float(Double(dy[$0]) * f.derivative(at: Double(x[$0]))) })
        #expect(f.forward([Float]()).isEmpty && f.backward([Float](), []).isEmpty)
    }

    @Test("parameters Float holds keep the Float lanes")
    func ordinaryParametersStayFast() throws {
        for parameters: [String: Double] in [["alpha": 1], ["alpha": 1e-30], ["alpha": 3e38], ["alpha": 0.1]] {
            let f = try Activations.elementwise("celu", parameters: parameters)
            #expect(type(of: f).floatLanes == .float, "\(parameters)")
        }
        let wide = try Activations.elementwise("celu", parameters: ["alpha": 1e-39])
        #expect(type(of: wide).floatLanes == .double)
    }

    /// Equal, or both NaN.
    private func same(_ a: Float, _ b: Float) -> Bool { a == b || (a.isNaN && b.isNaN) }
}
