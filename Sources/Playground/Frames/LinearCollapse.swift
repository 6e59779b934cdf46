import ActivationFunctions
import NeuralNet

extension PlaygroundEngine {
    /// The network with its activations taken out, multiplied into one affine map x·M + v by
    /// NeuralNet's `Network.linearCollapse()` (a linear layer with parameter c counts as c·x). When
    /// every hidden layer is linear this is exactly the network: depth without nonlinearity is one layer.
    /// Compared with `actual`, the network's output grids, on the full grid; sent at half the
    /// resolution (its maps are small). Without `actual` (the page does not show the panel), only the
    /// map itself: no maps, no difference. A network with no such map (maxout) sends an empty view.
    func collapseView(_ net: Network<Double>, actual: [[Double]]?) -> CollapseView {
        guard let map = net.linearCollapse() else {
            return CollapseView(allLinear: false, matrix: [], bias: [], output: [], maxDifference: 0)
        }
        let matrix = (0..<map.weights.rows).map { Array(map.weights.row($0)) }
        guard let actual else {
            return CollapseView(allLinear: net.isLinear, matrix: matrix, bias: map.bias, output: nil, maxDifference: nil)
        }
        let logits = GridForward.affine(data.gridInputs, map.weights.converted(), map.bias.map(Float.init))
        let collapsed = outputGrids(logits)
        var difference = 0.0
        for (a, b) in zip(actual, collapsed) {
            for (x, y) in zip(a, b) { difference = max(difference, abs(x - y)) }
        }
        let size = PreparedData.gridSize / 2
        return CollapseView(
            allLinear: net.isLinear, matrix: matrix,
            bias: map.bias,
            output: collapsed.map { EncodedGrid(EncodedGrid.halved($0, size: 2 * size).values, size: size) },
            maxDifference: difference)
    }
}
