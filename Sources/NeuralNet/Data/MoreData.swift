import RealModule

/// Datasets beyond TensorFlow Playground: moons, k-class blobs, a k-arm spiral, and 1-D fits for
/// the universal-approximation claim.
enum MoreData {
    /// Two interleaving half circles (as scikit-learn's make_moons), Gaussian noise of sd `noise`.
    static func moons(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var points: [[Double]] = []
        var labels: [Int] = []
        for index in 0..<count {
            let upper = index < count / 2
            let t = rng.uniform(0, .pi)
            let (x, y) = upper ? (Double.cos(t), Double.sin(t)) : (1 - Double.cos(t), 0.5 - Double.sin(t))
            points.append([
                2 * (x + rng.normal(standardDeviation: noise)) - 1,
                2 * (y + rng.normal(standardDeviation: noise)) - 0.25,
            ])
            labels.append(upper ? 0 : 1)
        }
        return named(points, labels, classes: 2)
    }

    /// `classes` Gaussian blobs with centres evenly spaced on a circle of radius 3.5, sd 0.5 + 2·noise.
    static func blobs(count: Int, noise: Double, classes: Int, rng: inout SeededGenerator) -> Dataset {
        var points: [[Double]] = []
        var labels: [Int] = []
        let sd = 0.5 + 2 * noise
        for index in 0..<count {
            let label = index % classes
            let angle = 2 * Double.pi * Double(label) / Double(classes)
            points.append([
                3.5 * Double.cos(angle) + rng.normal(standardDeviation: sd),
                3.5 * Double.sin(angle) + rng.normal(standardDeviation: sd),
            ])
            labels.append(label)
        }
        return named(points, labels, classes: classes)
    }

    /// A spiral with `classes` arms (TensorFlow Playground's spiral has two).
    static func spiralArms(count: Int, noise: Double, classes: Int, rng: inout SeededGenerator) -> Dataset {
        var points: [[Double]] = []
        var labels: [Int] = []
        let perArm = count / classes
        for arm in 0..<classes {
            for i in 0..<perArm {
                let r = Double(i) / Double(perArm) * 5
                let t = 1.75 * Double(i) / Double(perArm) * 2 * .pi + 2 * .pi * Double(arm) / Double(classes)
                points.append([
                    r * Double.sin(t) + rng.uniform(-1, 1) * noise, r * Double.cos(t) + rng.uniform(-1, 1) * noise,
                ])
                labels.append(arm)
            }
        }
        return named(points, labels, classes: classes)
    }

    /// y = f(x) on [−π, π] with Gaussian noise of sd `noise`: one feature, one target.
    static func fit(count: Int, noise: Double, rng: inout SeededGenerator, _ f: (Double) -> Double) -> Dataset {
        let xs = (0..<count).map { -Double.pi + 2 * .pi * Double($0) / Double(max(count - 1, 1)) }
        let ys = xs.map { f($0) + rng.normal(standardDeviation: max(noise, 0)) }
        return Dataset(
            inputs: Matrix(rows: count, columns: 1, storage: xs),
            labels: .values(Matrix(rows: count, columns: 1, storage: ys)), featureNames: ["x"])
    }

    static func named(_ points: [[Double]], _ labels: [Int], classes: Int) -> Dataset {
        Dataset(
            inputs: Matrix(points), labels: .classes(labels, names: (0..<classes).map(String.init)),
            featureNames: ["x1", "x2"])
    }
}
