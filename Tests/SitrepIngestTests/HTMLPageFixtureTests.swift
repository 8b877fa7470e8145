import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

/// Thirty-two pages in the layouts of real news sites (Tests/Fixtures/HTML: sixteen made by make_pages.py around
/// the evaluation articles, sixteen written page by page in second-set/): the article
/// text and metadata Sitrep finds must be exactly what each page's expected file says.
@Suite struct HTMLPageFixtureTests {
    static let pages = Fixtures.files(under: "Tests/Fixtures/HTML", extensions: ["html"])

    @Test func thereAreThirtyTwoPages() {
        #expect(HTMLPageFixtureTests.pages.count == 32)
    }

    @Test(arguments: HTMLPageFixtureTests.pages)
    func page(_ path: String) throws {
        let expectedPath = String(path.dropLast(".html".count)) + ".expected.json"
        let data = try #require(FileManager.default.contents(atPath: expectedPath))
        let want = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var docs: [Document] = []
        var warnings: [String] = []
        try DocumentReader(warn: { warnings.append($0) }).read([path]) { docs.append($0) }
        #expect(docs.count == 1)
        let d = try #require(docs.first)
        #expect(d.title == want["title"] as? String)
        #expect(d.published?.description == want["published"] as? String)
        #expect(d.outlet == want["outlet"] as? String)
        #expect(d.url == want["url"] as? String)
        #expect(d.text == want["text"] as? String)
        #expect(warnings.isEmpty)
    }
}
