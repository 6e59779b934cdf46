import Testing

@testable import NeuralNet

@Suite("Digits (bundled UCI data)")
struct DigitsTests {
    @Test("1,797 images of 64 pixels in 17 levels scaled to [0, 1], ten classes with the published counts")
    func shape() throws {
        let data = try Datasets.named("digits").generate(seed: 1)
        #expect(data.count == 1797 && data.inputs.columns == 64 && data.classNames.count == 10)
        #expect(Set(data.inputs.storage).isSubset(of: Set((0...16).map { Double($0) / 16 })))
        guard case .classes(let labels, let names) = data.labels else {
            Issue.record("digits is a classification set"); return
        }
        #expect(names == (0...9).map(String.init))
        // Class sizes of the UCI optical digits test part, as scikit-learn documents them (load_digits).
        let counts = (0...9).map { digit in labels.filter { names[$0] == String(digit) }.count }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }

    @Test("a count picks that many images by the seed; more images than bundled is a clear error")
    func sampling() throws {
        let generator = try Datasets.named("digits")
        let a = try generator.generate(count: 300, seed: 4)
        let b = try generator.generate(count: 300, seed: 4)
        #expect(a.count == 300 && a.inputs == b.inputs)
        #expect(try generator.generate(count: 300, seed: 5).inputs != a.inputs)
        #expect(throws: NeuralNetError.self) { try generator.generate(count: 1798, seed: 1) }
        do {
            _ = try generator.generate(count: 5000, seed: 1)
        } catch {
            #expect("\(error)".contains("at most 1797"))
        }
    }
}
