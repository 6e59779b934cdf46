import Testing

@_spi(Lanes) @testable import ActivationFunctions

/// The SIMD body and the scalar tail of the batch kernels agree bit for bit with the scalar path,
/// with special values at the first, middle and last positions (§5.4.11 of the numerics note).
@Suite("Batch kernels match the scalar path bit for bit")
struct KernelTests {
    /// Every path of the loops: two vectors at a time, then one, then single elements (for `Float`,
    /// 49 takes all three; for `Double`, 13 does).
    static let lengths = Array(0...17) + [31, 32, 33, 47, 48, 49, 1000]
    static let specials: [Double] = [
        .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -1e-8, 3, -3, 6, -6, 20,
        88.8, -88.8, 100, -100, 1e30, -1e30,
        -87.2, 87.5,  // between the rare-path threshold (±87) and expNormalRange's clamps (−87.3, 88.3)
    ]

    /// Deterministic inputs over the function's plot domain, widened 50%, with `special` placed at
    /// the first, middle and last positions.
    static func inputs(_ n: Int, domain: PlotDomain, special: Double) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(n)
        let width = (domain.upper - domain.lower) * 1.5
        var x = (0..<n).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return domain.lower * 1.5 + width * Double(state >> 11) / Double(1 << 53)
        }
        for index in Set([0, n / 2, n - 1]) where n > 0 { x[index] = special }
        return x
    }

    static func same<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool where T.RawSignificand: FixedWidthInteger {
        (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
    }

    @Test(arguments: Activations.elementwiseIDs)
    func double(id: String) throws {
        let f = try Activations.elementwise(id)
        var mismatches: [String] = []
        for n in Self.lengths {
            for special in Self.specials {
                let x = Self.inputs(n, domain: f.info.plotDomain, special: special)
                let dy = x.indices.map { Double($0 % 7) - 2.5 }
                let y = f.forward(x)
                let dx = f.backward(x, dy)
                for i in x.indices where !Self.same(y[i], f(x[i])) || !Self.same(dx[i], dy[i] * f.derivative(at: x[i]))
                {
                    mismatches.append(
                        "n=\(n) i=\(i) x=\(x[i]): batch \(y[i]), \(dx[i]) vs scalar \(f(x[i])), \(dy[i] * f.derivative(at: x[i]))"
                    )
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(3))")
    }

    @Test(arguments: Activations.elementwiseIDs)
    func float(id: String) throws {
        let f = try Activations.elementwise(id)
        var mismatches = 0
        for n in Self.lengths {
            for special in Self.specials {
                let x = Self.inputs(n, domain: f.info.plotDomain, special: special).map { Float($0) }
                let dy = x.indices.map { Float($0 % 7) - 2.5 }
                let y = f.forward(x)
                let dx = f.backward(x, dy)
                for i in x.indices {
                    let scalarSlope = dy[i] * f.derivative(at: x[i])
                    if !Self.same(y[i], f(x[i])) || !Self.same(dx[i], scalarSlope) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Large `Float` outputs take the streaming-store loops; here forced on short, misaligned buffers.
    @Test(
        "streaming stores give the scalar path's bits", arguments: ["relu", "sigmoid", "tanh", "gelu", "mish", "elu"])
    func streaming(id: String) throws {
        let f = try Activations.elementwise(id)
        for offset in 0..<3 {
            let x = Self.inputs(1000 + offset, domain: f.info.plotDomain, special: .nan).map { Float($0) }
            let dy = x.indices.map { Float($0 % 7) - 2.5 }
            var y = [Float](repeating: 0, count: x.count - offset)
            var dx = y
            x[offset...].withUnsafeBufferPointer { input in
                dy[offset...].withUnsafeBufferPointer { upstream in
                    y.withUnsafeMutableBufferPointer { f.forward(input, into: $0, streamingFrom: 0) }
                    dx.withUnsafeMutableBufferPointer { f.backward(input, upstream, into: $0, streamingFrom: 0) }
                }
            }
            for i in y.indices {
                let (u, g) = (x[offset + i], dy[offset + i])
                #expect(Self.same(y[i], f(u)) && Self.same(dx[i], g * f.derivative(at: u)), "\(id) x=\(u)")
            }
        }
    }

    /// The one-instruction mask test that picks a kernel's rare path (`KernelIntrinsics`).
    @Test("anyLane sees every lane, and only a true one")
    func anyLane() {
        #expect(!SIMD16<Float>.anyLane(SIMD16<Float>(repeating: 0) .< 0))
        #expect(!SIMD4<Double>.anyLane(SIMD4<Double>(repeating: .nan) .< 0))
        for lane in 0..<16 {
            var v = SIMD16<Float>(repeating: 1)
            v[lane] = -1
            #expect(SIMD16<Float>.anyLane(v .< 0), "lane \(lane)")
        }
        for lane in 0..<4 {
            var v = SIMD4<Double>(repeating: 1)
            v[lane] = -1
            #expect(SIMD4<Double>.anyLane(v .< 0), "lane \(lane)")
        }
        #expect(Float.anyLane(true) && !Double.anyLane(false))
    }

    @Test("in place: y may be x")
    func inPlace() throws {
        let f = try Activations.elementwise("gelu")
        var buffer: [Double] = (0..<37).map { Double($0) / 4 - 4 }
        let expected = buffer.map { f($0) }
        buffer.withUnsafeMutableBufferPointer { f.forward(UnsafeBufferPointer($0), into: $0) }
        #expect(buffer == expected)
    }
}
