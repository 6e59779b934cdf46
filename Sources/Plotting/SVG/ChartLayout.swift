import Foundation

/// Text sizes and an estimate of rendered text width (no font metrics are available offline).
enum Typography {
    static let title = 14.0
    static let label = 13.0
    static let tick = 12.0
    static let legend = 12.0

    static let smallest = 9.0

    /// A generous estimate of the width of `text` in a proportional sans-serif font.
    static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text` at `size`, or smaller (down to 9 px) so that it fits in `available` pixels; if even that is
    /// too wide, shortened with an ellipsis.
    static func fit(_ text: String, size: Double, available: Double) -> (text: String, size: Double) {
        let needed = width(text, size: size)
        guard needed > available else { return (text, size) }
        let scaled = size * available / needed
        if scaled >= smallest { return (text, scaled.rounded(.down)) }
        let keep = max(1, Int(available / (smallest * 0.6)) - 1)
        return (String(text.prefix(keep)) + "…", smallest)
    }
}

/// The rectangle that data is drawn in, and the margins around it.
struct PlotArea {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }
}

/// Where title, legend, axis labels and the plot area go in a chart of `width` × `height` pixels.
struct ChartLayout {
    static let padding = 10.0
    static let legendRowHeight = 18.0
    static let defaultWidth = 400.0

    let width: Double
    let height: Double
    let legendRows: [[LegendEntry]]
    let plot: PlotArea

    /// - Parameters:
    ///   - yTickWidth: the widest y tick label, in pixels.
    ///   - rightMargin: room on the right (e.g. for a colour bar).
    init(width: Double, height: Double, legend: [LegendEntry], yTickWidth: Double, rightMargin: Double = 16) {
        self.width = width
        self.height = height
        let left = Self.padding + Typography.label + 8 + yTickWidth + 6
        // The legend starts at the plot's left edge and may run to the right padding.
        legendRows = Legend.rows(legend, width: width - left - Self.padding)
        let top = Self.padding + Typography.title + 8 + Double(legendRows.count) * Self.legendRowHeight + 6
        let bottom = height - Self.padding - Typography.label - 6 - Typography.tick - 6
        plot = PlotArea(left: left, top: top, right: width - rightMargin, bottom: max(bottom, top + 40))
    }

    /// A sensible tick count for an axis `length` pixels long, one tick per `spacing` pixels.
    static func tickCount(length: Double, spacing: Double) -> Int {
        min(8, max(2, Int(length / spacing)))
    }
}
