import ActivationFunctions
import Foundation
import Hummingbird

/// `GET /api/formula?text=f(x)=…&a=2`: a formula's curve (f and f′ sampled over [−6, 6]), its
/// derivative written out, its measured properties, warnings (NaN or ±∞ on [−10, 10]) and the catalog
/// functions it equals (`catalogMatches`), for the page's "Your own…" field. A formula
/// that does not parse gives 400 with `{"error": {"message": …, "column": …}}`. The work is bounded
/// by the formula's limits (length and depth are checked before anything else), but a formula at those
/// limits takes about a quarter of a second: it runs on the training threads (`.background`), never on
/// the threads that answer requests, and at most `maxAtOnce` at a time; one more is a 503 at once.
/// Any web page can send this GET, and 8 looping clients once held every other request for 1.6 s.
enum FormulaRoute {
    /// The most formula requests evaluated or waiting at once.
    static let maxAtOnce = 4

    static func add(to router: Router<BasicRequestContext>, threads: TrainingThreads = .shared) {
        let evaluating = Occupancy(limit: maxAtOnce)
        router.get("/api/formula") { request, _ in
            let query = request.uri.queryParameters
            guard let text = query.get("text") else { throw PlaygroundError.bad("give the formula as ?text=f(x)=…") }
            guard query.getAll("text").count == 1 else {
                throw PlaygroundError.bad("give one formula: text is given twice")
            }
            var parameters: [String: Double] = [:]
            for item in query where item.key != "text" {
                guard let value = NumberText.parse(item.value, as: Double.self), value.isFinite else {
                    throw PlaygroundError.bad("parameter \(item.key.prefix(40)): '\(item.value.prefix(40))' is not a finite number")
                }
                guard parameters.updateValue(value, forKey: String(item.key)) == nil else {  // one would be dropped
                    throw PlaygroundError.bad("parameter \(item.key.prefix(40)) is given twice")
                }
            }
            let admitted = evaluating.enter()
            defer { evaluating.leave() }
            guard admitted else {
                throw PlaygroundError(
                    .unavailable, "\(maxAtOnce) formulas are being evaluated already; try again in a few seconds")
            }
            let given = parameters
            let (bytes, status) = try await threads.run(.background, cancellable: true) {
                () throws(PlaygroundError) -> ([UInt8], HTTPResponse.Status) in try evaluate(text, given)
            }
            return Reply.bytes(bytes, type: "application/json; charset=utf-8", status: status)
        }
    }

    /// The response's JSON and status: the curve with what was measured, or the parse error (400).
    static func evaluate(_ text: String, _ parameters: [String: Double]) throws(PlaygroundError) -> (
        [UInt8], HTTPResponse.Status
    ) {
        let formula: Formula
        do {
            formula = try Formula(parsing: text, parameters: parameters)
        } catch {
            let failure = FormulaFailure(error: .init(message: error.description, column: error.column))
            return (JSONBody.encode(failure), .badRequest)
        }
        let curve = ActivationCurve(formula, parameters: parameters)  // parsed once, above
        let answer = FormulaCurve(curve: curve, warnings: formula.warnings, catalogMatches: formula.catalogMatches())
        return (JSONBody.encode(answer), .ok)
    }

    /// The curve, with what was measured: NaN or ±∞ on [−10, 10] (warnings), and the catalog
    /// functions the formula equals there, which compute it stably.
    struct FormulaCurve: Encodable {
        let curve: ActivationCurve
        let warnings: [String]
        let catalogMatches: [String]

        enum Keys: String, CodingKey { case warnings, catalogMatches }

        func encode(to encoder: any Encoder) throws {
            try curve.encode(to: encoder)  // the curve's keys and these two, in one object
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(catalogMatches, forKey: .catalogMatches)
        }
    }

    /// The API's error shape (`{"error": {"message", "code"}}`, see `PlaygroundError`) with the column.
    struct FormulaFailure: Encodable {
        struct Detail: Encodable {
            let message: String
            let code = PlaygroundError.Kind.badRequest.code
            let column: Int?
        }
        let error: Detail
    }
}
