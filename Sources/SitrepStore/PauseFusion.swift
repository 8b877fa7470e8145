import Dispatch
import Foundation

/// When an ingest whose input has paused fuses the groups its stored batches touched, so that the events and
/// timelines of a stream (`tail -f wire.jsonl | sitrep ingest -`) are current while it waits for more.
///
/// Fusing a large group again after every short pause would cost the square of its size over a slow
/// stream, so fusion on a pause takes at most a fifth of the time: after a fusion of `d` seconds the next one
/// waits at least `4 d`. A file read at full speed never pauses and is fused once, at its end.
final class PauseFusion: @unchecked Sendable {
    /// How long the input must have been awaited before it counts as paused.
    let pause: Double
    private let lock = NSLock()
    private var awaitedSince: Double?
    private var nextAllowed = 0.0
    /// Mentions were stored since the last fusion.
    private(set) var dirty = false

    /// Seconds on a monotonic clock (a test passes its own).
    private let clock: @Sendable () -> Double

    init(pause: Double = 1, clock: @escaping @Sendable () -> Double = PauseFusion.now) {
        self.pause = pause
        self.clock = clock
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The preparing thread starts or stops waiting for the next batch of input.
    func awaiting(_ waiting: Bool) {
        lock.lock()
        awaitedSince = waiting ? clock() : nil
        lock.unlock()
    }

    func stored() { dirty = true }

    /// True when the input has been awaited for a pause, something waits to be fused, and the budget allows.
    var isDue: Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        guard dirty, let since = awaitedSince, now - since >= pause, now >= nextAllowed else { return false }
        return true
    }

    /// Runs `fuse` and books its time.
    func fuse(_ fuse: () throws -> Int) rethrows -> Int {
        let start = clock()
        let n = try fuse()
        let end = clock()
        dirty = false
        lock.lock()
        nextAllowed = end + 4 * (end - start)
        lock.unlock()
        return n
    }
}
