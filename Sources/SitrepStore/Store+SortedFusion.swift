import Foundation
import GRDB
import SitrepCore

extension Store {
    /// Fuses every dirty group in one pass over the mentions, sorted by group in SQLite's temporary files, and
    /// returns the number of groups fused; groups left without mentions are fused by `refuseDirtyGroups` after.
    ///
    /// For the end of a bulk ingest, when most of the store is dirty: reading group by group through the index
    /// costs a random page read for each mention, and a store larger than the page cache waits on the disk for
    /// each (a million articles: a few groups a second). Here the table is read in its order and sorted.
    ///
    /// The groups are cut into `jobs` lanes (at most four) of about as many mentions, by group key. Each lane has
    /// a thread that reads and sorts its groups (memory holds rounds, not the table) and one that fuses a round of
    /// whole groups (about `mentionBudget` mentions) while the next is read; each round is written in one
    /// transaction. A group of more than a quarter of a round is read on only once the lane's round before it is
    /// written: memory holds one such group a lane. One lane left a core idle: a large group was read, then
    /// fused, then written, one step at a time (a million articles: about 200 s, most of it on one core).
    @discardableResult
    func refuseDirtyGroupsInOnePass(jobs: Int, mentionBudget: Int = 20_000,
                                    progress: ((Int) -> Void)? = nil) throws -> Int {
        let bounds = try laneBounds(lanes: min(max(1, jobs), 4))
        let lanes = Array(zip(bounds, bounds.dropFirst()))
        // one lane (one job, or no group index) fuses its rounds on all the jobs' threads
        let perLane = max(1, jobs / lanes.count)
        let state = LaneState()
        let finished = DispatchGroup()
        for (lower, upper) in lanes {
            finished.enter()
            Thread.detachNewThread { [self] in
                defer { finished.leave() }
                do {
                    _ = try fuseLane(from: lower, to: upper, jobs: perLane, budget: mentionBudget, stop: state) {
                        state.fused($0, progress)
                    }
                } catch {
                    state.fail(error)
                }
            }
        }
        finished.wait()
        return try state.result()
    }

    /// Group keys that cut the mentions into `lanes` runs of about as many mentions, nil at the open ends: one
    /// lane when the group index is missing (a walk of the index finds each cut).
    func laneBounds(lanes: Int) throws -> [String?] {
        guard lanes > 1 else { return [nil, nil] }
        return try read { db in
            guard !(try BulkIndexDeferral.missing(db).contains("mentions_group")) else { return [nil, nil] }
            let total = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM mentions") ?? 0
            var cuts: [String?] = [nil]
            for k in 1..<lanes {
                let key = try String.fetchOne(db, sql: """
                    SELECT group_key FROM mentions INDEXED BY mentions_group ORDER BY group_key LIMIT 1 OFFSET ?
                    """, arguments: [total * k / lanes])
                if let key, key != cuts[cuts.count - 1] { cuts.append(key) }  // a group larger than a lane
            }
            cuts.append(nil)
            return cuts
        }
    }

    /// The dirty groups from `lower` (inclusive) to `upper` (exclusive), nil for no bound, fused in rounds; the
    /// count of groups fused. `progress` is told the round's groups after each round.
    private func fuseLane(from lower: String?, to upper: String?, jobs: Int, budget: Int, stop: LaneState,
                          progress: (_ round: Int) -> Void) throws -> Int {
        let rounds = RoundQueue()
        let reading = DispatchGroup()
        reading.enter()
        Thread.detachNewThread { [self] in
            defer { reading.leave() }
            do {
                try readSortedRounds(from: lower, to: upper, budget: budget, into: rounds)
                rounds.finish(nil)
            } catch {
                rounds.finish(error)
            }
        }
        var done = 0
        defer {
            rounds.cancel()
            reading.wait()
        }
        while !stop.failed, let round = try rounds.next() {
            let groups = round.map(\.group)
            // the round's mentions go with `fuse`: a large group's are not held while its events are written
            let fused = Store.fuse(consume round, jobs: jobs)
            try write { db in
                for (g, f) in zip(groups, fused) {
                    try Store.store(f, group: g, db)
                    try Store.exec(db, "DELETE FROM dirty_groups WHERE group_key = ?", arguments: [g])
                }
            }
            done += groups.count
            rounds.fused()
            progress(groups.count)
        }
        return done
    }

    /// The lanes' count of groups fused, told to `progress` one round at a time, and the first lane's error:
    /// the other lanes stop after their round.
    final class LaneState: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private var failure: Error?

        var failed: Bool { lock.withLock { failure != nil } }

        func fused(_ groups: Int, _ progress: ((Int) -> Void)?) {
            lock.withLock {
                done += groups
                progress?(done)
            }
        }

        func fail(_ error: Error) {
            lock.withLock { if failure == nil { failure = error } }
        }

