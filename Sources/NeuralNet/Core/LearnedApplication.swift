import ActivationFunctions

/// A learned activation over a batch: unit j's function is the catalog definition built with unit
/// j's parameters (or the layer's shared set), and ∂f/∂θ comes from that definition
/// (`LearnableActivation.parameterGradients`).
struct LearnedApplication<T: TrainingScalar> {
    let definition: any LearnableActivation.Type
    /// One set per unit (in `info.parameters` order), or one shared set.
    let parameters: [T]

    private var count: Int { definition.info.parameters.count }

    /// Where unit `column`'s parameters start (shared: every unit uses the first set).
    private func offset(_ column: Int) -> Int { parameters.count == count ? 0 : column * count }

    /// The function of each of `units` units.
    private func functions(units: Int) -> [any LearnableActivation] {
        let names = definition.info.parameters.map(\.name)
        return (0..<units).map { column in
            let values = parameters[offset(column)..<(offset(column) + count)].map(Double.init)
            return definition.init(ParameterValues(unvalidated: Dictionary(uniqueKeysWithValues: zip(names, values))))
        }
    }

    func forward(_ z: Matrix<T>) -> Matrix<T> {
        let functions = functions(units: z.columns)
        var a = z
        for i in 0..<z.rows {
            for j in 0..<z.columns { a[i, j] = T(functions[j](Double(z[i, j]))) }
        }
        return a
    }

    /// dL/dz = dL/da·f′(z), and dL/dθ summed over the batch (into the shared set, or each unit's).
    func backward(_ z: Matrix<T>, _ dA: Matrix<T>) -> (Matrix<T>, [T]) {
        let functions = functions(units: z.columns)
        var dParameters = [Double](repeating: 0, count: parameters.count)
        var dZ = z
        for i in 0..<z.rows {
            for j in 0..<z.columns {
                let x = Double(z[i, j])
                let upstream = Double(dA[i, j])
                dZ[i, j] = T(upstream * functions[j].derivative(at: x))
                for (index, g) in functions[j].parameterGradients(at: x).enumerated() {
                    dParameters[offset(j) + index] += upstream * g
                }
            }
        }
        return (dZ, dParameters.map { T($0) })
    }
}
