import ActivationFunctions
import NeuralNet

/// The forward pass over the grid's 10 000 points, written for the playground's narrow layers
/// (2–16 inputs and units): a plain row-by-row product, then the activation's batch kernel. The
/// general GEMM is built for wide matrices and spends most of its time in edge handling here.
/// It runs in `Float`, whose activation kernels are vectorised: the grids are drawn with 256
/// shades, far coarser than Float's precision. Structured activations (PReLU, RReLU) use the
/// layer's own forward.
enum GridForward {
    /// Every layer's output for `x`, the last one being the logits (as `Network.forward`).
    static func outputs(_ net: Network<Double>, _ x: Matrix<Float>) -> [Matrix<Float>] {
        var outputs: [Matrix<Float>] = []
        var input = x
        var rng = SeededGenerator(seed: 0)
        for double in net.layers {
            let layer = DenseLayer<Float>(weights: double.weights.converted(), bias: double.bias.map(Float.init),
                                          activation: double.activation, activationParameters: double.activationParameters.map(Float.init))
            let sums = affine(input, layer.weights, layer.bias)
            let output: Matrix<Float>
            if case .function(let f, _) = layer.activation {
                output = Matrix(rows: sums.rows, columns: sums.columns, storage: f.forward(sums.storage))
            } else {
                output = layer.forward(input, training: false, rng: &rng).output
            }
            outputs.append(output)
            input = output
        }
        return outputs
    }

    /// x·W + b, one output row at a time.
    static func affine(_ x: Matrix<Float>, _ w: Matrix<Float>, _ b: [Float]) -> Matrix<Float> {
        let (n, k, m) = (x.rows, x.columns, w.columns)
        var result = [Float](repeating: 0, count: n * m)
        x.storage.withUnsafeBufferPointer { xs in
            w.storage.withUnsafeBufferPointer { ws in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        let row = i * m
                        for j in 0..<m { out[row + j] = b[j] }
                        for p in 0..<k {
                            let value = xs[i * k + p], weights = p * m
                            for j in 0..<m { out[row + j] += value * ws[weights + j] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: m, storage: result)
    }
}
