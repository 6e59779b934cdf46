/// Colours used for series in a ``TerminalPlot``; rendered as ANSI SGR codes.
public enum TerminalColor: Sendable, CaseIterable, Equatable {
    case blue, orange, green, red, magenta, cyan, yellow, gray

    /// The ANSI escape sequence that switches the foreground to this colour.
    var ansi: String {
        switch self {
        case .blue: return "\u{1B}[34m"
        case .orange: return "\u{1B}[38;5;208m"
        case .green: return "\u{1B}[32m"
        case .red: return "\u{1B}[31m"
        case .magenta: return "\u{1B}[35m"
        case .cyan: return "\u{1B}[36m"
        case .yellow: return "\u{1B}[33m"
        case .gray: return "\u{1B}[90m"
        }
    }

    /// Faint style used for axis lines (dim gray).
    static let axisANSI = "\u{1B}[2;90m"
    /// Resets all attributes.
    static let resetANSI = "\u{1B}[0m"
}
