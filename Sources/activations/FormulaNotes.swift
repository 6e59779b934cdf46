import ActivationFunctions

/// What `show` adds for a formula: measured warnings (NaN, ±∞) and the catalog functions it matches,
/// which compute the same values stably.
struct FormulaNotes {
    let formula: Formula

    var lines: [String] {
        var lines: [String] = []
        for warning in formula.warnings { lines.append("  warning: \(warning)") }
        let matches = formula.catalogMatches()
        if !matches.isEmpty {
            let list = matches.joined(separator: ", ")
            lines.append(
                "  note: on [−10, 10] this equals the catalog's \(list), computed stably there "
                    + "(`activations show \(matches[0])`)")
        }
        return lines.isEmpty ? [] : [""] + lines
    }
}
