@_spi(Lanes) import ActivationFunctions
import Foundation
import Testing

/// Softmax and friends: the conventions of reference/numerics-and-validation.md §5.3 and the mpmath rows.
@Suite("Row functions")
struct RowTests {
    func row(_ id: String) throws -> any RowActivation {
        guard case .row(let f) = try Activations.make(id) else {
            throw ActivationError.unknownFunction(id, suggestions: [])
        }
        return f
    }

    func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test("PyTorch's measured rows")
    func measuredRows() throws {
        let softmax = try row("softmax")
        let logSoftmax = try row("log-softmax")
        #expect(close(try softmax.forward([1, 2, 3] as [Double]), [0.0900306, 0.244728, 0.665241], 1e-5))
        #expect(close(try logSoftmax.forward([1, 2, 3] as [Double]), [-2.40761, -1.40761, -0.407606], 1e-5))
        #expect(try softmax.forward([1000, 1001, 1002] as [Double]) == (try softmax.forward([1, 2, 3] as [Double])))
        #expect(close(try softmax.forward([-1000, -1001, -1002] as [Double]), [0.665241, 0.244728, 0.0900306], 1e-5))
        #expect(try softmax.forward([-.infinity, 0] as [Double]) == [0, 1])
        #expect(try logSoftmax.forward([-.infinity, 0] as [Double]) == [-.infinity, 0])
        #expect(try softmax.forward([-.infinity, -.infinity, 1] as [Double]) == [0, 0, 1])
        #expect(try softmax.forward([5] as [Double]) == [1])
        #expect(try logSoftmax.forward([5] as [Double]) == [0])
        #expect(try softmax.forward([1e30, 0] as [Double]) == [1, 0])
        #expect(try logSoftmax.forward([1e30, 0] as [Double]) == [0, -1e30])
        #expect(close(try softmax.forward([88.8, 0] as [Double]), [1, 2.7205e-39], 1e-4))
        #expect(try logSoftmax.forward([0, -200] as [Double]) == [-1.3838965267367376e-87, -200])
        #expect(close(try softmax.forward([0, 0, 0, 0] as [Double]), [0.25, 0.25, 0.25, 0.25], 0))
    }

    @Test(
        "rows with NaN or +∞, or all −∞, are NaN; empty rows stay empty",
        arguments: ["softmax", "softmin", "log-softmax", "sparsemax"])
    func specialRows(id: String) throws {
        let f = try row(id)
        let nanRows: [[Double]] = [
            [0, .infinity], [.infinity, .infinity], [.nan, 1], [.nan, .infinity, -.infinity],
        ]
        for x in nanRows where id != "softmin" { #expect(try f.forward(x).allSatisfy(\.isNaN), "\(id)(\(x))") }
        #expect(try f.forward([-Double.infinity]).allSatisfy(\.isNaN) || id == "softmin")
        #expect(try f.forward([] as [Double]) == [])
        #expect(try f.forward([Double.nan, 1]).allSatisfy(\.isNaN))
    }

    /// Jᵀ·dy from the saved output y, through `backward(outputRows:_:into:rowLength:)`, one row.
    static func backward<T: BatchElement>(_ f: any OutputBackward, output y: [T], _ dy: [T]) throws -> [T] {
        var dx = [T](repeating: .nan, count: y.count)
        try y.withUnsafeBufferPointer { (ys) throws(ActivationError) in
            try dy.withUnsafeBufferPointer { (gs) throws(ActivationError) in
                try dx.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                    try T.backwardRows(f, output: ys, gs, out, y.count)
                }
            }
        }
        return dx
    }

    @Test(
        "an infinite or NaN dy makes the gradient row NaN in Float and Double, from x and from the output",
        arguments: ["softmax", "softmin", "log-softmax"])
    func nonFiniteGradientRows(id: String) throws {
        let f = try row(id)
        guard let fromOutput = f as? any OutputBackward else { Issue.record("\(id): no backward from the output"); return }
        let x: [Double] = (0..<40).map { Double($0 % 7) - 3 }
        let (y, yFloat) = (try f.forward(x), try f.forward(x.map { Float($0) }))
        for bad in [Double.infinity, -.infinity, .nan] {
            for place in [37, 3] {  // in the short last chunk of a Float row, and in a whole chunk
                var dy = [Double](repeating: 0.5, count: 40)
                dy[place] = bad
                let dyFloat = dy.map { Float($0) }
                #expect(try f.backward(x, dy).allSatisfy(\.isNaN), "\(id) Double, dy[\(place)] = \(bad)")
                #expect(try f.backward(x.map { Float($0) }, dyFloat).allSatisfy(\.isNaN), "\(id) Float, dy[\(place)] = \(bad)")
                #expect(try Self.backward(fromOutput, output: y, dy).allSatisfy(\.isNaN), "\(id) Double from y")
                #expect(try Self.backward(fromOutput, output: yFloat, dyFloat).allSatisfy(\.isNaN), "\(id) Float from y")
            }
        }
    }

