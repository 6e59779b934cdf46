import ActivationFunctions

/// The keys a request object may have, checked before it is decoded: a key nobody reads is refused,
/// naming it (and the known key it differs from only in letter case), rather than dropped. A typo
/// such as `learningrate` left the default without a word; `{"layer": 0, …, "extra": 5}` was accepted.
protocol ClosedKeys: CodingKey, CaseIterable, RawRepresentable where RawValue == String {}

extension ClosedKeys {
    /// Throws a 400 for the first key of `decoder`'s object that is not one of these; `what` names the
    /// object ("the configuration", "a point").
    static func refuseOthers(in decoder: any Decoder, what: String) throws {
        let known = allCases.map(\.rawValue)
        for key in try decoder.container(keyedBy: AnyKey.self).allKeys where Self(stringValue: key.stringValue) == nil {
            // Letter case first (`learningrate`), then a typo of an edit per four letters (`datset`; not
            // `z` for x1, nor `extra` for layer).
            let close = known.first { $0.lowercased() == key.stringValue.lowercased() }
                ?? Activations.closest(to: key.stringValue, among: known, limit: max(1, key.stringValue.count / 4)).first
            // Not a DecodingError: the JSON is fine, and the request routes would call it "bad JSON".
            throw PlaygroundError.bad(
                "\(what) has no key '\(key.stringValue.prefix(40))'"
                    + (close.map { "; did you mean \($0)?" } ?? "; its keys are \(known.joined(separator: ", "))"))
        }
    }
}

/// Any key, to list the keys an object has.
private struct AnyKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
