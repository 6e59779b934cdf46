import Testing

@testable import Lab

/// Chart captions are written from the numbers they caption, not fixed in the code.
@Suite("captions from the data")
struct CaptionTests {
    @Test("sigmoid-extremes: the histogram's caption says where the mass is, from the outputs")
    func histogram() {
        let middle =
            [Double](repeating: 0.5, count: 70) + [Double](repeating: 0.02, count: 15)
            + [Double](repeating: 0.97, count: 15)
        let caption = SigmoidExtremes.histogramCaption(middle)
        #expect(caption.contains("15.0% below 0.1") && caption.contains("70.0% between"))
        #expect(caption.contains("15.0% above 0.9") && caption.contains("not at the ends"))
        #expect(!caption.contains("piles up at both ends"))
        let ends = [Double](repeating: 0.01, count: 45) + [Double](repeating: 0.99, count: 45) + [0.5]
        #expect(SigmoidExtremes.histogramCaption(ends).contains("most of the mass is in the outer tenths"))
        #expect(SigmoidExtremes.histogram(middle).caption == caption)
    }

    @Test("universal-approximation: the error chart's caption quotes the errors and what is within tolerance")
    func errors() {
        let caption = UniversalApproximation.errorCaption([[0.5, 0.02], [0.763, 0.01], [0.3, 0.05]], [2, 32])
        #expect(caption.contains("|x| 0.763 → 0.01") && caption.contains("sin x 0.5 → 0.02"))
        #expect(caption.contains("no target is within the 0.1 tolerance"))
        #expect(!caption.contains("already fitted"))
        let some = UniversalApproximation.errorCaption([[0.5, 0.02], [0.003, 0.01], [0.3, 0.05]], [2, 32])
        #expect(some.contains("within the 0.1 tolerance: |x|; not within it: sin x, step(x)"))
        #expect(
            UniversalApproximation.errorChart([[0.5, 0.02], [0.763, 0.01], [0.3, 0.05]], [2, 32]).caption == caption)
    }

    @Test(
        "linear-collapse: the depth chart's caption quotes the accuracies and says whether a linear net beat the line")
    func depth() {
        var runs = LinearCollapse.Runs2D()
        runs.bestLine = 0.6
        runs.accuracies = [(0.55, 0.5), (0.59, 0.5), (0.6, 0.5), (0.9, 0.9), (0.92, 0.9), (0.97, 0.95)]
        let caption = LinearCollapse.depthCaption(runs, depths: [0, 1, 3])
        #expect(caption.contains("55.0%–60.0%, none above the best straight line's 60.0%") && caption.contains("97.0%"))
        runs.accuracies[1] = (0.8, 0.8)
        #expect(
            LinearCollapse.depthCaption(runs, depths: [0, 1, 3]).contains(
                "the best, 80.0%, above the best straight line's"))
    }

    @Test("relu-sparsity and vanishing-gradient captions quote the numbers measured")
    func sparsityAndGradients() {
        let zeros: [String: [[Double]]] = [
            "relu": [[0.3, 0.5], [0.45, 0.5]], "sigmoid": [[0, 0], [0, 0]], "tanh": [[0.01, 0], [0, 0]],
        ]
        #expect(
            ReLUSparsity.chart([16, 64], zeros).caption
                == "Exact zeros in layer 1 at widths 16–64 (first seed): ReLU 30.0%–45.0%, sigmoid 0.0%, tanh 0.0%–1.0%."
        )
        let flat = VanishingGradient.Profile(
            id: "tanh", gradients: [Double](repeating: 1, count: 10), movement: [Double](repeating: 2, count: 10))
        let chart = VanishingGradient.gradientChart([flat])
        #expect(chart.caption.contains("tanh 1×") && chart.caption.contains("layer 1 over layer 10: tanh 1."))
        #expect(VanishingGradient.movementChart([flat]).caption.contains("tanh 1×"))
    }

    @Test("activation-growth: the layer chart's caption quotes the first and last layer of each activation")
    func growth() {
        let caption = ActivationGrowth.chart([[0.9, 0.99, 1], [2, 20, 200]], draws: 16).caption
        #expect(
            caption.contains("tanh 0.9 at layer 1, 1 at layer 3")
                && caption.contains("ReLU 2 at layer 1, 200 at layer 3"))
        #expect(!caption.contains("keeps growing"))
    }
}
