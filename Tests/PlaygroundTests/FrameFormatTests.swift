import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// The page's binary frames (`GET /api/sessions/:id/frame`), read here by a decoder written from the
/// format's description (BinaryFrame, and the Playground article), not from the encoder.
@Suite struct FrameFormatTests {
    /// A binary frame taken apart: the header's JSON and the bytes after it.
    struct Decoded {
        var header: [String: Any]
        var body: [UInt8]
        var frame: [String: Any] { header["frame"] as? [String: Any] ?? [:] }
        var number: Int { header["number"] as? Int ?? -1 }
        var grids: [String: Any] { frame["grids"] as? [String: Any] ?? [:] }
        var hidden: [[[String: Any]]] { grids["hidden"] as? [[[String: Any]]] ?? [] }

        init(_ bytes: [UInt8]) throws {
            try #require(bytes.count >= 4)
            let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
            try #require(4 + length <= bytes.count)
            header = try #require(JSONSerialization.jsonObject(with: Data(bytes[4..<4 + length])) as? [String: Any])
            body = Array(bytes[(4 + length)...])
        }

        /// The bytes of a grid sent in full.
        func bytes(_ grid: [String: Any]) -> [UInt8]? {
            guard let offset = grid["offset"] as? Int, let size = grid["size"] as? Int,
                offset + size * size <= body.count
            else { return nil }
            return Array(body[offset..<offset + size * size])
        }

        /// A layer's weights or gradients sent as floats: rows × columns little-endian Float32s at `floats`.
        func floats(_ matrix: Any?) -> [[Float]]? {
            guard let m = matrix as? [String: Any], let rows = m["rows"] as? Int, let columns = m["columns"] as? Int,
                let offset = m["floats"] as? Int, offset >= 0, offset + 4 * rows * columns <= body.count
            else { return nil }
            return (0..<rows).map { r in
                (0..<columns).map { c in
                    let at = offset + 4 * (r * columns + c)
                    let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(body[at + $1]) << (8 * $1) }
                    return Float(bitPattern: bits)
                }
            }
        }

        /// Every layer's weights and gradients, as floats.
        var matrices: [[[Float]]?] {
            let layers = (frame["network"] as? [String: Any])?["layers"] as? [[String: Any]] ?? []
            return layers.flatMap { [floats($0["weights"]), floats($0["weightGradients"])] }
        }

        /// The body's length the header accounts for: every grid sent whole, and the floats.
        var describedBytes: Int {
            allGrids.compactMap { $0["size"] as? Int }.map { $0 * $0 }.reduce(0, +)
                + 4 * matrices.map { ($0 ?? []).reduce(0) { $0 + $1.count } }.reduce(0, +)
        }

