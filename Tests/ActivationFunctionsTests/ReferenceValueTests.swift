import ActivationFunctions
import Testing

/// Every elementwise function against the independent mpmath reference (Scripts/reference/generate-reference.py):
/// values within 4 ulp, derivatives within 4 ulp or 4ε, in Double and Float, tails included.
@Suite("Accuracy against the mpmath reference")
struct ReferenceValueTests {
    static let groupKeys = Fixture.groups.keys.sorted()

    @Test(
        "every elementwise function has reference points at its defaults, in both types",
        arguments: Activations.elementwiseIDs)
    func covered(id: String) {
        for type in ["double", "float"] {
            let count = Fixture.groups["\(id) - \(type)"]?.count ?? 0
            #expect(
                count >= 150,
                "\(id) has \(count) \(type) reference points (Scripts/reference/generate-reference writes them)")
        }
    }

    @Test("values and derivatives within tolerance", arguments: groupKeys)
    func accuracy(group: String) throws {
        let points = Fixture.groups[group]!
        let f = try Activations.elementwise(points[0].id, parameters: points[0].parameters)
        var failures: [String] = []
        var worst = (value: 0.0, derivative: 0.0)
        for point in points {
            let (valueError, derivativeError) =
                point.type == "float"
                ? check(f, Float(point.x), point, &failures) : check(f, point.x, point, &failures)
            worst = (max(worst.value, valueError), max(worst.derivative, derivativeError))
        }
        #expect(
            failures.isEmpty,
            "\(group): \(failures.count) of \(points.count) points fail, e.g.\n\(failures.prefix(6).joined(separator: "\n"))"
        )
    }

    /// Checks one point in `T`; returns the ulp errors of value and derivative.
    func check<T: BatchElement>(
        _ f: any ElementwiseActivation, _ x: T, _ point: ReferencePoint, _ failures: inout [String]
    ) -> (Double, Double) {
        let y = f.forward([x])[0]
        let valueError = ulps(y, point.value)
        if !Tolerance.valueOK(y, hi: point.value.hi, lo: point.value.lo, ulps: valueError)
            && !Tolerance.nearSoftExponentialRoot(y, point)
        {
            failures.append("  f(\(x)) = \(y), exact \(point.value.hi) (\(valueError) ulp)")
        }
        guard let exact = point.derivative else { return (valueError, 0) }
        let d = f.backward([x], [1])[0]
        let derivativeError = ulps(d, exact)
        if !Tolerance.derivativeOK(d, hi: exact.hi, lo: exact.lo, ulps: derivativeError) {
            failures.append("  f′(\(x)) = \(d), exact \(exact.hi) (\(derivativeError) ulp)")
        }
        return (valueError, derivativeError)
    }

    func ulps<T: BatchElement>(_ y: T, _ exact: (hi: Double, lo: Double)) -> Double {
        if let y = y as? Float { return Ulp.error(y, hi: exact.hi, lo: exact.lo) }
        return Ulp.error(y as! Double, hi: exact.hi, lo: exact.lo)
    }
}
