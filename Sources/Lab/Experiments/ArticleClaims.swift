/// The article's 32 claims, numbered, in our own words, with the section and line of the article's text
/// (a Chinese translation, 2018, of "Understanding Activation Functions in Neural Networks") where each
/// stands. Every experiment names the claims it tests by these numbers; definitions are not tested.
public struct ArticleClaim: Sendable, Equatable {
    /// The claim's number, 1 to 32, as experiments and reports cite it.
    public let number: Int
    /// The article's section that makes the claim, e.g. "sigmoid" or "ReLU".
    public let section: String
    /// The line or lines of the article's text where it stands, e.g. "29" or "105–109".
    public let lines: String
    /// The claim in our own words (the article's sentences are not copied).
    public let text: String
    /// Pure definitions and the custom-function remark: no experiment tests them.
    public var isTestable: Bool { !Experiments.untestedClaims.contains(number) }
}

/// The list of the article's claims.
public enum ArticleClaims {
    /// All 32 claims, in the article's order; `all[n - 1].number == n`.
    public static let all: [ArticleClaim] = [
        .init(
            number: 1, section: "activation", lines: "29",
            text: "A neuron sums its weighted inputs and a bias; the activation decides whether it fires."),
        .init(
            number: 2, section: "activation", lines: "33",
            text: "The weighted sum is unbounded, so a neuron cannot tell by itself where firing starts."),
        .init(
            number: 3, section: "step", lines: "41–47",
            text: "The step: 1 when the sum exceeds the threshold 0, else 0."),
        .init(
            number: 4, section: "step", lines: "51",
            text: "With one step output per class, several can fire at once and the class is ambiguous."),
        .init(
            number: 5, section: "step", lines: "53",
            text: "Exactly one firing step is hard to train; graded outputs allow max, and softmax is better."),
        .init(
            number: 6, section: "step", lines: "55",
            text:
                "Graded outputs learn more smoothly, and several outputs at 100% is much rarer than with steps (data permitting)."
        ),
        .init(number: 7, section: "linear", lines: "63–65", text: "A linear activation A = c·x gives graded output."),
        .init(
            number: 8, section: "linear", lines: "69–71",
            text: "Its derivative is the constant c, so the backward change ignores the input (not always bad)."),
        .init(
            number: 9, section: "linear", lines: "75–77",
            text: "A stack of linear layers equals one linear layer: depth is lost."),
        .init(
            number: 10, section: "sigmoid", lines: "85–87",
            text: "Sigmoid is non-linear, so stacking layers helps; graded output, smooth gradient."),
        .init(
            number: 11, section: "sigmoid", lines: "89",
            text: "Between x = −2 and 2 sigmoid is steep: small changes of x move y a lot."),
        .init(
            number: 12, section: "sigmoid", lines: "89–91",
            text: "So it pushes values to the two ends, making a classifier's predictions clear-cut."),
        .init(number: 13, section: "sigmoid", lines: "93", text: "Its range is (0, 1), bounded."),
        .init(
            number: 14, section: "sigmoid", lines: "97–99",
            text: "Near the flat ends the gradient vanishes and learning stalls or slows sharply."),
        .init(number: 15, section: "tanh", lines: "105–109", text: "tanh is a scaled sigmoid."),
        .init(
            number: 16, section: "tanh", lines: "111",
            text: "tanh is bounded in (−1, 1), so activations cannot blow up."),
        .init(number: 17, section: "tanh", lines: "111", text: "tanh's gradient is stronger than sigmoid's."),
        .init(
            number: 18, section: "tanh", lines: "111", text: "Choose sigmoid or tanh by the gradient strength you need."
        ),
        .init(number: 19, section: "tanh", lines: "111", text: "tanh's gradient vanishes too."),
        .init(number: 20, section: "ReLU", lines: "119–121", text: "ReLU is max(0, x)."),
        .init(number: 21, section: "ReLU", lines: "123", text: "Combinations of ReLUs can approximate any function."),
        .init(number: 22, section: "ReLU", lines: "123", text: "ReLU is unbounded, so it can blow up activations."),
        .init(
            number: 23, section: "ReLU", lines: "125",
            text: "With sigmoid or tanh almost every unit fires: dense, costly activation."),
        .init(
            number: 24, section: "ReLU", lines: "127",
            text: "At random initialisation about half of ReLU outputs are 0: sparse, a lighter network."),
        .init(
            number: 25, section: "ReLU", lines: "129",
            text: "On the flat side the gradient is 0, and units there stop responding: dying ReLU."),
        .init(
            number: 26, section: "ReLU", lines: "129",
            text: "Leaky ReLU (0.01x for x < 0) keeps a gradient so the network can gradually recover."),
        .init(number: 27, section: "ReLU", lines: "131", text: "ReLU is cheaper to compute than tanh and sigmoid."),
        .init(
            number: 28, section: "choosing", lines: "135",
            text: "Knowing the target's nature, pick the activation that approximates it fastest."),
        .init(
            number: 29, section: "choosing", lines: "135",
            text: "Sigmoid suits classifiers: sums of sigmoids approximate a classifier more easily than ReLUs."),
        .init(number: 30, section: "choosing", lines: "135", text: "You can use a custom function too."),
        .init(
            number: 31, section: "choosing", lines: "135",
            text: "If unsure, start with ReLU: in most cases a good general approximator."),
        .init(
            number: 32, section: "end", lines: "137",
            text: "Other activations exist; the search for better ones goes on."),
    ]

    /// The sections and lines of the claims numbered `numbers`, in the article's order, e.g.
    /// "sigmoid section, lines 97–99; tanh section, line 111".
    static func source(of numbers: [Int]) -> String {
        var places: [(section: String, lines: [String])] = []
        for claim in all where numbers.contains(claim.number) {
            if let i = places.firstIndex(where: { $0.section == claim.section }) {
                if !places[i].lines.contains(claim.lines) { places[i].lines.append(claim.lines) }
            } else {
                places.append((claim.section, [claim.lines]))
            }
        }
        return places.map { place in
            let plural = place.lines.count > 1 || place.lines[0].contains("–")
            return "\(place.section) section, line\(plural ? "s" : "") \(place.lines.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    /// The claims no experiment tests, with the reason shown in the report's table.
    static func reasonUntested(_ number: Int) -> String {
        number == 30
            ? "covered by the custom-activation feature, not by an experiment" : "a definition, nothing to measure"
    }
}
