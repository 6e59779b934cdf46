import ActivationFunctions
import Plotting

/// One function's card: name, formulas, chart of f and f′, properties and parameters.
public struct GalleryCard: Sendable {
    /// The function's catalog entry.
    public let info: ActivationInfo
    /// The chart of f and f′ over the entry's plot domain, at default parameters.
    public let chart: LineChart

    /// The card of a catalog entry at its default parameters.
    public init(_ definition: any ActivationDefinition.Type) {
        info = definition.info
        if let function = try? Activations.make(info.id) {
            chart = FunctionCharts.chart(function, curves: .both, id: "chart-" + info.id)
        } else {
            chart = LineChart(id: "chart-" + info.id, title: info.name, xLabel: "x", yLabel: "y")
        }
    }

    /// The `<article>` for the gallery page; its HTML id is `fn-<id>`.
    public var html: String {
        """
        <article class="card" id="fn-\(HTML.escape(info.id))">
        <header>\(HTML.element("h3", info.name))\(HTML.element("span", info.id, class: "id"))\(aliases)</header>
        <dl class="formulas"><dt>f(x)</dt><dd>\(HTML.formula(info.formula))</dd><dt>f′(x)</dt><dd>\(HTML.formula(info.derivativeFormula))</dd></dl>
        <figure>\(HTML.inline(chart))</figure>
        \(HTML.table(properties, class: "props"))
        \(parameters)
        </article>
        """
    }

    private var aliases: String {
        info.aliases.isEmpty
            ? "" : HTML.element("span", "also " + info.aliases.joined(separator: ", "), class: "aliases")
    }

    /// The properties, as `activations show` lists them.
    var properties: [(String, String)] {
        var rows = [
            ("family", info.family.rawValue), ("range", info.outputRange), ("smoothness", info.smoothness.rawValue),
            ("zero-centred", info.zeroCentred.rawValue),
        ]
        if info.monotonic != nil {
            rows += [
                ("monotonic", CatalogDocument.yesNo(info.monotonic)),
                ("f′ monotonic", CatalogDocument.yesNo(info.derivativeMonotonic)),
                ("≈ identity near 0", CatalogDocument.yesNo(info.approximatesIdentityNearZero)),
            ]
        }
        if !info.kinks.isEmpty {
            let points = info.kinks.map { "x = \($0.location(in: info.defaultParameters).shortDescription)" }
            rows.append(("kinks", points.joined(separator: ", ")))
        }
        return rows + [("reference", info.reference)]
    }

    private var parameters: String {
        guard !info.parameters.isEmpty else { return "" }
        let rows = info.parameters.map { spec in
            "<tr><th scope=\"row\"><code>\(HTML.escape(spec.name))</code></th><td>\(HTML.escape(spec.defaultValue.shortDescription))</td>"
                + "<td>\(HTML.escape(spec.range.description))</td><td>\(HTML.escape(spec.summary))</td></tr>"
        }
        let constraints = info.constraints.map { "<p class=\"note\">requires \(HTML.escape($0.description))</p>" }
        return
            "<table class=\"params\"><thead><tr><th>parameter</th><th>default</th><th>valid</th><th></th></tr></thead>"
            + "<tbody>" + rows.joined() + "</tbody></table>" + constraints.joined()
    }
}
