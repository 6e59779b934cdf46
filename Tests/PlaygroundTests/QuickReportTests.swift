import Foundation
import Testing

@testable import Playground

@Suite("QuickReport", .timeLimit(.minutes(2)))
struct QuickReportTests {
    /// Each stopped server left its report (5 MB) in the temporary folder.
    @Test("the quick report's folder goes with the report")
    func folderIsRemoved() async throws {
        var report: QuickReport? = QuickReport(ids: ["linear-constant-gradient"])
        _ = report!.start()
        while report!.current.phase == .running { try await Task.sleep(for: .milliseconds(50)) }
        #expect(report!.current.phase == .done, "\(report!.current)")
        let folder = try #require(report!.directory)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        report = nil
        // The run's thread may hold the report a moment longer than its last status change.
        for _ in 0..<250 where FileManager.default.fileExists(atPath: folder.path) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

@Suite("the Experiments tab says its verdicts are quick-run verdicts")
struct ExperimentsTabQuickLabelTests {
    @Test("before the run, the page says the quick report's verdicts are quick-run verdicts")
    func label() {
        let page = ExperimentsPage.html(total: 15)
        #expect(
            page.contains(
                "Its verdicts are quick-run verdicts</strong> (smaller data and nets, fewer epochs; the full run is the reference"
            ))
    }
}
