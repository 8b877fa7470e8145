import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepReport
@testable import SitrepStore

@Suite struct ReportTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func store(_ rel: String, published: String? = nil) throws -> (Store, String) {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-report-\(UUID().uuidString).sqlite").path
        var docs: [Document] = []
        try DocumentReader(published: published.flatMap { Day(iso: $0) }).read([ReportTests.repo.appendingPathComponent(rel).path]) {
            docs.append($0)
        }
        StoryDetector().assign(&docs)
        let s = try Store(path: db)
        let x = try EventExtractor.shared()
        _ = try s.ingest(docs, extract: { x.extract($0) })
        return (s, db)
    }

    func remove(_ db: String) { Store.removeFiles(at: db) }

    @Test func theSeedReport() throws {
        let (s, db) = try store("Samples/afghanistan-2021-08-12.txt", published: "2021-08-12")
        defer { remove(db) }
        let r = try ReportWriter(country: "AF", since: Day(iso: "2021-08-06")!, asOf: Day(iso: "2021-08-13")!).write(store: s)
        #expect(r.markdown.hasPrefix("# Situation report: Afghanistan, 2021-08-06 to 2021-08-13\n"))
        #expect(r.markdown.contains("- Taliban took Herat from Afghan government forces on 2021-08-12 (1 independent source)."))
        #expect(r.markdown.contains("| Qala i Naw | AF | Taliban | 2021-08-12 | asserted | 1 |"))
        // the page: self-contained, a map with the 34 provinces and three places, two charts
        #expect(r.html.hasPrefix("<!DOCTYPE html>"))
        // nothing fetched: no script, and no address but the SVG namespace
        #expect(!r.html.contains("<script"))
        #expect(!r.html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(r.html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(r.html.components(separatedBy: "stroke=\"#b9b9b0\"").count - 1 == 34)
        #expect(r.html.contains("<title>Herat: Taliban since 2021-08-12</title>"))
        #expect(r.html.components(separatedBy: "r=\"10\" fill=\"none\"").count - 1 == 3)  // the three changes of the window, ringed
    }

    @Test func hostileDocumentsAppearAsText() throws {
        let (s, db) = try store("Tests/Fixtures/Report/hostile.jsonl")
        defer { remove(db) }
        let r = try ReportWriter(country: nil, since: Day(iso: "2012-11-14")!, asOf: Day(iso: "2012-11-21")!).write(store: s)
        #expect(r.html.contains("Goma"))
        #expect(!r.html.contains("<script>") && !r.html.contains("<img src=x"))
        #expect(r.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(r.html.contains("&lt;img src=x onerror=alert(1)&gt;"))  // the title, cited as text
        #expect(r.markdown.contains("&lt;img src=x onerror=alert(1)&gt; (hostile.example.test)"))  // escaped in Markdown too
        #expect(!r.markdown.contains("<script>") && !r.markdown.contains("<img"))
    }

    /// With Chromium installed (Debian `chromium`), the page renders to a picture that is not blank.
    @Test func thePageRendersInABrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return  // not installed here: .ci/run installs it
        }
        let (s, db) = try store("Samples/afghanistan-2021-08-12.txt", published: "2021-08-12")
        defer { remove(db) }
        let r = try ReportWriter(country: "AF", since: Day(iso: "2021-08-06")!, asOf: Day(iso: "2021-08-13")!).write(store: s)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func shot(_ html: String, _ name: String) throws -> Int {
            let page = dir.appendingPathComponent("\(name).html"), png = dir.appendingPathComponent("\(name).png")
            try html.write(to: page, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: chromium)
            p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1400",
                           "--screenshot=\(png.path)", page.absoluteString]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        }
        let blank = try shot("<!DOCTYPE html><html><body></body></html>", "blank")
        let report = try shot(r.html, "report")
        #expect(report > 0 && report > blank * 5)
    }
}
