import Testing

@testable import ActivationFunctions

/// Backward from the saved output (sigmoid, tanh, log-sigmoid): against the mpmath reference with the bound the
/// protocol documents, and bit for bit between the batch kernel and the scalar form.
@Suite("Backward from the output y = f(x)")
struct OutputDerivativeTests {
    /// |g′(y)| over the range of y: sigmoid's g = y(1 − y) has |1 − 2y| ≤ 1, tanh's 1 − y² has |2y| ≤ 2,
    /// log-sigmoid's −(e^y − 1) has e^y ≤ 1.
    static let slopeOfG: [String: Double] = ["sigmoid": 1, "tanh": 2, "log-sigmoid": 1]
    static let ids = ["sigmoid", "tanh", "log-sigmoid"]

    /// Where the y-based slope is as good as the x-based one: the left of sigmoid (y ≤ ½), tanh within
    /// |x| ≤ ½, and log-sigmoid wherever y is a normal number (its g never amplifies y's rounding).
    static func awayFromSaturation(_ id: String, _ x: Double) -> Bool {
        switch id {
        case "sigmoid": x <= 0 && x > -80
        case "tanh": abs(x) <= 0.5
        default: abs(x) < 80
        }
    }

    /// The documented bound: y = f(x) is within 4 ulp of y (the catalog's contract), which moves g(y)
    /// by at most |g′|·4 ulp(y); computing g and multiplying by dy add a few ulp of f′.
    @Test("within |g′(y)|·4 ulp(y) + 4 ulp(f′) of the exact derivative", arguments: ids)
    func accuracy(id: String) throws {
        let f = try #require(try Activations.elementwise(id) as? any OutputDerivative)
        for type in ["float", "double"] {
            let points = try #require(Fixture.groups["\(id) - \(type)"])
            var failures: [String] = []
            for point in points {
                guard let exact = point.derivative else { continue }
                let error = type == "float" ? absoluteError(f, Float(point.x), exact) : absoluteError(f, point.x, exact)
                let (bits, minExponent) = type == "float" ? (23, -126) : (52, -1022)
                let ulpY = Ulp.unit(point.value.hi, significandBits: bits, minExponent: minExponent)
                let ulpSlope = Ulp.unit(exact.hi, significandBits: bits, minExponent: minExponent)
                if !(error <= Self.slopeOfG[id]! * 4 * ulpY + 4 * ulpSlope) {
                    failures.append("x=\(point.x): error \(error), ulp(y) \(ulpY), ulp(f′) \(ulpSlope)")
                }
            }
            #expect(failures.isEmpty, "\(id) \(type): \(failures.count) of \(points.count), e.g. \(failures.prefix(4))")
        }
    }

    func absoluteError<T: BatchElement>(_ f: any OutputDerivative, _ x: T, _ exact: (hi: Double, lo: Double)) -> Double
    {
        let y = f.forward([x])
        return Ulp.absoluteError(Double(f.backward(output: y, [1])[0]), hi: exact.hi, lo: exact.lo)
    }

    /// Away from saturation (`awayFromSaturation`) the y-based slope is within 8 ulp of the reference.
    @Test("a few ulp where y is not near ±1", arguments: ids)
    func relativeAccuracy(id: String) throws {
        let f = try #require(try Activations.elementwise(id) as? any OutputDerivative)
        let points = try #require(Fixture.groups["\(id) - float"]).filter { Self.awayFromSaturation(id, $0.x) }
        #expect(points.count >= 20)
        for point in points {
            guard let exact = point.derivative else { continue }
            let d = f.backward(output: f.forward([Float(point.x)]), [1])[0]
            #expect(Ulp.error(d, hi: exact.hi, lo: exact.lo) <= 8, "\(id) x=\(point.x)")
        }
    }

    @Test("the batch kernel gives the scalar form's bits", arguments: ids)
    func batchMatchesScalar(id: String) throws {
        let f = try #require(try Activations.elementwise(id) as? any OutputDerivative)
        let specials: [Double] = [.nan, 1, -1, 0, -0.0, 0.5, .leastNonzeroMagnitude, 1 - 0x1p-24]
        for n in KernelTests.lengths {
            for special in specials {
                let y = KernelTests.inputs(n, domain: PlotDomain(-1, 1), special: special)
                let dy = y.indices.map { Double($0 % 7) - 2.5 }
                let dx = f.backward(output: y, dy)
                for i in y.indices {
                    #expect(KernelTests.same(dx[i], dy[i] * f.derivative(output: y[i])), "n=\(n) y=\(y[i])")
                }
                let (yf, dyf) = (y.map { Float($0) }, dy.map { Float($0) })
                let dxf = f.backward(output: yf, dyf)
                for i in yf.indices {
                    #expect(KernelTests.same(dxf[i], dyf[i] * f.derivative(output: yf[i])), "n=\(n) y=\(yf[i])")
                }
            }
        }
    }

    @Test("NaN in gives NaN out; y = ±1 gives 0", arguments: ["sigmoid", "tanh"])
    func specials(id: String) throws {
        let f = try #require(try Activations.elementwise(id) as? any OutputDerivative)
        #expect(f.backward(output: [Float.nan], [1])[0].isNaN)
        #expect(f.backward(output: [Double(1)], [1]) == [0])
        #expect(f.backward(output: [Float(0.5)], [Float.nan])[0].isNaN)
    }

    /// ln σ(x) is 0 at x = +∞ (slope 0) and −∞ at x = −∞ (slope 1); at y = −ln 2 (x = 0) it is ½.
    @Test("log-sigmoid: y = 0 gives 0, y = −∞ gives 1, NaN gives NaN")
    func logSigmoidSpecials() throws {
        let f = try #require(try Activations.elementwise("log-sigmoid") as? any OutputDerivative)
        #expect(f.backward(output: [Float(0), -.infinity, .nan], [1, 1, 1]).map { $0.isNaN ? -1 : $0 } == [0, 1, -1])
        #expect(abs(f.backward(output: [-0.6931471805599453], [1])[0] - 0.5) <= 1e-16)
    }
}
