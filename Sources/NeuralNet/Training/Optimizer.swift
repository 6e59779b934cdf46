import RealModule

/// The update rules, as PyTorch defines them (torch.optim), so that trajectories can be compared.
public enum OptimizerKind: String, Sendable, Codable, CaseIterable {
    /// p −= lr·g.
    case sgd
    /// v = μv + g; p −= lr·v.
    case momentum
    /// v = μv + g; p −= lr·(g + μv).
    case nesterov
    /// s = ρs + (1−ρ)g²; p −= lr·g/(√s + ε).
    case rmsprop
    /// Bias-corrected first and second moments: p −= lr·m̂/(√v̂ + ε).
    case adam
    /// Adam with decoupled weight decay: p −= lr·λ·p, then the Adam step.
    case adamw
}

/// A penalty on the weights (not the biases), added to their gradient.
public enum Regularization: String, Sendable, Codable, CaseIterable {
    /// No penalty.
    case none
    /// rate·|w|, gradient rate·sgn(w).
    case l1
    /// ½·rate·w², gradient rate·w.
    case l2
}

/// Hyper-parameters of the optimiser.
public struct OptimizerSettings: Sendable, Codable, Equatable {
    /// The update rule.
    public var kind: OptimizerKind = .adam
    /// The base step size, finite and > 0; the schedule scales it epoch by epoch.
    public var learningRate = 0.01
    /// μ for momentum and Nesterov, in [0, 1]; the other rules ignore it.
    public var momentum = 0.9
    /// β₁, Adam's and AdamW's decay of the first moment, in [0, 1).
    public var beta1 = 0.9
    /// β₂, Adam's and AdamW's decay of the second moment, in [0, 1).
    public var beta2 = 0.999
    /// ρ, RMSprop's decay of the squared gradients, in [0, 1).
    public var rho = 0.99
    /// ε > 0, added to the root of the second moment by RMSprop, Adam and AdamW.
    public var epsilon = 1e-8
    /// λ ≥ 0, AdamW's decoupled decay of the weights (not the biases); the other rules ignore it.
    public var weightDecay = 0.01
    /// A penalty on the weights added to their gradient, under any rule.
    public var regularization: Regularization = .none
    /// The penalty's rate, finite and ≥ 0.
    public var regularizationRate = 0.0

    /// Settings for `kind` at `learningRate`; the rest as declared above (PyTorch's defaults for β₁, β₂,
    /// ρ, ε and AdamW's λ), with no regularisation.
    public init(kind: OptimizerKind = .adam, learningRate: Double = 0.01) {
        (self.kind, self.learningRate) = (kind, learningRate)
    }

    /// Rejects what would silently break training (sklearn's rules plus finiteness).
    public func validate() throws(NeuralNetError) {
        guard learningRate.isFinite, learningRate > 0 else {
            throw .invalidConfiguration("the learning rate must be a finite number > 0, got \(learningRate)")
        }
        guard (0...1).contains(momentum) else {
            throw .invalidConfiguration("momentum must be in [0, 1], got \(momentum)")
        }
        guard (0..<1).contains(beta1), (0..<1).contains(beta2), (0..<1).contains(rho) else {
            throw .invalidConfiguration("beta1, beta2 and rho must be in [0, 1)")
        }
        guard epsilon.isFinite, epsilon > 0 else { throw .invalidConfiguration("epsilon must be > 0, got \(epsilon)") }
        guard weightDecay.isFinite, weightDecay >= 0, regularizationRate.isFinite, regularizationRate >= 0 else {
            throw .invalidConfiguration("weight decay and regularisation rate must be finite and ≥ 0")
        }
    }

