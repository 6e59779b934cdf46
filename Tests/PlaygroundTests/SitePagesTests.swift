import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Playground

/// The pages around the playground share one header; the favicon exists; the Experiments tab offers a
/// run instead of naming a folder; and the chart starts at epoch 0.
@Suite struct SitePagesTests {
    @Test func everyPageHasTheSharedHeaderWithItsTabMarked() async throws {
        try await buildApplication().test(.router) { client in
            for (uri, current) in [("/", "Playground"), ("/gallery", "Gallery"), ("/experiments/", "Experiments")] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = response.text
                    #expect(page.contains("<header class=\"top site\">"), "\(uri)")
                    #expect(
                        page.contains(
                            "aria-current=\"page\" href=\"\(SiteHeader.path(SiteHeader.Tab(rawValue: current)!))\">\(current)</a>"
                        ), "\(uri)")
                    #expect(
                        page.contains("id=\"theme\"") && page.contains("/static/theme.js")
                            && page.contains("/static/header.css"), "\(uri)")
                    #expect(!page.contains("<!--site-header-->"), "\(uri)")
                }
            }
        }
    }

    @Test func theFaviconIsAnIcon() async throws {
        try await buildApplication().test(.router) { client in
            try await client.execute(uri: "/favicon.ico", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/x-icon")
                // ICONDIR: reserved 0, type 1 (icon).
                #expect(Array(response.body.readableBytesView.prefix(4)) == [0, 0, 1, 0])
            }
        }
    }

    @Test func theExperimentsTabOffersTheQuickRunAndNamesNoFolder() async throws {
        var configuration = PlaygroundServerConfiguration()
        configuration.experimentsDirectory = URL(fileURLWithPath: "/nonexistent/report-folder")
        try await buildApplication(configuration).test(.router) { client in
            try await client.execute(uri: "/experiments/", method: .get) { response in
                #expect(response.text.contains("Run the quick experiments"))
                #expect(!response.text.contains("/nonexistent/report-folder"))
            }
            try await client.execute(uri: "/api/experiments/status", method: .get) { response in
                #expect(response.json()["phase"] as? String == "idle")
                #expect((response.json()["total"] as? Int ?? 0) > 0)
            }
        }
    }

    /// With every weight and bias 0 the tanh output is 0 everywhere, so the loss ½(o − t)² of ±1 targets is
    /// exactly ½ on both sets: the epoch-0 record is the initial weights' loss.
    @Test func theChartStartsWithTheInitialWeightsLossAtEpochZero() throws {
        var config = PlaygroundConfig()
        config.initializer = .zeros
        var engine = try PlaygroundEngine(config: config)
        let first = try #require(engine.chartRecords.first)
        #expect(engine.chartRecords.count == 1 && first.epoch == 0)
        #expect(first.trainLoss == 0.5 && first.testLoss == 0.5)
        _ = engine.train(epochs: 2)
        #expect(engine.chartRecords.map(\.epoch) == [1, 2])
    }
}
