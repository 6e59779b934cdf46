import Foundation

/// The catalog as documents: JSON with every piece of metadata, and a Markdown table for the documentation.
public enum CatalogDocument {
    /// One function's metadata plus what is derived from it: its kind and its kinks at the defaults.
    struct Entry: Encodable {
        let info: ActivationInfo
        let kind: String
        let defaultKinkPoints: [Double]

        init(_ definition: any ActivationDefinition.Type) {
            let info = definition.info
            self.info = info
            kind = definition is any RowActivation.Type ? "row" : "elementwise"
            defaultKinkPoints = info.kinks.map { $0.location(in: info.defaultParameters) }
        }

        func encode(to encoder: any Encoder) throws {
            try info.encode(to: encoder)
            var container = encoder.container(keyedBy: ExtraKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(defaultKinkPoints, forKey: .defaultKinkPoints)
        }

        enum ExtraKeys: String, CodingKey { case kind, defaultKinkPoints }
    }

    /// Every function's metadata as a JSON array, in catalog order.
    public static func json(_ definitions: [any ActivationDefinition.Type] = Activations.all) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(definitions.map(Entry.init))  // every field is finite or optional
        return String(decoding: data, as: UTF8.self)
    }

    /// A Markdown table: id, formula, derivative, range and properties, grouped by family.
    public static func markdown(_ definitions: [any ActivationDefinition.Type] = Activations.all) -> String {
        var lines = [
            "| id | function | f(x) | f′(x) | parameters | range | monotonic | smooth | zero-centred |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for definition in definitions {
            let info = definition.info
            let cells = [
                "`\(info.id)`", info.name, info.formula, info.derivativeFormula, parameterList(info),
                info.outputRange, yesNo(info.monotonic), info.smoothness.rawValue, info.zeroCentred.rawValue,
            ]
            lines.append("| " + cells.map(escapeMarkdown).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// `name=default` for each parameter, or `–`.
    public static func parameterList(_ info: ActivationInfo) -> String {
        info.parameters.isEmpty
            ? "–" : info.parameters.map { "\($0.name)=\($0.defaultValue.shortDescription)" }.joined(separator: ", ")
    }

    /// `yes`, `no`, or `–` where the property does not apply.
    public static func yesNo(_ flag: Bool?) -> String {
        flag.map { $0 ? "yes" : "no" } ?? "–"
    }

    static func escapeMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
