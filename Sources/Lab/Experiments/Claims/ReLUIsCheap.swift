import ActivationFunctions
import NeuralNet
import Plotting

/// ReLU costs less to compute than sigmoid and tanh: measured kernel throughput, forward and backward,
/// and the epoch time of the same net with each.
struct ReLUIsCheap: Experiment {
    let info = ExperimentInfo(
        id: "relu-is-cheap", title: "ReLU is cheaper to compute than sigmoid and tanh",
        claims: [27],
        claim:
            "ReLU uses simpler arithmetic than tanh and sigmoid, so it costs less to compute, which matters when designing deep networks.",
        method:
            "Time the batch kernels (Float, the code `activations bench` measures) of relu, sigmoid and tanh, forward and backward, on the calling thread's CPU clock (time slices lost to other programs drop out), in interleaved rounds (relu, sigmoid, tanh, then the next round in a rotated order), and judge the median over rounds of each round's ratio to relu. Training-epoch times of the same 2-32-32-1 net are reported beside them, not judged.",
        reading:
            "We judge the kernels, where the activation is the whole cost; an epoch is mostly matrix products, which cost the same whatever the activation."
    )

    static let ids = ["relu", "sigmoid", "tanh"]

    func run(_ settings: ExperimentSettings) throws -> ExperimentResult {
        var result = ExperimentResult(info: info, settings: settings)
        var table = ResultTable(
            title:
                "Kernel thread-CPU time per element (Float): median over interleaved rounds, and median ratio to relu",
            columns: ["direction"] + Self.ids.map { "\($0) ns" } + ["sigmoid / relu", "tanh / relu"])
        for direction in Throughput.Direction.allCases {
            let rounds = try Self.rounds(direction, settings)
            let times = Self.ids.indices.map { i in Statistics.median(rounds.map { $0[i] }) }
            let ratios = [1, 2].map { i in Statistics.median(rounds.map { $0[i] / $0[0] }) }
            table.rows.append(
                [direction.rawValue] + times.map { Format.number($0, 3) } + ratios.map { Format.number($0, 3) + "×" })
            for (id, time) in zip(Self.ids, times) {
                result.measure("\(id).\(direction.rawValue).ns_per_element", time)
            }
            for (id, ratio) in zip(["sigmoid", "tanh"], ratios) {
                result.measure("\(id)_over_relu.\(direction.rawValue)", ratio)
                result.check(
                    Criterion(
                        "\(id) / relu, \(direction.rawValue): median ratio of kernel CPU time", .greaterThan, 1,
                        claim: 27),
                    ratio,
                    measured: "\(id) takes \(Format.number(ratio, 3))× relu's time \(direction.rawValue)")
            }
        }
        result.tables.append(table)
        try epochs(settings, &result)
        result.notes.append("Measured in \(Self.build). " + Self.dependence)
        return result
    }

    /// Which kernels this build times.
    static var build: String {
        #if DEBUG
            "a debug build: unoptimised, slower for all three, and its ratios say nothing about a release build"
        #elseif TUNED_FOR_TARGET_CPU
            "a release build with kernels compiled for the CPU named by ACTIVATIONLAB_TARGET_CPU"
        #else
            "a release build with portable kernels, compiled for the toolchain's baseline CPU (x86-64: SSE2)"
        #endif
    }

