import Foundation

extension CatalogPage {
    /// How far either side of a kink the one-sided slopes are sampled, relative to max(1, |kink|).
    static let kinkOffset = 1e-6

    /// The kinks, where they lie at the defaults, and what `derivative(at:)` returns there and either side.
    static func kinkSection(_ info: ActivationInfo, function: (any ElementwiseActivation)?) -> String {
        guard !info.kinks.isEmpty else {
            let smooth = info.smoothness != .discontinuous && info.smoothness != .continuous
            return "## Kinks\n\n" + (smooth ? "None: f′ is continuous everywhere." : "None listed.")
        }
        var lines = ["## Kinks", ""]
        for kink in info.kinks {
            let x = kink.location(in: info.defaultParameters)
            var line = "- x = \(kink)"
            if case .at = kink {} else { line += " (\(x.shortDescription) at the defaults)" }
            if let function {
                let h = kinkOffset * max(1, abs(x))
                let (left, right) = (function.derivative(at: x - h), function.derivative(at: x + h))
                line += ": at the defaults `derivative(at:)` returns \(number(function.derivative(at: x))) there, "
                line += "\(number(left)) just left of it "
                line += "and \(number(right)) just right of it (at x ∓ 10⁻⁶·max(1, |x|))"
            }
            line += "."
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Six significant digits, so the page does not change with the last bits of a kernel.
    static func number(_ x: Double) -> String {
        let text = String(format: "%.6g", x)
        return text == "-0" ? "0" : text
    }
}
