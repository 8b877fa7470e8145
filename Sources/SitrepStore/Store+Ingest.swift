import Foundation
import GRDB
import SitrepCore
import SitrepFuse
import SitrepIngest

/// What one `ingest` added.
public struct IngestResult: Sendable {
    public var read = 0
    public var added = 0
    public var skipped = 0
    public var mentions = 0
    public var eventsTouched = 0
}

extension Store {
    /// Adds documents not yet stored (same id, URL or content are skipped), finds copies of stories, extracts,
    /// and re-fuses the events and timelines the new mentions touch. One transaction per batch.
    public func ingest(_ docs: [Document], batchSize: Int = 256, jobs: Int = 1,
                       extract: @escaping @Sendable (Document) -> [EventMention],
                       progress: ((IngestResult) -> Void)? = nil, bulkMentions: Int = 100_000) throws -> IngestResult {
        var start = 0
        return try ingest(batches: {
            let batch = Array(docs[start..<min(docs.count, start + batchSize)])
            start += batch.count
            return batch.isEmpty ? nil : batch
        }, jobs: jobs, extract: extract, progress: progress, bulkMentions: bulkMentions)
    }

    /// The same for batches that arrive one by one (a stream of input): `batches` returns nil at the end.
    ///
    /// While the stream pauses, the events and timelines of what it stored are fused (see `PauseFusion`), and
    /// `fused` is told. `indexing` is told when the indexes are built: first if an earlier bulk ingest did not end
    /// (`resuming`), and at the end of a bulk ingest. Once the input has ended, `finishing` is told
    /// how many groups of mentions wait to be fused, then how many are done, after each round. From
    /// `bulkMentions` new mentions (and at least as many as the store held), the indexes of mentions by group and
    /// by id and the list of dirty groups are left out until the end (see `BulkIndexDeferral`), and the groups are
    /// fused in one pass over the table (see `refuseDirtyGroupsInOnePass`), as are `onePassGroups` dirty groups or
    /// more when they are a quarter of the store's events or more.
    public func ingest(batches: () throws -> [Document]?, jobs: Int = 1,
                       extract: @escaping @Sendable (Document) -> [EventMention],
                       progress: ((IngestResult) -> Void)? = nil,
                       fused: ((IngestResult) -> Void)? = nil,
                       indexing: ((_ resuming: Bool) -> Void)? = nil,
                       finishing: ((_ fused: Int, _ groups: Int) -> Void)? = nil,
                       bulkMentions: Int = 100_000, onePassGroups: Int = 10_000) throws -> IngestResult {
        var result = IngestResult()
        // what a bulk ingest killed before its end left undone, before anything else
        try ensureIndexes { indexing?(true) }
        var deferral = BulkIndexDeferral(threshold: bulkMentions, storedBefore: try read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM mentions") ?? 0
        })
        var stories = StoryMap()  // input story → stored story, for the whole run
        // copies are looked for among the documents stored before this run: within the run, the input's own
        // grouping decides, whatever the batches (and batch k + 1 is prepared before batch k is committed)
        let storedBefore = try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM documents") ?? 0 }
        var pending: Prepared? = nil
        let paused = PauseFusion()
        // batch k is written while batch k + 1 is awaited, checked and extracted on another thread: a stream that
        // pauses has its last batch stored while it waits. That thread is joined before each turn ends, also
        // when the turn throws: `batches` does not outlive the call.
        try withoutActuallyEscaping(batches) { batches in
            // the threads hold the box, not the closure, which is let go before `withoutActuallyEscaping` ends
            final class Source: @unchecked Sendable { var batches: (() throws -> [Document]?)? }
            let source = Source()
            source.batches = batches
            defer { source.batches = nil }
            var ended = false
            while !ended || pending != nil {
                final class Box: @unchecked Sendable { var value: Result<Prepared?, Error>? }
                let next = Box()
                let preparing = DispatchGroup()
                if !ended {
                    let exclude = pending?.keys ?? Keys()
                    let known = stories
                    // a thread of its own: GRDB's writer queue must not wait for a dispatch thread the
                    // extraction holds
                    preparing.enter()
                    Thread.detachNewThread {
                        defer { preparing.leave() }
                        next.value = Result {
                            paused.awaiting(true)
                            let batch = try source.batches!()
                            paused.awaiting(false)
                            guard let batch, !batch.isEmpty else { return nil }
                            return try self.prepare(batch, excluding: exclude, stories: known, storedBefore: storedBefore,
                                                    jobs: jobs, extract: extract)
                        }
                    }
                }
                var failure: Error? = nil
                if let p = pending {
                    do {
                        try commit(p, into: &result, listingGroups: !deferral.deferred)
                        result.read += p.read
                        if !p.fresh.isEmpty { paused.stored() }
                        try deferral.committed(mentions: result.mentions, self)
                        progress?(result)
                    } catch { failure = error }
                }
                // while the input pauses, the stored batches' groups are fused: a stream's events stay current
                while failure == nil && preparing.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
                    guard paused.isDue else { continue }
                    do {
                        try deferral.restore(self, final: false)
                        result.eventsTouched += try paused.fuse { try refuseDirtyGroups(jobs: jobs) }
                        fused?(result)
                    } catch { failure = error }
                }
                preparing.wait()
                if let failure { throw failure }
                pending = nil
                if !ended {
                    pending = try next.value!.get()
                    if pending == nil { ended = true }
                }
                if let p = pending {
                    stories.map.merge(p.stories.map) { a, _ in a }
                    stories.owned.formUnion(p.stories.owned)
                }
            }
        }
        // a bulk ingest, or one that finds much of the store dirty (what an interrupted bulk ingest left), fuses
        // in one pass over the table, sorted by group; what is left (groups without mentions) group by group
        let bulk = deferral.deferred
        if bulk { indexing?(false) }
        try deferral.restore(self, final: true)
        let dirty = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") ?? 0 }
        finishing?(0, dirty)
        // counted from here: groups fused during pauses are not among the `dirty` ones; the events are counted
        // only for many dirty groups (a scan of an index: not for every small ingest into a large store)
        let onePass = try bulk || dirty >= onePassGroups && Store.fusesInOnePass(
            dirtyGroups: dirty, events: read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 },
            from: onePassGroups)
        let inOnePass = onePass ? try refuseDirtyGroupsInOnePass(jobs: jobs) { finishing?($0, dirty) } : 0
        let rest = try refuseDirtyGroups(jobs: jobs) { finishing?(inOnePass + $0, dirty) }
        result.eventsTouched += inOnePass + rest
        return result
    }

    /// Fuses again every group whose mentions changed (also those an interrupted ingest left), up to 400 groups
    /// and about `mentionBudget` mentions a transaction (memory holds their mentions and events: a few large
    /// groups, not the whole store): they are read and fused on `jobs` threads, then written in one
    /// transaction. Returns the number of groups fused.
    @discardableResult
    public func refuseDirtyGroups(jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  mentionBudget: Int = 20_000, progress: ((Int) -> Void)? = nil) throws -> Int {
        try ensureIndexes()
        var done = 0
        var after = ""
        while true {
            let sized = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT group_key, (SELECT COUNT(*) FROM mentions m WHERE m.group_key = d.group_key)
                    FROM dirty_groups d WHERE group_key > ? ORDER BY group_key LIMIT 400
                    """, arguments: [after]).map { (key: $0[0] as String, mentions: $0[1] as Int) }
            }
            var groups: [String] = []
            var sizes: [Int] = []
            var mentions = 0
            for g in sized {
                // a group larger than the budget goes alone
                if !groups.isEmpty && mentions + g.mentions > mentionBudget { break }
                groups.append(g.key)
                sizes.append(g.mentions)
                mentions += g.mentions
            }
            guard let last = groups.last else { return done }
            after = last
            // the largest groups first, so that the threads finish together
            let bySize = groups.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
            var fused = [Result<Fused, Error>?](repeating: nil, count: groups.count)
            for (k, f) in Store.parallelMap(bySize.map { groups[$0] }, jobs: jobs, { [self] g in
                Result { try read { db in try Store.fuse(group: g, db) } }
            }).enumerated() {
                fused[bySize[k]] = f
            }
            try write { db in
                for (g, f) in zip(groups, fused) {
                    try Store.store(try f!.get(), group: g, db)
                    try Store.exec(db, "DELETE FROM dirty_groups WHERE group_key = ?", arguments: [g])
                }
            }
            done += groups.count
            progress?(done)
        }
    }

    /// Builds the indexes of mentions, and lists the dirty groups, that a bulk ingest left out if it did not end;
    /// `building` is told first when there is such work.
    func ensureIndexes(building: (() -> Void)? = nil) throws {
        guard try read({ db in try BulkIndexDeferral.isPending(db) }) else { return }
        building?()
        try BulkIndexDeferral.build(self)
    }

    /// A group's events and, for a territory group, its place's timeline, from its stored mentions.
    struct Fused {
        var events: [FusedEvent]
        var place: String?
        var changes: [ControlChange]
    }

    static func fuse(group: String, _ db: Database) throws -> Fused {
        fuse(try Store.mentions(group: group, db), group: group)
    }

    static func fuse(_ ms: [EventMention], group: String) -> Fused {
        let events = EventFuser().fuse(ms)
        if group.hasPrefix("territory|"), let key = ms.first?.place?.key {
            return Fused(events: events, place: key, changes: ControlTimeline(events: events).changes)
        }
        return Fused(events: events, place: nil, changes: [])
    }

    static func store(_ f: Fused, group: String, _ db: Database) throws {
        try Store.exec(db, "DELETE FROM events WHERE group_key = ?", arguments: [group])
        for e in f.events { try Store.insert(e, group: group, db) }
        if let key = f.place {
            try Store.exec(db, "DELETE FROM control_changes WHERE place_key = ?", arguments: [key])
            for c in f.changes { try Store.insert(c, db) }
        }
    }

    /// What a batch adds: the new documents with their stories, samples and mentions.
    struct Prepared: @unchecked Sendable {
        var read: Int
        var skipped: Int
        var fresh: [Document]
        var hashes: [String]
        var samples: [[UInt64]]
        var found: [[EventMention]]
        var stories: StoryMap
        var keys: Keys
    }

    /// Input stories mapped to stored ones, and the stored stories that belong to this input.
    struct StoryMap: Sendable {
        var map: [String: String] = [:]
        var owned: Set<String> = []
    }

    /// Ids, content hashes and URLs of a batch not yet committed: the next batch must not add them again.
    struct Keys: Sendable {
        var ids = Set<String>(), hashes = Set<String>(), urls = Set<String>()
    }

    /// Steps 1–3 of a batch, reading only: what is new, its stories, its mentions.
    private func prepare(_ batch: [Document], excluding pending: Keys, stories known: StoryMap,
                         storedBefore: Int64, jobs: Int,
                         extract: @escaping @Sendable (Document) -> [EventMention]) throws -> Prepared {
        // 1. what is new (by id, URL, content), outside the write lock
        var fresh: [Document] = []
        var hashes: [String] = []
        var keys = Keys()
        var storyMap = known.map
        var owned = known.owned
        try read { db in
            for d in batch {
                let h = Store.contentHash(d.text)
                let stored = try String.fetchOne(try db.cachedStatement(sql: """
                    SELECT COALESCE((SELECT story FROM documents WHERE id = ?), (SELECT story FROM documents WHERE content_hash = ?),
                                    (SELECT story FROM documents WHERE url = ?))
                    """), arguments: [d.id, h, d.url])
                let known = stored != nil
                if let stored {
                    // a document of this input stored by an earlier (perhaps interrupted) run: its input story
                    // continues the stored one, and the store's stories of this input are no "earlier copies"
                    if storyMap[d.story ?? d.id] == nil { storyMap[d.story ?? d.id] = stored }
                    owned.insert(stored)
                }
                let seen = keys.ids.contains(d.id) || keys.hashes.contains(h) || d.url.map(keys.urls.contains) == true
                let inPending = pending.ids.contains(d.id) || pending.hashes.contains(h) || d.url.map(pending.urls.contains) == true
                if known || seen || inPending { continue }
                keys.ids.insert(d.id)
                keys.hashes.insert(h)
                if let u = d.url { keys.urls.insert(u) }
                fresh.append(d)
                hashes.append(h)
            }
        }
        // 2. stories, against the store and within the batch (shingle samples computed once per document)
        let samples = fresh.map { Store.storySamples($0) }
        let stories = try assignStories(&fresh, samples: samples,
                                        known: StoryMap(map: storyMap, owned: owned), storedBefore: storedBefore)
        // 3. extraction, in parallel, in order
        let found = Store.parallelMap(fresh, jobs: jobs, extract)
        return Prepared(read: batch.count, skipped: batch.count - fresh.count, fresh: fresh, hashes: hashes,
                        samples: samples, found: found, stories: stories, keys: keys)
    }

    /// Step 4 of a batch, one transaction: documents, samples, mentions, and the groups to fuse again (unless a
    /// bulk ingest lists them at its end).
    private func commit(_ p: Prepared, into result: inout IngestResult, listingGroups: Bool) throws {
        result.skipped += p.skipped
        guard !p.fresh.isEmpty else { return }
        let fresh = p.fresh, hashes = p.hashes, samples = p.samples, found = p.found
        // 4. one transaction: documents, mentions, re-fused events and timelines
        try write { db in
            var groups = Set<String>()
            var firstRow: Int64? = nil
            for (i, d) in fresh.enumerated() {
                var row = RawStatement(try db.cachedStatement(sql: """
                    INSERT INTO documents (id, url, outlet, title, published, story, content_hash, text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """))
                row.bind(d.id); row.bind(d.url); row.bind(d.outlet); row.bind(d.title)
                row.bind(d.published?.description); row.bind(d.story ?? d.id); row.bind(hashes[i]); row.bind(d.text)
                try row.run(db)
                let rowid = db.lastInsertedRowID
                if firstRow == nil { firstRow = rowid }
                for h in samples[i] {
                    // one statement counts the documents carrying the shingle and gives the count back
                    let key = Int(Int64(bitPattern: h))
                    var count = RawStatement(try db.cachedStatement(sql: """
                        INSERT INTO shingle_df VALUES (?, 1) ON CONFLICT (hash) DO UPDATE SET n = n + 1 RETURNING n
                        """))
                    count.bind(key)
                    var n = 1
                    while try count.next(db) { n = count.int(0) ?? 1 }
                    if n <= Store.maximumPostings {
                        var posting = RawStatement(try db.cachedStatement(sql: "INSERT INTO shingle_samples VALUES (?, ?)"))
                        posting.bind(key); posting.bind(Int(rowid))
                        try posting.run(db)
                    }
                }
                for k in found[i].indices {  // not `for m in`: that copies each mention
                    try Store.insert(found[i][k], db)
                    if listingGroups { groups.insert(Store.groupKey(found[i][k])) }
                    result.mentions += 1
                }
            }
            // the batch's documents enter the full-text index at once (one flush of FTS5's pending terms)
            if let firstRow {
                try Store.exec(db, """
                    INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE rowid >= ?
                    """, arguments: [firstRow])
            }
            // fusion waits for the end of the ingest: fusing a large group after every batch would cost the
            // square of its size; the dirty list survives an interruption
            for g in groups.sorted() {
                try Store.exec(db, "INSERT OR IGNORE INTO dirty_groups VALUES (?)", arguments: [g])
            }
        }
        result.added += fresh.count
    }

    /// `transform` of every item on `jobs` threads of their own (not dispatch's pool, which GRDB's queues share),
    /// in order. Each thread takes the next item not yet taken: one large item (the group of mentions of a
    /// much-reported place) does not leave the other threads a share of their own to wait behind.
    static func parallelMap<T, U>(_ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) -> U) -> [U] {
        var out = [U?](repeating: nil, count: items.count)
        let n = max(1, min(jobs, items.count))
        let done = DispatchGroup()
        nonisolated(unsafe) let input = items
        let next = NextIndex()
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let base = buf.baseAddress!
            for _ in 0..<n {
                done.enter()
                Thread.detachNewThread {
                    while let i = next.take(below: input.count) {
                        (base + i).pointee = transform(input[i])
                    }
                    done.leave()
                }
            }
            done.wait()
        }
        // moved out, not copied: a copy of a mention retains its dozen strings
        var result: [U] = []
        result.reserveCapacity(out.count)
        for i in out.indices { result.append(out[i].take()!) }
        return result
    }

    /// The next index to work on, shared by the threads of `parallelMap`.
    final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Postings kept per sampled shingle in the store.
    static let maximumPostings = 50

    /// The store's sample of a text's shingles: one in 64, a handful per article, enough to find a copy.
    static func storySamples(_ doc: Document) -> [UInt64] {
        (doc.shingleSample ?? StoryDetector.samples(of: doc.text)).filter { $0 & 63 == 0 }
    }

    /// Sets `story` on new documents: a stored copy's story when one is found (the few stored documents
    /// sharing most sampled shingles are verified on their full text); else the story the input's own
    /// grouping gave (all copies within the input share it).
    private func assignStories(_ fresh: inout [Document], samples all: [[UInt64]],
                               known: StoryMap, storedBefore: Int64) throws -> StoryMap {
        let detector = StoryDetector()
        var storedStory = known.map  // input story → stored story
        // a store empty before this run has no earlier copy to look for
        if storedBefore > 0 {
            try read { db in
                for (n, d) in fresh.enumerated() {
                    let own = d.story ?? d.id
                    if storedStory[own] != nil { continue }
                    let samples = all[n]
                    guard !samples.isEmpty else { continue }
                    // one cached statement, the samples passed as a JSON array: no SQL text to parse per document
                    let list = "[" + samples.map { String(Int64(bitPattern: $0)) }.joined(separator: ",") + "]"
                    let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                        SELECT d.text, d.story FROM documents d JOIN (
                            SELECT document, COUNT(*) AS c FROM shingle_samples
                            WHERE hash IN (SELECT value FROM json_each(?)) AND document <= ?
                            GROUP BY document HAVING c >= ? ORDER BY c DESC LIMIT 3) s ON s.document = d.rowid
                        """), arguments: [list, storedBefore, min(2, samples.count)])
                    for r in rows where !known.owned.contains(r["story"]) {
                        let text: String = r["text"]
                        if detector.sameStory(d.text, text) {
                            storedStory[own] = r["story"]
                            break
                        }
                    }
                }
            }
        }
        for i in fresh.indices {
            let own = fresh[i].story ?? fresh[i].id
            fresh[i].story = storedStory[own] ?? own
        }
        return StoryMap(map: storedStory, owned: known.owned)
    }

    static func contentHash(_ text: String) -> String {
        // white space runs count as one space: a re-wrapped copy is the same text
        var h = StableHash()
        let n = h.add(collapsingSpace: text)
        return String(h.value, radix: 16) + "-" + String(n)
    }
}
