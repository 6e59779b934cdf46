/// A matrix of `Float`s, row by row (a layer's weights or their gradients, inputs × units).
///
/// In JSON it is nested arrays, one per row. In the page's binary frame (``BinaryFrame``) its values
/// follow the JSON header with the grids, as little-endian 32-bit floats row by row, and the header
/// says where: `{"rows": R, "columns": C, "floats": OFFSET}`. As JSON numbers the 16×16 preset's
/// weights and gradients were four fifths of a frame's header, and most of its encoding time.
public struct FloatRows: Encodable, Sendable, Equatable {
    /// The rows; every one has the same length.
    public var rows: [[Float]]

    /// The matrix of `rows` (every row as long as the first).
    public init(_ rows: [[Float]]) { self.rows = rows }

    private enum CodingKeys: String, CodingKey { case rows, columns, floats }

    /// Nested arrays, or in a binary frame the values' place in its body.
    public func encode(to encoder: any Encoder) throws {
        guard let sink = encoder.userInfo[GridSink.key] as? GridSink else {
            var container = encoder.singleValueContainer()
            try container.encode(rows)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * rows.reduce(0) { $0 + $1.count })
        for row in rows {
            for value in row { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows.count, forKey: .rows)
        try container.encode(rows.first?.count ?? 0, forKey: .columns)
        try container.encode(sink.append(bytes), forKey: .floats)
    }
}
