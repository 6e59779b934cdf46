import Foundation
import NeuralNet

/// K linear units, one per class, trained online one point at a time: through a step with the
/// perceptron rule (the only rule a step allows: the update is all or nothing), or through a sigmoid
/// with the gradient of cross-entropy (graded). Both read out by the largest weighted sum.
struct OneVersusRest {
    enum Output { case step, sigmoid }

    let output: Output
    var weights: [[Double]]  // [class][input], the bias last

    init(_ output: Output, classes: Int, inputs: Int) {
        (self.output, weights) = (
            output, [[Double]](repeating: [Double](repeating: 0, count: inputs + 1), count: classes)
        )
    }

    func sums(_ x: ArraySlice<Double>) -> [Double] {
        weights.map { w in zip(w, x).reduce(w[w.count - 1]) { $0 + $1.0 * $1.1 } }
    }

    /// The unit outputs: 0 or 1 through the step (strictly above 0 fires), σ(sum) through the sigmoid.
    func outputs(_ x: ArraySlice<Double>) -> [Double] {
        sums(x).map { output == .step ? ($0 > 0 ? 1 : 0) : 1 / (1 + Foundation.exp(-$0)) }
    }

    /// One online step on point `x` of class `label`: w += rate·(target − output)·x for every unit.
    mutating func learn(_ x: ArraySlice<Double>, _ label: Int, rate: Double) {
        let y = outputs(x)
        for k in weights.indices {
            let error = (k == label ? 1 : 0) - y[k]
            guard error != 0 else { continue }
            for (j, value) in x.enumerated() { weights[k][j] += rate * error * value }
            weights[k][weights[k].count - 1] += rate * error
        }
    }

    /// The share of rows misclassified by the largest weighted sum.
    func errorRate(_ x: Matrix<Double>, _ labels: [Int]) -> Double {
        let wrong = labels.indices.filter { i in
            let s = sums(x.storage[(i * x.columns)..<((i + 1) * x.columns)])
            return s.indices.max { s[$0] < s[$1] } != labels[i]
        }
        return Double(wrong.count) / Double(max(labels.count, 1))
    }

    /// The share of rows on which more than one unit outputs 100% (step: fires; sigmoid: ≥ 0.99).
    func severalAtFull(_ x: Matrix<Double>) -> Double {
        let several = (0..<x.rows).filter { i in
            outputs(x.storage[(i * x.columns)..<((i + 1) * x.columns)]).filter { $0 >= 0.99 }.count > 1
        }
        return Double(several.count) / Double(max(x.rows, 1))
    }
}
