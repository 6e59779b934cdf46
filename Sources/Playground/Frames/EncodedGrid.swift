import Foundation

/// A `size`² grid of values, row by row from the top, quantised to one byte per cell between `lower`
/// and `upper` (value = lower + byte/255·(upper − lower); non-finite values count as 0).
///
/// In JSON (`GET /api/sessions/:id`, the event stream) the bytes are base64 in `data`. In the page's
/// binary frame (``BinaryFrame``) they follow the JSON header and `offset` says where; a grid equal to
/// the one at the same place in the frame the page acknowledged is sent as `{"same": true}`.
public struct EncodedGrid: Encodable, Sendable, Equatable {
    /// Cells per side; the grid has `size`² cells.
    public var size: Int
    /// The value byte 0 stands for: the smallest finite value of the grid (0 if none).
    public var lower: Double
    /// The value byte 255 stands for: the largest finite value (equal to `lower` for a flat grid, whose bytes are all
    /// 0).
    public var upper: Double
    /// One byte per cell, `size`² of them.
    public var bytes: [UInt8]

    init(_ values: [Double], size: Int) {
        var (lower, upper) = (Double.infinity, -Double.infinity)
        for v in values where v.isFinite { (lower, upper) = (min(lower, v), max(upper, v)) }
        if lower > upper { (lower, upper) = (0, 0) }  // no finite value
        let scale = upper - lower > 1e-12 ? 255 / (upper - lower) : 0
        bytes = [UInt8](unsafeUninitializedCapacity: values.count) { out, count in
            for (i, v) in values.enumerated() { out[i] = Self.byte(((v.isFinite ? v : 0) - lower) * scale) }
            count = values.count
        }
        (self.size, self.lower, self.upper) = (size, lower, upper)
    }

    /// `v` rounded half away from zero and clamped to 0...255, as `max(0, min(255, v.rounded()))`
    /// (NaN, from ∞ · 0 when the grid's span overflows, gives 255 as there). Without `rounded()`, which
    /// on baseline x86-64 (no SSE4.1) is a call to the C library per cell: with one pass for the
    /// bounds instead of three, a grid takes half the time it did (2.5 against 5.5 ns a cell). For
    /// 0 ≤ c ≤ 255 the fraction c − ⌊c⌋ is exact.
    @inline(__always)
    static func byte(_ v: Double) -> UInt8 {
        let c = v < 255 ? (v > 0 ? v : 0) : 255
        let whole = Int32(c)
        return UInt8(truncatingIfNeeded: whole &+ (c - Double(whole) >= 0.5 ? 1 : 0))
    }

    /// The bytes as base64, as JSON carries them.
    public var data: String { Data(bytes).base64EncodedString() }

    private enum CodingKeys: String, CodingKey { case size, lower, upper, data, offset, same }

    /// Writes `size`, `lower`, `upper`, and the bytes: base64 in `data`, or, in a binary frame, their `offset` after
    /// the header, or `{"same": true}` when unchanged since the acknowledged frame.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        guard let sink = encoder.userInfo[GridSink.key] as? GridSink else {
            try encodeBounds(&container)
            try container.encode(data, forKey: .data)
            return
        }
        let path = GridSink.path(encoder.codingPath)
        if sink.previous[path] == self {
            try container.encode(true, forKey: .same)
        } else {
            try encodeBounds(&container)
            try container.encode(sink.append(bytes), forKey: .offset)
        }
        sink.current[path] = self
    }

    private func encodeBounds(_ container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(size, forKey: .size)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
    }

    /// The grid shrunk by `factor` on each side, each block of factor² cells averaged
    /// (`size` must be a multiple of `factor`).
    static func shrunk(_ values: [Double], size: Int, by factor: Int) -> (values: [Double], size: Int) {
        let small = size / factor
        var result = [Double](repeating: 0, count: small * small)
        for row in 0..<size {
            for column in 0..<size {
                result[(row / factor) * small + column / factor] += values[row * size + column]
            }
        }
        let cells = Double(factor * factor)
        return (result.map { $0 / cells }, small)
    }

    /// The same grid at half the resolution (2×2 blocks averaged).
    static func halved(_ values: [Double], size: Int) -> (values: [Double], size: Int) {
        shrunk(values, size: size, by: 2)
    }
}

/// Where a binary frame's grids go while its header is encoded: their bytes, one after another, and
/// what the page already has (the acknowledged frame's grids by their place in the frame, such as
/// `frame.grids.hidden.0.3`), so that an unchanged grid is not sent again.
final class GridSink: @unchecked Sendable {  // used by one encoder on one thread
    static let key = CodingUserInfoKey(rawValue: "playground.gridSink")!

    let previous: [String: EncodedGrid]
    /// This frame's grids by place: the next frame's `previous`.
    var current: [String: EncodedGrid] = [:]
    private(set) var body: [UInt8] = []

    init(previous: [String: EncodedGrid]) { self.previous = previous }

    /// Appends `bytes` to the body and returns their offset.
    func append(_ bytes: [UInt8]) -> Int {
        defer { body += bytes }
        return body.count
    }

    /// A coding path as the page writes it: keys and array indices joined by dots.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
