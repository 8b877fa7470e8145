import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

@Suite struct FeedReaderTests {
    func read(_ rel: String) throws -> ([Document], [String]) {
        var docs: [Document] = []
        var warnings: [String] = []
        try DocumentReader(warn: { warnings.append($0) }).read([Fixtures.path(rel)]) { docs.append($0) }
        return (docs, warnings)
    }

    @Test func rssItemsWithCDATAEntitiesAndBrokenDates() throws {
        let (docs, warnings) = try read("Tests/Fixtures/Feeds/wire-world.rss")
        #expect(docs.map(\.id) == ["wire-2024-0209-001", "https://wire.example.test/world/2024/02/10/talks-resume",
                                   Fixtures.path("Tests/Fixtures/Feeds/wire-world.rss") + "#4"])
        #expect(docs[0].title == "Rebels & allies seize border town of Kamanyola")
        #expect(docs[0].published?.description == "2024-02-09")
        #expect(docs[0].outlet == "wire.example.test")
        // content:encoded (longer) wins over description; its HTML is read like a page: the ad label goes.
        #expect(docs[0].text == """
            BUKAVU, Feb 9 (Example Wire) - Rebels seized the border town of Kamanyola on Friday, local officials \
            said, after government troops withdrew overnight.

            \u{201C}The soldiers left before dawn,\u{201D} a local official told Example Wire by telephone.
            """)
        // a two-digit year; an escaped-HTML description
        #expect(docs[1].published?.description == "2024-02-10")
        #expect(docs[1].text == """
            ADDIS ABABA, Feb 10 (Example Wire) - Mediators said on Saturday that ceasefire talks would resume next week.

            Neither side commented.
            """)
        // no link, an unreadable date: the channel title is the outlet, the date is unknown
        #expect(docs[2].url == nil)
        #expect(docs[2].published == nil)
        #expect(docs[2].outlet == "Example Wire \u{2013} World News")
        #expect(warnings == ["sitrep: skipped: \(Fixtures.path("Tests/Fixtures/Feeds/wire-world.rss")): item 3: an item without text"])
    }

    @Test func atomEntriesWithXHTMLAndEscapedHTML() throws {
        let (docs, _) = try read("Tests/Fixtures/Feeds/monitor.atom")
        #expect(docs.count == 2)
        #expect(docs[0].id == "urn:uuid:kidal-1")
        #expect(docs[0].title == "Army enters Kidal")
        #expect(docs[0].url == "https://www.monitor.example.test/2023/11/14/army-enters-kidal")
        #expect(docs[0].outlet == "monitor.example.test")
        #expect(docs[0].published?.description == "2023-11-14")  // published, not updated
        #expect(docs[0].text == """
            BAMAKO, Nov 14 - The army said on Tuesday it had entered Kidal, the rebel stronghold in the north.

            Rebel leaders said their fighters had pulled out to spare civilians.
            """)
        #expect(docs[1].published?.description == "2023-11-15")
        #expect(docs[1].outlet == "Conflict Monitor")
        #expect(docs[1].text == "GAO, Nov 15 - Gunmen attacked a supply convoy near Gao on Wednesday, a security source said.")
    }

    /// A feed whose download stopped inside an item: that item is skipped with a warning, not stored cut off;
    /// one that stopped between items keeps them all, silently.
    @Test func aFeedCutShortSkipsItsUnfinishedItem() throws {
        let whole = Fixtures.bytes("Tests/Fixtures/Feeds/monitor.atom")
        let (complete, _) = try read("Tests/Fixtures/Feeds/monitor.atom")
        let text = String(decoding: whole, as: UTF8.self)
        let second = try #require(text.range(of: "<entry", options: .backwards))
        let before = text.utf8.distance(from: text.startIndex, to: second.lowerBound)
        func readCut(at n: Int) throws -> ([Document], [String]) {
            var docs: [Document] = []
            var warnings: [String] = []
            try DocumentReader(warn: { warnings.append($0) }).read(bytes: Array(whole.prefix(n)), name: "cut.atom",
                                                                   idBase: "cut.atom") { docs.append($0) }
            return (docs, warnings)
        }
        let inside = try readCut(at: before + 200)
        #expect(inside.0.map(\.id) == [complete[0].id])
        #expect(inside.0.first?.text == complete[0].text)
        #expect(inside.1 == ["sitrep: skipped: cut.atom: item 2: the feed ends inside it (cut short?)"])
        let between = try readCut(at: before)
        #expect(between.0.map(\.text) == [complete[0].text])
        #expect(between.1.isEmpty)
        #expect(FeedReader.closingItemTags(Array("<a:entry>x</a:entry ><item/></item>< /item>".utf8)) == 2)
    }

    @Test func rdfFeedInLatin1() throws {
        let (docs, _) = try read("Tests/Fixtures/Feeds/digest.rdf")
        #expect(docs.count == 1)
        #expect(docs[0].published?.description == "2015-01-21")
        #expect(docs[0].text.hasSuffix("Caf\u{E9} owners closed early."))
    }

    @Test func aFileThatIsNotAFeedIsAnError() {
        #expect {
            _ = try read("Tests/Fixtures/Feeds/not-a-feed.rss")
        } throws: { e in
            (e as? SitrepError)?.code == .badFeed && (e as? SitrepError)?.exitCode == 2
                && "\(e)".contains("not-a-feed.rss: not an XML feed")
        }
    }

    @Test(arguments: [
        ("Thu, 12 Aug 2021 10:00:00 GMT", "2021-08-12"), ("12 Aug 2021", "2021-08-12"),
        ("Sat, 10 Feb 24 09:30:00 +0100", "2024-02-10"), ("2023-11-14T18:20:00+00:00", "2023-11-14"),
        ("Monday, 5 September 2022 08:00", "2022-09-05"), ("Feb 30 2021", nil), ("yesterday", nil), ("", nil),
    ] as [(String, String?)])
    func feedDates(_ s: String, _ want: String?) {
        #expect(FeedDate.day(s)?.description == want)
    }
}
