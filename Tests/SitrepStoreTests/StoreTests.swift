import Foundation
import GRDB
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

@Suite struct StoreTests {
    func documents(_ rel: String) throws -> [Document] {
        var docs: [Document] = []
        try DocumentReader().read([Fixtures.path(rel)]) { docs.append($0) }
        StoryDetector().assign(&docs)
        return docs
    }

    /// A store at `path` with the south evaluation corpus ingested.
    func southStore(_ path: String) throws -> Store {
        let extractor = try EventExtractor.shared()
        let store = try Store(path: path)
        _ = try store.ingest(try documents("Tests/Fixtures/Eval/south.corpus.jsonl"), extract: { extractor.extract($0) })
        return store
    }

    @Test func ingestingTwiceGivesTheSameStore() throws {
        let db = Fixtures.tempPath("twice.sqlite")
        defer { Fixtures.remove(db) }
        let extractor = try EventExtractor.shared()
        let docs = try documents("Tests/Fixtures/Eval/south.corpus.jsonl")
        let store = try Store(path: db)
        let first = try store.ingest(docs, batchSize: 7, extract: { extractor.extract($0) })
        #expect(first.added == docs.count)
        #expect(first.skipped == 0)
        let after1 = try store.counts()
        let second = try store.ingest(docs, batchSize: 7, extract: { extractor.extract($0) })
        #expect(second.added == 0)
        #expect(second.skipped == docs.count)
        let after2 = try store.counts()
        #expect(after1 == after2)
        #expect(after1.documents == docs.count)
        #expect(after1.mentions == first.mentions)
        #expect(after1.events > 0 && after1.changes > 0)
        // the views: one story per document but for the three copies the gold links
        let stories = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") }
        #expect(stories == docs.count - 3)
        let sources = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event_sources") }
        #expect(sources == after1.mentions)
        // the same documents ingested in another batch size give the same events and timeline
        let db2 = Fixtures.tempPath("other.sqlite")
        defer { Fixtures.remove(db2) }
        let other = try Store(path: db2)
        _ = try other.ingest(docs, batchSize: 100, extract: { extractor.extract($0) })
        #expect(try other.counts() == after1)
        #expect(try other.timeline(StoreFilter()).map { "\($0.place.key) \($0.date.start!) \($0.controller.id)" }
                == (try store.timeline(StoreFilter()).map { "\($0.place.key) \($0.date.start!) \($0.controller.id)" }))
    }

    /// Two mentions with one id (one trigger read twice) leave one row, the later, as `INSERT OR REPLACE` did;
    /// the batch is not refused and the other mentions are stored.
    @Test func aRepeatedMentionIdKeepsTheLaterMention() throws {
        let db = Fixtures.tempPath("repeated.sqlite")
        defer { Fixtures.remove(db) }
        let extractor = try EventExtractor.shared()
        let docs = Array(try documents("Tests/Fixtures/Eval/south.corpus.jsonl").prefix(3))
        let found = docs.map { extractor.extract($0) }
        #expect(found[0].count >= 2)
        let store = try Store(path: db)
        let result = try store.ingest(docs, batchSize: 2, extract: { doc in
            var ms = extractor.extract(doc)
            if doc.id == docs[0].id {
                var again = ms[0]
                again.confidence = 0.123
                ms.append(again)
            }
            return ms
        })
        #expect(result.mentions == found.map(\.count).reduce(0, +) + 1)
        #expect(try store.counts().mentions == found.map(\.count).reduce(0, +))
        let confidence = try store.read { db in
            try Double.fetchOne(db, sql: "SELECT confidence FROM mentions WHERE id = ?", arguments: [found[0][0].id])
        }
        #expect(confidence == 0.123)
    }

    /// Two fused events with one id in a group's write leave one row, the later.
    @Test func aRepeatedEventIdKeepsTheLaterEvent() throws {
        let db = Fixtures.tempPath("repeated-event.sqlite")
        defer { Fixtures.remove(db) }
        let store = try southStore(db)
        let group = try store.read { db in try String.fetchOne(db, sql: "SELECT group_key FROM events ORDER BY id") }!
        var fused = try store.read { db in try Store.fuse(group: group, db) }
        let before = try store.counts().events
        var again = fused.events[0]
        again.confidence = 0.321
        fused.events.append(again)
        try store.write { db in try Store.store(fused, group: group, db) }
        #expect(try store.counts().events == before)
        let confidence = try store.read { db in
            try Double.fetchOne(db, sql: "SELECT confidence FROM events WHERE id = ?", arguments: [again.id])
        }
        #expect(confidence == 0.321)
    }

    /// Fusing again in small transactions (memory bounded by a mention budget) gives the same events.
    @Test func refusingWithASmallMentionBudgetGivesTheSameEvents() throws {
        let db = Fixtures.tempPath("budget.sqlite")
        defer { Fixtures.remove(db) }
        let store = try southStore(db)
        let snapshot = {
            try store.read { db in
                try String.fetchAll(db, sql: "SELECT id || ' ' || mention_ids || ' ' || sources FROM events ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT place_key || ' ' || date_start || ' ' || controller_id FROM control_changes ORDER BY 1")
            }
        }
        let before = try snapshot()
        let groups = try store.write { db in
            try db.execute(sql: "INSERT INTO dirty_groups SELECT DISTINCT group_key FROM mentions")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") ?? 0
        }
        let largest = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM mentions GROUP BY group_key)") ?? 0
        }
        #expect(groups > 20 && largest > 1)
        // a budget below the largest group: that group goes alone, the others a few at a time
        #expect(try store.refuseDirtyGroups(jobs: 2, mentionBudget: largest - 1) == groups)
        #expect(try snapshot() == before)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") } == 0)
    }

    @Test func aDocumentIsKnownByIDByURLAndByText() throws {
        let db = Fixtures.tempPath("known.sqlite")
        defer { Fixtures.remove(db) }
        let store = try Store(path: db)
        let text = "Rebels seized the town of Sake on Thursday, residents said."
        let a = Document(id: "a", url: "https://x.test/a", published: Day(iso: "2024-02-08"), text: text)
        _ = try store.ingest([a], extract: { _ in [] })
        let sameID = Document(id: "a", text: "Other text entirely, about something else.")
        let sameURL = Document(id: "b", url: "https://x.test/a", text: "Yet another text about other matters.")
        let sameText = Document(id: "c", text: "Rebels seized the town of Sake   on Thursday,\nresidents said.")
        let new = Document(id: "d", text: "Shelling hit Goma overnight, officials said.")
        let r = try store.ingest([sameID, sameURL, sameText, new], extract: { _ in [] })
        #expect(r.added == 1)
        #expect(r.skipped == 3)
        #expect(try store.counts().documents == 2)
    }

    @Test func copiesFoundInALaterIngestJoinTheStoredStory() throws {
        let db = Fixtures.tempPath("story.sqlite")
        defer { Fixtures.remove(db) }
        let store = try Store(path: db)
        let docs = try documents("Tests/Fixtures/Eval/south.corpus.jsonl")
        // south-014 is a rewrite of south-012: ingest them in separate runs
        let first = docs.filter { $0.id != "south-014" }
        let later = docs.filter { $0.id == "south-014" }.map { d -> Document in
            var d = d
            d.story = nil
            return d
        }
        _ = try store.ingest(first, extract: { _ in [] })
        _ = try store.ingest(later, extract: { _ in [] })
        let story = try store.read { db in try String.fetchOne(db, sql: "SELECT story FROM documents WHERE id = 'south-014'") }
        #expect(story == "south-012")
    }

    @Test func aBadStoreFileIsAClearError() throws {
        let path = Fixtures.tempPath("notadb.sqlite")
        defer { Fixtures.remove(path) }
        FileManager.default.createFile(atPath: path, contents: Data("this is not a database, just text".utf8))
        #expect {
            _ = try Store(path: path)
        } throws: { e in
            (e as? SitrepError)?.code == .badStore && "\(e)".hasPrefix("\(path): cannot open the store")
        }
    }

    /// A new store has 16 KB pages; a store made with 4 KB pages keeps them, and takes an ingest as before.
    @Test func aNewStoreHasSixteenKilobytePagesAndAnOldOneKeepsItsOwn() throws {
        let fresh = Fixtures.tempPath("pages-new.sqlite")
        let old = Fixtures.tempPath("pages-old.sqlite")
        defer { Fixtures.remove(fresh); Fixtures.remove(old) }
        let made = try Store(path: fresh)
        #expect(try made.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 16384)
        do {
            let q = try DatabaseQueue(path: old)
            try q.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096; CREATE TABLE earlier (x); DROP TABLE earlier")
            }
        }
        let store = try Store(path: old)
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
        let extractor = try EventExtractor.shared()
        let docs = try documents("Tests/Fixtures/Eval/south.corpus.jsonl")
        let inOld = try store.ingest(docs, extract: { extractor.extract($0) })
        let inNew = try made.ingest(docs, extract: { extractor.extract($0) })
        #expect(inOld.added == docs.count && inOld.mentions == inNew.mentions)
        let events = "SELECT * FROM events ORDER BY id"
        #expect(try store.read { try Row.fetchAll($0, sql: events) } == made.read { try Row.fetchAll($0, sql: events) })
    }

    /// A new store opened by several connections at once (an ingest starting while a reader looks): each one
    /// opens it, the schema is made once.
    @Test func aNewStoreOpenedFourTimesAtOnceOpensEveryTime() throws {
        for _ in 0..<10 {
            let path = Fixtures.tempPath("race.sqlite")
            defer { Fixtures.remove(path) }
            let lock = NSLock()
            nonisolated(unsafe) var errors: [String] = []
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try Store(path: path) } catch {
                    lock.lock()
                    errors.append("\(error)")
                    lock.unlock()
                }
            }
            #expect(errors == [])
            let store = try Store(path: path)
            #expect(try store.counts() == (0, 0, 0, 0))
            #expect(try store.read { try Store.migrator.appliedMigrations($0) } == Store.migrator.migrations)
        }
    }
}
