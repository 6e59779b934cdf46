/// A list of activations on the command line: ids and formulas separated by commas. A comma inside
/// parentheses belongs to a formula, so `relu,f(x)=max(0.1*x, x),tanh` is three entries.
enum ActivationList {
    static func split(_ list: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var depth = 0
        for character in list {
            switch character {
            case "(": depth += 1
            case ")": depth = max(depth - 1, 0)
            case "," where depth == 0:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries.map(\.trimmingWhitespace).filter { !$0.isEmpty }
    }
}
