import Foundation

extension PlaygroundSession {
    /// The longest a pull waits for something new.
    static let maxPullWait = Duration.seconds(10)

    /// The page's next frame (``BinaryFrame``), pulled: the page asks for the next one when it has
    /// the last, so frames are never queued and the page always gets the newest state.
    ///
    /// `after` acknowledges the frame the page has (its number). If it is the frame sent last, the
    /// pull waits until the session changed (woken by `changes`) or what the page shows (`shown`: the
    /// focus, the collapse panel) changed, at most `wait`,
    /// and sends a delta: the new records, the points only if they changed, unchanged grids as `same`.
    /// Otherwise (first pull, a lost answer, another reader) it sends a whole frame at once. Frames
    /// start at least `interval` apart, counted from one build's start to the next (from its end, the
    /// build's few milliseconds came on top of every interval), except the first after Play or Pause
    /// (the page waits for it to confirm the click). Nil when nothing changed within `wait`, when a newer pull came, or when the session
    /// was closed. `generation` is the pull's place in the session's order of pulls, taken by the
    /// caller when the request came (the frame socket); nil takes the next one now (an HTTP pull).
    func pull(
        after: Int?, shown: Shown, wait: Duration, interval: Duration = .zero, generation: Int? = nil
    ) async -> [UInt8]? {
        let clock = ContinuousClock()
        let deadline = clock.now + min(wait, Self.maxPullWait)
        let generation = generation ?? withFlags {
            $0.pullGeneration += 1; return $0.pullGeneration
        }
        while !Task.isCancelled {
            let mark = changes.mark
            let (due, over, earliest) = withFlags { flags in
                (
                    after == nil
                        || !(flags.lastPull?.satisfies(
                            PullMark(number: after!, version: flags.version, shown: shown, playing: flags.playing))
                            ?? false),
                    flags.closed || flags.pullGeneration != generation,
                    flags.lastPull?.playing == flags.playing ? flags.lastPullAt.map { $0 + interval } : nil
                )
            }
            if over { return nil }
            if due, let earliest, clock.now < earliest {
                try? await clock.sleep(until: earliest)
                continue
            }
            if due, let bytes = await buildPulledFrame(after: after, shown: shown) { return bytes }
            if clock.now >= deadline { return nil }
            await changes.wait(after: mark, timeout: deadline - clock.now)
        }
        return nil
    }

    /// Builds the frame after `after` (a delta when that is the frame sent last) and remembers it.
    private func buildPulledFrame(after: Int?, shown: Shown) async -> [UInt8]? {
        // Background, as training and the event stream: controls must not queue behind frames.
        // Cancellable: a cancelled pull (its socket's end, the server's shutdown) does not wait for the
        // engine behind training; a frame built meanwhile is dropped, and the next pull, not knowing
        // it, gets a whole frame.
        try? await withEngine(.background, cancellable: true) { (engine, pause) -> [UInt8]? in
            let started = ContinuousClock.now
            let base = self.pullBase.flatMap { $0.number == after ? $0 : nil }
            guard let (frame, cursor) = self.frame(engine, pause, after: base?.cursor, shown: shown, always: true)
            else { return nil }
            let number = (self.pullBase?.number ?? 0) + 1
            let (bytes, grids) = BinaryFrame.encode(frame, number: number, previous: base?.grids ?? [:])
            self.pullBase = PullBase(number: number, cursor: cursor, grids: grids)
            self.withFlags {
                ($0.lastPull, $0.lastPullAt) = (
                    PullMark(number: number, version: frame.version, shown: shown, playing: frame.playing), started
                )
            }
            return bytes
        }
    }
}