        /// Every grid of the frame with its place: inputs, hidden units, output, collapse.
        var allGrids: [[String: Any]] {
            let lists = [grids["inputs"], grids["output"], (frame["collapse"] as? [String: Any])?["output"]]
            return hidden.flatMap { $0 } + lists.compactMap { $0 as? [[String: Any]] }.flatMap { $0 }
        }
    }

    static func pull(_ client: some TestClientProtocol, _ id: String, _ query: String = "") async throws -> (
        HTTPResponse.Status, Decoded?
    ) {
        try await client.execute(uri: "/api/sessions/\(id)/frame?wait=0\(query)", method: .get) { response in
            guard response.status == .ok else { return (response.status, nil) }
            #expect(response.headers[.contentType] == "application/octet-stream")
            return (response.status, try Decoded(Array(response.body.readableBytesView)))
        }
    }

    @Test func wholeFrameMatchesTheJSONFrame() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"networkShape": [4, 3]}"#)
            let (status, first) = try await Self.pull(client, id)
            let frame = try #require(first, "\(status)")
            #expect(frame.number == 1)
            #expect(frame.hidden.map { $0.map { $0["size"] as? Int } } == [[25, 25, 25, 25], [25, 25, 25]])
            #expect(frame.allGrids.allSatisfy { frame.bytes($0) != nil }, "every grid of a first frame is sent whole")
            #expect(frame.matrices.count == 6 && frame.matrices.allSatisfy { $0 != nil }, "weights and gradients as floats")
            #expect(frame.body.count == frame.describedBytes)
            #expect(frame.frame["points"] is [String: Any] && frame.grids["inputs"] is [Any])
            try await client.execute(uri: "/api/sessions/\(id)", method: .get) { response in
                let layers = (response.json()["network"] as? [String: Any])?["layers"] as? [[String: Any]] ?? []
                let jsonMatrices = layers.flatMap { layer in
                    ["weights", "weightGradients"].map { key in
                        (layer[key] as? [[Any]])?.map { $0.map { Float(($0 as? NSNumber)?.doubleValue ?? .nan) } }
                    }
                }
                #expect(jsonMatrices.count == 6 && jsonMatrices == frame.matrices, "the same weights and gradients as JSON")
                let json = response.json()["grids"] as? [String: Any]
                let output = (json?["output"] as? [[String: Any]])?.first?["data"] as? String
                let binary = (frame.grids["output"] as? [[String: Any]])?.first
                #expect(
                    Data(base64Encoded: output ?? "").map(Array.init) == binary.flatMap(frame.bytes),
                    "the same grid in both encodings")
            }
        }
    }

    @Test func deltasSendOnlyWhatChanged() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"networkShape": [4, 3]}"#)
            let first = try #require(try await Self.pull(client, id).1)
            #expect(try await Self.pull(client, id, "&after=1").0 == .noContent, "nothing changed: nothing to send")
            let focused = try #require(try await Self.pull(client, id, "&after=1&focus=0,1").1)
            #expect(
                focused.number == 2 && focused.frame["points"] == nil && focused.grids["inputs"] == nil,
                "points and inputs only when the data change")
            let sent = focused.allGrids.filter { $0["same"] == nil }
            #expect(
                sent.count == 1 && sent.first?["size"] as? Int == 100, "only the focused unit, at full size: \(sent)")
            #expect(focused.hidden[0][1]["size"] as? Int == 100)
            Self.expectThumbnail(of: focused, focused.hidden[0][1], is: first.hidden[0][1], in: first)
            #expect(try await client.step(id, toEpoch: 2) == 2)
            let stepped = try #require(try await Self.pull(client, id, "&after=2&focus=0,1").1)
            #expect(
                (stepped.frame["records"] as? [[String: Any]])?.compactMap { $0["epoch"] as? Int }.filter { $0 > 0 }
                    == [1, 2])
            #expect(stepped.allGrids.filter { $0["same"] == nil }.count > 0, "training changed the pictures")
            let lost = try #require(try await Self.pull(client, id, "&after=1").1)
            #expect(
                lost.allGrids.allSatisfy { $0["same"] == nil } && lost.frame["points"] is [String: Any],
                "acknowledging an older frame gets a whole one")
        }
    }

    /// `collapse=0` (the page's collapse panel out of view) leaves the collapse's maps and difference out;
    /// asking for them again, with nothing else changed, is news (the page scrolled to the panel while
    /// paused) and they come whole; no longer asking for them is not.
    @Test func theCollapseMapsOnlyWhileThePanelIsShown() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"networkShape": [4, 3], "activations": ["identity"]}"#)
            let collapse = { (d: Decoded) in d.frame["collapse"] as? [String: Any] ?? [:] }
            let hidden = try #require(try await Self.pull(client, id, "&collapse=0").1)
            #expect(collapse(hidden)["output"] == nil && collapse(hidden)["maxDifference"] == nil)
            #expect((collapse(hidden)["matrix"] as? [[Double]])?.count == 2, "M is still sent: one row per input")
            #expect(hidden.body.count == hidden.describedBytes)
            #expect(try await Self.pull(client, id, "&after=1&collapse=0").0 == .noContent)
            let shown = try #require(try await Self.pull(client, id, "&after=1&collapse=1").1)
            let maps = try #require(collapse(shown)["output"] as? [[String: Any]])
            #expect(maps.count == 1 && maps.allSatisfy { shown.bytes($0)?.count == 2500 }, "whole 50×50 maps: \(maps)")
            #expect(collapse(shown)["maxDifference"] is Double)
            #expect(try await Self.pull(client, id, "&after=2").0 == .noContent, "collapse=1 is the default")
            #expect(try await Self.pull(client, id, "&after=2&collapse=0").0 == .noContent, "dropping the maps is no news")
            for value in ["2", "01", "+1", "-0", "", String(repeating: "9", count: 2000)] {
                try await client.execute(uri: "/api/sessions/\(id)/frame?collapse=\(value)", method: .get) { response in
                    #expect(response.status == .badRequest && response.errorMessage.contains("collapse"), "collapse=\(value.prefix(9))")
                    #expect(response.errorMessage.count < 100)
                }
            }
        }
    }

    /// The thumbnail is the full grid averaged in 4×4 blocks, up to the two quantisations.
    static func expectThumbnail(of full: Decoded, _ big: [String: Any], is thumb: [String: Any], in small: Decoded) {
        let values = { (d: Decoded, g: [String: Any]) -> [Double] in
            let (lower, upper) = (g["lower"] as? Double ?? 0, g["upper"] as? Double ?? 0)
            return (d.bytes(g) ?? []).map { lower + Double($0) / 255 * (upper - lower) }
        }
        let (fine, coarse) = (values(full, big), values(small, thumb))
        guard fine.count == 10_000, coarse.count == 625 else {
            Issue.record("sizes \(fine.count), \(coarse.count)"); return
        }
        let step =
            ((big["upper"] as? Double ?? 0) - (big["lower"] as? Double ?? 0)) / 255
            + ((thumb["upper"] as? Double ?? 0) - (thumb["lower"] as? Double ?? 0)) / 255
        for cell in 0..<625 {
            let (row, column) = (cell / 25, cell % 25)
            let block = (0..<16).map { fine[(4 * row + $0 / 4) * 100 + 4 * column + $0 % 4] }.reduce(0, +) / 16
            #expect(abs(block - coarse[cell]) <= step, "cell \(cell)")
        }
    }

    @Test func refusesABadFocusAndEchoesPlayAndPause() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession("{}")
            try await client.execute(uri: "/api/sessions/\(id)/frame?focus=1;2", method: .get) { response in
                #expect(response.status == .badRequest && response.errorMessage.contains("focus must be LAYER,UNIT"))
            }
            try await client.execute(uri: "/api/sessions/\(id)/frame?after=-1", method: .get) {
                #expect($0.status == .badRequest)
            }
            let long = String(repeating: "9", count: 2000)
            try await client.execute(uri: "/api/sessions/\(id)/frame?after=\(long)", method: .get) { response in
                #expect(response.status == .badRequest && response.errorMessage.count < 120, "the value is not echoed whole")
            }
            let first = try #require(try await Self.pull(client, id).1)
            #expect(first.frame["playing"] as? Bool == false)
            try await client.execute(uri: "/api/sessions/\(id)/play", method: .post, headers: .json) {
                #expect($0.json()["playing"] as? Bool == true)
            }
            let playing = try #require(try await Self.pull(client, id, "&after=1").1)
            #expect(playing.frame["playing"] as? Bool == true)
            try await client.execute(uri: "/api/sessions/\(id)/pause", method: .post, headers: .json) {
                #expect($0.json()["playing"] as? Bool == false)
            }
            let paused = try #require(try await Self.pull(client, id, "&after=2").1)
            #expect(paused.frame["playing"] as? Bool == false)
        }
    }

    /// However far the page falls behind, a frame carries a bounded number of records: evenly spaced
    /// over the epochs it missed, the newest always among them.
    @Test func aLaggingPageGetsBoundedRecords() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"networkShape": [2]}"#)
            let first = try #require(try await Self.pull(client, id).1)
            var trainedSoFar = 0  // a step trains for at most 5 s: a loaded debug build needs several
            for _ in 0..<40 where trainedSoFar <= 2 * PlaygroundSession.maxDeltaRecords {
                try await client.execute(uri: "/api/sessions/\(id)/step?epochs=100", method: .post, headers: .json) {
                    response in
                    trainedSoFar = response.json()["epoch"] as? Int ?? trainedSoFar
                }
            }
            let behind = try #require(try await Self.pull(client, id, "&after=\(first.number)").1)
            let epochs = (behind.frame["records"] as? [[String: Any]] ?? []).compactMap { $0["epoch"] as? Int }
            let trained = try #require(behind.frame["epoch"] as? Int)
            #expect(trained > PlaygroundSession.maxDeltaRecords, "the step trained \(trained) epochs")
            #expect(
                epochs.count == PlaygroundSession.maxDeltaRecords && epochs.first == 1 && epochs.last == trained,
                "\(epochs)")
            #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }, "in order: \(epochs)")
            let gaps = zip(epochs, epochs.dropFirst()).map { $1 - $0 }
            #expect(gaps.max()! - gaps.min()! <= 1, "evenly spaced: \(gaps)")
        }
    }
}
