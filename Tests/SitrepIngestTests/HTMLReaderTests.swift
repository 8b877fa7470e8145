import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

@Suite struct HTMLReaderTests {
    func page(_ html: [UInt8], name: String = "page.html") throws -> (Document, [String]) {
        var docs: [Document] = []
        var warnings: [String] = []
        try DocumentReader(warn: { warnings.append($0) }).readBytes(html, name: name, idBase: name, ext: "html") {
            docs.append($0)
        }
        return (docs[0], warnings)
    }

    @Test func windows1252PageIsTranscoded() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article><p>".utf8)
        bytes += [0x93] + Array("Nous tenons la ville,".utf8) + [0x94] + Array(" a dit le g".utf8) + [0xE9]
            + Array("n".utf8) + [0xE9] + Array("ral ".utf8) + [0x97] + Array(" sans preuve.</p></article></body></html>".utf8)
        let (doc, warnings) = try page(bytes)
        #expect(doc.text == "\u{201C}Nous tenons la ville,\u{201D} a dit le g\u{E9}n\u{E9}ral \u{2014} sans preuve.")
        #expect(warnings.isEmpty)
    }

    @Test func invalidUTF8WithoutADeclaredCharsetIsReplacedWithAWarning() throws {
        let bytes = Array("<html><body><p>Shelling hit the town ".utf8) + [0xFF] + Array(" overnight.</p></body></html>".utf8)
        let (doc, warnings) = try page(bytes)
        #expect(doc.text == "Shelling hit the town \u{FFFD} overnight.")
        #expect(warnings == ["sitrep: warning: page.html: invalid UTF-8 at byte 37 (1 bad sequence replaced with U+FFFD)"])
    }

    @Test func aPDFOrAnImageNamedHTMLIsRefused() {
        for (bytes, what) in [(Array("%PDF-1.7\n%\u{E2}\u{E3}".utf8), "a PDF"), ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "a PNG image")] {
            #expect {
                _ = try page(bytes, name: "story.html")
            } throws: { e in
                (e as? SitrepError)?.exitCode == 2 && "\(e)".hasPrefix("story.html: this is \(what), not text")
            }
        }
    }

    @Test func aPageWithoutTextIsAnErrorThatSaysWhy() {
        #expect {
            _ = try page(Array("<html><body><div id=app></div><script>render()</script></body></html>".utf8))
        } throws: { e in
            "\(e)" == "page.html: no article text in the page (the page may load its text with JavaScript; save the rendered page)"
        }
    }

    @Test func metadataFallsBackToURLDateAndHost() throws {
        let html = """
            <html><head><link rel="canonical" href="https://www.daily.example.test/news/2022/03/05/town-shelled">
            </head><body><h1>Town shelled</h1><div class="story"><p>Shells hit the town on Saturday, officials said, \
            and two people were hurt, according to the regional governor.</p></div></body></html>
            """
        let (doc, _) = try page(Array(html.utf8))
        #expect(doc.title == "Town shelled")
        #expect(doc.published?.description == "2022-03-05")
        #expect(doc.outlet == "daily.example.test")
        #expect(doc.url == "https://www.daily.example.test/news/2022/03/05/town-shelled")
    }

    @Test(arguments: [
        ("https://x.test/2021/08/12/a", "2021-08-12"), ("https://x.test/a/2021-08-12/b", "2021-08-12"),
        ("https://x.test/2021/13/12/a", nil), ("https://x.test/world/12345", nil),
    ] as [(String, String?)])
    func datesInURLPaths(_ url: String, _ want: String?) {
        #expect(PageMetadata.dayInPath(url)?.description == want)
    }
}
