import Foundation
import GRDB
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

/// The end of a bulk ingest fuses every dirty group in one pass over the mentions sorted by group: the same
/// events and changes of control as group by group, in rounds of whole groups.
@Suite struct SortedFusionTests {
    static let events = "SELECT * FROM events ORDER BY id"
    static let changes = """
        SELECT place_key, date_start, controller_id, previous_id, modality, confidence, sources, events, evidence
        FROM control_changes ORDER BY place_key, date_start, controller_id
        """

    /// A store of the corpus whose events and changes are wiped and every group marked dirty: what it had.
    func wipedStore(_ path: String) throws -> (Store, groups: Int, events: [Row], changes: [Row]) {
        let (docs, extract) = try Fixtures.southCorpus()
        let store = try Store(path: path)
        _ = try store.ingest(docs, batchSize: 8, extract: extract)
        let events = try store.read { db in try Row.fetchAll(db, sql: Self.events) }
        let changes = try store.read { db in try Row.fetchAll(db, sql: Self.changes) }
        #expect(events.count > 20 && !changes.isEmpty)
        try store.write { db in
            try db.execute(sql: """
                DELETE FROM events; DELETE FROM control_changes;
                INSERT INTO dirty_groups SELECT DISTINCT group_key FROM mentions
                """)
        }
        let groups = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") ?? 0 }
        return (store, groups, events, changes)
    }

    /// In one lane or several (the jobs), in rounds of any size.
    @Test(arguments: [2, 7, 20_000], [1, 2, 4]) func onePassFusesWhatGroupByGroupFuses(budget: Int, jobs: Int) throws {
        let path = Fixtures.tempPath("sorted-\(budget)-\(jobs).sqlite")
        defer { Fixtures.remove(path) }
        let (store, groups, events, changes) = try wipedStore(path)
        #expect(groups > 10)
        var told: [Int] = []
        #expect(try store.refuseDirtyGroupsInOnePass(jobs: jobs, mentionBudget: budget) { told.append($0) } == groups)
        #expect(told.last == groups && told == told.sorted())
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") } == 0)
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.events) } == events)
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.changes) } == changes)
    }

    /// Lanes are cut at the group of the middle mention (by group key): no group is in two lanes.
    @Test func lanesAreCutAtTheGroupOfTheMiddleMention() throws {
        let path = Fixtures.tempPath("sorted-lanes.sqlite")
        defer { Fixtures.remove(path) }
        let (store, _, _, _) = try wipedStore(path)
        let bounds = try store.laneBounds(lanes: 2)
        #expect(bounds.count == 3 && bounds.first! == nil && bounds.last! == nil)
        let cut = try #require(bounds[1])
        let (below, upTo, total) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions WHERE group_key < ?", arguments: [cut]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions WHERE group_key <= ?", arguments: [cut]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions") ?? 0)
        }
        #expect(below <= total / 2 && upTo > total / 2)
        #expect(try store.laneBounds(lanes: 1).count == 2)
        try store.write { db in try db.execute(sql: "DROP INDEX mentions_group") }
        #expect(try store.laneBounds(lanes: 2).count == 2, "without the group index: one lane")
    }

    /// A dirty group whose mentions are gone has nothing in the pass: it stays dirty for `refuseDirtyGroups`,
    /// which deletes its events.
    @Test func aGroupWithoutMentionsIsLeftForGroupByGroup() throws {
        let path = Fixtures.tempPath("sorted-empty.sqlite")
        defer { Fixtures.remove(path) }
        let (store, groups, events, _) = try wipedStore(path)
        #expect(try store.refuseDirtyGroupsInOnePass(jobs: 2, mentionBudget: 50) == groups)
        let gone: String = try #require(events.first)["group_key"]
        func eventsOf(_ g: String) throws -> Int? {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE group_key = ?", arguments: [g]) }
        }
        #expect(try eventsOf(gone) ?? 0 > 0)
        try store.write { db in
            try db.execute(sql: "DELETE FROM mentions WHERE group_key = ?", arguments: [gone])
            try db.execute(sql: "INSERT INTO dirty_groups VALUES (?)", arguments: [gone])
        }
        #expect(try store.refuseDirtyGroupsInOnePass(jobs: 2) == 0)
        #expect(try store.read { db in try String.fetchAll(db, sql: "SELECT group_key FROM dirty_groups") } == [gone])
        #expect(try eventsOf(gone) ?? 0 > 0)
        #expect(try store.refuseDirtyGroups(jobs: 2) == 1)
        #expect(try eventsOf(gone) == 0)
    }

    /// Many dirty groups, a quarter of the store's events or more, are fused in one pass also after an ingest that
    /// was not a bulk one (the next run after a bulk ingest was killed).
    @Test func manyDirtyGroupsAreFusedInOnePass() {
        #expect(!Store.fusesInOnePass(dirtyGroups: 9_999, events: 0, from: 10_000))
        #expect(Store.fusesInOnePass(dirtyGroups: 10_000, events: 40_000, from: 10_000))
        #expect(!Store.fusesInOnePass(dirtyGroups: 10_000, events: 40_001, from: 10_000))
        #expect(Store.fusesInOnePass(dirtyGroups: 977_935, events: 0, from: 10_000))
    }

    /// The run after an interrupted bulk ingest: nothing new to add, every group dirty, fused in one pass.
    @Test func theRunAfterAnInterruptedBulkIngestFusesEveryGroup() throws {
        let path = Fixtures.tempPath("sorted-rerun.sqlite")
        defer { Fixtures.remove(path) }
        let (store, groups, events, changes) = try wipedStore(path)
        try store.write { db in
            try db.execute(sql: "DELETE FROM dirty_groups; DROP INDEX mentions_group; INSERT INTO dirty_after VALUES (0)")
        }
        let (_, extract) = try Fixtures.southCorpus()
        var finishing: [(fused: Int, groups: Int)] = []
        var indexing: [Bool] = []
        let r = try store.ingest(batches: { nil }, extract: extract, indexing: { indexing.append($0) },
                                 finishing: { finishing.append(($0, $1)) }, onePassGroups: groups)
        #expect(indexing == [true], "the indexes the killed ingest left out, built first")
        #expect(r.added == 0)
        #expect(r.eventsTouched == groups)
        #expect(finishing.first?.fused == 0 && finishing.last?.fused == groups)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") } == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_after") } == 0)
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.events) } == events)
        #expect(try store.read { db in try Row.fetchAll(db, sql: Self.changes) } == changes)
    }
}
