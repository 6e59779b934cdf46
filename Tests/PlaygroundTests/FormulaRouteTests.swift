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
                #expect(error?["code"] as? String == "badRequest", "the API's error shape: every refusal has a code")
            }
            // A repeated value was taken first and the other dropped, where /api/activations refuses it.
            for twice in [
                "text=\(Self.query("f(x)=x"))&text=\(Self.query("f(x)=2*x"))", "text=\(Self.query("f(x;a=1)=a*x"))&a=2&a=3",
            ] {
                try await client.execute(uri: "/api/formula?\(twice)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(twice)")
                    #expect(response.text.contains("given twice"), "\(response.text)")
                }
            }
            let long = Self.query("f(x) = " + String(repeating: "x+", count: 400) + "x")
            try await client.execute(uri: "/api/formula?text=\(long)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("limit is 500"))
            }
        }
    }

    /// Threads of this suite's own: one for urgent work, one for the rest (the formulas).
    static let threads = TrainingThreads(count: 2)

    /// Formulas are evaluated off the request threads and at most `maxAtOnce` at a time: with the
    /// evaluating thread held, that many wait and one more is a 503 at once; released, they all answer.
    /// (Eight clients looping on a slow formula once held every other request for 1.6 s.)
    @Test(.timeLimit(.minutes(1))) func formulasBeyondTheGateAre503AtOnce() async throws {
        let router = Router(context: BasicRequestContext.self)
        FormulaRoute.add(to: router, threads: Self.threads)
        let (started, held) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        Task.detached {
            _ = try? await Self.threads.run(.background) { () throws(PlaygroundError) in started.signal(); held.wait() }
        }
        await Task.detached { started.wait() }.value  // the thread is held: no formula can finish
        defer { held.signal() }  // released however the test ends (a second signal is harmless)
        let uri = "/api/formula?text=\(Self.query("f(x) = x*x"))"
        try await Application(router: router).test(.router) { client in
            try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0...FormulaRoute.maxAtOnce {
                    group.addTask { try await client.execute(uri: uri, method: .get) { (Int($0.status.code), $0.text) } }
                }
                // The one beyond the gate answers first, while the others wait for the thread.
                let first = try await group.next()
                #expect(first?.0 == 503 && first?.1.contains("being evaluated already") == true, "\(String(describing: first))")
                held.signal()
                var answers: [Int] = []
                for try await (status, _) in group { answers.append(status) }
                #expect(answers == Array(repeating: 200, count: FormulaRoute.maxAtOnce))
            }
        }
    }
}
