import Foundation
import Plotting
import Testing

// MARK: Helpers

private func isBraille(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    return (0x2801...0x28FF).contains(scalar.value)
}

/// The first `height` lines of an uncoloured rendering without title / y label are the
/// plot rows; the last `width` characters of each are the plot cells.
private func cells(of plot: TerminalPlot) -> [[Character]] {
    let lines = plot.render(colored: false).split(separator: "\n", omittingEmptySubsequences: false)
    return lines.prefix(plot.height).map { Array($0.suffix(plot.width)) }
}

private func linePlot(
    xs: [Double], ys: [Double], width: Int = 20, height: Int = 8
) -> TerminalPlot {
    var plot = TerminalPlot(width: width, height: height)
    plot.add(.init(label: "f", xs: xs, ys: ys, color: .blue))
    return plot
}

private func sigmoidPlot() -> TerminalPlot {
    let xs = (0...240).map { -6 + Double($0) * 0.05 }
    let f = xs.map { 1 / (1 + exp(-$0)) }
    var plot = TerminalPlot(width: 60, height: 14)
    plot.add(.init(label: "sigmoid", xs: xs, ys: f, color: .blue))
    plot.add(.init(label: "sigmoid′", xs: xs, ys: f.map { $0 * (1 - $0) }, color: .orange))
    return plot
}

// MARK: Ticks and formatting

@Test func niceTicksForUnitRange() {
    #expect(AxisTicks.ticks(from: 0, to: 1, maxCount: 5) == [0, 0.25, 0.5, 0.75, 1])
    #expect(AxisTicks.ticks(from: 0, to: 1, maxCount: 3) == [0, 0.5, 1])
}

@Test func niceTicksForSymmetricRangeIncludeZero() {
    let ticks = AxisTicks.ticks(from: -6, to: 6, maxCount: 5)
    #expect(ticks == [-5, -2.5, 0, 2.5, 5])
    #expect(AxisTicks.ticks(from: -6.6, to: 6.6, maxCount: 4).contains(0))
}

@Test func niceTicksForOtherRanges() {
    #expect(AxisTicks.ticks(from: -0.15, to: 3.15, maxCount: 4) == [0, 1, 2, 3])
    #expect(AxisTicks.ticks(from: 0, to: 1000, maxCount: 5) == [0, 250, 500, 750, 1000])
    let small = AxisTicks.ticks(from: -0.0125, to: 0.2625, maxCount: 4)
    #expect(small.count >= 2 && small.count <= 4)
    #expect(small.allSatisfy { (-0.0125...0.2625).contains($0) })
    #expect(AxisTicks.ticks(from: .nan, to: 1).isEmpty)
    #expect(AxisTicks.ticks(from: 2, to: 1).isEmpty)
}

@Test func compactNumberFormatting() {
    #expect(AxisTicks.format(-1) == "-1")
    #expect(AxisTicks.format(0.5) == "0.5")
    #expect(AxisTicks.format(2.5) == "2.5")
    #expect(AxisTicks.format(-0.0) == "0")
    #expect(AxisTicks.format(0.1 + 0.2) == "0.3")
    #expect(AxisTicks.format(1000) == "1000")
    #expect(AxisTicks.format(12000) == "1.2e+04")
    #expect(AxisTicks.format(1e5) == "1e+05")
    #expect(AxisTicks.format(0.00001) == "1e-05")
}

// MARK: Rendering

@Test func diagonalLightsOppositeCorners() {
    let xs = (0...100).map { Double($0) / 100 }
    let grid = cells(of: linePlot(xs: xs, ys: xs))
    #expect(grid.count == 8)
    #expect(isBraille(grid[7][0]))  // bottom-left
    #expect(isBraille(grid[0][19]))  // top-right
    #expect(!isBraille(grid[0][0]))  // top-left stays empty
    #expect(!isBraille(grid[7][19]))  // bottom-right stays empty
}

