import GRDB

/// An ingest much larger than the store leaves the index of mentions by fusion group out while it writes, and
/// builds it once before it fuses.
///
/// Group keys come in no order, so every commit rewrites index pages all over an index that grows with the
/// store: on 300 MB of news the rate fell from 2,600 to 1,200 documents a second. Sorting the keys once at the
/// end costs a few seconds for a million mentions. A small ingest into a large store keeps the index: building
/// it again would cost more than maintaining it. Only fusion reads the index; an ingest interrupted without it
/// has it built again by the next ingest or fusion.
struct GroupIndexDeferral {
    /// New mentions from which an ingest leaves the index out, if the store held fewer before.
    let threshold: Int
    /// Mentions in the store when the ingest began (its largest row id: an estimate without a scan).
    let storedBefore: Int
    /// The index is out now.
    private(set) var deferred = false
    /// A pause fused with the index built again: it stays for the rest of the ingest.
    private var settled = false

    init(threshold: Int, storedBefore: Int) {
        self.threshold = threshold
        self.storedBefore = storedBefore
    }

    /// Builds the index if it is missing. SQLite sorts the keys in temporary files here, not in memory
    /// (`temp_store` is MEMORY for the statement journals of the ingest): a million mentions would hold a hundred
    /// megabytes.
    static func build(_ store: Store) throws {
        try store.writeOutsideTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = FILE")
            defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS mentions_group ON mentions(group_key, id)")
        }
    }

    /// After a commit: leaves the index out once the ingest has written enough.
    mutating func committed(mentions: Int, _ store: Store) throws {
        guard !deferred, !settled, mentions >= threshold, mentions >= storedBefore else { return }
        try store.write { db in try db.execute(sql: "DROP INDEX IF EXISTS mentions_group") }
        deferred = true
    }

    /// Before a fusion: the index built again, if it was left out.
    mutating func restore(_ store: Store, final: Bool) throws {
        if !final { settled = true }
        guard deferred else { return }
        try GroupIndexDeferral.build(store)
        deferred = false
    }
}