    /// What the ratio depends on, as measured: run this experiment in a release build with and without
    /// `ACTIVATIONLAB_TARGET_CPU=native` to see both.
    static let dependence = """
        The ratio depends on the build far more than on the machine's load. relu is one compare and select \
        per element: at 4,096 Float elements, in the first-level cache, it runs as fast as loads and stores, \
        a fraction of a nanosecond per element (this run's table gives its figure). sigmoid and tanh compute an exponential and a division per element in vector \
        code, whose speed depends on the instructions the build may use. On a 2-core AMD EPYC (AVX2), portable \
        kernels (the default build, and what a package depending on ActivationLab gets unless \
        ACTIVATIONLAB_TARGET_CPU is set) ran sigmoid at 16× and tanh at 29× relu's time forward on an idle \
        machine (before such builds stopped calling the C library's fmaf once per lane: 84–95× and 145–167× \
        over 60 seeds); kernels built for the CPU (ACTIVATIONLAB_TARGET_CPU=native) run them \
        at about 2.3 and 2.9 ns per element (the Speed article's `activations bench`, 65,536 elements), about 8× \
        and 10× relu. Both sides are timed on the calling thread's CPU clock in alternating rounds and judged by \
        the median ratio, so a busy machine slows them alike: the criterion held on every seed at load averages \
        up to 13.
        """

    /// Nanoseconds per element of each kernel, per round; each round starts with a different kernel.
    static func rounds(_ direction: Throughput.Direction, _ settings: ExperimentSettings) throws -> [[Double]] {
        let kernels = try ids.map { try Activations.make($0) }
        return (0..<settings.pick(quick: 5, full: 15)).map { round in
            var times = [Double](repeating: 0, count: ids.count)
            for step in ids.indices {
                let i = (round + step) % ids.count
                times[i] =
                    Throughput.measure(
                        kernels[i], Float.self, n: settings.pick(quick: 4096, full: 1 << 16), direction: direction,
                        samples: 3, sampleSeconds: settings.pick(quick: 0.002, full: 0.01), clock: .threadCPU
                    ).nanosecondsPerElement
            }
            return times
        }
    }

    /// Median seconds per training epoch for each activation, epochs interleaved so drift hits all alike.
    private func epochs(_ settings: ExperimentSettings, _ result: inout ExperimentResult) throws {
        let data = try Runs.data("circle", count: settings.pick(quick: 100, full: 500), seed: settings.seed(1))
        var sessions = try Self.ids.map { id in
            try TrainingSession(
                configuration: Runs.configuration(
                    hidden: [32, 32], activation: id, epochs: settings.pick(quick: 3, full: 15),
                    seed: settings.seed(2), initializer: id == "relu" ? .he : .glorotUniform), data: data)
        }
        while !sessions[0].isFinished {
            for index in sessions.indices { try sessions[index].runEpoch() }
        }
        let medians = sessions.map { Statistics.median($0.history.map(\.seconds)) }
        var table = ResultTable(
            title: "Training epoch, 2-32-32-1 on \(data.count) circle points (median)",
            columns: ["activation", "ms per epoch", "ratio to relu"])
        for (id, seconds) in zip(Self.ids, medians) {
            table.rows.append([id, Format.number(seconds * 1000, 3), Format.number(seconds / medians[0], 3) + "×"])
            result.measure("\(id).epoch_seconds", seconds)
        }
        result.tables.append(table)
        result.notes.append(
            "Epoch times are reported, not judged: an epoch is mostly matrix products, which cost the same whatever the activation, so the activation's share of the time sets how much a cheaper one can save."
        )
        result.charts.append(Self.chart(result))
    }

    static func chart(_ result: ExperimentResult) -> ResultChart {
        var chart = LineChart(
            id: "relu-is-cheap-kernels", title: "Kernel time per element, relative to relu",
            xLabel: "activation (1 relu, 2 sigmoid, 3 tanh)", yLabel: "time / relu's time")
        chart.series = Throughput.Direction.allCases.enumerated().map { index, direction in
            let base = result.value("relu.\(direction.rawValue).ns_per_element") ?? 1
            return .init(
                label: direction.rawValue, xs: [1, 2, 3],
                ys: ids.map { (result.value("\($0).\(direction.rawValue).ns_per_element") ?? .nan) / base },
                colorIndex: index)
        }
        chart.zeroLines = false
        return ResultChart(name: "kernels", chart: chart, caption: "Above 1 means slower than relu.")
    }
}
