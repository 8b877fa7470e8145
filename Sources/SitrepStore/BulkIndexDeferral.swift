import GRDB

/// An ingest much larger than the store leaves the mentions' two indexes out while it writes (by fusion group,
/// by id) and builds them once before it fuses.
///
/// Group keys and ids (hashes) come in no order, so every commit rewrites pages all over indexes that grow with
/// the store: on 300 MB of news the rate fell from 2,600 to 1,200 documents a second with the group index, and
/// from a million mentions on the index of ids outgrows the cache and is read and written again at every
/// commit. Sorting the keys once at the end costs seconds for millions of mentions. A small ingest into a large
/// store keeps the indexes: building them again would cost more than maintaining them. An ingest interrupted
/// without them has them built again by the next ingest or fusion.
///
/// Without the index of ids nothing stops a second row with an id already stored: ids are hashes of the document
/// and the mention, and documents already stored are skipped, so only a hash collision makes one. Before the index
/// is built the later row of an id replaces the earlier, as it does with the index.
///
/// The list of dirty groups is a third index in no order (a million groups at a million articles: each commit
/// rewrote most of its pages). Left out too, it is made from the group index once that is built: every group of
/// a mention after the row id `dirty_after` keeps (a scan of the index in group order, seconds for millions).
struct BulkIndexDeferral {
    /// New mentions from which an ingest leaves the indexes out, if the store held fewer before.
    let threshold: Int
    /// Mentions in the store when the ingest began (its largest row id: an estimate without a scan).
    let storedBefore: Int
    /// The indexes are out now, and the commits list no dirty group.
    private(set) var deferred = false
    /// A pause fused with the indexes built again: they stay for the rest of the ingest.
    private var settled = false

    /// The indexes left out, by name, and how each is made.
    static let indexes = [
        ("mentions_group", "CREATE INDEX IF NOT EXISTS mentions_group ON mentions(group_key, id)"),
        ("mentions_id", "CREATE UNIQUE INDEX IF NOT EXISTS mentions_id ON mentions(id)"),
    ]

    init(threshold: Int, storedBefore: Int) {
        self.threshold = threshold
        self.storedBefore = storedBefore
    }

    /// The names of the indexes missing from the store.
    static func missing(_ db: Database) throws -> [String] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        return indexes.map(\.0).filter { !present.contains($0) }
    }

    /// A bulk ingest left work undone: indexes missing, or dirty groups not listed.
    static func isPending(_ db: Database) throws -> Bool {
        try !missing(db).isEmpty || Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dirty_after)") == true
    }

    /// Builds the indexes that are missing. SQLite sorts the keys in temporary files here, not in memory
    /// (`temp_store` is MEMORY for the statement journals of the ingest): a million mentions would hold a hundred
    /// megabytes.
    static func build(_ store: Store) throws {
        try store.writeOutsideTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA threads = 2")
            defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA threads = 0") }
            try db.execute(sql: indexes[0].1)
            do {
                try db.execute(sql: indexes[1].1)
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                try removeRepeatedIDs(db)
                try db.execute(sql: indexes[1].1)
            }
            try listDirtyGroups(db)
        }
    }

    /// Lists the groups of the mentions written after `dirty_after` as dirty, in group order, from the group
    /// index (its entries carry the row id).
    static func listDirtyGroups(_ db: Database) throws {
        try db.inTransaction {
            if let after = try Int.fetchOne(db, sql: "SELECT MIN(mention_rowid) FROM dirty_after") {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO dirty_groups
                    SELECT group_key FROM mentions INDEXED BY mentions_group WHERE rowid > ? GROUP BY group_key
                    """, arguments: [after])
                try db.execute(sql: "DELETE FROM dirty_after")
            }
            return .commit
        }
    }

    /// Deletes every row whose id a later row repeats: one sort of the ids and one pass over the rows, only when
    /// the index would not build.
    static func removeRepeatedIDs(_ db: Database) throws {
        try db.inTransaction {
            try db.execute(sql: """
                CREATE TEMP TABLE repeated_ids AS
                    SELECT id, MAX(rowid) AS kept FROM mentions GROUP BY id HAVING COUNT(*) > 1;
                DELETE FROM mentions
                WHERE id IN (SELECT id FROM repeated_ids) AND rowid NOT IN (SELECT kept FROM repeated_ids);
                DROP TABLE repeated_ids;
                """)
            return .commit
        }
    }

    /// After a commit: leaves the indexes out once the ingest has written enough.
    mutating func committed(mentions: Int, _ store: Store) throws {
        guard !deferred, !settled, mentions >= threshold, mentions >= storedBefore else { return }
        try store.write { db in
            for (name, _) in BulkIndexDeferral.indexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
            try db.execute(sql: "INSERT INTO dirty_after VALUES (?)", arguments: [storedBefore])
        }
        deferred = true
    }

    /// Before a fusion: the indexes built again, if they were left out.
    mutating func restore(_ store: Store, final: Bool) throws {
        if !final { settled = true }
        guard deferred else { return }
        try BulkIndexDeferral.build(store)
        deferred = false
    }
}
