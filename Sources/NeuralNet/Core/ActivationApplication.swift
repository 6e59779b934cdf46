import ActivationFunctions

/// The forward and backward passes of a `HiddenActivation` over a batch of weighted sums (rows =
/// samples, columns = sums). Each capability's maths is in its catalog definition; this type only
/// lays batches out for it: the elementwise and row kernels, the learned parameters per unit
/// (`LearnedApplication`), and the draws of a randomized function in training.
struct ActivationApplication<T: TrainingScalar> {
    let activation: HiddenActivation
    /// Learned parameters: one set per unit, or one shared set.
    let parameters: [T]

    /// What backward needs beyond the sums: the derivatives of a randomized function for the draws
    /// made in training (empty otherwise).
    struct Record: Sendable {
        var slopes: [T] = []
    }

    func forward(_ z: Matrix<T>, training: Bool, rng: inout SeededGenerator) -> (Matrix<T>, Record) {
        var a = Matrix<T>(rows: 0, columns: 0)
        var record = Record()
        forward(z, into: &a, record: &record, training: training, rng: &rng)
        return (a, record)
    }

    /// a = f(z), written into `a` (its memory reused where the shape allows).
    func forward(
        _ z: Matrix<T>, into a: inout Matrix<T>, record: inout Record, training: Bool, rng: inout SeededGenerator
    ) {
        record.slopes.removeAll(keepingCapacity: true)
        switch activation {
        case .function(let f, _):
            Self.elementwise(z, into: &a) { z, a in T.forward(f, z, a) }
        case .randomized(let f, _) where training:
            a.reshape(rows: z.rows, columns: z.columns)
            record.slopes.reserveCapacity(z.storage.count)
            for index in z.storage.indices {  // the value and, beside it, the slope for the same draw
                let (value, slope) = f.training(Double(z.storage[index]), draw: rng.uniform(0, 1))
                a.storage[index] = T(value)
                record.slopes.append(T(slope))
            }
        case .randomized(let f, _):
            Self.elementwise(z, into: &a) { z, a in T.forward(f, z, a) }
        case .learned(let definition, _, _):
            a = LearnedApplication(definition: definition, parameters: parameters).forward(z)
        case .row(let f, _):
            Self.rows(f, z, into: &a)
        }
    }

    /// dL/dz from dL/da (into `dZ`, its memory reused); returns dL/d(parameters). Given the layer's
    /// saved output a = f(z), sigmoid and tanh (`OutputDerivative`) take f′ from it, as autograd does:
    /// no exponential, at the price of the accuracy their documentation states where a nears ±1.
    func backward(
        _ z: Matrix<T>, _ record: Record, _ dA: Matrix<T>, into dZ: inout Matrix<T>,
        output: Matrix<T> = Matrix(rows: 0, columns: 0)
    ) -> [T] {
        switch activation {
        case .function(let f as any OutputDerivative, _) where output.storage.count == z.storage.count:
            Self.elementwise(output, dA, into: &dZ) { a, dA, dZ in T.backward(f, output: a, dA, dZ) }
        case .function(let f, _):
            Self.elementwise(z, dA, into: &dZ) { z, dA, dZ in T.backward(f, z, dA, dZ) }
        case .randomized(let f, _) where record.slopes.isEmpty:  // evaluation: the deterministic slope
            Self.elementwise(z, dA, into: &dZ) { z, dA, dZ in T.backward(f, z, dA, dZ) }
        case .randomized:
            dZ = Matrix(rows: z.rows, columns: z.columns, storage: zip(record.slopes, dA.storage).map(*))
        case .learned(let definition, _, _):
            let (result, dParameters) = LearnedApplication(definition: definition, parameters: parameters).backward(
                z, dA)
            dZ = result
            return dParameters
        case .row(let f, _):
            dZ.reshape(rows: z.rows, columns: z.columns)
            let width = z.columns
            z.storage.withUnsafeBufferPointer { z in
                dA.storage.withUnsafeBufferPointer { dA in
                    dZ.storage.withUnsafeMutableBufferPointer { dZ in
                        Self.checked { () throws(ActivationError) in try T.backwardRows(f, z, dA, dZ, width) }
                    }
                }
            }
        }
        return []
    }

    /// dL/dz from dL/da, and dL/d(parameters).
    func backward(_ z: Matrix<T>, _ record: Record, _ dA: Matrix<T>) -> (Matrix<T>, [T]) {
        var dZ = Matrix<T>(rows: 0, columns: 0)
        let dParameters = backward(z, record, dA, into: &dZ)
        return (dZ, dParameters)
    }

    private static func elementwise(
        _ z: Matrix<T>, into a: inout Matrix<T>,
        _ kernel: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void
    ) {
        a.reshape(rows: z.rows, columns: z.columns)
        z.storage.withUnsafeBufferPointer { z in a.storage.withUnsafeMutableBufferPointer { a in kernel(z, a) } }
    }

    private static func elementwise(
        _ z: Matrix<T>, _ dA: Matrix<T>, into dZ: inout Matrix<T>,
        _ kernel: (UnsafeBufferPointer<T>, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void
    ) {
        dZ.reshape(rows: z.rows, columns: z.columns)
        z.storage.withUnsafeBufferPointer { z in
            dA.storage.withUnsafeBufferPointer { dA in
                dZ.storage.withUnsafeMutableBufferPointer { dZ in kernel(z, dA, dZ) }
            }
        }
    }

    private static func rows(_ f: any RowActivation, _ z: Matrix<T>, into a: inout Matrix<T>) {
        let width = z.columns
        a.reshape(
            rows: z.rows,
            columns: checked { () throws(ActivationError) in try f.outputCount(forInputCount: width) } ?? 0)
        z.storage.withUnsafeBufferPointer { z in
            a.storage.withUnsafeMutableBufferPointer { a in
                checked { () throws(ActivationError) in try T.forwardRows(f, z, a, width) }
            }
        }
    }

    /// Runs a row kernel whose row length was checked when the layer was built (`Network.init`,
    /// `ModelFile.network()`), so that an error here is a bug in this module.
    @discardableResult
    private static func checked<R>(_ body: () throws(ActivationError) -> R) -> R? {
        do { return try body() } catch { preconditionFailure("a row length that was checked no longer fits: \(error)") }
    }
}
