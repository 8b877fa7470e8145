import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

/// Sequences told by many short reports (Tests/Fixtures/Scenarios, made by make_scenarios.py): an offensive,
/// a town that changes hands three times, a claim denied then confirmed, a story syndicated eight times,
/// captures remembered years later. The fused events and the timeline must be exactly the expected ones.
@Suite struct ScenarioTests {
    static let names = ["offensive", "seesaw", "claimed-denied", "syndication", "history"]

    func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: ScenarioTests.names)
    func scenario(_ name: String) throws {
        let dir = Fixtures.path("Tests/Fixtures/Scenarios/\(name)")
        var docs: [Document] = []
        try DocumentReader().read([dir + "/corpus.jsonl"]) { docs.append($0) }
        #expect(docs.count >= 5)
        StoryDetector().assign(&docs)
        let db = Fixtures.tempPath("\(name).sqlite")
        defer { Fixtures.remove(db) }
        let store = try Store(path: db)
        let extractor = try EventExtractor.shared()
        _ = try store.ingest(docs, batchSize: 3, extract: { extractor.extract($0) })

        let wantChanges = try lines(dir + "/timeline.expected.jsonl").map { c in
            "\(c["place"]!) \(c["country"]!) \(c["date"]!) \(c["controller"]!) from \(c["previous"] as? String ?? "-")"
        }
        let gotChanges = try store.timeline(StoreFilter()).map { c in
            "\(c.place.name) \(c.place.country ?? "") \(c.date.start!) \(c.controller.id) from \(c.previous?.id ?? "-")"
        }
        #expect(gotChanges == wantChanges)

        var f = StoreFilter()
        f.types = [.territoryTaken, .territoryHandover]
        let wantEvents = try lines(dir + "/events.expected.jsonl").map { e in
            "\(e["place"]!) \(e["country"]!) \(e["date"]!) \(e["controller"]!) \(e["modality"]!) \(e["sources"]!)"
        }
        let gotEvents = try store.events(f).map { e in
            "\(e.place?.name ?? "-") \(e.place?.country ?? "") \(e.date.start?.description ?? "-") \(e.actor?.id ?? "-") \(e.modality.rawValue) \(e.sources)"
        }
        #expect(gotEvents == wantEvents)
    }
}
