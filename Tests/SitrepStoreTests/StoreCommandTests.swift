import Foundation
import Testing
@testable import SitrepStore

/// `ingest`, `events`, `timeline` and `control` from the command line, on the seed article.
@Suite(.serialized) struct StoreCommandTests {
    static let db = Fixtures.tempPath("commands.sqlite")

    func run(_ args: [String]) throws -> (Int32, String, String) {
        let bin = try #require(Fixtures.binary, "the sitrep executable is built with the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args + ["--db", StoreCommandTests.db]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func theSeedArticleGivesThreeChangesOfControl() throws {
        Fixtures.remove(StoreCommandTests.db)
        defer { Fixtures.remove(StoreCommandTests.db) }
        // a query before any ingest: no empty store is made
        let none = try run(["events"])
        #expect(none.0 == 2 && none.2.contains("no store here"))
        #expect(!FileManager.default.fileExists(atPath: StoreCommandTests.db))
        let seed = Fixtures.path("Samples/afghanistan-2021-08-12.txt")
        let (code, _, err) = try run(["ingest", seed, "--published", "2021-08-12"])
        #expect(code == 0)
        #expect(err.contains("1 documents added, 0 already stored"))
        let groups = try Store(path: StoreCommandTests.db).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT group_key) FROM mentions") ?? 0
        }
        #expect(groups > 3)
        #expect(err.contains("ingest: input read; fusing the events of \(groups) groups of mentions\n"))
        let again = try run(["ingest", seed, "--published", "2021-08-12"])
        #expect(again.2.contains("0 documents added, 1 already stored"))
        #expect(!again.2.contains("fusing"), "nothing to fuse")

        let (_, timeline, _) = try run(["timeline", "--format", "jsonl"])
        let changes = timeline.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let summary = changes.map { c -> String in
            let place = c["place"] as! [String: Any], date = c["date"] as! [String: Any]
            let who = c["controller"] as! [String: Any], prev = c["previous"] as? [String: Any]
            return "\(place["geonameid"]!) \(date["start"]!) \(who["id"]!) from \(prev?["id"] ?? "-") \(c["modality"]!)"
        }
        #expect(summary == ["1141269 2021-08-12 taliban from af-government asserted",   // Ghazni
                            "1140026 2021-08-12 taliban from af-government asserted",   // Herat
                            "1129867 2021-08-12 taliban from af-government asserted"])  // Qala-i-Naw
        let evidence = (changes[1]["evidence"] as! [[String: Any]])[0]
        #expect((evidence["text"] as! String).contains("surrendered the country’s third largest city, Herat"))
        #expect(Set(changes[0].keys) == ["place", "date", "controller", "previous", "modality", "confidence", "sources", "evidence"])

        // control before and after the day; a place spelled another way
        #expect(try run(["control", "--as-of", "2021-08-11", "--format", "csv"]).1.split(separator: "\n").count == 1)
        #expect(try run(["control", "--as-of", "2021-08-12", "--format", "csv"]).1.split(separator: "\n").count == 4)
        let qala = try run(["events", "--place", "Qala-e-Naw", "--format", "csv"]).1.split(separator: "\n")
        #expect(qala.count == 2)
        #expect(qala[1].contains(",territory_handover,Qala i Naw,1129867,AF,Badghis,"))
        // full-text search over the documents; type filter
        let embassy = try run(["events", "--query", "embassy", "--type", "evacuation", "--format", "jsonl"]).1
        let lines = embassy.split(separator: "\n")
        #expect(lines.count >= 2 && lines.allSatisfy { $0.contains("\"type\":\"evacuation\"") })
        #expect(try run(["events", "--query", "zeppelin", "--format", "jsonl"]).1.isEmpty)
        // bad usage
        let bad = try run(["events", "--type", "picnic"])
        #expect(bad.0 == 2)
        #expect(bad.2.contains("--type takes one of: territory_taken"))
    }

    /// An input that fails before any document is stored leaves no store behind, unless the store was there before.
    @Test func aFailedFirstIngestLeavesNoStore() throws {
        Fixtures.remove(StoreCommandTests.db)
        defer { Fixtures.remove(StoreCommandTests.db) }
        let feed = Fixtures.tempPath("empty-feed.xml")
        defer { try? FileManager.default.removeItem(atPath: feed) }
        let empty = "<rss version=\"2.0\"><channel><title>Wire</title></channel></rss>"
        try Data(empty.utf8).write(to: URL(fileURLWithPath: feed))
        let (code, _, err) = try run(["ingest", feed])
        #expect(code != 0)
        #expect(err.contains("the feed has no items"))
        for file in Store.files(at: StoreCommandTests.db) {
            #expect(!FileManager.default.fileExists(atPath: file), "\(file)")
        }
        // a store that was there is kept, with what it held
        let seed = Fixtures.path("Samples/afghanistan-2021-08-12.txt")
        #expect(try run(["ingest", seed]).0 == 0)
        #expect(try run(["ingest", feed]).0 != 0)
        #expect(try Store(path: StoreCommandTests.db).counts().documents == 1)
    }
}
