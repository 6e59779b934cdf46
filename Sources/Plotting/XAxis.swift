extension PlotFrame {
    enum Alignment { case leading, trailing, center }

    /// The bottom frame edge with tick marks, and the x tick labels (ends and middle).
    func xAxisRows() -> [String] {
        let columns = canvas.columns
        let middle = x.lo / 2 + x.hi / 2
        let ticks = [
            (column: 0, value: x.lo, align: Alignment.leading),
            (column: columns - 1, value: x.hi, align: .trailing),
            (column: x.index(middle, count: canvas.dotWidth) / 2, value: middle, align: .center),
        ]
        var edge = Array(repeating: Character("─"), count: columns)
        var labels = Array(repeating: Character(" "), count: columns)
        for tick in ticks {
            let text = Array(AxisTicks.format(tick.value, relativeTo: x.span))
            if Self.place(text, at: tick.column, align: tick.align, in: &labels) {
                edge[tick.column] = "┬"
            }
        }
        var labelRow = String(labels)
        while labelRow.last == " " { labelRow.removeLast() }
        let indent = String(repeating: " ", count: margin + 1)
        return [indent + "└" + String(edge), indent + " " + labelRow]
    }

    /// Writes `text` aligned to `column` if it fits in the row and keeps one blank
    /// between it and any label already placed; returns whether it was placed.
    private static func place(
        _ text: [Character], at column: Int, align: Alignment, in row: inout [Character]
    ) -> Bool {
        let start: Int
        switch align {
        case .leading: start = column
        case .trailing: start = column - text.count + 1
        case .center: start = column - text.count / 2
        }
        let end = start + text.count  // exclusive
        guard start >= 0, end <= row.count else { return false }
        let guardBand = max(start - 1, 0)..<min(end + 1, row.count)
        guard guardBand.allSatisfy({ row[$0] == " " }) else { return false }
        row.replaceSubrange(start..<end, with: text)
        return true
    }
}
