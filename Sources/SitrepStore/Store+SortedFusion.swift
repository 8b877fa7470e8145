import Foundation
import GRDB
import SitrepCore

extension Store {
    /// Fuses every dirty group in one pass over the mentions, sorted by group in SQLite's temporary files, and
    /// returns the number of groups fused; groups left without mentions are fused by `refuseDirtyGroups` after.
    ///
    /// For the end of a bulk ingest, when most of the store is dirty: reading group by group through the index
    /// costs a random page read for each mention, and a store larger than the page cache waits on the disk for
    /// each (a million articles: a few groups a second). Here the table is read in its order, once, and sorted.
    /// One thread reads (SQLite sorts in temporary files: memory holds rounds, not the table); `jobs` threads
    /// fuse a round of whole groups (about `mentionBudget` mentions) while the next is read; each round is
    /// written in one transaction. A group of more than a quarter of a round is read on only once the round
    /// before it is written: memory holds one such group, as when fusing group by group.
    @discardableResult
    func refuseDirtyGroupsInOnePass(jobs: Int, mentionBudget: Int = 20_000,
                                    progress: ((Int) -> Void)? = nil) throws -> Int {
        let rounds = RoundQueue()
        let reading = DispatchGroup()
        reading.enter()
        Thread.detachNewThread { [self] in
            defer { reading.leave() }
            do {
                try readSortedRounds(budget: mentionBudget, into: rounds)
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
        while let round = try rounds.next() {
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
            progress?(done)
        }
        return done
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

    /// The dirty groups' mentions in group and id order, cut into rounds of whole groups.
    private func readSortedRounds(budget: Int, into rounds: RoundQueue) throws {
        do {
            try pool.unsafeRead { db in
                // the sort spills to temporary files, not to memory
                try db.execute(sql: "PRAGMA temp_store = FILE")
                defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
                var rows = RawStatement(try db.cachedStatement(sql: Store.sortedDirtyMentions))
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

    /// Every mention of a dirty group, read from the table in its order (not through the group index, which
    /// would visit the rows in no order) and sorted by group and id.
    static let sortedDirtyMentions = """
        SELECT \(mentionColumns), m.group_key
        FROM mentions m NOT INDEXED JOIN documents d INDEXED BY documents_fields ON d.id = m.document_id
        WHERE m.group_key IN (SELECT group_key FROM dirty_groups) ORDER BY m.group_key, m.id
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

