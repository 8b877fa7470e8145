import Foundation
import GRDB
import Testing
@testable import SitrepCore
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

    /// Columns read through `RepeatedValues` give the same values as fresh strings, whether a value repeats,
    /// alternates, returns after more than the values kept, is NULL or empty; enum columns match their cases.
    @Test func repeatedValuesReadLikeFreshStrings() throws {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: "CREATE TABLE t (s TEXT, k TEXT, d TEXT)")
            let names: [String?] = ["Herat", "Herat", "Ghazni", "Herat", nil, "", "Ghazni", "Kunduz", "Lashkar Gah",
                                    "Taloqan", "Zaranj", "Herat", "ميمنه", "ميمنه", "Qala-i-Naw"]
            let kinds = ["asserted", "claimed", "asserted", "bogus", "denied", "", "planned", "possible", "negated",
                         "claimed", "asserted", "asserted", "denied", "claimed", "asserted"]
            let days: [String?] = ["2021-08-12", "2021-08-12T09:30:00Z", nil, "2021-02-30", "12 August", "2020-02-29",
                                   "", "2021-08-13", "2021-08-13", "1999-12-31", "2021-8-1", "2021-08-14", nil, "2021-08-15",
                                   "2021-08-16"]
            for i in names.indices {
                try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?)", arguments: [names[i], kinds[i], days[i]])
            }
            var query = RawStatement(try db.cachedStatement(sql: "SELECT s, k, d FROM t WHERE rowid > ? ORDER BY rowid"))
            query.bind(0)
            let values = RepeatedValues(columns: 3)
            let modalities = RawValueTable<Modality>()
            var i = 0
            while try query.next(db) {
                #expect(values.string(query, 0) == names[i], "row \(i)")
                #expect(values.value(query, 1, modalities) == Modality(rawValue: kinds[i]), "row \(i)")
                #expect(query.day(2) == days[i].flatMap { Day(iso: $0) }, "row \(i)")
                i += 1
            }
            #expect(i == names.count)
        }
        let precisions = RawValueTable<DatePrecision>()
        for p in DatePrecision.allCases {
            var raw = p.rawValue
            #expect(raw.withUTF8 { precisions.value($0) } == p)
        }
        #expect(Day(iso: "2021-08-12T09:30:00Z") == Day(year: 2021, month: 8, day: 12))
        #expect(Day(iso: "2021-02-29") == nil)
        #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
    }
}
