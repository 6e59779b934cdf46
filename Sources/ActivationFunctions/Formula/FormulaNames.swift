/// The names a formula can use and the suggestions for one it cannot: x, pi, its parameters, the
/// functions exp … erfc, min and max, and every elementwise catalog id or alias (`_` may stand for `-`).
enum FormulaNames {
    /// The catalog id `name` refers to, if it is an elementwise catalog function.
    static func catalogID(_ name: String) -> String? {
        guard let definition = Activations.named(name.replacingOccurrences(of: "_", with: "-")),
            definition is any ElementwiseActivation.Type
        else { return nil }
        return definition.info.id
    }

    /// As `catalogID(_:)`, but a row function (softmax) is an error saying why it cannot be called.
    static func catalogID(_ name: String, column: Int, in text: String) throws(FormulaError) -> String? {
        if let id = catalogID(name) { return id }
        if let definition = Activations.named(name.replacingOccurrences(of: "_", with: "-")) {
            throw FormulaError(
                "\(definition.info.id) is a function of a whole row; a formula can call only "
                    + "elementwise functions", column: column, in: text)
        }
        return nil
    }

    static var functionNames: [String] {
        Array(UnaryFunction.callable.keys) + ["min", "max"] + Activations.elementwiseIDs
    }

    static func unknown(_ name: String, column: Int, in text: String, parameters: [String]) -> FormulaError {
        // A name can be both a built-in and a catalog id (sign, tanh): suggest it once.
        var seen = Set<String>()
        let candidates = (functionNames + parameters + ["x", "pi"]).filter { seen.insert($0).inserted }
        let suggestions = Activations.closest(to: name, among: candidates)
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
        let declare = parameters.isEmpty && name.count <= 3 ? " (declare a parameter with f(x; \(name)=1) = …)" : ""
        return FormulaError("unknown name '\(name)'\(hint)\(declare)", column: column, in: text)
    }
}
