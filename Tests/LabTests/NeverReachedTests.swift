import Testing

@testable import Lab

/// A run that never reaches 90% within its budget is known only to need more than the budget: it is never
/// averaged as if it had reached it at budget + 1.
@Suite("runs that never reach the target")
struct NeverReachedTests {
    typealias Pair = EpochGap.Pair

    @Test("sigmoid-or-tanh's case: sigmoid never reaches 90% on two of three datasets: the mean gap is 'at least'")
    func lowerBound() {
        let gap = EpochGap(
            budget: 60,
            pairs: [
                Pair(name: "circle", first: nil, second: 20), Pair(name: "moons", first: 30, second: 25),
                Pair(name: "digits", first: nil, second: 40),
            ])
        #expect(gap.bounds.lower == (41.0 + 5 + 21) / 3 && gap.bounds.upper == .infinity)
        #expect(gap.value == gap.bounds.lower)
        let text = gap.describe("sigmoid", "tanh")
        #expect(
            text.hasPrefix(
                "tanh reaches 90% at least 22.3 epochs sooner than sigmoid on average over circle, moons, digits"))
        #expect(text.contains("sigmoid never reached 90% within 60 epochs on circle, digits"))
    }

    @Test("a gap whose sign the misses leave open is not measured (NaN), and says so")
    func straddles() {
        // ReLU 10 epochs sooner where both reached; ReLU never reached 90% on xor, where sigmoid took 18 of 20:
        // the mean of ReLU − sigmoid is at least (−10 + 3) / 2, with no upper bound.
        let gap = EpochGap(
            budget: 20,
            pairs: [Pair(name: "circle", first: 2, second: 12), Pair(name: "xor", first: nil, second: 18)])
        #expect(gap.bounds.lower == -3.5 && gap.bounds.upper == .infinity)
        #expect(gap.value.isNaN)
        #expect(gap.describe("ReLU", "sigmoid").hasPrefix("not measured"))
        #expect(!gap.describe("ReLU", "sigmoid").contains("more epochs"))
        // Where the misses all fall on one side, the sign is known: sigmoid at least 5 epochs later.
        let known = EpochGap(
            budget: 20,
            pairs: [Pair(name: "circle", first: 6, second: 10), Pair(name: "xor", first: 15, second: nil)])
        #expect(known.value == -5)
        #expect(known.describe("ReLU", "sigmoid").hasPrefix("sigmoid reaches 90% at least 5 epochs later than ReLU"))
    }

    @Test("exact gaps stay exact; a negative one reads 'later', not '−4.6 more'; problems neither solved are left out")
    func exactAndLeftOut() {
        let gap = EpochGap(
            budget: 20,
            pairs: [
                Pair(name: "xor", first: 5, second: 10), Pair(name: "moons", first: 3, second: 7),
                Pair(name: "spiral", first: nil, second: nil),
            ])
        #expect(gap.value == -4.5 && gap.bounds.lower == gap.bounds.upper)
        let text = gap.describe("ReLU", "sigmoid")
        #expect(text.hasPrefix("sigmoid reaches 90% 4.5 epochs later than ReLU on average over xor, moons"))
        #expect(text.contains("left out: spiral, where neither reached 90%") && !text.contains("at least"))
        #expect(EpochGap(budget: 20, pairs: [Pair(name: "spiral", first: nil, second: nil)]).value.isNaN)
    }

    @Test(
        "choosing's case: spiral, which nothing solved, is left out; a single activation's misses make its total a bound"
    )
    func saving() {
        // sigmoid, tanh, relu on xor, circle, spiral.
        let saving = EpochSaving(
            budget: 20, names: ["xor", "circle", "spiral"],
            epochs: [[10, nil, nil], [5, 12, nil], [8, 6, nil]])
        #expect(saving.leftOut == ["spiral"] && saving.chosen == 5 + 6)
        #expect(saving.totals == [10 + 21, 5 + 12, 8 + 6])
        #expect(saving.bounds.lower == 1 - 11.0 / 14 && saving.bounds.upper == 1 - 11.0 / 14)
        let text = saving.describe(ids: ["sigmoid", "tanh", "relu"], threshold: 0.1)
        #expect(text.contains("per-problem choice 11 epochs in all over xor, circle; best single activation relu 14"))
        #expect(text.contains("left out: spiral") && text.contains("sigmoid never reached 90%"))
        // The best single activation missed a problem: its total is a lower bound, and so is the share saved.
        let bounded = EpochSaving(budget: 20, names: ["a", "b"], epochs: [[2, nil], [10, 10]])
        #expect(bounded.chosen == 12 && bounded.bounds.lower == 1 - 12.0 / 20 && bounded.bounds.upper == 1 - 12.0 / 20)
        // The lowest total is a bound (22 or more) and the exact one is 39: saved between 9% and 49%, unknown
        // against 10%.
        let open = EpochSaving(budget: 20, names: ["a", "b"], epochs: [[1, nil], [20, 19]])
        #expect(open.bounds.lower == 1 - 20.0 / 22 && open.bounds.upper == 1 - 20.0 / 39)
        #expect(
            open.value(threshold: 0.1).isNaN && open.describe(ids: ["x", "y"], threshold: 0.1).contains("not measured"))
        #expect(EpochSaving(budget: 20, names: ["s"], epochs: [[nil], [nil]]).value(threshold: 0.1).isNaN)
    }
}
