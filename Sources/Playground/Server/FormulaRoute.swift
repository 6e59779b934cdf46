import ActivationFunctions
import Hummingbird

/// `GET /api/formula?text=f(x)=…&a=2`: a formula's curve (f and f′ sampled over [−6, 6]), its
/// derivative written out, its measured properties, warnings (NaN or ±∞ on [−10, 10]) and the catalog
/// functions it equals (`catalogMatches`), for the page's "Your own…" field. A formula
/// that does not parse gives 400 with `{"error": {"message": …, "column": …}}`. The work is bounded
/// by the formula's limits (length and depth are checked before anything else).
enum FormulaRoute {
    static func add(to router: Router<BasicRequestContext>) {
        router.get("/api/formula") { request, _ in
            let query = request.uri.queryParameters
            guard let text = query.get("text") else { throw PlaygroundError.bad("give the formula as ?text=f(x)=…") }
            var parameters: [String: Double] = [:]
            for item in query where item.key != "text" {
                guard let value = Double(String(item.value)), value.isFinite else {
                    throw PlaygroundError.bad("parameter \(item.key): '\(item.value)' is not a finite number")
                }
                parameters[String(item.key)] = value
            }
            let formula: Formula
            do {
                formula = try Formula(parsing: text, parameters: parameters)
            } catch let error as FormulaError {
                return Reply.json(
                    FormulaFailure(error: .init(message: error.description, column: error.column)), status: .badRequest)
            }
            return Reply.json(
                FormulaCurve(
                    curve: try ActivationCurve(id: text, parameters: parameters),
                    warnings: formula.warnings, catalogMatches: formula.catalogMatches()))
        }
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

    struct FormulaFailure: Encodable {
        struct Detail: Encodable {
            let message: String
            let column: Int?
        }
        let error: Detail
    }
}