        func result() throws -> Int {
            try lock.withLock {
                if let failure { throw failure }
                return done
            }
        }
    }

    /// Whether `dirtyGroups` are fused faster in one pass over the whole table than group by group: from `from`
    /// groups, when they are a quarter of the store's `events` or more (about a group each). Group by group costs
    /// a random page read for each of their mentions; one pass reads every mention in order, dirty or not.
    static func fusesInOnePass(dirtyGroups: Int, events: Int, from: Int) -> Bool {
        dirtyGroups >= from && dirtyGroups * 4 >= events
    }

    /// The groups of a round fused on `jobs` threads, the largest first so that the threads finish together.
    private static func fuse(_ round: consuming [GroupMentions], jobs: Int) -> [Fused] {
        let sizes = round.map(\.mentions.count)
        let bySize = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var ordered: [GroupMentions] = []
        ordered.reserveCapacity(bySize.count)
        for i in bySize { ordered.append(round[i]) }
        round = []
        var fused = [Fused?](repeating: nil, count: sizes.count)
        for (k, f) in parallelMap(consume ordered, jobs: jobs, { fuse($0.mentions, group: $0.group) }).enumerated() {
            fused[bySize[k]] = f
        }
        return fused.map { $0! }
    }

    /// The dirty groups' mentions in group and id order, from `lower` to before `upper`, cut into rounds of
    /// whole groups.
    private func readSortedRounds(from lower: String?, to upper: String?, budget: Int, into rounds: RoundQueue) throws {
        do {
            try pool.unsafeRead { db in
                // the sort spills to temporary files, not to memory
                try db.execute(sql: "PRAGMA temp_store = FILE")
                defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
                var rows = RawStatement(try db.cachedStatement(sql: Store.sortedDirtyMentions))
                rows.bind(lower)
                rows.bind(upper)
                defer { rows.reset() }  // when the fusing side stopped first
                let values = RepeatedValues(columns: Store.mentionColumnCount + 1)
                var round: [Store.GroupMentions] = []
                var inRound = 0
                var current: Store.GroupMentions? = nil
                let pause = max(1, budget / 4)
                while try rows.next(db) {
                    let group = values.string(rows, Int32(Store.mentionColumnCount)) ?? ""
                    if current?.group != group {
                        if let c = current {
                            inRound += c.mentions.count
                            round.append(c)
                            if inRound >= budget {
                                guard rounds.put(round) else { return }
                                round = []
                                inRound = 0
                            }
                        }
                        current = Store.GroupMentions(group: group, mentions: [])
                    }
                    current!.mentions.append(Store.mention(rows, values))
                    // a large group is read on once the round before it is written: memory holds one
                    if current!.mentions.count % pause == 0 { guard rounds.awaitIdle() else { return } }
                }
                if let c = current { round.append(c) }
                if !round.isEmpty { _ = rounds.put(round) }
            }
        } catch let e as DatabaseError { throw Store.wrap(e, path) }
    }

    /// Every mention of a dirty group between two keys (NULL: no bound), read from the table in its order (not
    /// through the group index, which would visit the rows in no order) and sorted by group and id.
    static let sortedDirtyMentions = """
        SELECT \(mentionColumns), m.group_key
        FROM mentions m NOT INDEXED JOIN documents d INDEXED BY documents_fields ON d.id = m.document_id
        WHERE m.group_key IN (SELECT group_key FROM dirty_groups
                              WHERE (?1 IS NULL OR group_key >= ?1) AND (?2 IS NULL OR group_key < ?2))
        ORDER BY m.group_key, m.id
        """

    struct GroupMentions: @unchecked Sendable {
        var group: String
        var mentions: [EventMention]
    }

    /// Rounds handed from the reading thread to the fusing one: memory holds the round being fused and the next.
    final class RoundQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var waiting: [[GroupMentions]] = []
        private var fusing = false
        private var ended = false
        private var failure: Error?
        private var cancelled = false

        /// Waits until no round waits or is being fused; false once the reader has gone.
        func awaitIdle() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while (!waiting.isEmpty || fusing) && !cancelled { condition.wait() }
            return !cancelled
        }

        /// The round last taken is written.
        func fused() {
            condition.lock()
            fusing = false
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for room; false once the reader has gone.
        func put(_ round: [GroupMentions]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while !waiting.isEmpty && !cancelled { condition.wait() }
            if cancelled { return false }
            waiting.append(round)
            condition.broadcast()
            // and until it is taken: the reader builds the next round while this one is fused, not a third
            while !waiting.isEmpty && !cancelled { condition.wait() }
            return !cancelled
        }

        func finish(_ error: Error?) {
            condition.lock()
            ended = true
            failure = error
            condition.broadcast()
            condition.unlock()
        }

        /// The next round; nil at the end; the reader's error.
        func next() throws -> [GroupMentions]? {
            condition.lock()
            defer { condition.unlock() }
            while waiting.isEmpty && !ended { condition.wait() }
            if !waiting.isEmpty {
                fusing = true
                condition.broadcast()
                return waiting.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        /// The fusing side stops: the reader's next `put` returns false.
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

