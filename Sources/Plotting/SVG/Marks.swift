/// Marker shapes for scatter plots; shapes differ so groups stay apart without colour.
public enum MarkerShape: Sendable, Equatable, CaseIterable {
    case circle, square, triangle, diamond, cross

    /// Draws the marker centred at `center`, `size` pixels from centre to edge.
    func draw(at center: (x: Double, y: Double), size: Double, seriesIndex: Int, into svg: inout SVGWriter) {
        let colour = [
            ("class", "marker filled " + ChartTheme.seriesClass(seriesIndex)),
            ("fill", ChartTheme.seriesColor(seriesIndex)),
        ]
        switch self {
        case .circle:
            svg.empty("circle", [("cx", px(center.x)), ("cy", px(center.y)), ("r", px(size))] + colour)
        case .square:
            let side = size * 1.7
            svg.empty(
                "rect",
                [
                    ("x", px(center.x - side / 2)), ("y", px(center.y - side / 2)),
                    ("width", px(side)), ("height", px(side)),
                ] + colour)
        case .triangle:
            polygon([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)], center: center, size: size, colour: colour, into: &svg)
        case .diamond:
            polygon([(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)], center: center, size: size, colour: colour, into: &svg)
        case .cross:
            let d = size * 0.95
            let path =
                "M\(px(center.x - d)),\(px(center.y - d))L\(px(center.x + d)),\(px(center.y + d))"
                + "M\(px(center.x - d)),\(px(center.y + d))L\(px(center.x + d)),\(px(center.y - d))"
            svg.empty(
                "path",
                [
                    ("class", "marker " + ChartTheme.seriesClass(seriesIndex)), ("d", path),
                    ("stroke", ChartTheme.seriesColor(seriesIndex)), ("stroke-width", "2"), ("fill", "none"),
                ])
        }
    }

    private func polygon(
        _ unit: [(Double, Double)], center: (x: Double, y: Double), size: Double,
        colour: [(String, String)], into svg: inout SVGWriter
    ) {
        let points = unit.map { "\(px(center.x + $0.0 * size)),\(px(center.y + $0.1 * size))" }
        svg.empty("polygon", [("points", points.joined(separator: " "))] + colour)
    }
}

/// Data points on a decision boundary, drawn as TensorFlow Playground draws them:
/// a filled circle, outlined in the background colour for training data and in the text colour for test data.
enum Marks {
    static let pointRadius = 4.0

    static func point(at center: (x: Double, y: Double), fill: String, test: Bool, into svg: inout SVGWriter) {
        let ring = test ? ("test-ring", ChartTheme.light.foreground, "1.6") : ("ring", ChartTheme.light.background, "1")
        svg.empty(
            "circle",
            [
                ("class", "point " + ring.0 + (test ? " test" : " train")),
                ("cx", px(center.x)), ("cy", px(center.y)), ("r", px(pointRadius)),
                ("fill", fill), ("stroke", ring.1), ("stroke-width", ring.2),
            ])
    }
}
