import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest

/// One article gives the same mentions whether it arrives as text, a web page, a feed item or a JSON line.
@Suite struct InputFormatEquivalenceTests {
    struct Seen: Equatable {
        var type: EventType
        var place: String?
        var actor: String?
        var date: String?
        var modality: Modality
        var evidence: String
        var start: Int
        var end: Int
    }

    func seen(_ file: String) throws -> (Document, [Seen]) {
        var docs: [Document] = []
        try DocumentReader(published: Day(iso: "2024-02-08")).read([Fixtures.path("Tests/Fixtures/Formats/" + file)]) {
            docs.append($0)
        }
        #expect(docs.count == 1)
        let ms = try EventExtractor.shared().extract(docs[0])
        return (docs[0], ms.map {
            Seen(type: $0.type, place: $0.place?.key, actor: $0.actor?.id, date: $0.date.start?.description,
                 modality: $0.modality, evidence: $0.evidence.text, start: $0.evidence.start, end: $0.evidence.end)
        })
    }

    @Test func textPageFeedAndJSONLinesAgree() throws {
        let (txt, base) = try seen("sake.txt")
        #expect(txt.title == nil)  // its first line is the dateline paragraph, not a headline
        #expect(base.count >= 3)
        #expect(base.first?.type == .territoryTaken)
        for f in ["sake.html", "sake.rss", "sake.jsonl"] {
            let (doc, ms) = try seen(f)
            #expect(doc.text == txt.text, "\(f)")
            #expect(doc.title == "Rebels take Sake as army falls back toward Goma", "\(f)")  // the .txt has no title line
            #expect(ms == base, "\(f)")
        }
    }
}
