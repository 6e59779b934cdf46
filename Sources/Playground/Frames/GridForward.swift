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
    /// the frame); each output is still b + x₀w₀ + x₁w₁ + … in that order, a product then a sum (no
    /// fused multiply-add), so every value is bit for bit what the scalar loop gives.
    static func affine(_ x: Matrix<Float>, _ w: Matrix<Float>, _ b: [Float]) -> Matrix<Float> {
        let (n, k, m) = (x.rows, x.columns, w.columns)
        var result = [Float](repeating: 0, count: n * m)
        x.storage.withUnsafeBufferPointer { xs in
            w.storage.withUnsafeBufferPointer { ws in
                b.withUnsafeBufferPointer { bs in
                    result.withUnsafeMutableBufferPointer { out in
                        for i in 0..<n { affineRow(xs, i * k, k, ws, bs, out, i * m) }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: m, storage: result)
    }

    /// One row of x·W + b: `k` inputs from `xs[input...]`, `bs.count` outputs to `out[output...]`.
    @inline(__always)
    static func affineRow(
        _ xs: UnsafeBufferPointer<Float>, _ input: Int, _ k: Int, _ ws: UnsafeBufferPointer<Float>,
        _ bs: UnsafeBufferPointer<Float>, _ out: UnsafeMutableBufferPointer<Float>, _ output: Int
    ) {
        let m = bs.count
        guard let w = ws.baseAddress.map(UnsafeRawPointer.init), let o = out.baseAddress else { return }
        var j = 0
        while j + 8 <= m {
            var sums = UnsafeRawPointer(bs.baseAddress! + j).loadUnaligned(as: SIMD8<Float>.self)
            for p in 0..<k {
                let product = xs[input + p] * w.loadUnaligned(fromByteOffset: (p * m + j) * 4, as: SIMD8<Float>.self)
                sums = sums + product
            }
            UnsafeMutableRawPointer(o + output + j).storeBytes(of: sums, as: SIMD8<Float>.self)
            j += 8
        }
        for column in j..<m {
            var sum = bs[column]
            for p in 0..<k { sum += xs[input + p] * ws[p * m + column] }
            out[output + column] = sum
        }
    }
}
