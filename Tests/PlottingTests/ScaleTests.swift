import Foundation
import Plotting
import Testing

@Suite("scales")
struct ScaleTests {
    @Test("a linear scale maps the domain's ends to the pixel ends and back")
    func linearEnds() {
        let x = LinearScale(domain: -6...6, pixels: (50, 350))
        #expect(x.position(of: -6) == 50)
        #expect(x.position(of: 6) == 350)
        #expect(x.position(of: 0) == 200)
        #expect(abs(x.value(at: 275) - 3) < 1e-12)
        let y = LinearScale(domain: 0...1, pixels: (250, 50))  // pixel y grows downwards
        #expect(y.position(of: 1) == 50)
        #expect(y.position(of: 0.25) == 200)
        #expect(y.position(of: .nan) == nil)
    }

    @Test("a degenerate linear domain is widened, not divided by zero")
    func degenerate() {
        let scale = LinearScale(domain: 3...3, pixels: (0, 100))
        #expect(scale.domain == 2...4)
        #expect(scale.position(of: 3) == 50)
    }

    @Test("linear ticks are the shared nice ticks")
    func linearTicks() {
        let scale = LinearScale(domain: -6...6, pixels: (0, 400))
        #expect(scale.ticks(maxCount: 5) == AxisTicks.ticks(from: -6, to: 6, maxCount: 5))
        #expect(scale.label(4e-17) == "0")
    }

    @Test("a log scale spaces decades evenly and has no place for zero or negatives")
    func logPositions() throws {
        let scale = LogScale(domain: 1e-6...1, pixels: (300, 0))
        let positions = try [1e-6, 1e-4, 1e-2, 1].map { try #require(scale.position(of: $0)) }
        #expect(abs(positions[0] - 300) < 1e-9 && abs(positions[3]) < 1e-9)
        #expect(abs((positions[0] - positions[1]) - (positions[1] - positions[2])) < 1e-9)
        #expect(scale.position(of: 0) == nil && scale.position(of: -1) == nil)
        #expect(abs(scale.value(at: 150) - 1e-3) < 1e-15)
    }

    @Test("log ticks: powers of ten, thinned to the count; 1-2-5 within a short range")
    func logTicks() {
        let wide = LogScale(domain: 1e-6...1, pixels: (300, 0))
        #expect(wide.ticks(maxCount: 8) == [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1])
        #expect(wide.ticks(maxCount: 4) == [1e-6, 1e-4, 1e-2, 1])
        let short = LogScale(domain: 1...50, pixels: (300, 0))
        #expect(short.ticks(maxCount: 8) == [1, 2, 5, 10, 20, 50])
        #expect(LogScale.decades(around: 0.003, 0.2) == 0.001...1)
    }

    @Test("log labels read alike: plain within 0.01…1000, powers of ten beyond")
    func logLabels() {
        #expect(LogScale(domain: 1e-6...1, pixels: (1, 0)).label(1e-4) == "10⁻⁴")
        #expect(LogScale(domain: 1e-6...1, pixels: (1, 0)).label(1) == "10⁰")
        #expect(LogScale(domain: 1e-6...1, pixels: (1, 0)).label(2e-5) == "2×10⁻⁵")
        #expect(LogScale(domain: 0.1...10, pixels: (1, 0)).label(0.5) == "0.5")
    }
}
