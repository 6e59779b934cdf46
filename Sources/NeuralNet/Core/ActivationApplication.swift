import ActivationFunctions

/// The forward and backward maths of each `HiddenActivation` over a batch of weighted sums
/// (rows = samples, columns = sums).
struct ActivationApplication<T: TrainingScalar> {
    let activation: HiddenActivation
    /// Learned parameters: PReLU slopes (one per unit, or one shared).
    let parameters: [T]

    /// What backward needs beyond the sums: sampled RReLU slopes, maxout winners.
    struct Record: Sendable {
        var slopes: [T] = []
        var winners: [Int] = []
    }

    func forward(_ z: Matrix<T>, training: Bool, rng: inout SeededGenerator) -> (Matrix<T>, Record) {
        var record = Record()
        switch activation {
        case .function(let f, _):
            return (Matrix(rows: z.rows, columns: z.columns, storage: f.forward(z.storage)), record)
        case .learned(let kind, _, _):
            let functions = unitFunctions(kind, units: z.columns)
            return (mapColumns(z) { value, column in T(functions[column](Double(value))) }, record)
        case .rrelu(let lower, let upper):
            record.slopes = z.storage.map { _ in training ? T(rng.uniform(lower, upper)) : T((lower + upper) / 2) }
            let y = zip(z.storage, record.slopes).map { $0 > 0 ? $0 : $1 * $0 }
            return (Matrix(rows: z.rows, columns: z.columns, storage: y), record)
        case .maxout(let pieces):
            return maxout(z, pieces: pieces)
        case .brelu:
            return (mapColumns(z) { value, column in column.isMultiple(of: 2) ? positive(value) : -positive(-value) }, record)
        }
    }

    /// `forward`, writing a = f(z) into `a` (its memory reused) for the catalog functions — the
    /// per-step path of training; the structured activations allocate as `forward` does.
    func forward(_ z: Matrix<T>, into a: inout Matrix<T>, record: inout Record, training: Bool, rng: inout SeededGenerator) {
        guard case .function(let f, _) = activation else {
            (a, record) = forward(z, training: training, rng: &rng)
            return
        }
        a.reshape(rows: z.rows, columns: z.columns)
        z.storage.withUnsafeBufferPointer { z in
            a.storage.withUnsafeMutableBufferPointer { a in T.forward(f, z, a) }
        }
    }

    /// `backward`, writing dL/dz into `dZ` (its memory reused) for the catalog functions; returns
    /// dL/d(parameters).
    func backward(_ z: Matrix<T>, _ record: Record, _ dA: Matrix<T>, into dZ: inout Matrix<T>) -> [T] {
        guard case .function(let f, _) = activation else {
            let (result, dParameters) = backward(z, record, dA)
            dZ = result
            return dParameters
        }
        dZ.reshape(rows: z.rows, columns: z.columns)
        z.storage.withUnsafeBufferPointer { z in
            dA.storage.withUnsafeBufferPointer { dA in
                dZ.storage.withUnsafeMutableBufferPointer { dZ in T.backward(f, z, dA, dZ) }
            }
        }
        return []
    }

    /// dL/dz from dL/da, and dL/d(parameters).
    func backward(_ z: Matrix<T>, _ record: Record, _ dA: Matrix<T>) -> (Matrix<T>, [T]) {
        switch activation {
        case .function(let f, _):
            return (Matrix(rows: z.rows, columns: z.columns, storage: f.backward(z.storage, dA.storage)), [])
        case .learned(let kind, _, _):
            return learnedBackward(kind, z, dA)
        case .rrelu:
            let slopes = zip(z.storage, record.slopes).map { $0 > 0 ? 1 : $1 }
            return (hadamard(Matrix(rows: z.rows, columns: z.columns, storage: slopes), dA), [])
        case .maxout(let pieces):
            var dZ = Matrix<T>(rows: z.rows, columns: z.columns)
            for i in 0..<dA.rows {
                for unit in 0..<dA.columns {
                    dZ[i, unit * pieces + record.winners[i * dA.columns + unit]] = dA[i, unit]
                }
            }
            return (dZ, [])
        case .brelu:
            let slopes = mapColumns(z) { value, column in column.isMultiple(of: 2) ? (value > 0 ? 1 : 0) : (value < 0 ? 1 : 0) }
            return (hadamard(slopes, dA), [])
        }
    }

    /// How many parameters each unit has, and where unit `column`'s start (shared: all units use the first set).
    private func parameterOffset(_ kind: LearnedKind, _ column: Int) -> Int {
        parameters.count == kind.parameterNames.count ? 0 : column * kind.parameterNames.count
    }

    private func unitParameters(_ kind: LearnedKind, _ column: Int) -> ArraySlice<Double> {
        let offset = parameterOffset(kind, column)
        return parameters[offset..<(offset + kind.parameterNames.count)].map(Double.init)[...]
    }

    private func unitFunctions(_ kind: LearnedKind, units: Int) -> [any ElementwiseActivation] {
        (0..<units).map { kind.function(unitParameters(kind, $0)) }
    }

    /// dL/dz = dL/da·f′(z), and dL/dθ summed over the batch (into the shared set, or each unit's).
    private func learnedBackward(_ kind: LearnedKind, _ z: Matrix<T>, _ dA: Matrix<T>) -> (Matrix<T>, [T]) {
        let functions = unitFunctions(kind, units: z.columns)
        var dParameters = [Double](repeating: 0, count: parameters.count)
        var dZ = z
        for i in 0..<z.rows {
            for j in 0..<z.columns {
                let x = Double(z[i, j]), upstream = Double(dA[i, j])
                dZ[i, j] = T(upstream * functions[j].derivative(at: x))
                let offset = parameterOffset(kind, j)
                for (index, g) in kind.parameterGradient(x, unitParameters(kind, j)).enumerated() {
                    dParameters[offset + index] += upstream * g
                }
            }
        }
        return (dZ, dParameters.map { T($0) })
    }

    private func positive(_ x: T) -> T { x < 0 ? 0 : x }

    private func mapColumns(_ z: Matrix<T>, _ f: (T, Int) -> T) -> Matrix<T> {
        var result = z
        for i in 0..<z.rows {
            for j in 0..<z.columns { result[i, j] = f(z[i, j], j) }
        }
        return result
    }

    private func hadamard(_ a: Matrix<T>, _ b: Matrix<T>) -> Matrix<T> {
        Matrix(rows: a.rows, columns: a.columns, storage: zip(a.storage, b.storage).map(*))
    }

    private func maxout(_ z: Matrix<T>, pieces: Int) -> (Matrix<T>, Record) {
        let units = z.columns / pieces
        var y = Matrix<T>(rows: z.rows, columns: units)
        var record = Record()
        record.winners.reserveCapacity(z.rows * units)
        for i in 0..<z.rows {
            for unit in 0..<units {
                var best = 0
                for piece in 1..<pieces where z[i, unit * pieces + piece] > z[i, unit * pieces + best] { best = piece }
                y[i, unit] = z[i, unit * pieces + best]
                record.winners.append(best)
            }
        }
        return (y, record)
    }
}
