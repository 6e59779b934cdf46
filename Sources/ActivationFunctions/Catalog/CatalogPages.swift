/// One DocC documentation extension per catalog function: its formula, derivative, parameters, range,
/// kinks and the command that draws it, all from its `ActivationInfo` and its own `derivative(at:)`.
///
/// `Scripts/docs/catalog-doc` writes these pages (through `activations list --docc-pages DIR`) into
/// `ActivationFunctions.docc/Functions/`, so a type's documentation page and the catalog never disagree.
package struct CatalogPage: Sendable {
    /// The Swift type's name, e.g. `Sigmoid`: the page documents ``ActivationFunctions/Sigmoid``.
    package let typeName: String
    /// The file name the page is written to: `<typeName>.md`.
    package var fileName: String { typeName + ".md" }
    /// The page's Markdown.
    package let text: String

    /// The page of `definition`.
    package init(_ definition: any ActivationDefinition.Type) {
        typeName = String(describing: definition)
        let info = definition.info
        let sections = [
            Self.formulaSection(info),
            Self.parameterSection(info),
            Self.propertySection(info, isRow: definition is any RowActivation.Type),
            Self.kinkSection(info, function: definition.init() as? any ElementwiseActivation),
            Self.commandSection(info),
        ]
        text = (["# ``ActivationFunctions/\(typeName)``"] + sections).joined(separator: "\n\n") + "\n"
    }

    /// Every catalog function's page, in catalog order.
    package static func all(_ definitions: [any ActivationDefinition.Type] = Activations.all) -> [CatalogPage] {
        definitions.map(CatalogPage.init)
    }

    static func formulaSection(_ info: ActivationInfo) -> String {
        """
        ## Formula

        \(info.name).

        - term f(x): \(code(info.formula))
        - term f′(x): \(code(info.derivativeFormula))
        """
    }

    static func parameterSection(_ info: ActivationInfo) -> String {
        guard !info.parameters.isEmpty else { return "## Parameters\n\nNone." }
        var lines = ["## Parameters", "", "| name | default | valid values | meaning |", "|---|---|---|---|"]
        for spec in info.parameters {
            let values = spec.range.description + (spec.isInteger ? ", whole numbers" : "")
            let cells = [code(spec.name), spec.defaultValue.shortDescription, values, spec.summary]
            lines.append("| " + cells.map(CatalogDocument.escapeMarkdown).joined(separator: " | ") + " |")
        }
        if !info.constraints.isEmpty {
            let constraints = info.constraints.map { code($0.description) }.joined(separator: ", ")
            lines += ["", "They must satisfy \(constraints)."]
        }
        return lines.joined(separator: "\n")
    }

    static func propertySection(_ info: ActivationInfo, isRow: Bool) -> String {
        let names = ([info.id] + info.aliases).map(code).joined(separator: ", ")
        let lines = [
            "## Properties", "",
            "- Names: \(names)",
            "- Family: \(info.family.rawValue)" + (isRow ? ", applied to a whole row at once" : ""),
            "- Output range: \(code(info.outputRange))",
            "- Monotonic: \(CatalogDocument.yesNo(info.monotonic)); "
                + "derivative monotonic: \(CatalogDocument.yesNo(info.derivativeMonotonic))",
            "- Smoothness: \(info.smoothness.rawValue)",
            "- Zero-centred: \(info.zeroCentred.rawValue)",
            "- f(0) = 0 and f′(0) = 1: \(CatalogDocument.yesNo(info.approximatesIdentityNearZero))",
            "- Reference: \(info.reference)",
        ]
        return lines.joined(separator: "\n")
    }

    static func commandSection(_ info: ActivationInfo) -> String {
        """
        ## Try it

        Draw the function and its derivative in the terminal:

        ```
        activations show \(info.id)
        ```
        """
    }

    /// Text in code voice, with a longer fence when the text itself holds a backtick.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }
}
