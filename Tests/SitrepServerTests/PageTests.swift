import Foundation
import Testing
@testable import SitrepServer

/// The page in a real browser: headless Chromium loads it from a live server, runs its script, and we read the
/// DOM after load and a screenshot. Skipped where Chromium is not installed (.ci/run installs it).
@Suite struct PageTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func chromium(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePageServesItsOwnFiles() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let page = try await s.get("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["content-security-policy"]?.hasPrefix("default-src 'none'; script-src 'self';") == true)
        // nothing from outside the machine: no address but the server's own paths
        for name in ["/", "/app.js", "/app.css"] {
            let text = try await s.get(name).text
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(name)")
        }
        #expect(try await s.get("/app.js").text.contains("innerHTML") == false)  // strings are set as text only
    }

    @Test(.enabled(if: PageTests.chromium != nil)) func theBrowserDrawsMapTableAndEscapedTitles() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let dom = try chromium(["--virtual-time-budget=15000", "--dump-dom", s.base + "/"])
        // the map, drawn from /api/map.svg into the page
        #expect(dom.contains("<div id=\"map\" class=\"graphic\"><svg"))
        #expect(dom.contains("<title>Wad Medani: Rapid Support Forces since 2023-12-18</title>"))
        // one row per event, and the held places
        #expect(dom.components(separatedBy: "<tr data-id=").count - 1 == 5)
        #expect(dom.contains("<td>Wad Medani</td><td>SD</td><td>Rapid Support Forces</td><td>2023-12-18</td>"))
        #expect(dom.contains("3 documents, 5 events, 2 changes of control."))
        // the hostile title and text are text, not markup
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<script>alert"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func shot(_ url: String, _ name: String) throws -> Int {
            let png = dir.appendingPathComponent(name).path
            _ = try chromium(["--virtual-time-budget=15000", "--window-size=1200,1600", "--screenshot=\(png)", url])
            return (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        }
        let blank = try shot("about:blank", "blank.png")
        let page = try shot(s.base + "/", "page.png")
        #expect(blank > 0)
        #expect(page > blank * 5)
    }
}