    /// dyᵢ − pᵢ·Σdy from the definition, with p the plain e^{x − max}/Σ, in `T` (wider than the row's type).
    static func logSoftmaxGradient<T: BinaryFloatingPoint>(_ x: [T], _ dy: [T], exp: (T) -> T) -> [T] {
        let m = x.max()!
        let e = x.map { exp($0 - m) }
        let (sum, dySum) = (e.reduce(0, +), dy.reduce(0, +))
        return zip(e, dy).map { $1 - ($0 / sum) * dySum }
    }

    @Test("log-softmax's gradient where Σdy leaves the type's range: each entry as the definition gives it, ±∞ only beyond the range")
    func logSoftmaxGradientOfLargeSums() throws {
        let f = try row("log-softmax")
        // Float: Σdy = 40 · 3e38 overflows Float; the reference is computed in Double.
        let x: [Double] = (0..<40).map { Double($0 % 7) - 3 }
        for dyValue in [3e38, -2.5e38] {
            let dy = [Double](repeating: dyValue, count: 40)
            let (xs, dys) = (x.map { Float($0) }, dy.map { Float($0) })
            let got = try f.backward(xs, dys)
            let want = Self.logSoftmaxGradient(x.map { Double(Float($0)) }, dy.map { Double(Float($0)) }, exp: Foundation.exp)
            // The same from the saved output y = log-softmax(x).
            guard let fromOutput = f as? any OutputBackward else { Issue.record("no backward from the output"); return }
            let gotFromOutput = try Self.backward(fromOutput, output: try f.forward(xs), dys)
            for (g, w) in zip(got + gotFromOutput, want + want) {
                if w.magnitude > Double(Float.greatestFiniteMagnitude) {
                    #expect(g.isInfinite && (g < 0) == (w < 0), "Float: \(g), want \(w)")
                } else {  // within 4·2⁻²⁴ of the larger of |dx| and |dy|, 2 to 4 ulp (dy − p·Σdy may cancel)
                    let scale = max(w.magnitude, dyValue.magnitude)
                    #expect(g.isFinite && abs(Double(g) - w) <= 4 * scale * 0x1p-24, "Float: \(g), want \(w)")
                }
            }
            for result in [got, gotFromOutput] {  // both kinds of entry occur, in both forms
                #expect(result.contains { $0.isFinite } && result.contains { $0.isInfinite })
            }
        }
        // Double: Σdy = 2 · 1.5e308 overflows; p = (½, ½) exactly, so dx = 1.5e308 − ½ · 3e308 = 0.
        #expect(try f.backward([0, 0] as [Double], [1.5e308, 1.5e308]) == [0, 0])
        #expect(try f.backward([0, 0] as [Float], [3e38, 3e38]) == [0, 0])
        // p₀ rounds to 1 (e⁻⁵⁰ beside 1), so p₀·Σdy = Σdy is beyond Double: dx₀ = 1.7e308 − 3.4e308 exactly,
        // and with dy₀ = −1e308, −1e308 − 2.4e308 is beyond the range, −∞; dx₁ ≈ dy₁ (p₁ ≈ 2e−22).
        #expect(try f.backward([0, -50] as [Double], [1.7e308, 1.7e308])[0] == -1.7e308)
        let far = try f.backward([0, -50, -50] as [Double], [-1e308, 1.7e308, 1.7e308])
        #expect(far[0] == -.infinity && far[1] == 1.7e308 && far[2] == 1.7e308, "\(far)")
        #if !(os(Windows) || os(Android)) && (arch(i386) || arch(x86_64))
            // Against Float80, whose range holds the sum.
            for (row, dy) in [([0, 1.0986122886681098], [1e308, 1e308]), ([2, -1, 0.5, 3], [1e308, 9e307, -2e306, 1.7e308])] {
                let got = try f.backward(row, dy)
                let want = Self.logSoftmaxGradient(row.map { Float80($0) }, dy.map { Float80($0) }, exp: Foundation.exp)
                for (g, w) in zip(got, want) {
                    if w.magnitude > Float80(Double.greatestFiniteMagnitude) {
                        #expect(g.isInfinite && (g < 0) == (w < 0), "Double: \(g), want \(w)")
                    } else {
                        #expect(g.isFinite && abs(Float80(g) - w) <= 4 * 1.7e308 * 0x1p-53, "Double: \(g), want \(w)")
                    }
                }
            }
        #endif
    }

