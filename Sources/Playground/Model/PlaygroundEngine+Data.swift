import NeuralNet

extension PlaygroundEngine {
    /// Adds a clicked point to the training set; the network keeps its weights.
    public mutating func add(_ point: AddedPoint) throws(PlaygroundError) {
        try add([point])
    }

    /// Adds clicked points (a shared link brings them all at once), checking each before any is
    /// added; the data are rebuilt once and the network keeps its weights.
    public mutating func add(_ points: [AddedPoint]) throws(PlaygroundError) {
        guard source.count + added.count + points.count <= limits.maxPoints else {
            throw PlaygroundError(
                .tooLarge,
                "at most \(limits.maxPoints) points in all; there are \(source.count + added.count) (\(added.count) of them "
                    + "clicked), and \(points.count) more do not fit")
        }
        try Self.check(points, classCount: data.classCount)
        // Prepared before anything changes: points that fail there are not left in `added`.
        let prepared = try PreparedData(
            raw: source, added: added + points, config: config, normalization: data.normalization)
        try replacePoints(with: prepared)
        added += points
    }

    /// Finite coordinates within `PlaygroundLimits.maxCoordinate`, and a class of the data where it has
    /// classes (`classCount` > 0), else a target within `PlaygroundLimits.maxValue`.
    static func check(_ points: [AddedPoint], classCount: Int) throws(PlaygroundError) {
        let (most, largestTarget) = (PlaygroundLimits.maxCoordinate, PlaygroundLimits.maxValue)
        for (index, point) in points.enumerated() {
            let which = points.count == 1 ? "" : "point \(index + 1): "
            guard point.x1.isFinite, point.x2.isFinite, point.label.isFinite else {
                throw .bad(which + "a point needs finite x1, x2 and label")
            }
            guard abs(point.x1) <= most, abs(point.x2) <= most else {
                throw .bad(which + "x1 and x2 must be at most \(Int(most)) in size, got (\(point.x1), \(point.x2))")
            }
            if classCount > 0 {
                // Compared as a Double first: Int(label) of a label beyond Int's range would trap.
                guard point.label >= 0, point.label < Double(classCount), point.label == point.label.rounded() else {
                    throw .bad(which + "the class must be 0…\(classCount - 1), got \(point.label)")
                }
            } else {
                guard abs(point.label) <= largestTarget else {
                    throw .bad(which + "a target value must be at most \(Int(largestTarget)) in size, got \(point.label)")
                }
            }
        }
    }

    /// Removes the clicked points.
    public mutating func clearAdded() throws(PlaygroundError) {
        added.removeAll()
        try rebuildData()
    }

    /// Loads 2-D points from CSV text (`x1,x2,label` per line) as the `custom` dataset, and resets.
    /// Errors name the line and column; the loader's warnings (a near-empty class, far outliers) are
    /// kept in `uploadWarnings` for the page.
    public mutating func upload(csv text: String, header: Bool) throws(PlaygroundError) {
        let reported = try lift { () throws(NeuralNetError) in
            try CSVLoader.loadReporting(
                text, options: CSVOptions(header: header, classification: config.problem == .classification))
        }
        let loaded = reported.dataset
        guard loaded.inputs.columns == 2 else {
            throw PlaygroundError(
                .unprocessable,
                "the playground draws 2-D points: the CSV needs 2 feature columns and a label column (x1,x2,label), "
                    + "this one has \(loaded.inputs.columns) feature column\(loaded.inputs.columns == 1 ? "" : "s")")
        }
        guard loaded.count <= limits.maxPoints else {
            throw PlaygroundError(
                .tooLarge, "the CSV has \(loaded.count) points; the playground takes at most \(limits.maxPoints)")
        }
        try PlaygroundLimits.checkMagnitudes(of: loaded) { "data row \($0 + 1)" }
        guard loaded.classNames.count <= 10 else {
            throw PlaygroundError(
                .unprocessable, "the CSV has \(loaded.classNames.count) classes; the playground takes at most 10")
        }
        var new = config
        new.dataset = PlaygroundLimits.customDataset
        new.classes = max(2, loaded.classNames.count)
        let before = (uploaded, added)
        (uploaded, added) = (loaded, [])
        do { try replaceData(with: new) } catch {
            (uploaded, added) = before
            throw error
        }
        uploadWarnings = reported.warnings
    }

    /// Rebuilds the data from the current points (keeping the normalisation and the network).
    mutating func rebuildData() throws(PlaygroundError) {
        try replacePoints(
            with: PreparedData(raw: source, added: added, config: config, normalization: data.normalization))
    }

    /// Trains on `prepared` from the next batch on: the network and the optimiser's state go on, an
    /// epoch stopped in between is dropped, and the frames measure the new points.
    mutating func replacePoints(with prepared: PreparedData) throws(PlaygroundError) {
        do { try run.replaceData(train: prepared.train, test: prepared.test) } catch { throw .from(error) }
        data = prepared
        dataVersion += 1
    }

    /// New data from `new` and the current upload, a new initial network for them, and a reset.
    mutating func replaceData(with new: PlaygroundConfig) throws(PlaygroundError) {
        try limits.validate(new)
        let points = try Self.points(for: new, uploaded: uploaded)
        let prepared = try PreparedData(raw: points, added: added, config: new, normalization: nil)
        let network = try Self.network(new, prepared)
        (config, source, data, initial) = (new, points, prepared, network)
        dataVersion += 1
        try reset()
    }
}
