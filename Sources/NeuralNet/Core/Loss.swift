import ActivationFunctions
import RealModule

extension OutputHead {
    /// The mean loss over the batch and its gradient with respect to the last sums z.
    ///
    /// - Precondition: one target per row of `z`, and real targets one per column (a mismatch stops the program with a message: three
    ///   class labels for one row gave a loss over the first alone, without a word).
    public func loss<T: TrainingScalar>(_ z: Matrix<T>, _ targets: Targets<T>) -> (loss: Double, dZ: Matrix<T>) {
        precondition(targets.count == z.rows, "OutputHead.loss: \(targets.count) targets for \(z.rows) rows of outputs")
        if case .values(let values) = targets {
            precondition(
                values.columns == z.columns, "OutputHead.loss: targets of \(values.columns) columns for \(z.columns) outputs")
        }
        var dZ = Matrix<T>(rows: 0, columns: 0)
        let loss = loss(z, targets, into: &dZ)
        return (loss, dZ)
    }

    /// The mean loss over the batch; its gradient with respect to z goes into `dZ` (memory reused).
    func loss<T: TrainingScalar>(_ z: Matrix<T>, _ targets: Targets<T>, into dZ: inout Matrix<T>) -> Double {
        dZ.reshape(rows: z.rows, columns: z.columns)
        if case .softmax = self, case .classes(let labels, _) = targets {
            return softmaxCrossEntropy(z, labels, into: &dZ)
        }
        if self == .tanh { return tanhSquaredError(z, targets, into: &dZ) }
        var total = 0.0
        let n = Double(max(z.rows, 1))
        for i in 0..<z.rows {
            for j in 0..<z.columns {
                let (value, slope) = pointLoss(Double(z[i, j]), target(targets, i, j))
                total += value
                dZ[i, j] = T(slope / perSampleDivisor(z.columns) / n)
            }
        }
        return total / n / perSampleDivisor(z.columns)
    }

    /// MSE and Huber average over outputs too; the other losses sum them per sample.
    private func perSampleDivisor(_ columns: Int) -> Double {
        self == .linear || self == .huber ? Double(columns) : 1
    }

    /// The target for output j of sample i: ±1 for tanh classes, 0/1 for sigmoid, the value otherwise.
    private func target<T: TrainingScalar>(_ targets: Targets<T>, _ i: Int, _ j: Int) -> Double {
        switch targets {
        case .classes(let labels, _):
            let positive = labels[i] == 1
            return self == .tanh ? (positive ? 1 : -1) : (positive ? 1 : 0)
        case .values(let matrix): return Double(matrix[i, j])
        }
    }

    /// One output's loss and d(loss)/dz.
    private func pointLoss(_ z: Double, _ t: Double) -> (Double, Double) {
        switch self {
        case .linear:
            return ((z - t) * (z - t), 2 * (z - t))
        case .huber:
            let r = z - t
            return abs(r) <= 1 ? (0.5 * r * r, r) : (abs(r) - 0.5, r < 0 ? -1 : 1)
        case .sigmoid:
            // softplus(z) − t·z, written without overflow; the gradient is σ(z) − t.
            let softplus = max(z, 0) + Double.log(onePlus: Double.exp(-abs(z)))
            return (softplus - t * z, OutputFunctions.sigmoid(z) - t)
        case .softmax, .tanh:
            return (0, 0)  // computed over the batch in softmaxCrossEntropy and tanhSquaredError
        }
    }

    /// ½(o − t)² with o = tanh(z), averaged; the gradient is (o − t)/n · tanh′(z). Both tanh and
    /// tanh′ run as the catalog's batch kernels in the network's precision, as PyTorch's would.
    private func tanhSquaredError<T: TrainingScalar>(_ z: Matrix<T>, _ targets: Targets<T>, into dZ: inout Matrix<T>)
        -> Double
    {
        let n = T(max(z.rows, 1))
        var total = 0.0
        z.storage.withUnsafeBufferPointer { z in
            dZ.storage.withUnsafeMutableBufferPointer { o in T.forward(OutputFunctions.tanh, z, o) }
        }
        for i in 0..<z.rows {
            for j in 0..<z.columns {
                let residual = dZ[i, j] - T(target(targets, i, j))
                total += 0.5 * Double(residual) * Double(residual)
                dZ[i, j] = residual / n
            }
        }
        z.storage.withUnsafeBufferPointer { z in
            dZ.storage.withUnsafeMutableBufferPointer { dZ in
                T.backward(OutputFunctions.tanh, z, UnsafeBufferPointer(dZ), dZ)
            }
        }
        return total / Double(n)
    }

    /// −log softmax(z)[label], averaged; the gradient is (softmax(z) − onehot)/n.
    private func softmaxCrossEntropy<T: TrainingScalar>(_ z: Matrix<T>, _ labels: [Int], into dZ: inout Matrix<T>)
        -> Double
    {
        var total = 0.0
        let n = Double(max(z.rows, 1))
        for i in 0..<z.rows {
            let row = z.row(i).map(Double.init)
            let logProbabilities = OutputFunctions.logSoftmax.forwardRow(row)
            total -= logProbabilities[labels[i]]
            for j in 0..<z.columns {
                let probability = Double.exp(logProbabilities[j])
                dZ[i, j] = T((probability - (j == labels[i] ? 1 : 0)) / n)
            }
        }
        return total / n
    }

    /// The fraction of samples classified correctly, or nil for real-valued targets.
    public func accuracy<T: TrainingScalar>(_ z: Matrix<T>, _ targets: Targets<T>) -> Double? {
        guard case .classes(let labels, _) = targets, z.rows > 0 else { return nil }
        let correct = (0..<z.rows).filter { predictedClass(z.row($0)) == labels[$0] }.count
        return Double(correct) / Double(z.rows)
    }

    /// The class a row of last sums stands for.
    /// The row must not be empty (a precondition).
    public func predictedClass<T: TrainingScalar>(_ row: ArraySlice<T>) -> Int {
        precondition(!row.isEmpty, "predictedClass: the row of last sums is empty")
        switch self {
        case .softmax: return row.indices.max { row[$0] < row[$1] }! - row.startIndex
        default: return row[row.startIndex] >= 0 ? 1 : 0  // σ(z) ≥ ½ and tanh(z) ≥ 0 both mean z ≥ 0
        }
    }
}
