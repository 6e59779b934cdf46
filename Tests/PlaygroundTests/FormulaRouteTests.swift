import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// `/api/formula`: a formula's curve and derivative, or its parse error with the column.
@Suite struct FormulaRouteTests {
    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test func aFormulaGivesItsCurveAndDerivative() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/formula?text=\(Self.query("f(x; a=1) = x*sigmoid(a*x)"))&a=2", method: .get
            ) { response in
                #expect(response.status == .ok)
                let curve = response.json()
                let (x, f) = (curve["x"] as? [Double] ?? [], curve["f"] as? [Double] ?? [])
                #expect(x.first == -6 && f.count == x.count)
                #expect(f.first.map { abs($0 - -6 / (1 + Double.exp(12))) < 1e-15 } == true)
                #expect((curve["derivativeFormula"] as? String)?.contains("sigmoid′") == true)
            }
        }
    }

    @Test func theCurveSaysWhatWasMeasuredAndNamesTheStableCatalogFunction() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/api/formula?text=\(Self.query("f(x) = log(1 + exp(x))"))", method: .get) {
                response in
                let curve = response.json()
                #expect(
                    (curve["catalogMatches"] as? [String])?.contains("softplus") == true, "\(response.text.prefix(300))"
                )
                #expect(curve["warnings"] as? [String] == [])
                // The curve's own keys are all there.
                #expect((curve["f"] as? [Double])?.count == (curve["x"] as? [Double])?.count)
            }
            try await client.execute(uri: "/api/formula?text=\(Self.query("f(x) = log(x)"))", method: .get) {
                response in
                #expect(response.status == .ok)
                let warnings = response.json()["warnings"] as? [String] ?? []
                #expect(warnings.contains { $0.contains("NaN") }, "\(warnings)")
                #expect(response.json()["catalogMatches"] as? [String] == [])
            }
        }
    }

    @Test func aParseErrorIs400WithItsColumn() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/api/formula?text=\(Self.query("f(x) = x * sigmoud(x)"))", method: .get) {
                response in
                #expect(response.status == .badRequest)
                let error = response.json()["error"] as? [String: Any]
                #expect(error?["column"] as? Int == 12)
                #expect((error?["message"] as? String)?.contains("sigmoid") == true)
            }
            let long = Self.query("f(x) = " + String(repeating: "x+", count: 400) + "x")
            try await client.execute(uri: "/api/formula?text=\(long)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("limit is 500"))
            }
        }
    }
}