    /// Throws for a setting that `Float` turns into ∞ or 0, for a network trained in `Float`: a
    /// learning rate of 1e39 became ∞ and an epsilon of 1e-50 became 0 (Adam's 0/0 then wrote NaN
    /// into every weight).
    public func validateForFloat() throws(NeuralNetError) {
        let settings = [
            ("the learning rate", learningRate), ("epsilon", epsilon), ("weight decay", weightDecay),
            ("the regularisation rate", regularizationRate),
        ]
        for (name, value) in settings where Float(value).isInfinite || (value != 0 && Float(value) == 0) {
            throw .invalidConfiguration(
                "\(name) \(value) is \(Float(value)) in Float, the precision this network trains in; "
                    + "use a value within Float's range (about 1.2e-38 to 3.4e38), or train in Double")
        }
    }
}

/// The optimiser's state: one slot per parameter array (velocities, moments, step count).
public struct Optimizer<T: TrainingScalar>: Sendable {
    /// The hyper-parameters; `Trainer.retune` changes them in place (same kind), keeping the state.
    public internal(set) var settings: OptimizerSettings
    private var first: [Int: [T]] = [:]
    private var second: [Int: [T]] = [:]
    private var steps: [Int: Int] = [:]

    /// An optimiser with fresh state (no velocities, moments or steps yet).
    public init(_ settings: OptimizerSettings) { self.settings = settings }

    /// Updates `parameters` (slot `slot`) from `gradient`; `isWeight` decides whether regularisation applies.
    ///
    /// - Precondition: `gradient` has one entry per parameter, and a slot used before is used with
    ///   arrays of the same length (its state has one entry per parameter). A mismatch stops the
    ///   program with a message, in release builds too: Adam's kernel reads and writes through
    ///   pointers, where a shorter array would be overrun.
    public mutating func update(
        _ parameters: inout [T], _ gradient: [T], slot: Int, learningRate: Double, isWeight: Bool
    ) {
        precondition(
            gradient.count == parameters.count,
            "Optimizer.update: \(gradient.count) gradients for \(parameters.count) parameters in slot \(slot)")
        let held = first[slot]?.count ?? second[slot]?.count ?? parameters.count
        precondition(
            held == parameters.count,
            "Optimizer.update: slot \(slot) holds state for \(held) parameters, given \(parameters.count)")
        let g = isWeight ? regularized(gradient, parameters) : gradient
        let lr = T(learningRate)
        switch settings.kind {
        case .sgd:
            for i in parameters.indices { parameters[i] -= lr * g[i] }
        case .momentum, .nesterov:
            var v = Self.take(&first, slot, g.count)
            let mu = T(settings.momentum)
            for i in parameters.indices {
                v[i] = mu * v[i] + g[i]
                parameters[i] -= lr * (settings.kind == .nesterov ? g[i] + mu * v[i] : v[i])
            }
            first[slot] = v
        case .rmsprop:
            var s = Self.take(&second, slot, g.count)
            let rho = T(settings.rho)
            let eps = T(settings.epsilon)
            for i in parameters.indices {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i]
                parameters[i] -= lr * g[i] / (s[i].squareRoot() + eps)
            }
            second[slot] = s
        case .adam, .adamw:
            if settings.kind == .adamw && isWeight {
                let decay = 1 - lr * T(settings.weightDecay)
                for i in parameters.indices { parameters[i] *= decay }
            }
            adam(&parameters, g, slot: slot, lr: lr)
        }
    }

    private mutating func adam(_ parameters: inout [T], _ g: [T], slot: Int, lr: T) {
        var m = Self.take(&first, slot, g.count)
        var v = Self.take(&second, slot, g.count)
        let t = (steps[slot] ?? 0) + 1
        let (b1, b2) = (T(settings.beta1), T(settings.beta2))
        // As torch.optim.Adam: step = lr/(1 − β₁ᵗ); p −= step·m/(√v/√(1 − β₂ᵗ) + ε).
        let step = lr / T(1 - Double.pow(settings.beta1, t))
        let correction2 = T(1 - Double.pow(settings.beta2, t)).squareRoot()
        let eps = T(settings.epsilon)
        let constants = AdamStep<T>(b1: b1, b2: b2, step: step, correction2: correction2, eps: eps)
        parameters.withUnsafeMutableBufferPointer { p in
            m.withUnsafeMutableBufferPointer { m in
                v.withUnsafeMutableBufferPointer { v in
                    g.withUnsafeBufferPointer { g in constants.apply(p, m, v, g) }
                }
            }
        }
        (first[slot], second[slot], steps[slot]) = (m, v, t)
    }

    /// The state array of `slot`, moved out of the table (so updating it copies nothing), or zeros.
    private static func take(_ table: inout [Int: [T]], _ slot: Int, _ count: Int) -> [T] {
        table.removeValue(forKey: slot) ?? [T](repeating: 0, count: count)
    }

    private func regularized(_ gradient: [T], _ weights: [T]) -> [T] {
        let rate = T(settings.regularizationRate)
        switch settings.regularization {
        case .none: return gradient
        case .l2: return zip(gradient, weights).map { $0 + rate * $1 }
        case .l1: return zip(gradient, weights).map { $0 + rate * ($1 > 0 ? 1 : $1 < 0 ? -1 : 0) }
        }
    }
}

