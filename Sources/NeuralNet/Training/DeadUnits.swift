extension DenseLayer {
    /// The units whose activation slope is 0 on every row of a forward pass (`cache`): no gradient can
    /// reach their weights, so gradient descent cannot revive them from this data (dead units).
    /// Always empty for maxout, whose slopes belong to pieces rather than units.
    public func deadUnits(_ cache: Cache) -> [Int] {
        Self.deadUnits(slopes: slopes(cache), units: cache.output.columns)
    }

    /// f′(z) for every sum of a forward pass: the backward pass of an upstream gradient of ones (one column
    /// per unit, except for maxout, whose slopes belong to its pieces).
    public func slopes(_ cache: Cache) -> Matrix<T> {
        let ones = Matrix<T>(rows: cache.output.rows, columns: cache.output.columns, repeating: 1)
        return application.backward(cache.sums, cache.record, ones).0
    }

    /// The columns of `slopes` that are 0 on every row, if there is one column per unit.
    static func deadUnits(slopes: Matrix<T>, units: Int) -> [Int] {
        guard slopes.columns == units else { return [] }
        return (0..<slopes.columns).filter { j in (0..<slopes.rows).allSatisfy { slopes[$0, j] == 0 } }
    }
}

extension Network {
    /// For each hidden layer (input side first), the indices of its dead units on the inputs `x`
    /// (evaluation mode: RReLU at its mean slope).
    public func deadUnits(on x: Matrix<T>) -> [[Int]] {
        var rng = SeededGenerator(seed: 0)  // evaluation draws nothing
        let caches = forward(x, training: false, rng: &rng)
        return zip(layers.dropLast(), caches).map { layer, cache in layer.deadUnits(cache) }
    }
}