@Test func horizontalLineLightsOneRow() {
    let xs = (0...50).map { 1 + Double($0) * 0.1 }
    let grid = cells(of: linePlot(xs: xs, ys: xs.map { _ in 3 }))
    let litRows = grid.indices.filter { grid[$0].contains(where: isBraille) }
    #expect(litRows.count == 1)
    if let row = litRows.first { #expect(grid[row].allSatisfy(isBraille)) }
}

@Test func escapeSequencesOnlyWhenColored() {
    let plot = sigmoidPlot()
    #expect(!plot.render(colored: false).contains("\u{1B}"))
    #expect(plot.render(colored: true).contains("\u{1B}["))
}

@Test func nanSplitsTheLine() {
    let xs = (0..<40).map(Double.init)
    let ys = xs.map { (16...23).contains($0) ? Double.nan : 1 }
    let grid = cells(of: linePlot(xs: xs, ys: ys))
    let lit = grid.filter { $0.contains(where: isBraille) }
    #expect(lit.count == 1)
    guard let row = lit.first else { return }
    #expect(isBraille(row[0]) && isBraille(row[7]) && isBraille(row[12]) && isBraille(row[19]))
    #expect((8...11).allSatisfy { !isBraille(row[$0]) })
}

@Test func nonFiniteValuesAreSkipped() {
    let ys: [Double] = [.nan, 1, .infinity, 2, -.infinity, 3, .nan]
    let plot = linePlot(xs: (0..<7).map(Double.init), ys: ys)
    #expect(cells(of: plot).joined().contains(where: isBraille))
}

@Test func noFiniteValuesGiveAMessage() {
    let allNaN = linePlot(xs: [0, 1, 2], ys: [.nan, .infinity, .nan])
    #expect(allNaN.render(colored: true) == "(no finite values to plot)")
    #expect(TerminalPlot().render(colored: false).contains("(no finite values to plot)"))
}

@Test func plotRowsShareOneWidth() {
    let plot = sigmoidPlot()
    let lines = plot.render(colored: false).split(separator: "\n").map(\.count)
    let rowWidths = Set(lines.prefix(plot.height + 1))  // plot rows and the x axis edge
    #expect(rowWidths.count == 1)
    #expect(lines.allSatisfy { $0 <= rowWidths.first ?? 0 })
}

@Test func tinySizesAreClamped() {
    let xs = (0...20).map { Double($0) - 10 }
    let plot = linePlot(xs: xs, ys: xs.map { $0 * $0 }, width: 0, height: -3)
    let lines = plot.render(colored: false).split(separator: "\n")
    #expect(lines.count >= 4 + 2)
    #expect(Set(lines.prefix(4).map(\.count)).count == 1)
}

@Test func labelsAndTitleAppear() {
    var plot = sigmoidPlot()
    plot.title = "sigmoid"
    plot.xLabel = "x"
    plot.yLabel = "y"
    let text = plot.render(colored: false)
    #expect(text.hasPrefix(" "))
    for needle in ["sigmoid′", "━━", "-6", "6", "0.5", "┼"] { #expect(text.contains(needle)) }
    #expect(!text.contains("-0 ") && !text.contains("-0\n"))
}

// MARK: Without colour

@Test func uncolouredSeriesDifferByPatternAndKey() {
    let plot = sigmoidPlot()
    let plain = plot.render(colored: false)
    #expect(plain.contains("━━ sigmoid") && plain.contains("┈┈ sigmoid′"))
    let colored = plot.render(colored: true)
    #expect(!colored.contains("┈┈"))
}

@Test func dottedLineLightsFewerDots() {
    let xs = (0...100).map { Double($0) }
    func dots(_ plot: TerminalPlot, colored: Bool) -> Int {
        plot.render(colored: colored).unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
            .map { $0.value - 0x2800 }.reduce(0) { $0 + $1.nonzeroBitCount }
    }
    var plot = TerminalPlot(width: 40, height: 8)
    plot.add(.init(label: "base", xs: xs, ys: xs.map { _ in 0 }, color: .blue))
    plot.add(.init(label: "flat", xs: xs, ys: xs.map { _ in 1 }, color: .orange))
    #expect(dots(plot, colored: false) < dots(plot, colored: true))
}
