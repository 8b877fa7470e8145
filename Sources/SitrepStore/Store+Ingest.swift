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
                       progress: ((IngestResult) -> Void)? = nil) throws -> IngestResult {
        var result = IngestResult()
        var start = 0
        while start < docs.count {
            let batch = Array(docs[start..<min(docs.count, start + batchSize)])
            start += batch.count
            result.read += batch.count
            try ingestBatch(batch, jobs: jobs, extract: extract, into: &result)
            progress?(result)
        }
        result.eventsTouched = try refuseDirtyGroups()
        return result
    }

    /// Fuses again every group whose mentions changed (also those an interrupted ingest left), a few hundred
    /// groups a transaction. Returns the number of groups fused.
    @discardableResult
    public func refuseDirtyGroups() throws -> Int {
        var done = 0
        while true {
            let n = try write { db -> Int in
                let groups = try String.fetchAll(db, sql: "SELECT group_key FROM dirty_groups ORDER BY group_key LIMIT 200")
                for g in groups {
                    try refuse(group: g, db)
                    try Store.exec(db, "DELETE FROM dirty_groups WHERE group_key = ?", arguments: [g])
                }
                return groups.count
            }
            done += n
            if n == 0 { return done }
        }
    }

    private func ingestBatch(_ batch: [Document], jobs: Int, extract: @escaping @Sendable (Document) -> [EventMention],
                             into result: inout IngestResult) throws {
        // 1. what is new (by id, URL, content), outside the write lock
        var fresh: [Document] = []
        var hashes: [String] = []
        try read { db in
            var seenIDs = Set<String>(), seenURLs = Set<String>(), seenHashes = Set<String>()
            for d in batch {
                let h = Store.contentHash(d.text)
                let known = try Bool.fetchOne(try db.cachedStatement(sql: """
                    SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?)
                        OR EXISTS(SELECT 1 FROM documents WHERE content_hash = ?)
                        OR EXISTS(SELECT 1 FROM documents WHERE url = ?)
                    """), arguments: [d.id, h, d.url]) ?? false
                if known || seenIDs.contains(d.id) || seenHashes.contains(h) || d.url.map(seenURLs.contains) == true {
                    continue
                }
                seenIDs.insert(d.id)
                seenHashes.insert(h)
                if let u = d.url { seenURLs.insert(u) }
                fresh.append(d)
                hashes.append(h)
            }
        }
        result.skipped += batch.count - fresh.count
        guard !fresh.isEmpty else { return }
        // 2. stories, against the store and within the batch (shingle samples computed once per document)
        let samples = fresh.map { Store.storySamples($0.text) }
        try assignStories(&fresh, samples: samples)
        // 3. extraction, in parallel, in order
        var found = [[EventMention]](repeating: [], count: fresh.count)
        let docs = fresh
        let n = max(1, jobs)
        found.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: n) { j in
                var i = j
                while i < docs.count {
                    (base + i).pointee = extract(docs[i])
                    i += n
                }
            }
        }
        // 4. one transaction: documents, mentions, re-fused events and timelines
        try write { db in
            var groups = Set<String>()
            for (i, d) in fresh.enumerated() {
                try Store.exec(db, """
                    INSERT INTO documents (id, url, outlet, title, published, story, content_hash, text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [d.id, d.url, d.outlet, d.title, d.published?.description, d.story ?? d.id,
                                     hashes[i], d.text])
                let rowid = db.lastInsertedRowID
                for h in samples[i] {
                    let key = Int64(bitPattern: h)
                    let n = try Int.fetchOne(try db.cachedStatement(sql: "SELECT n FROM shingle_df WHERE hash = ?"), arguments: [key]) ?? 0
                    try Store.exec(db, "INSERT OR REPLACE INTO shingle_df VALUES (?, ?)", arguments: [key, n + 1])
                    if n < Store.maximumPostings {
                        try Store.exec(db, "INSERT INTO shingle_samples VALUES (?, ?)", arguments: [key, rowid])
                    }
                }
                for m in found[i] {
                    try Store.insert(m, eventID: nil, db)
                    groups.insert(Store.groupKey(m))
                    result.mentions += 1
                }
            }
            // fusion waits for the end of the ingest: fusing a large group after every batch would cost the
            // square of its size; the dirty list survives an interruption
            for g in groups.sorted() {
                try Store.exec(db, "INSERT OR IGNORE INTO dirty_groups VALUES (?)", arguments: [g])
            }
        }
        result.added += fresh.count
    }

    /// Fuses one group's mentions again; for a territory group, rebuilds that place's timeline.
    func refuse(group: String, _ db: Database) throws {
        let ms = try Store.mentions(group: group, db)
        let events = EventFuser().fuse(ms)
        try Store.exec(db, "DELETE FROM events WHERE group_key = ?", arguments: [group])
        for e in events { try Store.insert(e, group: group, db) }
        if group.hasPrefix("territory|"), let key = ms.first?.place?.key {
            try Store.exec(db, "DELETE FROM control_changes WHERE place_key = ?", arguments: [key])
            for c in ControlTimeline(events: events).changes { try Store.insert(c, db) }
        }
    }

    /// Postings kept per sampled shingle in the store.
    static let maximumPostings = 50

    /// The store's sample of a text's shingles: one in 64, a handful per article, enough to find a copy.
    static func storySamples(_ text: String) -> [UInt64] {
        StoryDetector.samples(of: text).filter { $0 & 63 == 0 }
    }

    /// Sets `story` on new documents: a stored copy's story when one is found (the few stored documents
    /// sharing most sampled shingles are verified on their full text); else the story the input's own
    /// grouping gave (all copies within the input share it).
    private func assignStories(_ fresh: inout [Document], samples all: [[UInt64]]) throws {
        let detector = StoryDetector()
        var storedStory: [String: String] = [:]  // input story → stored story
        try read { db in
            for (n, d) in fresh.enumerated() {
                let own = d.story ?? d.id
                if storedStory[own] != nil { continue }
                let samples = all[n]
                guard !samples.isEmpty else { continue }
                let list = samples.map { String(Int64(bitPattern: $0)) }.joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT d.text, d.story FROM documents d JOIN (
                        SELECT document, COUNT(*) AS c FROM shingle_samples WHERE hash IN (\(list))
                        GROUP BY document HAVING c >= ? ORDER BY c DESC LIMIT 3) s ON s.document = d.rowid
                    """, arguments: [min(2, samples.count)])
                for r in rows {
                    let text: String = r["text"]
                    if detector.sameStory(d.text, text) {
                        storedStory[own] = r["story"]
                        break
                    }
                }
            }
        }
        for i in fresh.indices {
            let own = fresh[i].story ?? fresh[i].id
            fresh[i].story = storedStory[own] ?? own
        }
    }

    static func contentHash(_ text: String) -> String {
        // white space runs count as one space: a re-wrapped copy is the same text
        var h = StableHash()
        var space = false
        var n = 0
        for b in text.utf8 {
            if b == 32 || b == 10 || b == 13 || b == 9 { space = true; continue }
            if space && n > 0 { h.add(32); n += 1 }
            space = false
            h.add(b)
            n += 1
        }
        return String(h.value, radix: 16) + "-" + String(n)
    }
}
