import Foundation

/// The hidden unit the page shows big (the one under the pointer): its grid is sent at 100×100, the
/// others as thumbnails.
public struct Focus: Sendable, Equatable {
    /// The hidden layer, counted from 0.
    public var layer: Int
    /// The unit within the layer, counted from 0.
    public var unit: Int

    /// The unit `unit` of hidden layer `layer`, both counted from 0.
    public init(layer: Int, unit: Int) { (self.layer, self.unit) = (layer, unit) }

    /// `"LAYER,UNIT"` (hidden layer and unit, counted from 0); nil for nil or "".
    public init?(parsing text: String?) throws(PlaygroundError) {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let layer = parts[0], let unit = parts[1], (0...999).contains(layer),
            (0...999).contains(unit)
        else {
            throw .bad(
                "focus must be LAYER,UNIT (two whole numbers 0…999, a hidden layer and a unit counted from 0), got '\(text.prefix(40))'"
            )
        }
        self.init(layer: layer, unit: unit)
    }
}

/// What the page shows that decides what a pulled frame holds: the unit under the pointer (sent at
/// full size) and whether the linear-collapse panel is on screen. The collapse's maps (the collapsed
/// network's output over the grid, compared with the network's) took a sixth of a frame's build on the
/// 16×16 preset (`Scripts/playground/profile-frames`), for a panel that is usually scrolled out of view.
struct Shown: Sendable, Equatable {
    /// The hidden unit under the pointer, if any.
    var focus: Focus?
    /// Whether the frame carries the linear collapse's maps and their largest difference.
    var collapse: Bool

    /// The unit `focus` at full size; the collapse's maps unless `collapse` is false.
    init(focus: Focus? = nil, collapse: Bool = true) { (self.focus, self.collapse) = (focus, collapse) }

    /// Everything: no unit at full size, and the collapse's maps (the JSON routes' frames).
    static let everything = Shown()
}

/// The page's frame: what `GET /api/sessions/:id/frame` and the frame socket (`/api/sessions/:id/socket`) answer, built to stay small.
///
///     bytes 0..<4    n, the header's length (UInt32, little-endian)
///     bytes 4..<4+n  the header, UTF-8 JSON: {"number": N, "frame": <Frame>}
///     the rest       the grids' bytes, one after another
///
/// In the header each grid is `{"size", "lower", "upper", "offset"}` (its size² bytes start at
/// `offset` in the rest) or `{"same": true}`: unchanged since the frame the request acknowledged, at
/// the same place (such as `frame.grids.hidden.0.3`). A layer's `weights` and `weightGradients` are
/// `{"rows", "columns", "floats"}` (``FloatRows``: rows × columns little-endian `Float`s at `floats` in
/// the rest). Everything else is as in the JSON frame.
public enum BinaryFrame {
    /// The header: the frame and its number, which the next request acknowledges.
    struct Header: Encodable {
        var number: Int
        var frame: Frame
    }

    /// The encoded frame, and its grids by place (the base of the next frame's delta).
    static func encode(_ frame: Frame, number: Int, previous: [String: EncodedGrid]) -> (
        bytes: [UInt8], grids: [String: EncodedGrid]
    ) {
        let sink = GridSink(previous: previous)
        let header = JSONBody.encode(Header(number: number, frame: frame), userInfo: [GridSink.key: sink])
        let count = UInt32(header.count)
        let length = (0..<4).map { UInt8(truncatingIfNeeded: count >> (8 * $0)) }
        return (length + header + sink.body, sink.current)
    }
}

/// What the session keeps of the frame `pull` sent last (see ``PlaygroundSession/pull(after:shown:wait:interval:)``).
struct PullBase: Sendable {
    var number: Int
    var cursor: StreamCursor
    var grids: [String: EncodedGrid]
}

/// The frame `pull` sent last, as the flags hold it: enough to see at once whether a new one is due.
struct PullMark: Sendable {
    var number: Int
    var version: Int
    var shown: Shown
    /// Whether the session was playing: a frame that shows Play or Pause taking effect is not paced.
    var playing: Bool

    /// Whether a page that has this frame, asking for `asked`, has what it asks for: the same frame,
    /// state and focus, and the collapse's maps if it asks for them (a page that stops showing the
    /// collapse panel needs no new frame for that).
    func satisfies(_ asked: PullMark) -> Bool {
        number == asked.number && version == asked.version && playing == asked.playing
            && shown.focus == asked.shown.focus && (shown.collapse || !asked.shown.collapse)
    }
}
