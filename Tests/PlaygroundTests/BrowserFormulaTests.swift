import Testing

extension BrowserEndToEndTests {
    /// "Your own…" (issue 15): the formula field's parse error with its caret, f′ and the plot, training
    /// with a formula, reloads, a per-layer formula, Export and Import, the classroom link
    /// (Scripts/playground/playground-e2e-formula.py); it saves the field's screenshot into .build-screenshots/playground.
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func yourOwnFormula() async throws {
        try await Self.runAgainstServer(
            "playground-e2e-formula.py", BrowserSetup.root.appendingPathComponent(".build-screenshots/playground").path)
    }
}
