import ActivationFunctions
import PropertyBased
import Testing

/// The number reader every input path uses (`NumberText`): never a crash, never a value read from
/// part of the text, and every Double read back exactly from its description.
@Suite("Fuzz: the number reader", .timeLimit(.minutes(1)))
struct NumberReaderFuzzTests {
    @Test("random text: a value only for text with no hidden character, and the same as Double's")
    func randomText() async {
        await propertyCheck(count: 3000, input: Fuzz.numberText) { text in
            let value = NumberText.parse(text, as: Double.self)
            if let value {
                #expect(NumberText.hiddenCharacter(in: text) == nil, "read \(value) from \(NumberText.visible(text))")
                #expect(value.bitPattern == Double(text)!.bitPattern || (value.isNaN && Double(text)!.isNaN))
            }
            #expect(!NumberText.visible(text).unicodeScalars.contains { $0 == "\u{0}" || $0 == "\u{FEFF}" })
        }
    }

    @Test("every Double but a signaling NaN reads back exactly; anything after a NUL byte makes it no number")
    func roundTrip() async {
        let doubles = Gen.int(in: Int.min...Int.max).map { Double(bitPattern: UInt64(bitPattern: Int64($0))) }
        await propertyCheck(count: 3000, input: doubles, Fuzz.tails) { value, tail in
            let text = "\(value)"
            let read = NumberText.parse(text, as: Double.self)
            if value.isSignalingNaN {
                // Swift writes a signaling NaN with a payload as "snan(0x…)" and its own reader refuses
                // that text (measured: 493 of 2,000,000 random bit patterns); no other number may come out.
                #expect(read == nil || read!.isNaN, "\(text)")
            } else {
                #expect(read?.bitPattern == value.bitPattern || (value.isNaN && read?.isNaN == true), "\(text)")
            }
            #expect(NumberText.parse(text + "\u{0}" + tail, as: Double.self) == nil, "\(text)\\0\(tail)")
            #expect(NumberText.parse(text + "\u{0}" + tail, as: Float.self) == nil)
        }
    }
}
