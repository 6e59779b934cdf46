import ActivationFunctions
import NeuralNet

/// The forward pass over the grid's 10 000 points in `Float` (the grids are drawn with 256 shades,
/// far coarser than Float's precision), written here for concrete `Float` rather than through
/// `Network.forward`. Why: `Network` and `Matrix` are generic, and a call from this module into
/// NeuralNet's generic code runs unspecialised (witness tables, metadata look-ups and a copy per
/// SIMD value); `perf` showed that pass at 44 % of the server's time with one session, and this
/// loop at a few per cent. The activation goes through its catalog kernel (`f.forward`), which is
/// specialised and vectorised; the structured activations (PReLU, maxout, …) use the layer's own forward.
enum GridForward {
    /// Every layer's output for `x`, the last one being the logits (as `Network.forward`).
    static func outputs(_ net: Network<Double>, _ x: Matrix<Float>) -> [Matrix<Float>] {
        var outputs: [Matrix<Float>] = []
        var input = x
        for layer in net.layers {
            let output: Matrix<Float>
            if case .function(let f, _) = layer.activation {
                // In place: the sums become the outputs (a new array per layer was 640 KB a frame of
                // fresh pages for the 16-unit layers).
                var sums = affine(input, layer.weights.converted(), layer.bias.map(Float.init))
                sums.storage.withUnsafeMutableBufferPointer { f.forward(UnsafeBufferPointer($0), into: $0) }
                output = sums
            } else {
                output = structuredForward(layer, input)
            }
            outputs.append(output)
            input = output
        }
        return outputs
    }

    /// A layer whose activation has structure of its own, through the layer's (generic) forward.
    static func structuredForward(_ layer: DenseLayer<Double>, _ x: Matrix<Float>) -> Matrix<Float> {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let converted = DenseLayer<Float>(
            weights: layer.weights.converted(), bias: layer.bias.map(Float.init),
            activation: layer.activation, activationParameters: layer.activationParameters.map(Float.init))
        return converted.forward(x, training: false, rng: &rng).output
    }

    /// x·W + b, one output row at a time: the playground's layers are 1–16 wide, too narrow for a
    /// blocked product to pay off. Eight outputs at a time stay in one `SIMD8` register over the whole
    /// row of `x` (the loop before loaded and stored them for each input: `perf` put it at a third of
    /// the frame), and the last 1–7 in `SIMD4`s: the last 1–3 columns of W and b are copied once into
    /// four zero-padded ones (the softmax presets' 3-unit output layer was a scalar loop, as much work
    /// as a 16-unit layer). Each output is still b + x₀w₀ + x₁w₁ + … in that order, a product then a
    /// sum (no fused multiply-add), so every value is bit for bit what the scalar loop gives.
    static func affine(_ x: Matrix<Float>, _ w: Matrix<Float>, _ b: [Float]) -> Matrix<Float> {
        let (n, k, m) = (x.rows, x.columns, w.columns)
        let tail = Tail(w, b)
        var result = [Float](repeating: 0, count: n * m)
        x.storage.withUnsafeBufferPointer { xs in
            w.storage.withUnsafeBufferPointer { ws in
                b.withUnsafeBufferPointer { bs in
                    tail.weights.withUnsafeBufferPointer { tailWeights in
                        result.withUnsafeMutableBufferPointer { out in
                            for i in 0..<n {
                                affineRow(xs, i * k, k, ws, bs, out, i * m)
                                tail.row(xs, i * k, k, tailWeights, out, i * m)
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: m, storage: result)
    }

    /// The first multiple of 4 of the outputs of one row of x·W + b (`k` inputs from `xs[input...]`)
    /// to `out[output...]`: eight at a time, then four.
    @inline(__always)
    static func affineRow(
        _ xs: UnsafeBufferPointer<Float>, _ input: Int, _ k: Int, _ ws: UnsafeBufferPointer<Float>,
        _ bs: UnsafeBufferPointer<Float>, _ out: UnsafeMutableBufferPointer<Float>, _ output: Int
    ) {
        let m = bs.count
        guard let w = ws.baseAddress, let b = bs.baseAddress, let o = out.baseAddress else { return }
        var j = 0
        while j + 8 <= m {
            let sums = outputs(SIMD8<Float>.self, xs, input, k, weights: w + j, stride: m, bias: b + j)
            UnsafeMutableRawPointer(o + output + j).storeBytes(of: sums, as: SIMD8<Float>.self)
            j += 8
        }
        if j + 4 <= m {
            let sums = outputs(SIMD4<Float>.self, xs, input, k, weights: w + j, stride: m, bias: b + j)
            UnsafeMutableRawPointer(o + output + j).storeBytes(of: sums, as: SIMD4<Float>.self)
        }
    }

    /// One vector of a row's outputs, b + x₀w₀ + x₁w₁ + … lane by lane: the bias's lanes from `bias`,
    /// input p's weights from `weights + p·stride`.
    @inline(__always)
    static func outputs<V: SIMD>(
        _: V.Type, _ xs: UnsafeBufferPointer<Float>, _ input: Int, _ k: Int, weights: UnsafePointer<Float>,
        stride: Int, bias: UnsafePointer<Float>
    ) -> V where V.Scalar == Float {
        var sums = UnsafeRawPointer(bias).loadUnaligned(as: V.self)
        for p in 0..<k {
            sums = sums + xs[input + p] * UnsafeRawPointer(weights + p * stride).loadUnaligned(as: V.self)
        }
        return sums
    }

    /// The last `m mod 4` columns of W and b, padded with zeros to four: weights[p·4 + c] is W's
    /// (p, first + c), and the bias is the first four.
    struct Tail {
        let first: Int, count: Int
        let weights: [Float]

        init(_ w: Matrix<Float>, _ b: [Float]) {
            let (k, m) = (w.rows, w.columns)
            (first, count) = (m - m % 4, m % 4)
            var weights = [Float](repeating: 0, count: 4 * (k + 1))
            for c in 0..<count {
                weights[c] = b[first + c]
                for p in 0..<k { weights[4 * (p + 1) + c] = w.storage[p * m + first + c] }
            }
            self.weights = weights
        }

        /// The tail's outputs of one row (`k` inputs from `xs[input...]`) to `out[output + first...]`.
        @inline(__always)
        func row(
            _ xs: UnsafeBufferPointer<Float>, _ input: Int, _ k: Int, _ tail: UnsafeBufferPointer<Float>,
            _ out: UnsafeMutableBufferPointer<Float>, _ output: Int
        ) {
            guard count > 0, let w = tail.baseAddress else { return }
            let sums = GridForward.outputs(SIMD4<Float>.self, xs, input, k, weights: w + 4, stride: 4, bias: w)
            for c in 0..<count { out[output + first + c] = sums[c] }
        }
    }
}
