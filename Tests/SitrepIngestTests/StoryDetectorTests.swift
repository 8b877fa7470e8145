import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

/// Copies of one wire story (verbatim, trimmed, re-headlined, with a new intro or the outlet's boilerplate) get
/// one story; other outlets' own reports on the same city and day, even quoting the same statement, stay apart.
@Suite struct StoryDetectorTests {
    func documents() throws -> [Document] {
        var docs: [Document] = []
        try DocumentReader().read([Fixtures.path("Tests/Fixtures/Stories/stories.jsonl")]) { docs.append($0) }
        return docs
    }

    @Test func storiesOfTheFixtureSet() throws {
        var docs = try documents()
        #expect(docs.count == 21)
        StoryDetector().assign(&docs)
        let data = try #require(FileManager.default.contents(atPath: Fixtures.path("Tests/Fixtures/Stories/stories.expected.json")))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["stories"] as? [String: String])
        for d in docs { #expect(d.story == expected[d.id], "\(d.id)") }
        #expect(Set(docs.compactMap(\.story)).count == 10)
    }

    /// A second set, written separately: 27 documents, 8 stories (one spun by a rewriting site: one word in six
    /// changed), three outlets quoting one statement, two other reports from the same city and day.
    @Test func storiesOfTheSecondSet() throws {
        var docs: [Document] = []
        try DocumentReader().read([Fixtures.path("Tests/Fixtures/Stories/second-set/stories.jsonl")]) { docs.append($0) }
        #expect(docs.count == 27)
        StoryDetector().assign(&docs)
        let data = try #require(FileManager.default.contents(atPath: Fixtures.path("Tests/Fixtures/Stories/second-set/stories.expected.json")))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["stories"] as? [String: String])
        for d in docs { #expect(d.story == expected[d.id], "\(d.id)") }
    }

    @Test func aSharedStatementIsNotASharedStory() throws {
        let docs = try documents()
        let n1 = try #require(docs.first { $0.id == "indep-n1" }), n2 = try #require(docs.first { $0.id == "indep-n2" })
        let shared = Shingles(n1.text, size: 3).containment(with: Shingles(n2.text, size: 3))
        #expect(shared > 0.1 && shared < 0.3)  // the quote is there, well under the 0.45 threshold
        let a = try #require(docs.first { $0.id == "south-012" }), e3 = try #require(docs.first { $0.id == "copy-e3" })
        #expect(Shingles(a.text, size: 3).containment(with: Shingles(e3.text, size: 3)) > 0.8)
    }

    @Test func theEarliestCopyNamesTheStory() {
        var docs = [
            Document(id: "late", published: Day(iso: "2021-08-13"), text: String(repeating: "Taliban fighters entered the city of Herat on Thursday after government troops withdrew. ", count: 3)),
            Document(id: "early", published: Day(iso: "2021-08-12"), text: String(repeating: "Taliban fighters entered the city of Herat on Thursday after government troops withdrew. ", count: 3)),
            Document(id: "other", published: Day(iso: "2021-08-12"), text: "Shelling hit the outskirts of Kandahar overnight, residents said, as fighting continued."),
        ]
        StoryDetector().assign(&docs)
        #expect(docs.map(\.story) == ["early", "early", "other"])
    }
}
