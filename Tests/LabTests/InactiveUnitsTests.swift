import NeuralNet
import Testing

@testable import Lab

/// "Inactive" comes from the activation's own derivative, not from the sign of the weighted sum.
@Suite("dying-relu: inactive from the activation's own slope")
struct InactiveUnitsTests {
    static let settings = ExperimentSettings(seed: 1, quick: true)

    static func data() throws -> Dataset {
        try Runs.data("moons", count: 160, noise: 0.1, seed: settings.seed(1))
    }

    @Test("the identity (slope 1 everywhere) is never inactive, however many sums are ≤ 0")
    func identity() throws {
        for condition in DyingReLU.conditions {
            let run = try InactiveUnits.train("identity", condition, try Self.data(), Self.settings)
            #expect(
                run.inactive.allSatisfy { $0 == 0 } && run.inactiveHalfway == 0, "\(condition.tag): \(run.inactive)")
            #expect(run.recovered == nil)
        }
    }

    @Test("ReLU under a bias start of −1 has units with slope 0 on every input: dead")
    func relu() throws {
        let run = try InactiveUnits.train("relu", DyingReLU.conditions[1], try Self.data(), Self.settings)
        #expect((run.inactive.first ?? 0) > 0)
    }

    @Test("maxout, whose slopes belong to pieces, is refused with a reason")
    func maxout() throws {
        #expect(throws: InactiveUnits.NoPerUnitSlopes.self) {
            try InactiveUnits.train("maxout", DyingReLU.conditions[0], try Self.data(), Self.settings)
        }
    }
}
