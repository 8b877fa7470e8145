import Foundation
import Testing
@testable import SitrepStore

/// When an ingest fuses during a pause of its input: only after a whole pause, only with something stored
/// since the last fusion, and not again before four times the last fusion's duration has passed.
@Suite struct PauseFusionTests {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = 100.0
    }

    @Test func fusesOnlyAfterAWholePauseWithSomethingStored() {
        let clock = Clock()
        let f = PauseFusion(pause: 1, clock: { clock.now })
        f.awaiting(true)
        clock.now += 5
        #expect(!f.isDue, "nothing stored yet")
        f.awaiting(false)
        f.stored()
        f.awaiting(true)
        clock.now += 0.9
        #expect(!f.isDue, "input awaited for less than a pause")
        clock.now += 0.1
        #expect(f.isDue)
        f.awaiting(false)
        #expect(!f.isDue, "input arrived")
    }

    @Test func aFusionIsFollowedByFourTimesItsDurationWithoutOne() {
        let clock = Clock()
        let f = PauseFusion(pause: 1, clock: { clock.now })
        f.stored()
        f.awaiting(true)
        clock.now += 2
        #expect(f.isDue)
        let n = f.fuse {
            clock.now += 3  // a fusion of three seconds
            return 7
        }
        #expect(n == 7)
        #expect(!f.isDue, "fused: nothing waits")
        f.stored()
        clock.now += 11.9
        #expect(!f.isDue, "within 4 × 3 s of the fusion's end")
        clock.now += 0.1
        #expect(f.isDue)
    }
}
