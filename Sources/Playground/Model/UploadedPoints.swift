import NeuralNet

/// An uploaded CSV's points as the model export carries them, so that Import restores a session
/// trained on them (they are too many for a link: up to `PlaygroundLimits.maxPoints`).
struct UploadedPoints: Codable, Equatable {
    /// [x1, x2, label] per point: a class index, or the target value when `classNames` is nil.
    var rows: [[Double]]
    var classNames: [String]?
    /// What the CSV loader warned about when the file was uploaded (naming its lines), shown again on Import.
    var warnings: [String]?

    init(_ data: Dataset, warnings: [String]) {
        self.warnings = warnings.isEmpty ? nil : warnings
        let labels: [Double] =
            switch data.labels {
            case .classes(let c, _): c.map(Double.init)
            case .values(let v): v.storage
            }
        rows = (0..<data.count).map { [data.inputs[$0, 0], data.inputs[$0, 1], labels[$0]] }
        classNames = data.labels.isClasses ? data.classNames : nil
    }

    /// The points as the `custom` dataset, checked as an upload is.
    func dataset(limits: PlaygroundLimits) throws(PlaygroundError) -> Dataset {
        guard rows.count <= limits.maxPoints else {
            throw PlaygroundError(
                .tooLarge,
                "the file has \(rows.count) uploaded points; the playground takes at most \(limits.maxPoints)")
        }
        guard rows.allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isFinite) }) else {
            throw .bad("uploadedPoints: each point needs three finite numbers, x1, x2 and the label")
        }
        let inputs = Matrix(rows: rows.count, columns: 2, storage: rows.flatMap { $0.prefix(2) })
        guard let classNames else {
            let data = Dataset(
                inputs: inputs, labels: .values(Matrix(rows: rows.count, columns: 1, storage: rows.map { $0[2] })),
                featureNames: ["x1", "x2"])
            try PlaygroundLimits.checkMagnitudes(of: data) { "uploadedPoints[\($0)]" }
            return data
        }
        guard (2...10).contains(classNames.count),
            rows.allSatisfy({ $0[2] == $0[2].rounded() && (0..<Double(classNames.count)).contains($0[2]) })
        else {
            throw .bad("uploadedPoints: 2…10 classes, and each label a class index below their count")
        }
        let data = Dataset(
            inputs: inputs, labels: .classes(rows.map { Int($0[2]) }, names: classNames), featureNames: ["x1", "x2"])
        try PlaygroundLimits.checkMagnitudes(of: data) { "uploadedPoints[\($0)]" }
        return data
    }
}

extension Dataset.Labels {
    var isClasses: Bool { if case .classes = self { true } else { false } }
}
