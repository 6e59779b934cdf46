import ActivationFunctions
import Plotting

extension TrainingReportPage {
    /// Captions under the charts, by chart name.
    static let captions: [String: String] = [
        "loss": "Training loss (solid) and test loss (dashed). A widening gap means overfitting.",
        "accuracy": "Fraction classified correctly, on the training data and on held-out test data.",
        "gradients":
            "Mean |∂L/∂W| of each layer's weights, over the whole training set. Lines fanning apart, the layers nearest the input lowest, are vanishing gradients.",
        "dead-units": "Units that output zero for every example: they get no gradient and stop learning.",
        "sparsity": "Fraction of all outputs that are exactly zero.",
        "boundary":
            "Model output over the input plane (orange below ½, blue above). Training points are outlined in the background colour, test points in the text colour.",
    ]

    var html: String {
        let figures = charts.filter { $0.name != "activation" }.map { item in
            "<figure class=\"panel\" id=\"\(item.name)\">\(HTML.inline(item.chart))"
                + "<figcaption class=\"note\">\(HTML.escape(Self.captions[item.name] ?? ""))</figcaption></figure>"
        }
        let body =
            "<header>\(HTML.element("h1", report.title))<p class=\"lede\">Training report</p></header>" + facts
            + activationPanel + "<h2>Training</h2><div class=\"charts\">" + figures.joined(separator: "\n") + "</div>"
        return HTML.document(title: report.title + " · training report", body: "<main>" + body + "</main>")
    }

    private var facts: String {
        guard !report.facts.isEmpty else { return "" }
        return "<section class=\"panel facts\">" + HTML.table(report.facts.map { ($0.label, $0.value) }, class: "props")
            + "</section>"
    }

    private var activationPanel: String {
        guard let definition = Activations.named(report.activationID), let chart = activation else {
            return "<p class=\"note\">Activation: \(HTML.escape(report.activationID))</p>"
        }
        let info = definition.info
        return """
            <h2>Activation: \(HTML.escape(info.name))</h2>
            <div class="charts"><section class="panel">
            <dl class="formulas"><dt>f(x)</dt><dd>\(HTML.formula(info.formula))</dd><dt>f′(x)</dt><dd>\(HTML.formula(info.derivativeFormula))</dd></dl>
            <figure>\(HTML.inline(chart))</figure></section></div>
            """
    }
}
