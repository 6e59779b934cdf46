import Foundation
import HummingbirdTesting
import Testing

@testable import Playground

/// What the end-to-end test needs: headless Chromium, its driver, and Python with selenium
/// (`PLAYGROUND_E2E_PYTHON`, else Scripts/.venv/bin/python). `.ci/run` installs all three.
enum BrowserSetup {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let python: String? = {
        let chosen = ProcessInfo.processInfo.environment["PLAYGROUND_E2E_PYTHON"]
        let candidate = chosen ?? root.appendingPathComponent("Scripts/.venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: candidate), run(candidate, ["-c", "import selenium"]) == 0
        else { return nil }
        return candidate
    }()

    static let missing: [String] = {
        var missing: [String] = []
        if which("chromium") == nil && ProcessInfo.processInfo.environment["CHROMIUM"] == nil {
            missing.append("chromium")
        }
        if which("chromedriver") == nil { missing.append("chromedriver (apt-get install chromium-driver)") }
        if python == nil {
            missing.append(
                "Python with selenium (python3 -m venv Scripts/.venv && Scripts/.venv/bin/pip install selenium)")
        }
        return missing
    }()

    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite(.serialized) struct BrowserEndToEndTests {
    /// Starts the server on a free port, opens the page in headless Chromium, presses play, checks
    /// that the epoch counter advances and the loss falls on circle with tanh, switches to the
    /// dying-ReLU preset, checks that dead units appear, and saves screenshots into
    /// .build-screenshots/playground/.
    @Test(
        .enabled(
            if: BrowserSetup.missing.isEmpty,
            "needs chromium, chromedriver and Python with selenium; .ci/run installs them, and this test is skipped without them"
        ),
        .timeLimit(.minutes(5)))
    func playTheCircleThenWatchReLUsDie() async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.port = 0
        let screenshots = BrowserSetup.root.appendingPathComponent(".build-screenshots/playground").path
        try await buildApplication(configuration).test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await Self.script(["http://127.0.0.1:\(port)/", screenshots])
            #expect(status == 0, "\(output)")
            #expect(output.contains("\"ok\": true"), "\(output)")
        }
    }

    /// The page in a teacher's hands: import round trip, the NaN guard's message, a new URL hash, the
    /// weight editor, CSV warnings, the preset note, the classroom link (Scripts/playground/playground-e2e-teacher.py).
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func teacherFlows() async throws {
        try await Self.runAgainstServer("playground-e2e-teacher.py")
    }

    /// A teacher's second round of defects, one check each (Scripts/playground/playground-e2e-classroom.py).
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func classroomRoundTwo() async throws {
        try await Self.runAgainstServer("playground-e2e-classroom.py")
    }

    /// Layout, menus, labels, narrow windows, the gallery and experiments pages, the favicon
    /// (Scripts/playground/playground-e2e-layout.py); it saves the README's screenshots into .build-screenshots/readme.
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func layoutAndPages() async throws {
        try await Self.runAgainstServer(
            "playground-e2e-layout.py", BrowserSetup.root.appendingPathComponent(".build-screenshots/readme").path)
    }

    /// The Experiments tab on a fresh server: Run shows the quick experiments' progress, then the report
    /// (Scripts/playground/playground-e2e-experiments.py). Two fast deterministic experiments, so that a debug build
    /// finishes in seconds (all fifteen took over 15 minutes in a debug build on a busy machine).
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func quickExperimentsFromTheTab() async throws {
        try await Self.runAgainstServer("playground-e2e-experiments.py", "4") {
            $0.quickExperiments = ["linear-constant-gradient", "sigmoid-steep-middle"]
        }
    }

    /// The network's links as the page rasterises them (links.js) look like the canvas's own strokes of the
    /// same curves (Scripts/playground/links-check: no more different than those strokes moved a quarter pixel).
    @Test(
        .enabled(if: BrowserSetup.missing.isEmpty, "needs chromium, chromedriver and Python with selenium"),
        .timeLimit(.minutes(5)))
    func linksLookLikeCanvasStrokes() async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.port = 0
        try await buildApplication(configuration).test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await Self.script(
                ["--url", "http://127.0.0.1:\(port)/", "--seconds", "2", "--repeats", "3"], file: "links-check")
            #expect(status == 0, "\(output)")
            #expect(output.contains("\"ok\": true"), "\(output)")
        }
    }

    static func runAgainstServer(
        _ file: String, _ extra: String...,
        configure: (inout PlaygroundServerConfiguration) -> Void = { _ in }
    ) async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        try await buildApplication(configuration).test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await script(["http://127.0.0.1:\(port)/"] + extra, file: file)
            #expect(status == 0, "\(output)")
            #expect(output.contains("\"ok\": true"), "\(output)")
        }
    }

    /// Runs a script of Scripts/playground/ (playground-e2e.py unless named) on a thread of its own, so the server keeps every concurrency thread.
    static func script(_ arguments: [String], file: String = "playground-e2e.py") async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: BrowserSetup.python!)
                process.arguments =
                    [BrowserSetup.root.appendingPathComponent("Scripts/playground/\(file)").path] + arguments
                let pipe = Pipe()
                (process.standardOutput, process.standardError) = (pipe, pipe)
                do { try process.run() } catch { return continuation.resume(throwing: error) }
                let output = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self)))
            }
        }
    }
}
