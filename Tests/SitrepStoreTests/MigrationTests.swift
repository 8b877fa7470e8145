import Foundation
import GRDB
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

/// A store written by an earlier version opens, migrates, and answers as a store made by this one.
@Suite struct MigrationTests {
    static let mentionFields = """
        type, place_key, place_name, place_matched, geonameid, country, admin1, lat, lon, feature,
        actor_id, actor_name, actor_kind, target_id, target_name, target_kind, date_start, date_end, date_text,
        precision, modality, speaker, channel, source_kind, evidence, evidence_start, evidence_end, confidence, trigger
        """

    static let eventFields = """
        id, group_key, type, place_key, place_name, geonameid, country, admin1, lat, lon, actor_id, actor_name,
        actor_kind, target_id, target_name, target_kind, date_start, date_end, precision, modality, sources, denials,
        confidence, documents, mention_count, evidence, evidence_document
        """

    /// v5: the mention → event link moves from `mentions.event_id` to the event's `mention_ids`.
    @Test func eventsOfAVersion4StoreListTheirMentions() throws {
        let current = Fixtures.tempPath("current.sqlite"), old = Fixtures.tempPath("v4.sqlite")
        defer { Fixtures.remove(current); Fixtures.remove(old) }
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: current)
        _ = try store.ingest(docs, extract: extract)

        // the same content in a store with the schema of v4, where each mention row names its event
        do {
            let q = try storeOfVersion("v4", at: old, copying: current, """
                INSERT INTO documents SELECT * FROM a.documents;
                INSERT INTO mentions SELECT m.id, m.document_id, m.group_key,
                    (SELECT e.id FROM a.events e, json_each(e.mention_ids) j WHERE j.value = m.id),
                    \(Self.mentionFields) FROM a.mentions m;
                INSERT INTO events SELECT \(Self.eventFields) FROM a.events;
                INSERT INTO control_changes SELECT * FROM a.control_changes;
                """)
            let linked = try q.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions WHERE event_id IS NOT NULL") }
            #expect(linked == (try store.counts().mentions))
        }

