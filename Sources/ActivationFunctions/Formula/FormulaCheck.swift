/// The build-time check of a formula's symbolic derivative against central finite differences in
/// Double at 121 points of [−6, 6] (offset from round numbers), away from every switch point. A point
/// is skipped where f is not finite or where the differences with steps h and 4h disagree (they do not
/// resolve the slope there); everywhere else a mismatch is a bug in the differentiation.
struct FormulaCheck {
    let value: FormulaProgram
    let derivative: FormulaProgram
    let switches: FormulaSwitches
    static let h = 1e-6

    func verify(_ text: String) throws(FormulaError) {
        for x in stride(from: -6.0, through: 6.0, by: 0.1).map({ $0 + 1.234e-3 }) {
            guard !switches.switches(near: x, radius: 1e-3), let numeric = resolvedSlope(x) else { continue }
            let analytic = derivative.run(x)
            // Not finite where f is: the derivative's arithmetic overflowed (0·∞ in tanh(x^x^x), flat
            // where x^x^x is ∞), not its algebra; the formula's warnings report where f′ is NaN or ±∞.
            guard analytic.isFinite else { continue }
            let noise = 1e-15 * abs(value.run(x)) / Self.h
            guard abs(numeric - analytic) <= 1e-5 + 1e-3 * abs(analytic) + 10 * noise else {
                throw FormulaError(
                    "internal error: the derivative \(analytic) disagrees with finite differences "
                        + "(\(numeric)) at x = \(x); this is a bug, please report it with the formula", column: nil,
                    in: text)
            }
        }
    }

    /// (f(x + h) − f(x − h))/2h, if it agrees with the same difference at step 4h.
    private func resolvedSlope(_ x: Double) -> Double? {
        let (h, wide) = (Self.h, 4 * Self.h)
        let values = [x - wide, x - h, x, x + h, x + wide].map { value.run($0) }
        guard values.allSatisfy(\.isFinite) else { return nil }
        let narrow = (values[3] - values[1]) / (2 * h)
        let broad = (values[4] - values[0]) / (2 * wide)
        let noise = 1e-15 * abs(values[2]) / h
        guard abs(narrow - broad) <= 1e-4 * (1 + abs(narrow)) + 10 * noise else { return nil }
        return narrow
    }
}
