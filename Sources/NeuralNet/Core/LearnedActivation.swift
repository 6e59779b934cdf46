import ActivationFunctions
import RealModule

/// Activations whose parameters a network learns: PReLU's slope, SReLU's joints and slopes, APL's
/// hinge, soft exponential's α — one set per unit, or one shared by the layer. Values and ∂f/∂x
/// come from the catalog; the gradients with respect to the parameters are written here.
public enum LearnedKind: String, Sendable, CaseIterable {
    case prelu, srelu, apl
    case softExponential = "soft-exponential"

    var definition: any ElementwiseActivation.Type {
        switch self {
        case .prelu: PReLU.self
        case .srelu: SReLU.self
        case .apl: APL.self
        case .softExponential: SoftExponential.self
        }
    }

    /// The learned parameters, in the catalog's order.
    public var parameterNames: [String] { definition.info.parameters.map(\.name) }

    /// The catalog function with one unit's parameters.
    func function(_ parameters: ArraySlice<Double>) -> any ElementwiseActivation {
        let values = Dictionary(uniqueKeysWithValues: zip(parameterNames, parameters))
        return definition.init(ParameterValues(unvalidated: values))
    }

    /// ∂f/∂θ at x, for one unit's parameters θ (in `parameterNames` order).
    func parameterGradient(_ x: Double, _ p: ArraySlice<Double>) -> [Double] {
        let p = Array(p)
        switch self {
        case .prelu:
            return [x > 0 ? 0 : x]
        case .srelu:  // f = tl + al(x − tl) for x ≤ tl; tr + ar(x − tr) for x ≥ tr; x between
            let (tl, al, tr, ar) = (p[0], p[1], p[2], p[3])
            if x <= tl { return [1 - al, x - tl, 0, 0] }
            if x >= tr { return [0, 0, 1 - ar, x - tr] }
            return [0, 0, 0, 0]
        case .apl:  // f = max(0, x) + a·max(0, b − x)
            let (a, b) = (p[0], p[1])
            return [max(0, b - x), x < b ? a : 0]
        case .softExponential:
            return [Self.softExponentialSlope(x, alpha: p[0])]
        }
    }

    /// ∂/∂α of soft exponential; near α = 0 its limit 1 + x²/2 (the two branches cancel there).
    static func softExponentialSlope(_ x: Double, alpha: Double) -> Double {
        if abs(alpha) < 1e-6 { return 1 + x * x / 2 }
        if alpha > 0 {
            let e = Double.exp(alpha * x)
            return (alpha * x * e - (e - 1)) / (alpha * alpha) + 1
        }
        let inner = 1 - alpha * (x + alpha)
        return Double.log(inner) / (alpha * alpha) + (x + 2 * alpha) / (alpha * inner)
    }
}
