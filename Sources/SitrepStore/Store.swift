import Foundation
import GRDB
import SitrepCore

/// The SQLite store: documents, their mentions, fused events and the control timeline.
///
/// ```swift
/// let store = try Store(path: "sitrep.sqlite")
/// let result = try store.ingest(documents, extract: extractor.extract)
/// let changes = try store.timeline(StoreFilter(country: "AF"))
/// ```
///
/// WAL journal; versioned migrations; every ingest batch is one transaction, so a killed ingest leaves the
/// store as it was after the last whole batch.
public final class Store: @unchecked Sendable {  // GRDB's pool is safe to share between threads
    let pool: DatabasePool
    public let path: String

    /// The page size of a new store, in bytes.
    static let pageSize = 16384

    /// The files of the store at `path`: the database, SQLite's write-ahead log and its shared memory.
    public static func files(at path: String) -> [String] { ["", "-wal", "-shm"].map { path + $0 } }

    /// Deletes the store at `path`, all its files (those that exist).
    public static func removeFiles(at path: String) {
        for f in files(at: path) { try? FileManager.default.removeItem(atPath: f) }
    }

    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        // A new store has 16 KB pages, not 4 KB: an article's text fits in a page instead of spilling to overflow
        // pages, and the indexes of hashed ids are a level shallower. A bulk ingest of a million articles took
        // 553 s instead of 617 s, and the store is 8 % smaller (SQLite keeps an existing store's page size).
        // The writer's page cache is 32 MB: ingest and fusion touch the same index pages again and again, which
        // SQLite's default 2 MB cache evicts and reads back (half a million reads for the 20 MB benchmark);
        // the WAL is checkpointed every 10,000 pages (160 MB) instead of every 1,000. Readers keep the default
        // cache. Temporary data stays in memory: the statement journal SQLite keeps for every insert that fires
        // the full-text triggers went to a temporary file, 370,000 writes for the 20 MB benchmark.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA page_size = \(Store.pageSize)")
                try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 10000")
            }
        }
        do {
            pool = try Store.open(path, config)
        } catch let e as DatabaseError {
            throw SitrepError(.badStore, "cannot open the store: \(e.message ?? "\(e)")", at: path,
                              hint: "is it a Sitrep store? give another with --db")
        }
    }

    /// Opens the pool and brings the schema up to date. Several processes opening a new store at once (an
    /// ingest starting while a reader looks) race: switching the new file to WAL can be refused as busy
    /// without waiting, and both find the migrations to do, the second failing on what the first created.
    /// The loser looks again once the winner is done, and finds nothing left to do.
    static func open(_ path: String, _ config: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            attempt += 1
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                do {
                    try migrator.migrate(pool)
                } catch let e as DatabaseError {
                    if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return pool }
                    throw e
                }
                return pool
            } catch let e as DatabaseError where attempt < 6 && (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_ERROR) {
                // a plain SQLite error here is "table … already exists": another connection migrating
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Counts of what the store holds.
    public func counts() throws -> (documents: Int, mentions: Int, events: Int, changes: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM control_changes") ?? 0)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let e as DatabaseError { throw Store.wrap(e, path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as DatabaseError { throw Store.wrap(e, path) }
    }

    /// Statements run one by one, each its own transaction (pragmas that cannot change inside one).
    func writeOutsideTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.writeWithoutTransaction(body) } catch let e as DatabaseError { throw Store.wrap(e, path) }
    }

    /// Runs a statement from the connection's cache: the hot inserts are compiled once, not per row.
    static func exec(_ db: Database, _ sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static func wrap(_ e: DatabaseError, _ path: String) -> SitrepError {
        SitrepError(.badData, "SQLite error \(e.resultCode.rawValue): \(e.message ?? "")\(e.sql.map { " in \($0)" } ?? "")",
                    at: path)
    }
}
