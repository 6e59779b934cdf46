/// Path data for a polyline through pixel points; `nil` points (non-finite data) break the line.
public enum SVGPath {
    static func polyline(_ points: [(x: Double, y: Double)?]) -> String {
        var data = ""
        var penDown = false
        for point in points {
            guard let point else { penDown = false; continue }
            data += (penDown ? "L" : "M") + px(point.x) + "," + px(point.y)
            penDown = true
        }
        return data
    }

    /// The points of path data written by `polyline(_:)`, one array per subpath (for tests and tools).
    public static func subpaths(of data: String) -> [[(x: Double, y: Double)]] {
        var result: [[(x: Double, y: Double)]] = []
        var number = ""
        var pending: [Double] = []
        func flush() {
            if let value = Double(number) { pending.append(value) }
            number = ""
            if pending.count == 2, !result.isEmpty {
                result[result.count - 1].append((pending[0], pending[1]))
                pending = []
            }
        }
        for character in data {
            switch character {
            case "M": flush(); result.append([])
            case "L", ",", " ": flush()
            default: number.append(character)
            }
        }
        flush()
        return result
    }
}