/// One Adam update over whole arrays: vectors of `Float.Vector` or `Double.Vector` lanes (the matrix
/// kernel's, `MatrixKernel.swift`), then the same arithmetic one element at a time for the tail (lane by
/// lane the results are identical).
struct AdamStep<T: TrainingScalar> {
    let b1: T, b2: T, step: T, correction2: T, eps: T

    func apply(
        _ p: UnsafeMutableBufferPointer<T>, _ m: UnsafeMutableBufferPointer<T>,
        _ v: UnsafeMutableBufferPointer<T>, _ g: UnsafeBufferPointer<T>
    ) {
        var i = 0
        if T.self == Float.self {
            i = vectors(p, m, v, g, Float.Vector.self)
        } else if T.self == Double.self {
            i = vectors(p, m, v, g, Double.Vector.self)
        }
        while i < p.count {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            p[i] -= step * (m[i] / (v[i].squareRoot() / correction2 + eps))
            i += 1
        }
    }

    /// The whole vectors, in lanes `V` whose scalar is `T` (the caller checked); returns where the
    /// tail starts.
    private func vectors<V: SIMD>(
        _ p: UnsafeMutableBufferPointer<T>, _ m: UnsafeMutableBufferPointer<T>,
        _ v: UnsafeMutableBufferPointer<T>, _ g: UnsafeBufferPointer<T>, _: V.Type
    ) -> Int
    where V.Scalar: BinaryFloatingPoint {
        let (b1, b2) = (V(repeating: V.Scalar(self.b1)), V(repeating: V.Scalar(self.b2)))
        let (one, step) = (V(repeating: 1), V(repeating: V.Scalar(self.step)))
        let (correction2, eps) = (V(repeating: V.Scalar(self.correction2)), V(repeating: V.Scalar(self.eps)))
        var i = 0
        while i + V.scalarCount <= p.count {
            var (mi, vi) = (load(m.baseAddress! + i, V.self), load(v.baseAddress! + i, V.self))
            let gi = load(g.baseAddress! + i, V.self)
            mi = b1 * mi + (one - b1) * gi
            vi = b2 * vi + (one - b2) * gi * gi
            let denominator = vi.squareRoot() / correction2 + eps
            let pi = load(p.baseAddress! + i, V.self) - step * (mi / denominator)
            store(mi, m.baseAddress! + i)
            store(vi, v.baseAddress! + i)
            store(pi, p.baseAddress! + i)
            i += V.scalarCount
        }
        return i
    }

    @inline(__always) private func load<V: SIMD>(_ pointer: UnsafePointer<T>, _: V.Type) -> V {
        UnsafeRawPointer(pointer).loadUnaligned(as: V.self)
    }

    @inline(__always) private func load<V: SIMD>(_ pointer: UnsafeMutablePointer<T>, _: V.Type) -> V {
        load(UnsafePointer(pointer), V.self)
    }

    @inline(__always) private func store<V: SIMD>(_ value: V, _ pointer: UnsafeMutablePointer<T>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: V.self)
    }
}
