/// How the weights and biases start.
public enum Initializer: String, Sendable, Codable, CaseIterable {
    /// Glorot/Xavier uniform: U(−a, a), a = √(6/(fan_in + fan_out)); biases 0.
    case glorotUniform = "glorot-uniform"
    /// Glorot/Xavier normal: N(0, 2/(fan_in + fan_out)); biases 0.
    case glorotNormal = "glorot-normal"
    /// He/Kaiming normal: N(0, 2/fan_in), for ReLU; biases 0.
    case he
    /// He/Kaiming uniform: U(−a, a), a = √(6/fan_in); biases 0.
    case heUniform = "he-uniform"
    /// LeCun normal: N(0, 1/fan_in), for SELU; biases 0.
    case lecun
    /// TensorFlow Playground's: weights U(−0.5, 0.5), biases 0.1.
    case playground
    /// All zeros (shows why symmetry must be broken).
    case zeros

    /// Weights (fanIn × fanOut) and biases for one layer.
    public func make<T: TrainingScalar>(fanIn: Int, fanOut: Int, rng: inout SeededGenerator)
        -> (weights: Matrix<T>, bias: [T])
    {
        let (a, b) = (Double(fanIn), Double(fanOut))
        let draw: (inout SeededGenerator) -> Double
        switch self {
        case .glorotUniform: let limit = (6 / (a + b)).squareRoot(); draw = { $0.uniform(-limit, limit) }
        case .glorotNormal: let sd = (2 / (a + b)).squareRoot(); draw = { $0.normal(standardDeviation: sd) }
        case .he: let sd = (2 / a).squareRoot(); draw = { $0.normal(standardDeviation: sd) }
        case .heUniform: let limit = (6 / a).squareRoot(); draw = { $0.uniform(-limit, limit) }
        case .lecun: let sd = (1 / a).squareRoot(); draw = { $0.normal(standardDeviation: sd) }
        case .playground: draw = { $0.uniform(-0.5, 0.5) }
        case .zeros: draw = { _ in 0 }
        }
        let weights = (0..<(fanIn * fanOut)).map { _ in T(draw(&rng)) }
        let bias = [T](repeating: self == .playground ? T(0.1) : 0, count: fanOut)
        return (Matrix(rows: fanIn, columns: fanOut, storage: weights), bias)
    }
}