    @Test("log-softmax of a row whose only finite entry is ±0 is +0 there, as x − x is, in Float and Double")
    func logSoftmaxOfZero() throws {
        let f = try row("log-softmax")
        for x: [Double] in [[-0.0], [0], [-0.0, -.infinity], [-.infinity, -0.0, -.infinity]] {
            let y = try f.forward(x)
            let yFloat = try f.forward(x.map { Float($0) })
            for (i, v) in x.enumerated() where v == 0 {
                #expect(y[i] == 0 && y[i].sign == .plus, "\(x): \(y)")
                #expect(yFloat[i] == 0 && yFloat[i].sign == .plus, "Float \(x): \(yFloat)")
            }
        }
    }

    @Test("softmin(x) = softmax(−x); softmin turns −∞ into NaN the way softmax treats +∞")
    func softmin() throws {
        let x: [Double] = [0.3, -2, 5, 1]
        #expect(try row("softmin").forward(x) == (try row("softmax").forward(x.map { -$0 })))
        #expect(try row("softmin").forward([0, -Double.infinity]).allSatisfy(\.isNaN))
    }

    @Test("shift invariance and rows summing to 1", arguments: [3, 10, 100, 1000])
    func sums(n: Int) throws {
        let x = (0..<n).map { Double(($0 * 7919) % 61) / 6 - 5 }
        for id in ["softmax", "softmin", "sparsemax"] {
            let y = try row(id).forward(x)
            #expect(abs(y.reduce(0, +) - 1) <= Double(n) * Double.ulpOfOne, "\(id) sums to \(y.reduce(0, +))")
            #expect(y.allSatisfy { $0 >= 0 })
        }
        #expect(close(try row("softmax").forward(x.map { $0 + 123.25 }), try row("softmax").forward(x), 1e-13))
    }

    @Test("sparsemax([1, 0.5, −1]) = [0.75, 0.25, 0], and ties share the mass")
    func sparsemax() throws {
        #expect(try row("sparsemax").forward([1, 0.5, -1] as [Double]) == [0.75, 0.25, 0])
        #expect(try row("sparsemax").forward([2, 2, -5] as [Double]) == [0.5, 0.5, 0])
        #expect(try row("sparsemax").forward([0, 0, 0, 0] as [Double]) == [0.25, 0.25, 0.25, 0.25])
        #expect(try row("sparsemax").forward([3, 0] as [Double]) == [1, 0])
    }

    @Test("glu needs an even row and halves it")
    func glu() throws {
        let glu = try row("glu")
        #expect(throws: ActivationError.self) { try glu.forward([1, 2, 3] as [Double]) }
        let y = try glu.forward([2, -1, 0, 100] as [Double])
        #expect(y == [1, -1])
        #expect(throws: ActivationError.self) { try glu.backward([1, 2] as [Double], [1, 1]) }
    }

    @Test(
        "vector–Jacobian products match central differences",
        arguments: ["softmax", "softmin", "log-softmax", "sparsemax", "glu"])
    func jacobian(id: String) throws {
        let f = try row(id)
        let x: [Double] = [0.3, -1.2, 2.0, 0.7, -0.4, 1.1]
        let outputs = try f.outputCount(forInputCount: x.count)
        let dy = (0..<outputs).map { Double($0) * 0.37 - 0.8 }
        let dx = try f.backward(x, dy)
        let h = 1e-6
        for i in x.indices {
            var up = x
            var down = x
            up[i] += h
            down[i] -= h
            let numeric = zip(try f.forward(up), try f.forward(down)).enumerated()
                .map { dy[$0] * ($1.0 - $1.1) / (2 * h) }.reduce(0, +)
            #expect(abs(numeric - dx[i]) <= 1e-5 + 1e-3 * abs(dx[i]), "\(id) ∂/∂x\(i): \(dx[i]) vs \(numeric)")
        }
    }

    @Test("against the mpmath rows: softmax family within 4 ulp, Jᵀ·dy within 4 ulp or 4ε·max|dy|")
    func reference() throws {
        #expect(!Fixture.rows.isEmpty)
        for reference in Fixture.rows {
            let f = try row(reference.id)
            let isFloat = reference.type == "float"
            let y = isFloat ? try f.forward(reference.x.map { Float($0) }).map(Double.init) : try f.forward(reference.x)
            let dx =
                isFloat
                ? try f.backward(reference.x.map { Float($0) }, reference.dy.map { Float($0) }).map(Double.init)
                : try f.backward(reference.x, reference.dy)
            let epsilon = isFloat ? Double(Float.ulpOfOne) : Double.ulpOfOne
            let scale = reference.dy.map(abs).max() ?? 1
            for (got, exact) in zip(y, reference.y) {
                let ulps =
                    isFloat
                    ? Ulp.error(Float(got), hi: exact.hi, lo: exact.lo) : Ulp.error(got, hi: exact.hi, lo: exact.lo)
                let ok =
                    reference.id == "sparsemax"
                    ? Ulp.absoluteError(got, hi: exact.hi, lo: exact.lo) <= 4 * epsilon
                        * max(1, reference.x.map(abs).max()!)
                    : Tolerance.valueOK(got, hi: exact.hi, lo: exact.lo, ulps: ulps)
                #expect(ok, "\(reference.id) \(reference.type) \(reference.x): \(got) vs \(exact.hi) (\(ulps) ulp)")
            }
            for (got, exact) in zip(dx, reference.dx) {
                let ulps =
                    isFloat
                    ? Ulp.error(Float(got), hi: exact.hi, lo: exact.lo) : Ulp.error(got, hi: exact.hi, lo: exact.lo)
                let ok = ulps <= 4 || Ulp.absoluteError(got, hi: exact.hi, lo: exact.lo) <= 4 * epsilon * scale
                #expect(ok, "\(reference.id) \(reference.type) Jᵀdy: \(got) vs \(exact.hi)")
            }
        }
    }
}

