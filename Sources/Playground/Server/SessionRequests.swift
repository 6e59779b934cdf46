import ActivationFunctions
import Foundation
import Hummingbird
import HummingbirdCore

/// One weight (or a bias, when `from` is absent) set by hand.
struct WeightEdit: Decodable {
    let layer: Int
    /// The input index; absent for the unit's bias.
    let from: Int?
    let to: Int
    let value: Double

    enum CodingKeys: String, ClosedKeys { case layer, from, to, value }

    init(from decoder: any Decoder) throws {
        try CodingKeys.refuseOthers(in: decoder, what: "a weight edit")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        (layer, from, to, value) = (
            try c.decode(Int.self, forKey: .layer), try c.decodeIfPresent(Int.self, forKey: .from),
            try c.decode(Int.self, forKey: .to), try c.decode(Double.self, forKey: .value)
        )
    }
}

/// One clicked point, or an array of them (a shared link restores its points in one request).
struct AddedPoints: Decodable {
    let points: [AddedPoint]

    init(from decoder: any Decoder) throws {
        if (try? decoder.unkeyedContainer()) != nil {
            points = try [AddedPoint](from: decoder)
        } else {
            points = [try AddedPoint(from: decoder)]
        }
    }
}

/// Query parameters, read strictly: a value that is there but unreadable is a 400, never a default.
enum Query {
    /// Refuses a query key `route` does not read (`step?epoch=50` trained the default 1 epoch, and
    /// `csv?headers=true` read the header line as data), naming the keys it takes and the closest.
    static func only(_ keys: [String], _ request: Request, for route: String) throws(PlaygroundError) {
        try only(keys, request.uri, for: route)
    }

    /// `only(_:_:for:)` for the query of `uri`.
    static func only(_ keys: [String], _ uri: URI, for route: String) throws(PlaygroundError) {
        guard let unknown = uri.queryParameters.first(where: { !keys.contains(String($0.key)) }) else { return }
        let name = String(unknown.key)
        let takes = keys.isEmpty ? "takes no query parameters" : "takes only \(keys.joined(separator: ", "))"
        let near = Activations.closest(to: name, among: keys, limit: 2).first.map { "; did you mean \($0)?" } ?? ""
        throw .bad("\(route) \(takes), not '\(NumberText.excerpt(name, limit: 40))'\(near)")
    }

    /// The one value of `name`; nil when absent; a 400 when it is given twice (the first was taken
    /// and the other dropped: `step?epochs=1&epochs=1000` trained 1 epoch).
    static func single(_ name: String, _ request: Request) throws(PlaygroundError) -> String? {
        try single(name, request.uri)
    }

    /// The one value of `name` in the query of `uri` (a request's, or a frame socket's request).
    static func single(_ name: String, _ uri: URI) throws(PlaygroundError) -> String? {
        let values = uri.queryParameters.getAll(name)
        guard values.count <= 1 else { throw .bad("\(name) is given \(values.count) times; give it once") }
        return values.first.map { String($0) }
    }

    /// `name` as an integer in `range`; nil when absent.
    static func integer(_ name: String, _ request: Request, in range: ClosedRange<Int>) throws(PlaygroundError) -> Int?
    {
        try integer(name, request.uri, in: range)
    }

    /// `name` in the query of `uri` as an integer in `range`; nil when absent.
    static func integer(_ name: String, _ uri: URI, in range: ClosedRange<Int>) throws(PlaygroundError) -> Int? {
        guard let text = try single(name, uri) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .bad("\(name) must be a whole number \(range.lowerBound)…\(range.upperBound), got '\(text.prefix(40))'")
        }
        return value
    }

    /// `name` as true or false (`true`/`1`, `false`/`0`); false when absent (`header=yes` was read as false).
    static func flag(_ name: String, _ request: Request) throws(PlaygroundError) -> Bool {
        guard let text = try single(name, request) else { return false }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .bad("\(name) must be true or false, got '\(text.prefix(40))'")
        }
    }

    /// The `seed` parameter: a whole number 0…2⁶⁴−1; a random one when absent.
    static func seed(_ request: Request) throws(PlaygroundError) -> UInt64 {
        guard let text = try single("seed", request) else { return UInt64.random(in: 1...999_999) }
        guard let seed = UInt64(text) else {
            throw .bad("seed must be a whole number 0…\(UInt64.max), got '\(text.prefix(40))'")  // the echo bounded
        }
        return seed
    }
}

/// The point limit, checked on the raw upload before any parsing: one point per non-empty line.
enum UploadLimit {
    static func check(csv text: String, maxPoints: Int) throws(PlaygroundError) {
        var lines = 0
        var blank = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !blank { lines += 1 }
                blank = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                blank = false
            }
        }
        if !blank { lines += 1 }
        // One line may be a header.
        guard lines <= maxPoints + 1 else {
            throw PlaygroundError(
                .tooLarge, "the file has \(lines) lines; the playground takes at most \(maxPoints) points")
        }
    }
}
