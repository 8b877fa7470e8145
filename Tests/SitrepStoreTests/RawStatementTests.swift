import Foundation
import GRDB
import Testing
@testable import SitrepStore

/// Rows written and read through SQLite's C API come back as they went in: text kept by the statement or
/// copied by SQLite, empty and NULL values, long values past an arena chunk, and the next row's values.
@Suite struct RawStatementTests {
    @Test(arguments: [false, true])
    func rowsRoundTrip(keepText: Bool) throws {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT, b TEXT, n INTEGER, x REAL, c TEXT)")
            let long = String(repeating: "Kandahar – ", count: 900)  // past one 4 KB chunk
            let rows: [(String?, String?, Int?, Double?, String?)] = [
                ("Herat", "", 1, 0.5, nil),
                (long, "Qala-i-Naw", nil, nil, "the governor"),
                (nil, "ميمنه", -7, 34.25, long + "!"),
            ]
            for r in rows {
                var insert = RawStatement(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"), keepText: keepText)
                insert.bind(r.0); insert.bind(r.1); insert.bind(r.2); insert.bind(r.3); insert.bind(r.4)
                try insert.run(db)
            }
            var query = RawStatement(try db.cachedStatement(sql: "SELECT a, b, n, x, c FROM t WHERE rowid >= ? ORDER BY rowid"))
            query.bind(1)
            var back: [(String?, String?, Int?, Double?, String?)] = []
            while try query.next(db) {
                back.append((query.string(0), query.string(1), query.int(2), query.double(3), query.string(4)))
            }
            #expect(back.count == rows.count)
            for (a, b) in zip(back, rows) {
                #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.4 == b.4)
            }
            // SQL sees "" as text, not NULL
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t WHERE b = ''") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t WHERE a IS NULL") == 1)
        }
    }

    @Test func aFailedInsertIsADatabaseErrorAndTheNextRowGoesIn() throws {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: "CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
            func insert(_ k: String, _ v: String?) throws {
                var row = RawStatement(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?)"), keepText: true)
                row.bind(k); row.bind(v)
                try row.run(db)
            }
            try insert("a", "one")
            #expect(throws: DatabaseError.self) { try insert("b", nil) }
            try insert("c", "three")
            #expect(try String.fetchAll(db, sql: "SELECT k || '=' || v FROM t ORDER BY k") == ["a=one", "c=three"])
        }
    }
}
