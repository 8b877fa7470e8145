import GRDB
import GRDBSQLite
import SitrepCore

/// Binds the values of a cached GRDB statement through SQLite's C API and runs it, or steps through its rows:
/// the ingest's hot inserts and the fusion's reads (tens of thousands of mention rows for 20 MB of news)
/// without a boxed value and an array per row or per column.
///
/// ```swift
/// var insert = RawStatement(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?)"))
/// insert.bind("a"); insert.bind(1)  // every parameter, every row
/// try insert.run(db)
///
/// var query = RawStatement(try db.cachedStatement(sql: "SELECT name, n FROM t WHERE k = ?"))
/// query.bind("a")
/// while try query.next(db) { print(query.string(0) ?? "-", query.int(1) ?? 0) }
/// ```
struct RawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private var index: Int32 = 0
    /// The bytes of the row's text values, when they are kept here rather than copied by SQLite.
    private var text: TextArena?

    /// `keepText`: the row's strings are copied once into memory this statement owns until the row has run,
    /// instead of SQLite allocating a copy of each (the inserts of many strings a row).
    init(_ statement: Statement, keepText: Bool = false) {
        self.statement = statement
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        if keepText { text = TextArena() }
    }

    /// SQLite copies the bytes: the string may go once `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func bind(_ s: String?) {
        index += 1
        guard var s else { sqlite3_bind_null(handle, index); return }
        s.withUTF8 { b in
            // an empty buffer may have no address, and a NULL pointer would bind NULL, not ""
            guard let base = b.baseAddress else {
                sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
                return
            }
            if let text {
                // SQLITE_STATIC: SQLite reads the bytes where they are, until the statement is reset
                sqlite3_bind_text(handle, index, text.copy(b), Int32(b.count), nil)
            } else {
                sqlite3_bind_text(handle, index, base, Int32(b.count), RawStatement.transient)
            }
        }
    }

    mutating func bind(_ v: Int?) {
        index += 1
        if let v { sqlite3_bind_int64(handle, index, Int64(v)) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ v: Double?) {
        index += 1
        if let v { sqlite3_bind_double(handle, index, v) } else { sqlite3_bind_null(handle, index) }
    }

    /// Steps to the next row of a query; false at the end, when the statement is reset for its next use.
    mutating func next(_ db: Database) throws -> Bool {
        if index >= 0 {
            checkBindings()
            index = -1  // stepping
        }
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        try finish(rc, db)
        return false
    }

    /// Column `i` of the current row: nil for NULL.
    func string(_ i: Int32) -> String? {
        bytes(i).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of text column `i`, valid until the next step: nil for NULL.
    func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(handle, i) != SQLITE_NULL else { return nil }
        // the pointer first: it may convert the value, and then the count is of the text
        let p = sqlite3_column_text(handle, i)
        let n = Int(sqlite3_column_bytes(handle, i))
        guard let p, n > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: n)
    }

    /// A `YYYY-MM-DD` column as a day, without a string.
    func day(_ i: Int32) -> Day? {
        bytes(i).flatMap { Day(isoUTF8: $0) }
    }

    func int(_ i: Int32) -> Int? {
        sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, i))
    }

    func double(_ i: Int32) -> Double? {
        sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_double(handle, i)
    }

    /// Resets a query left before its last row (its read transaction ends with it).
    mutating func reset() {
        sqlite3_reset(handle)
        index = 0
    }

    /// Steps the statement once, and resets it for the next row. Every parameter is bound before each run
    /// (no value is left from the row before).
    mutating func run(_ db: Database) throws {
        checkBindings()
        try finish(sqlite3_step(handle), db)
    }

    private func checkBindings() {
        precondition(index == sqlite3_bind_parameter_count(handle), "bind every parameter of \(statement.sql)")
    }

    /// Resets the statement after its last step, forgets text kept in the arena, and throws SQLite's error.
    private mutating func finish(_ rc: Int32, _ db: Database) throws {
        let message = rc == SQLITE_DONE || rc == SQLITE_ROW ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        if text != nil {
            sqlite3_clear_bindings(handle)  // no pointer into the arena outlives it
            text = nil
        }
        index = 0
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message, sql: statement.sql)  // `sql` costs a trim: only on failure
        }
    }
}

/// Memory for the text values of one row: chunks that never move, freed with the arena.
final class TextArena {
    private var chunks: [UnsafeMutableRawBufferPointer] = []
    private var used = 0

    /// A copy of `bytes` that lives as long as the arena.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeRawPointer {
        if chunks.isEmpty || used + bytes.count > chunks[chunks.count - 1].count {
            chunks.append(.allocate(byteCount: max(4096, bytes.count), alignment: 8))
            used = 0
        }
        let target = chunks[chunks.count - 1].baseAddress! + used
        target.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        used += bytes.count
        return UnsafeRawPointer(target)
    }

    deinit {
        for c in chunks { c.deallocate() }
    }
}
