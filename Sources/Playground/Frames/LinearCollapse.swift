import ActivationFunctions
import NeuralNet

extension PlaygroundEngine {
    /// The network with its activations taken out, multiplied into one affine map x·M + v
    /// (a linear layer with parameter c counts as c·x). When every hidden layer is linear this is
    /// exactly the network: depth without nonlinearity is one layer.
    /// Compared with `actual`, the network's output grids, on the full grid; sent at half the
    /// resolution (its maps are small).
    func collapseView(_ net: Network<Double>, actual: [[Double]]) -> CollapseView {
        let (matrix, bias) = Self.collapse(net)
        let logits = GridForward.affine(data.gridInputs, matrix.converted(), bias.map(Float.init))
        let collapsed = outputGrids(logits)
        var difference = 0.0
        for (a, b) in zip(actual, collapsed) {
            for (x, y) in zip(a, b) { difference = max(difference, abs(x - y)) }
        }
        let allLinear = net.layers.dropLast().allSatisfy { Self.linearScale($0.activation) != nil }
        let size = PreparedData.gridSize / 2
        return CollapseView(allLinear: allLinear, matrix: (0..<matrix.rows).map { Array(matrix.row($0)) }, bias: bias,
                            output: collapsed.map { EncodedGrid(EncodedGrid.halved($0, size: 2 * size).values, size: size) }, maxDifference: difference)
    }

    /// M = W₁c₁W₂c₂…W_L and v, composing z ↦ c(zW + b) layer by layer.
    static func collapse(_ net: Network<Double>) -> (Matrix<Double>, [Double]) {
        var m = Matrix<Double>(rows: net.inputCount, columns: net.inputCount)
        for i in 0..<net.inputCount { m[i, i] = 1 }
        var v = [Double](repeating: 0, count: net.inputCount)
        for (index, layer) in net.layers.enumerated() {
            let c = index == net.layers.count - 1 ? 1 : (linearScale(layer.activation) ?? 1)
            m = m.multiplied(by: layer.weights)
            let shifted = Matrix(rows: 1, columns: v.count, storage: v).multiplied(by: layer.weights).storage
            v = zip(shifted, layer.bias).map { c * ($0 + $1) }
            m.storage = m.storage.map { c * $0 }
        }
        return (m, v)
    }

    /// c when the activation is the identity c·x, else nil.
    static func linearScale(_ activation: HiddenActivation) -> Double? {
        guard case .function(let f, let parameters) = activation, f.info.id == Identity.info.id else { return nil }
        return parameters["c"] ?? 1
    }
}
