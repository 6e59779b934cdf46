/// Colours, fonts and the style sheet shared by every SVG chart.
///
/// Colours are CSS custom properties on `:root`, in a light and a dark set: the dark set applies under
/// `prefers-color-scheme: dark` or `data-theme="dark"` on the root element. Every element also carries
/// the light colour as a presentation attribute, so an SVG viewer without CSS still draws it.
public enum ChartTheme {
    /// System fonts only: nothing to download.
    public static let fontFamily =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

    /// Series colours for light backgrounds (Tableau 10, colour-blind friendly in its first five).
    static let lightSeries = ["#1f77b4", "#e8710a", "#2a9d3a", "#d62728", "#9467bd", "#8c564b", "#d6409f", "#6b7280"]
    /// The same hues, lighter, for dark backgrounds.
    static let darkSeries = ["#6cb6ff", "#ffa657", "#56d364", "#ff7b72", "#d2a8ff", "#d9a97e", "#f778ba", "#b1bac4"]

    static let light = Palette(foreground: "#1f2328", muted: "#59636e", grid: "#d8dee4", background: "#ffffff")
    static let dark = Palette(foreground: "#e6edf3", muted: "#9198a1", grid: "#2a3038", background: "#0d1117")

    /// Diverging ends, as TensorFlow Playground colours them: orange for negative, blue for positive.
    static let negative = "#f59322"
    static let positive = "#0877bd"

    struct Palette {
        let foreground: String
        let muted: String
        let grid: String
        let background: String
    }

    static func seriesClass(_ index: Int) -> String { "s\(index % lightSeries.count)" }
    static func seriesColor(_ index: Int) -> String { lightSeries[index % lightSeries.count] }

    /// The style sheet: include it once per page (``SVGChart/svg(standalone:)`` embeds it in standalone files).
    public static var stylesheet: String {
        """
        :root { \(variables(light, lightSeries)) }
        @media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { \(variables(dark, darkSeries)) } }
        :root[data-theme=dark] { \(variables(dark, darkSeries)) }
        svg.lab-chart { font-family: \(fontFamily); color: var(--lab-fg); max-width: 100%; height: auto; }
        svg.lab-chart text { fill: var(--lab-fg); }
        svg.lab-chart .muted { fill: var(--lab-muted); }
        svg.lab-chart .title { font-weight: 600; }
        svg.lab-chart .frame { stroke: var(--lab-muted); }
        svg.lab-chart .grid { stroke: var(--lab-grid); }
        svg.lab-chart .zero { stroke: var(--lab-muted); }
        svg.lab-chart .chart-bg { fill: var(--lab-bg); }
        svg.lab-chart .ring { stroke: var(--lab-bg); }
        svg.lab-chart .test-ring { stroke: var(--lab-fg); }
        \(seriesRules())
        """
    }

    private static func variables(_ palette: Palette, _ series: [String]) -> String {
        let named = [
            "--lab-fg: \(palette.foreground)", "--lab-muted: \(palette.muted)",
            "--lab-grid: \(palette.grid)", "--lab-bg: \(palette.background)",
        ]
        let colours = series.enumerated().map { "--lab-s\($0.offset): \($0.element)" }
        return (named + colours).joined(separator: "; ") + ";"
    }

    private static func seriesRules() -> String {
        lightSeries.indices.map { index in
            "svg.lab-chart .s\(index) { stroke: var(--lab-s\(index)); } "
                + "svg.lab-chart .s\(index).filled, svg.lab-chart .s\(index) .filled { fill: var(--lab-s\(index)); }"
        }.joined(separator: "\n")
    }
}
