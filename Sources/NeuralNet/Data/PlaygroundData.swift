import RealModule

/// TensorFlow Playground's six generators (src/dataset.ts), formula for formula, drawing from a
/// seeded generator. Class 1 is its +1 (blue), class 0 its −1 (orange). `noise` is in [0, 0.5].
enum PlaygroundData {
    static let classNames = ["-1", "+1"]

    static func circle(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let radius = 5.0
        var points: [[Double]] = []
        var labels: [Int] = []
        for index in 0..<count {
            let inner = index < count / 2
            let r = inner ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius)
            let angle = rng.uniform(0, 2 * .pi)
            let (x, y) = (r * Double.sin(angle), r * Double.cos(angle))
            let (nx, ny) = (rng.uniform(-radius, radius) * noise, rng.uniform(-radius, radius) * noise)
            points.append([x, y])
            labels.append(((x + nx) * (x + nx) + (y + ny) * (y + ny)).squareRoot() < radius * 0.5 ? 1 : 0)
        }
        return make(points, labels)
    }

    static func xor(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let padding = 0.3
        var points: [[Double]] = []
        var labels: [Int] = []
        for _ in 0..<count {
            var x = rng.uniform(-5, 5)
            var y = rng.uniform(-5, 5)
            x += x > 0 ? padding : -padding
            y += y > 0 ? padding : -padding
            let (nx, ny) = (rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise)
            points.append([x, y])
            labels.append((x + nx) * (y + ny) >= 0 ? 1 : 0)
        }
        return make(points, labels)
    }

    static func gauss(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let variance = 0.5 + (4 - 0.5) * (noise / 0.5)  // noise [0, 0.5] → variance [0.5, 4]
        var points: [[Double]] = []
        var labels: [Int] = []
        for (centre, label) in [(2.0, 1), (-2.0, 0)] {
            for _ in 0..<(count / 2) {
                points.append([
                    rng.normal(mean: centre, standardDeviation: variance.squareRoot()),
                    rng.normal(mean: centre, standardDeviation: variance.squareRoot()),
                ])
                labels.append(label)
            }
        }
        return make(points, labels)
    }

    static func spiral(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let n = count / 2
        var points: [[Double]] = []
        var labels: [Int] = []
        for (delta, label) in [(0.0, 1), (Double.pi, 0)] {
            for i in 0..<n {
                let r = Double(i) / Double(n) * 5
                let t = 1.75 * Double(i) / Double(n) * 2 * .pi + delta
                points.append([
                    r * Double.sin(t) + rng.uniform(-1, 1) * noise,
                    r * Double.cos(t) + rng.uniform(-1, 1) * noise,
                ])
                labels.append(label)
            }
        }
        return make(points, labels)
    }

    static func regressionPlane(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var points: [[Double]] = []
        var values: [Double] = []
        for _ in 0..<count {
            let x = rng.uniform(-6, 6)
            let y = rng.uniform(-6, 6)
            let (nx, ny) = (rng.uniform(-6, 6) * noise, rng.uniform(-6, 6) * noise)
            points.append([x, y])
            values.append((x + nx + y + ny) / 10)
        }
        return make(points, values)
    }

    static let bumps: [(x: Double, y: Double, sign: Double)] = [
        (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]

    static func regressionGauss(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var points: [[Double]] = []
        var values: [Double] = []
        for _ in 0..<count {
            let x = rng.uniform(-6, 6)
            let y = rng.uniform(-6, 6)
            let (nx, ny) = (rng.uniform(-6, 6) * noise, rng.uniform(-6, 6) * noise)
            var label = 0.0
            for bump in bumps {
                let distance = ((x + nx - bump.x) * (x + nx - bump.x) + (y + ny - bump.y) * (y + ny - bump.y))
                    .squareRoot()
                let contribution = bump.sign * min(max(1 - distance / 2, 0), 1)
                if abs(contribution) > abs(label) { label = contribution }
            }
            points.append([x, y])
            values.append(label)
        }
        return make(points, values)
    }

    static func make(_ points: [[Double]], _ labels: [Int]) -> Dataset {
        Dataset(inputs: Matrix(points), labels: .classes(labels, names: classNames), featureNames: ["x1", "x2"])
    }

    static func make(_ points: [[Double]], _ values: [Double]) -> Dataset {
        Dataset(
            inputs: Matrix(points), labels: .values(Matrix(rows: values.count, columns: 1, storage: values)),
            featureNames: ["x1", "x2"])
    }
}
