/// A grid of character cells, each a 2×4 braille dot matrix, remembering which
/// series last drew into each cell.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private(set) var bits: [UInt8]
    private(set) var owner: [Int]

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bits = Array(repeating: 0, count: columns * rows)
        owner = Array(repeating: -1, count: columns * rows)
    }

    /// Braille bit for the dot at (`dx` 0...1, `dy` 0...3) inside a cell.
    static func bit(dx: Int, dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }

    /// Lights dot (`x`, `y`), with `y` counted from the top; out-of-range dots are ignored.
    mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        bits[index] |= Self.bit(dx: x % 2, dy: y % 4)
        owner[index] = series
    }

    /// Draws a connected line between two dots (Bresenham), leaving out `a` when `skipStart` (it ended
    /// the previous segment). With a `pattern` of on/off flags, a dot is lit only when the running count
    /// `step`, carried across segments, falls on an "on" flag: dotted and dashed lines.
    mutating func line(
        from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int,
        pattern: [Bool] = [true], skipStart: Bool = false, step: inout Int
    ) {
        var x = a.x
        var y = a.y
        let dx = abs(b.x - a.x)
        let dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1
        let sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        var skip = skipStart
        while true {
            if !skip {
                if pattern[step % pattern.count] { set(x: x, y: y, series: series) }
                step += 1
            }
            skip = false
            if x == b.x && y == b.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// The braille character of a cell, or `nil` when no dot is lit.
    func character(column: Int, row: Int) -> Character? {
        let value = bits[row * columns + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return nil }
        return Character(scalar)
    }

    func series(column: Int, row: Int) -> Int {
        owner[row * columns + column]
    }
}
