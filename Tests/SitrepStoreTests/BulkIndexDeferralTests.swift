import Foundation
import GRDB
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

/// An ingest large next to its store writes without the indexes of mentions by group and by id and builds them
/// before it fuses; a small one keeps them; a store left without them gets them back before the next fusion.
@Suite struct BulkIndexDeferralTests {
    /// Both indexes present (true), both missing (false); one without the other fails the test.
    func hasIndex(_ store: Store) throws -> Bool {
        let missing = try store.read { db in try BulkIndexDeferral.missing(db) }
        #expect(missing.isEmpty || missing == ["mentions_group", "mentions_id"])
        return missing.isEmpty
    }

    /// A store of the south corpus, ingested in batches of 8 (no index left out).
    func ingestedStore(_ path: String) throws -> Store {
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        _ = try store.ingest(docs, batchSize: 8, extract: extract)
        return store
    }

    static let events = "SELECT * FROM events ORDER BY id"
    static let changes = """
        SELECT place_key, date_start, controller_id, previous_id, modality, confidence, sources, events, evidence
        FROM control_changes ORDER BY place_key, date_start, controller_id
        """

    @Test func aBulkIngestWritesWithoutTheIndexAndFusesTheSame() throws {
        let bulk = Fixtures.tempPath("bulk.sqlite"), plain = Fixtures.tempPath("plain.sqlite")
        defer { Fixtures.remove(bulk); Fixtures.remove(plain) }
        let (docs, extract) = try Fixtures.southCorpus()

        let a = try Store(path: plain)
        var withIndex: [Bool] = []
        _ = try a.ingest(docs, batchSize: 4, extract: extract, progress: { _ in
            withIndex.append((try? self.hasIndex(a)) ?? false)
        })
        #expect(!withIndex.isEmpty && withIndex.allSatisfy { $0 }, "the default threshold is far above this corpus")

        let b = try Store(path: bulk)
        var states: [(mentions: Int, indexed: Bool, listed: Int, marked: Bool)] = []
        var finishing: [(fused: Int, groups: Int)] = []
        var indexing: [Bool] = []
        var given = 0
        let r = try b.ingest(batches: {
            let batch = Array(docs.dropFirst(given).prefix(4))
            given += batch.count
            return batch.isEmpty ? nil : batch
        }, extract: extract, progress: { r in
            let (listed, marked) = try! b.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups")!,
                 try Int.fetchOne(db, sql: "SELECT mention_rowid FROM dirty_after") == 0)
            }
            states.append((r.mentions, (try? self.hasIndex(b)) ?? false, listed, marked))
        }, indexing: { indexing.append($0) }, finishing: { finishing.append(($0, $1)) }, bulkMentions: 20)
        // told the groups waiting, then the groups fused after each round, up to all of them
        let groups = try b.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT group_key) FROM mentions") ?? 0 }
        #expect(finishing.first?.fused == 0)
        #expect(finishing.count >= 2 && finishing.allSatisfy { $0.groups == groups })
        #expect(finishing.last?.fused == groups)
        #expect(finishing.map(\.fused) == finishing.map(\.fused).sorted())
        #expect(r.mentions > 40)
        // indexed until the ingest has written 20 mentions, then without the index to the end
        let firstOut = try #require(states.firstIndex { !$0.indexed })
        #expect(states[firstOut].mentions >= 20)
        #expect(firstOut == 0 || states[firstOut - 1].mentions < 20)
        #expect(states[firstOut...].allSatisfy { !$0.indexed })
        // from then on no group is listed as dirty: the mentions after the store's first row id (0) are
        #expect(states[..<firstOut].allSatisfy { !$0.marked })
        #expect(states[firstOut...].allSatisfy { $0.marked && $0.listed == states[firstOut].listed })
        #expect(states[firstOut].listed > 0 && states.last!.mentions > states[firstOut].mentions)
        #expect(indexing == [false], "once, at the end")
        #expect(try hasIndex(b), "built again before fusing")
        #expect(try b.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_after") } == 0)
        #expect(try b.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") } == 0)
        for sql in [Self.events, Self.changes] {
            let x = try a.read { db in try Row.fetchAll(db, sql: sql) }
            let y = try b.read { db in try Row.fetchAll(db, sql: sql) }
            #expect(!x.isEmpty)
            #expect(x == y, "\(sql)")
        }
    }

    @Test func aSmallIngestIntoALargerStoreKeepsTheIndex() throws {
        let path = Fixtures.tempPath("small-after-large.sqlite")
        defer { Fixtures.remove(path) }
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        let half = docs.count * 3 / 4
        _ = try store.ingest(Array(docs[..<half]), batchSize: 4, extract: extract)
        let stored = try store.counts().mentions
        var indexed: [Bool] = []
        let r = try store.ingest(Array(docs[half...]), batchSize: 4, extract: extract, progress: { _ in
            indexed.append((try? self.hasIndex(store)) ?? false)
        }, bulkMentions: 1)
        #expect(r.mentions > 0 && r.mentions < stored, "fewer new mentions than the store held")
        #expect(indexed.allSatisfy { $0 })
    }

    @Test func aStoreLeftWithoutTheIndexGetsItBackBeforeFusing() throws {
        let path = Fixtures.tempPath("no-index.sqlite")
        defer { Fixtures.remove(path) }
        let store = try ingestedStore(path)
        let before = try store.read { db in try Row.fetchAll(db, sql: Self.events) }
        // what an ingest killed while it wrote without the index leaves
        try store.write { db in
            try db.execute(sql: """
                DROP INDEX mentions_group; DROP INDEX mentions_id; INSERT INTO dirty_groups SELECT DISTINCT group_key FROM mentions
                """)
        }
        #expect(try !hasIndex(store))
        #expect(try store.refuseDirtyGroups(jobs: 2) > 10)
        #expect(try hasIndex(store))
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.events) } == before)
    }

    /// An ingest killed while it listed no dirty group (it kept the row id after which every mention's group is
    /// dirty): the next fusion lists exactly the groups of the later mentions, and fuses them.
    @Test func theGroupsAnInterruptedBulkIngestDidNotListAreFusedNext() throws {
        let path = Fixtures.tempPath("unlisted.sqlite")
        defer { Fixtures.remove(path) }
        let store = try ingestedStore(path)
        let before = try store.read { db in try Row.fetchAll(db, sql: Self.events) }
        let (all, half) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT MAX(rowid) FROM mentions")!,
             try Int.fetchOne(db, sql: "SELECT MAX(rowid) / 2 FROM mentions")!)
        }
        let later = try store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT group_key FROM mentions WHERE rowid > ? ORDER BY group_key",
                                arguments: [half])
        }
        #expect(!later.isEmpty && all > half)
        try store.write { db in
            try db.execute(sql: "DROP INDEX mentions_group; DROP INDEX mentions_id; INSERT INTO dirty_after VALUES (?)",
                           arguments: [half])
        }
        try store.ensureIndexes()
        #expect(try hasIndex(store))
        let listed = try store.read { db in
            try String.fetchAll(db, sql: "SELECT group_key FROM dirty_groups ORDER BY group_key")
        }
        #expect(listed == later)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_after") } == 0)
        // from row id 0: every group, fused again from nothing
        try store.write { db in
            try db.execute(sql: "DELETE FROM dirty_groups; DELETE FROM events; DELETE FROM control_changes")
            try db.execute(sql: "DROP INDEX mentions_group; INSERT INTO dirty_after VALUES (0)")
        }
        let groups = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT group_key) FROM mentions")!
        }
        #expect(try store.refuseDirtyGroups(jobs: 2) == groups)
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.events) } == before)
    }

    /// Groups fused while the input paused are not counted again at the end: the end counts up to the groups
    /// still waiting then.
    @Test func theEndCountsOnlyTheGroupsLeftAfterAPause() throws {
        let path = Fixtures.tempPath("pause-count.sqlite")
        defer { Fixtures.remove(path) }
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        var given = 0
        var pauses = 0
        var finishing: [(fused: Int, groups: Int)] = []
        let r = try store.ingest(batches: {
            if given == 8 { Thread.sleep(forTimeInterval: 1.6) }  // a pause: the first batches are fused
            let batch = Array(docs.dropFirst(given).prefix(4))
            given += batch.count
            return batch.isEmpty ? nil : batch
        }, extract: extract, fused: { _ in pauses += 1 }, finishing: { finishing.append(($0, $1)) })
        #expect(pauses >= 1)
        let groups = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT group_key) FROM mentions") ?? 0 }
        let waiting = try #require(finishing.first?.groups)
        #expect(waiting > 0 && waiting < groups, "some groups were fused in the pause")
        #expect(finishing.first?.fused == 0)
        #expect(finishing.last?.fused == waiting)
        #expect(finishing.allSatisfy { $0.groups == waiting && $0.fused <= waiting })
        #expect(r.eventsTouched > waiting, "the groups of the pause and of the end")
    }

    /// Without the index of ids a second row with an id can be written; when the index is built the later row
    /// stays, as it replaces the earlier with the index, and every other row is as it was.
    @Test func aRepeatedIdWrittenWithoutTheIndexKeepsTheLaterRow() throws {
        let path = Fixtures.tempPath("repeated-id.sqlite")
        defer { Fixtures.remove(path) }
        let store = try ingestedStore(path)
        let rows = "SELECT * FROM mentions ORDER BY id"
        let before = try store.read { db in try Row.fetchAll(db, sql: rows) }
        let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM mentions ORDER BY rowid LIMIT 2") }
        try store.write { db in
            try db.execute(sql: "DROP INDEX mentions_group; DROP INDEX mentions_id")
            for id in ids {
                try db.execute(sql: "INSERT INTO mentions SELECT * FROM mentions WHERE id = ?", arguments: [id])
                try db.execute(sql: "UPDATE mentions SET evidence = 'later: ' || evidence WHERE rowid = last_insert_rowid()")
            }
        }
        #expect(try store.counts().mentions == before.count + 2)
        try store.ensureIndexes()
        #expect(try hasIndex(store))
        let after = try store.read { db in try Row.fetchAll(db, sql: rows) }
        #expect(after.count == before.count)
        for (a, b) in zip(before, after) {
            let id: String = a["id"]
            #expect(b["id"] == id)
            let evidence: String = a["evidence"]
            #expect(b["evidence"] == (ids.contains(id) ? "later: " + evidence : evidence))
        }
        let refused = #expect(throws: SitrepError.self) {
            try store.write { db in try db.execute(sql: "INSERT INTO mentions SELECT * FROM mentions LIMIT 1") }
        }
        #expect(refused?.message.contains("UNIQUE constraint failed: mentions.id") == true)
    }
    /// A pause that fuses builds the index again, and it stays for the rest of that ingest.
    @Test func afterAPauseTheIndexStays() throws {
        let path = Fixtures.tempPath("pause-index.sqlite")
        defer { Fixtures.remove(path) }
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        _ = try store.ingest(Array(docs.prefix(4)), batchSize: 4, extract: extract)
        var d = BulkIndexDeferral(threshold: 10, storedBefore: 5)
        try d.committed(mentions: 9, store)
        #expect(!d.deferred)
        #expect(try hasIndex(store), "below the threshold")
        try d.committed(mentions: 10, store)
        #expect(d.deferred)
        #expect(try !hasIndex(store))
        try d.restore(store, final: false)
        #expect(!d.deferred)
        #expect(try hasIndex(store))
        try d.committed(mentions: 500, store)
        #expect(!d.deferred)
        #expect(try hasIndex(store), "settled by the pause")
    }
}
