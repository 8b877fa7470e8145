import Foundation
import Hummingbird
import SitrepCore
import SitrepReport
import SitrepStore

/// The page at `/` (HTML, script and style from the module's Data folder), the map and chart it shows,
/// `/openapi.json` and `/healthz`.
struct PageRoutes {
    let store: Store
    let assets: Assets
    let cache: ResponseCache

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in assets.response("page.html", type: "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in assets.response("app.js", type: "text/javascript; charset=utf-8") }
        router.get("/app.css") { _, _ in assets.response("app.css", type: "text/css; charset=utf-8") }
        router.get("/openapi.json") { _, _ in assets.response("openapi.json", type: "application/json") }
        router.cachedGet("/api/map.svg", cache: cache) { request, _ in try graphic(request, map: true) }
        router.cachedGet("/api/changes.svg", cache: cache) { request, _ in try graphic(request, map: false) }
        router.get("/healthz") { _, _ in
            let c = try store.counts()
            let revision = try store.revision()
            return JSONResponse.object { w in
                w.field("status", "ok")
                w.field("documents", c.documents)
                w.field("events", c.events)
                w.field("changes", c.changes)
                w.field("revision", revision)
            }
        }
    }

    /// The report's map of control (or its chart of changes) for a country on a day; the day defaults to the
    /// latest evidence, the window to the week before it.
    func graphic(_ request: Request, map: Bool) throws -> Payload {
        let q = try QueryParameters(request, allowed: ["as_of", "country", "since"])
        let asOf = try q.day("as_of") ?? store.latestDay() ?? Self.today()
        let since = try q.day("since") ?? asOf.adding(days: -7)
        let writer = ReportWriter(country: try q.country(), since: since, asOf: asOf)
        let svg = map ? try writer.mapSVG(store: store) : try writer.changesSVG(store: store)
        return Payload(Array(svg.utf8), type: "image/svg+xml")
    }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }
}

/// The page's files, read once from the module's resources.
struct Assets: Sendable {
    let files: [String: [UInt8]]

    static func load() throws -> Assets {
        var files: [String: [UInt8]] = [:]
        for name in ["page.html", "app.js", "app.css", "openapi.json"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data"),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw SitrepError(.missingFile, "the server's file \(name) is missing from its resources", hint: "rebuild Sitrep")
            }
            files[name] = Array(data)
        }
        return Assets(files: files)
    }

    func response(_ name: String, type: String) -> Response {
        var r = JSONResponse.make(files[name] ?? [], type: type)
        r.headers[.cacheControl] = "no-cache"
        return r
    }
}