        let migrated = try Store(path: old)
        #expect(try migrated.counts() == (try store.counts()))
        let columns = try migrated.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('mentions')") }
        #expect(!columns.contains("event_id"))
        #expect(columns.count == 32)
        let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM events ORDER BY id") }
        #expect(ids.count > 10)
        for id in ids {
            #expect(try migrated.mentions(event: id).map(\.id) == (try store.mentions(event: id).map(\.id)))
            #expect(try !store.mentions(event: id).isEmpty)
        }
        let sources = "SELECT event_id, document_id, modality FROM event_sources ORDER BY event_id, document_id, evidence"
        let before = try store.read { db in try Row.fetchAll(db, sql: sources).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" } }
        let after = try migrated.read { db in try Row.fetchAll(db, sql: sources).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" } }
        #expect(after == before)
        #expect(before.count == (try store.counts().mentions))
    }

    /// v6: documents enter the full-text index a batch at a time, not by a row trigger; shingle postings are
    /// indexed with their document. A store whose first documents were indexed by the trigger, migrated, then
    /// given the rest, finds what a store made now finds.
    @Test func theFullTextIndexOfAVersion5StoreGrowsByBatches() throws {
        let current = Fixtures.tempPath("current.sqlite"), old = Fixtures.tempPath("v5.sqlite")
        defer { Fixtures.remove(current); Fixtures.remove(old) }
        let (docs, extract) = try Fixtures.southCorpus()
        #expect(docs.count > 4)
        let half = docs.count / 2
        let store = try Store(path: current)
        _ = try store.ingest(docs, batchSize: 3, extract: extract)

        // the first half written as version 5 wrote it: the trigger indexes each row
        do {
            let q = try DatabaseQueue(path: old)
            try Store.migrator.migrate(q, upTo: "v5")
            try q.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS a", arguments: [current])
                try db.execute(sql: "INSERT INTO documents SELECT * FROM a.documents WHERE rowid <= ?", arguments: [half])
                try db.execute(sql: "DETACH DATABASE a")
            }
            #expect(try q.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents_fts('Taliban OR army OR city')") } ?? 0 > 0)
        }
        let migrated = try Store(path: old)
        _ = try migrated.ingest(Array(docs[half...]), batchSize: 3, extract: extract)
        #expect(try migrated.counts().documents == docs.count)
        let triggers = try migrated.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        #expect(triggers == ["__documents_fts_ad", "__documents_fts_au"])
        let indexes = try migrated.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shingle_samples'")
        }
        #expect(indexes == ["shingle_samples_hash_document"])
        for s in [store, migrated] {
            // v10: FTS5 merges 16 segments at once
            let merge = try s.read { db in
                try Int.fetchOne(db, sql: "SELECT v FROM documents_fts_config WHERE k = 'automerge'")
            }
            #expect(merge == 16)
            // FTS5 compares its index with the documents table, and fails on any difference
            try s.write { db in try db.execute(sql: "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)") }
        }
        let titles: [String] = try store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT title FROM documents WHERE title IS NOT NULL ORDER BY rowid")
        }
        var words: [String] = []
        for t in titles {
            for w in t.split(separator: " ").prefix(3) where w.count > 3 && w.allSatisfy(\.isLetter) { words.append(String(w)) }
        }
        #expect(words.count > 5)
        for w in words {
            let sql = "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? ORDER BY d.id"
            let a = try store.read { db in try String.fetchAll(db, sql: sql, arguments: [w]) }
            let b = try migrated.read { db in try String.fetchAll(db, sql: sql, arguments: [w]) }
            #expect(!a.isEmpty)
            #expect(b == a, "\(w)")
        }
    }

    /// v7: a group's mentions are read in the order of their ids from the index, not sorted after reading, and
    /// mentions are no longer indexed by document. A version 6 store migrated reads every group in that order,
    /// without a sort, and fuses to the same events.
    @Test func aVersion6StoreReadsGroupsInIdOrderFromItsIndex() throws {
        let path = Fixtures.tempPath("v6.sqlite")
        defer { Fixtures.remove(path) }
        // back to version 6: its index, and the migrations not yet applied
        let (groups, before) = try olderStore(path, back: """
            DROP INDEX mentions_group;
            CREATE INDEX mentions_group ON mentions(group_key);
            CREATE INDEX mentions_document ON mentions(document_id);
            DROP INDEX documents_fields;
            DELETE FROM grdb_migrations WHERE identifier IN ('v7', 'v8', 'v9');
            """)
        let migrated = try Store(path: path)
        let columns = try migrated.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('mentions_group') ORDER BY seqno")
        }
        #expect(columns == ["group_key", "id"])
        let indexes = try migrated.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions' AND sql IS NOT NULL ORDER BY name
                """)
        }
        #expect(indexes == ["mentions_group", "mentions_id"])
        let plan = try migrated.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT \(Store.mentionColumns) FROM mentions m JOIN documents d
                ON d.id = m.document_id WHERE m.group_key = ? ORDER BY m.id
                """, arguments: [groups[0]]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("mentions_group") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
        for g in groups {
            let ids = try migrated.read { db in try Store.mentions(group: g, db) }.map(\.id)
            #expect(!ids.isEmpty)
            #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        try expectSameEventsFusedAgain(migrated, groups: groups, before: before)
    }

    /// v8: fusion reads the documents' fields of a group's mentions from a covering index. A version 7 store
    /// migrated has the index, its group query reads documents through it (not their rows), and every group
    /// fuses to the same events.
    @Test func aVersion7StoreReadsDocumentFieldsFromACoveringIndex() throws {
        let path = Fixtures.tempPath("v7.sqlite")
        defer { Fixtures.remove(path) }
        let (groups, before) = try olderStore(path, back: """
            DROP INDEX documents_fields; DELETE FROM grdb_migrations WHERE identifier IN ('v8', 'v9')
            """)
        let migrated = try Store(path: path)
        let columns = try migrated.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('documents_fields') ORDER BY seqno")
        }
        #expect(columns == ["id", "url", "outlet", "published", "story"])
        let plan = try migrated.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.groupMentions, arguments: [groups[0]])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX documents_fields") }, "\(plan)")
        #expect(plan.contains { $0.contains("mentions_group") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
        try expectSameEventsFusedAgain(migrated, groups: groups, before: before)
    }

    /// v9: a mention's id is unique by an index that can be dropped, not by the table's primary key. A version 8
    /// store migrated keeps every row with its row id, has the unique index instead of SQLite's own, still refuses
    /// a second row with an id, lists every event's sources, and fuses to the same events.
    @Test func aVersion8StoreKeepsItsMentionsUnderAUniqueIndexOfIds() throws {
        let current = Fixtures.tempPath("current.sqlite"), old = Fixtures.tempPath("v8.sqlite")
        defer { Fixtures.remove(current); Fixtures.remove(old) }
        let (groups, before) = try olderStore(current, back: "SELECT 1")
        let rows = "SELECT rowid, * FROM mentions ORDER BY rowid"
        let source = try Store(path: current)
        let expected = try source.read { db in try Row.fetchAll(db, sql: rows) }
        do {
            let q = try storeOfVersion("v8", at: old, copying: current, """
                INSERT INTO documents SELECT * FROM a.documents;
                INSERT INTO mentions (rowid, \(Store.mentionTableColumns))
                    SELECT rowid, \(Store.mentionTableColumns) FROM a.mentions;
                INSERT INTO events SELECT * FROM a.events;
                INSERT INTO control_changes SELECT * FROM a.control_changes;
                """)
            let pk = try q.read { db in try Int.fetchOne(db, sql: "SELECT pk FROM pragma_table_info('mentions') WHERE name = 'id'") }
            #expect(pk == 1, "version 8: the id is the primary key")
        }
        let migrated = try Store(path: old)
        #expect(try migrated.read { db in try Row.fetchAll(db, sql: rows) } == expected)
        let indexes = try migrated.read { db in
            try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list('mentions') ORDER BY name")
                .map { "\($0[0] as String) \($0[1] as Int)" }
        }
        #expect(indexes == ["mentions_group 0", "mentions_id 1"])
        let first = try #require(expected.first)
        let refused = #expect(throws: SitrepError.self) {
            try migrated.write { db in
                try db.execute(sql: "INSERT INTO mentions SELECT * FROM mentions WHERE rowid = ?", arguments: [first["rowid"] as Int])
            }
        }
        #expect(refused?.message.contains("UNIQUE constraint failed: mentions.id") == true)
        let sources = try migrated.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event_sources") }
        #expect(sources == expected.count)
        try expectSameEventsFusedAgain(migrated, groups: groups, before: before)
    }

    static let events = "SELECT \(MigrationTests.eventFields), mention_ids FROM events ORDER BY id"

    /// A store at `path` with the schema of `version`, filled by `copy` from the store at `source` (attached as `a`).
    func storeOfVersion(_ version: String, at path: String, copying source: String, _ copy: String) throws -> DatabaseQueue {
        let q = try DatabaseQueue(path: path)
        try Store.migrator.migrate(q, upTo: version)
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS a", arguments: [source])
            try db.execute(sql: copy)
            try db.execute(sql: "DETACH DATABASE a")
        }
        return q
    }

    /// A store of the corpus at `path`, taken back to an earlier version by `back`: its fusion groups and events.
    func olderStore(_ path: String, back: String) throws -> (groups: [String], events: [Row]) {
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        _ = try store.ingest(docs, batchSize: 4, extract: extract)
        let events = try store.read { db in try Row.fetchAll(db, sql: MigrationTests.events) }
        let groups = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT group_key FROM mentions") }
        try store.write { db in try db.execute(sql: back) }
        #expect(groups.count > 10)
        return (groups, events)
    }

    /// Every group fused again from the migrated store: the same events.
    func expectSameEventsFusedAgain(_ migrated: Store, groups: [String], before: [Row]) throws {
        try migrated.write { db in try db.execute(sql: "INSERT INTO dirty_groups SELECT DISTINCT group_key FROM mentions") }
        #expect(try migrated.refuseDirtyGroups(jobs: 2) == groups.count)
        let after = try migrated.read { db in try Row.fetchAll(db, sql: MigrationTests.events) }
        #expect(after == before)
    }
}
