import Testing

@testable import Lab

/// Text the Lab prints for people: durations, and where in the article an experiment's claims stand.
@Suite("lab text")
struct LabTextTests {
    @Test("durations read as people say them, not as 5e+02 s")
    func durations() {
        let cases: [(Double, String)] = [
            (0.41, "0.41 s"), (0.004, "0.004 s"), (3.2, "3.2 s"), (42, "42 s"), (59.7, "1 min"),
            (500, "8 min 20 s"), (1391, "23 min 11 s"), (3900, "1 h 5 min"), (.nan, "–"), (-1, "–"),
        ]
        for (seconds, text) in cases { #expect(Format.duration(seconds) == text, "\(seconds)") }
    }

    @Test("an experiment's source is its claims' sections and lines, in the article's order")
    func source() {
        #expect(ArticleClaims.source(of: [6]) == "step section, line 55")
        #expect(ArticleClaims.source(of: [5, 4]) == "step section, lines 51, 53")
        #expect(ArticleClaims.source(of: [14, 19]) == "sigmoid section, lines 97–99; tanh section, line 111")
        #expect(ArticleClaims.source(of: [17, 18]) == "tanh section, line 111")
        #expect(GradedOutputs().info.source == "step section, line 55")
    }
}
