/// The finite data range shown along one axis, mapping values to dot indices.
struct AxisBounds {
    let lo: Double
    let hi: Double

    /// `lo...hi` widened by `padding` × span on each side (±10 % or ±1 when the span is 0).
    init(lo: Double, hi: Double, padding: Double) {
        let half = hi / 2 - lo / 2  // halved so that huge ranges cannot overflow
        let pad = half > 0 ? half * (2 * padding) : (lo == 0 ? 1 : abs(lo) * 0.1)
        let limit = Double.greatestFiniteMagnitude
        self.lo = max(lo - pad, -limit)
        self.hi = min(hi + pad, limit)
    }

    var span: Double { hi - lo }

    func contains(_ value: Double) -> Bool { lo <= value && value <= hi }

    /// Index of `value` among `count` evenly spaced positions from `lo` (0) to `hi` (count - 1).
    func index(_ value: Double, count: Int) -> Int {
        let position = (value / 2 - lo / 2) / (hi / 2 - lo / 2) * Double(count - 1)
        guard position.isFinite else { return 0 }
        return Int(min(max(position.rounded(), 0), Double(count - 1)))
    }
}

/// Everything needed to lay out one rendering: scaled data on a braille canvas plus axes.
struct PlotFrame {
    enum Style: Equatable {
        case plain, axis
        case color(TerminalColor)
    }

    let canvas: BrailleCanvas
    let colors: [TerminalColor]
    let x: AxisBounds
    let y: AxisBounds
    let tickLabels: [Int: String]
    let margin: Int
    let zeroRow: Int?
    let zeroColumn: Int?

    /// `nil` when no series has a single finite sample.
    /// Lines after the first are dotted or dashed when `patterned`, so they differ without colour.
    init?(series: [TerminalPlot.Series], columns: Int, rows: Int, patterned: Bool = false) {
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = finite.first else { return nil }
        let xs = finite.map(\.x)
        let ys = finite.map(\.y)
        x = AxisBounds(lo: xs.min() ?? first.x, hi: xs.max() ?? first.x, padding: 0)
        y = AxisBounds(lo: ys.min() ?? first.y, hi: ys.max() ?? first.y, padding: 0.05)
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        for (index, item) in series.enumerated() {
            let pattern = patterned ? TerminalPlot.pattern(index) : [true]
            Self.draw(item, index: index, pattern: pattern, on: &canvas, x: x, y: y)
        }
        self.canvas = canvas
        colors = series.map(\.color)
        tickLabels = Self.tickLabels(y: y, canvas: canvas)
        margin = max(1, tickLabels.values.map(\.count).max() ?? 1)
        zeroRow = y.contains(0) ? Self.cellRow(of: 0, y: y, canvas: canvas) : nil
        zeroColumn = x.contains(0) ? x.index(0, count: canvas.dotWidth) / 2 : nil
    }

    private static func cellRow(of value: Double, y: AxisBounds, canvas: BrailleCanvas) -> Int {
        (canvas.dotHeight - 1 - y.index(value, count: canvas.dotHeight)) / 4
    }

    private static func draw(
        _ series: TerminalPlot.Series, index: Int, pattern: [Bool], on canvas: inout BrailleCanvas,
        x: AxisBounds, y: AxisBounds
    ) {
        var previous: (x: Int, y: Int)?
        var step = 0
        for point in series.points {
            guard point.x.isFinite, point.y.isFinite else { previous = nil; continue }
            let dot = (
                x: x.index(point.x, count: canvas.dotWidth),
                y: canvas.dotHeight - 1 - y.index(point.y, count: canvas.dotHeight)
            )
            if let previous, previous == dot { continue }
            canvas.line(
                from: previous ?? dot, to: dot, series: index, pattern: pattern,
                skipStart: previous != nil, step: &step)
            previous = dot
        }
    }

    private static func tickLabels(y: AxisBounds, canvas: BrailleCanvas) -> [Int: String] {
        let maxCount = min(5, max(2, canvas.rows / 3))
        var labels: [Int: String] = [:]
        for tick in AxisTicks.ticks(from: y.lo, to: y.hi, maxCount: maxCount) {
            let row = cellRow(of: tick, y: y, canvas: canvas)
            if labels[row] == nil { labels[row] = AxisTicks.format(tick, relativeTo: y.span) }
        }
        return labels
    }

    // MARK: Text

    /// The `rows` chart lines: right-aligned tick label, frame edge, then one cell per column.
    func plotRows(colored: Bool) -> [String] {
        (0..<canvas.rows).map { row in
            let label = tickLabels[row] ?? ""
            let edge: Character = label.isEmpty ? "│" : (row == zeroRow ? "┼" : "┤")
            let prefix = String(repeating: " ", count: margin - label.count) + label + " "
            let cells = (0..<canvas.columns).map { cell(column: $0, row: row) }
            return prefix + Self.join([(edge, .plain)] + cells, colored: colored)
        }
    }

    private func cell(column: Int, row: Int) -> (Character, Style) {
        if let dots = canvas.character(column: column, row: row) {
            return (dots, .color(colors[canvas.series(column: column, row: row)]))
        }
        switch (row == zeroRow, column == zeroColumn) {
        case (true, true): return ("┼", .axis)
        case (true, false): return ("─", .axis)
        case (false, true): return ("│", .axis)
        case (false, false): return (" ", .plain)
        }
    }

    /// Concatenates styled characters; blanks never switch style, so runs share one escape.
    static func join(_ cells: [(Character, Style)], colored: Bool) -> String {
        var text = ""
        var current = Style.plain
        for (character, style) in cells {
            if colored, character != " ", style != current {
                if current != .plain { text += TerminalColor.resetANSI }
                text += escape(for: style)
                current = style
            }
            text.append(character)
        }
        if colored, current != .plain { text += TerminalColor.resetANSI }
        return text
    }

    private static func escape(for style: Style) -> String {
        switch style {
        case .plain: return ""
        case .axis: return TerminalColor.axisANSI
        case .color(let color): return color.ansi
        }
    }
}
