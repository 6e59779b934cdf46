import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// Max epochs holds: Play or Step pressed again after the pause at the maximum trained one more epoch
/// each time (031, 032…) while the banner said training had paused at the maximum.
@Suite struct MaxEpochsTests {
    @Test func playAndStepAtTheMaximumAreRefusedWithWhatToDo() async throws {
        try await buildApplication().test(.router) { client in
            let id = try await client.createSession(#"{"maxEpochs": 3, "networkShape": [2]}"#)
            try await client.execute(uri: "/api/sessions/\(id)/step?epochs=10", method: .post, headers: .json) {
                #expect($0.status == .ok)
                #expect($0.json()["trained"] as? Int == 3, "\($0.text)")
            }
            for action in ["step", "play", "step?epochs=5"] {
                try await client.execute(uri: "/api/sessions/\(id)/\(action)", method: .post, headers: .json) { response in
                    #expect(response.status == .unprocessableContent, "\(action): \(response.text)")
                    #expect(response.errorMessage.contains("Raise Max epochs to continue"), "\(response.errorMessage)")
                    #expect(response.errorMessage.contains("maximum of 3 epochs"), "\(response.errorMessage)")
                }
            }
            try await client.execute(uri: "/api/sessions/\(id)", method: .get) { response in
                #expect(response.json()["epoch"] as? Int == 3, "training went past Max epochs")
                #expect(response.json()["playing"] as? Bool == false)
            }
            // Raised, it goes on.
            try await client.execute(
                uri: "/api/sessions/\(id)/config", method: .put, headers: .json,
                body: ByteBuffer(string: #"{"maxEpochs": 5, "networkShape": [2]}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/sessions/\(id)/step?epochs=10", method: .post, headers: .json) {
                #expect($0.json()["trained"] as? Int == 2, "\($0.text)")
            }
        }
    }

    /// Max epochs lowered below the count while playing pauses before another epoch.
    @Test func aMaximumBelowTheCountPausesAtOnce() throws {
        var config = PlaygroundConfig()
        config.networkShape = [2]
        var engine = try PlaygroundEngine(config: config)
        _ = engine.train(epochs: 4)
        config.maxEpochs = 2
        _ = try engine.apply(config)
        let epoch = engine.epoch
        let outcome = engine.trainEpoch { true }
        #expect(engine.epoch == epoch)
        #expect(outcome.pause?.message.contains("maximum of 2 epochs") == true)
    }
}
