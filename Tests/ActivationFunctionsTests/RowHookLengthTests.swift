import ActivationFunctions
import Testing

/// `forwardRow` and `backwardRow` are the hooks behind the checked `forward(_:)` and `backward(_:_:)`,
/// and they are public. Called directly with a length the function refuses, glu dropped the last entry
/// of an odd row and maxout a partial group (a wrong answer without a word), and a short `dy` was read
/// past its end. They now stop the program with a message, which these exit tests watch.
@Suite("Row hooks called directly with a refused length")
struct RowHookLengthTests {
    @Test("glu's forwardRow with an odd row stops, not drops an entry")
    func gluOddRow() async {
        await #expect(processExitsWith: .failure) {
            guard case .row(let glu) = try Activations.make("glu") else { return }
            _ = glu.forwardRow([1, 2, 3])
        }
    }

    @Test("maxout's forwardRow with a partial group stops")
    func maxoutPartialGroup() async {
        await #expect(processExitsWith: .failure) {
            guard case .row(let maxout) = try Activations.make("maxout") else { return }
            _ = maxout.forwardRow([1, 2, 3])
        }
    }

    @Test("softmax's backwardRow with a short dy stops, with the lengths in its message")
    func softmaxShortGradient() async {
        await #expect(processExitsWith: .failure) {
            guard case .row(let softmax) = try Activations.make("softmax") else { return }
            _ = softmax.backwardRow([1, 2, 3], [1])
        }
    }

    @Test("the checked forms throw for the same lengths, and the hooks take the right ones")
    func checkedForms() throws {
        guard case .row(let glu) = try Activations.make("glu") else { Issue.record("glu is not a row function"); return }
        #expect(throws: ActivationError.self) { try glu.forward([1, 2, 3] as [Double]) }
        #expect(glu.forwardRow([1, 0]).count == 1)
    }
}