/// The SIMD row kernels: Float rows within 4 ulp of the Double kernel (itself checked against the
/// mpmath rows above), whole buffers equal to row-by-row results, tails of every length.
@Suite("Row kernels")
struct RowKernelTests {
    static let lengths = Array(1...17) + [31, 32, 33, 1000]

    static func row(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(n)
        return (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return -30 + 60 * Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test(
        "Float rows within 4 ulp of the Double kernel, values and Jᵀ·dy",
        arguments: ["softmax", "softmin", "log-softmax"])
    func floatAgainstDouble(id: String) throws {
        guard case .row(let f) = try Activations.make(id) else { return }
        for n in Self.lengths {
            let x = Self.row(n, seed: 1).map { Double(Float($0)) }
            let dy = Self.row(n, seed: 2).map { Double(Float($0)) }
            let exact = try f.forward(x)
            let exactDx = try f.backward(x, dy)
            let y = try f.forward(x.map { Float($0) })
            let dx = try f.backward(x.map { Float($0) }, dy.map { Float($0) })
            let scale = dy.map(abs).max()!
            for i in 0..<n {
                let ulps = Ulp.error(y[i], hi: exact[i], lo: 0)
                #expect(
                    Tolerance.valueOK(y[i], hi: exact[i], lo: 0, ulps: ulps),
                    "\(id) n=\(n) y[\(i)] = \(y[i]) vs \(exact[i])")
                let slopeUlps = Ulp.error(dx[i], hi: exactDx[i], lo: 0)
                #expect(
                    slopeUlps <= 4 || abs(Double(dx[i]) - exactDx[i]) <= 4 * Double(Float.ulpOfOne) * scale,
                    "\(id) n=\(n) dx[\(i)] = \(dx[i]) vs \(exactDx[i])")
            }
        }
    }

    @Test(
        "backward from the saved output: softmax and softmin bit for bit, log-softmax within 4 ulp",
        arguments: ["softmax", "softmin", "log-softmax"])
    func fromOutput(id: String) throws {
        guard case .row(let g) = try Activations.make(id), let f = g as? any OutputBackward else {
            Issue.record("\(id) has no backward from its output")
            return
        }
        for n in Self.lengths {
            let x = Self.row(n, seed: 4).map { Float($0) }
            let dy = Self.row(n, seed: 5).map { Float($0) }
            let y = try f.forward(x)
            let expected = try f.backward(x, dy)
            let dx = try RowTests.backward(f, output: y, dy)
            let scale = Double(dy.map(abs).max()!)
            for i in 0..<n {
                let same = dx[i].bitPattern == expected[i].bitPattern
                let close =
                    Ulp.error(dx[i], hi: Double(expected[i]), lo: 0) <= 4
                    || abs(Double(dx[i]) - Double(expected[i])) <= 4 * Double(Float.ulpOfOne) * scale
                #expect(id == "log-softmax" ? close : same, "\(id) n=\(n) dx[\(i)] = \(dx[i]) vs \(expected[i])")
            }
        }
    }

    @Test("a buffer of rows gives each row's result", arguments: ["softmax", "softmin", "log-softmax", "sparsemax"])
    func buffer(id: String) throws {
        guard case .row(let f) = try Activations.make(id) else { return }
        let n = 13
        let rows = 5
        let x = Self.row(n * rows, seed: 3).map { Float($0) }
        var y = [Float](repeating: 0, count: x.count)
        try x.withUnsafeBufferPointer { (input) throws(ActivationError) in
            try y.withUnsafeMutableBufferPointer { (out) throws(ActivationError) in
                try f.forward(rows: input, into: out, rowLength: n)
            }
        }
        for r in 0..<rows {
            #expect(Array(y[r * n..<(r + 1) * n]) == (try f.forward(Array(x[r * n..<(r + 1) * n]))))
        }
    }
}
