/// One key in a chart legend.
struct LegendEntry {
    enum Glyph {
        case line(LineStyle)
        case marker(MarkerShape)
        /// A filled marker with an outline: the train/test distinction of decision boundaries.
        case ring(test: Bool)
    }

    let label: String
    let seriesIndex: Int
    let glyph: Glyph

    static let glyphWidth = 22.0
    static let gap = 16.0

    var width: Double { Self.glyphWidth + 5 + Typography.width(label, size: Typography.legend) }
}

/// Lays legend entries out in rows under the title, and draws them.
enum Legend {
    /// Greedy rows no wider than `width`.
    static func rows(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = []
        var used = 0.0
        for entry in entries {
            let needed = (current.isEmpty ? 0 : LegendEntry.gap) + entry.width
            if !current.isEmpty, used + needed > width {
                rows.append(current)
                current = []
                used = 0
            }
            used += current.isEmpty ? entry.width : needed
            current.append(entry)
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    static func draw(_ layout: ChartLayout, into svg: inout SVGWriter) {
        guard !layout.legendRows.isEmpty else { return }
        svg.open("g", [("class", "legend"), ("font-size", px(Typography.legend))])
        let firstRowY = ChartLayout.padding + Typography.title + 8 + ChartLayout.legendRowHeight / 2
        for (rowIndex, row) in layout.legendRows.enumerated() {
            let y = firstRowY + Double(rowIndex) * ChartLayout.legendRowHeight
            var x = layout.plot.left
            for entry in row {
                drawGlyph(entry, x: x, y: y, into: &svg)
                svg.text(
                    "text",
                    [
                        ("x", px(x + LegendEntry.glyphWidth + 5)), ("y", px(y)),
                        ("dominant-baseline", "central"), ("fill", ChartTheme.light.foreground),
                    ], entry.label)
                x += entry.width + LegendEntry.gap
            }
        }
        svg.close("g")
    }

    private static func drawGlyph(_ entry: LegendEntry, x: Double, y: Double, into svg: inout SVGWriter) {
        let center = (x: x + LegendEntry.glyphWidth / 2, y: y)
        switch entry.glyph {
        case .line(let style):
            let attributes = style.attributes(seriesIndex: entry.seriesIndex, role: "legend-line")
            svg.empty(
                "line",
                [("x1", px(x)), ("y1", px(y)), ("x2", px(x + LegendEntry.glyphWidth)), ("y2", px(y))] + attributes)
        case .marker(let shape):
            shape.draw(at: center, size: 4.5, seriesIndex: entry.seriesIndex, into: &svg)
        case .ring(let test):
            Marks.point(at: center, fill: ChartTheme.seriesColor(entry.seriesIndex), test: test, into: &svg)
        }
    }
}

/// How a line is drawn: dash pattern and width. Dashes keep series apart without colour.
public enum LineStyle: Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted, dashDot

    var dashArray: String? {
        switch self {
        case .solid: nil
        case .dashed: "7 4"
        case .dotted: "2 3"
        case .dashDot: "8 3 2 3"
        }
    }

    /// Stroke attributes for series `seriesIndex` (class for theming, light colour as fallback).
    func attributes(seriesIndex: Int, role: String = "series") -> [(String, String)] {
        var pairs = [
            ("class", role + " " + ChartTheme.seriesClass(seriesIndex)),
            ("stroke", ChartTheme.seriesColor(seriesIndex)), ("stroke-width", "2"), ("fill", "none"),
        ]
        if let dashArray { pairs.append(("stroke-dasharray", dashArray)) }
        return pairs
    }
}
