extension Array where Element: TrainingScalar {
    /// Whether every element is finite, in one vector pass: x − x is 0 for a finite x and NaN for
    /// ±∞ and NaN, and a NaN anywhere makes the sum NaN. (The per-step NaN guard: `allSatisfy`
    /// with `isFinite` tests one element at a time.)
    var isAllFinite: Bool {
        withUnsafeBufferPointer { values in
            if Element.self == Float.self { return Self.allFinite(values, Float.Vector.self) }
            if Element.self == Double.self { return Self.allFinite(values, Double.Vector.self) }
            return values.allSatisfy(\.isFinite)
        }
    }

    /// The vector pass in lanes `V`, whose scalar is `Element` (the caller checked).
    private static func allFinite<V: SIMD>(_ values: UnsafeBufferPointer<Element>, _: V.Type) -> Bool
    where V.Scalar: FloatingPoint {
        var lanes = V()
        var i = 0
        while i + V.scalarCount <= values.count {
            let v = UnsafeRawPointer(values.baseAddress! + i).loadUnaligned(as: V.self)
            lanes += v - v
            i += V.scalarCount
        }
        var tail: Element = 0
        while i < values.count {
            tail += values[i] - values[i]
            i += 1
        }
        return lanes.sum() == 0 && tail == 0
    }
}
