import ActivationFunctions
import Testing

/// `Statistics.median`, the one median the benchmarks, the training timings and the experiments use,
/// against values worked out by hand.
@Suite("Statistics")
struct StatisticsTests {
    @Test("odd and even counts, unsorted input, no values")
    func median() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([-1, 5]) == 2)
        #expect(Statistics.median([Double]()).isNaN)
    }

    @Test("NaN sorts last instead of scrambling the order")
    func nan() {
        #expect(Statistics.median([.nan, 1, 2]) == 2)
        #expect(Statistics.median([3, .nan, 1, 2, 5]) == 3)
    }
}
