import Foundation
import Hummingbird
import SitrepCore
import SitrepStore

/// `GET /api/control`, `GET /api/timeline`.
struct ControlRoutes {
    let store: Store
    let cache: ResponseCache

    func add(to router: Router<BasicRequestContext>) {
        router.cachedGet("/api/control", cache: cache) { request, _ in try control(request) }
        router.cachedGet("/api/timeline", cache: cache) { request, _ in try timeline(request) }
    }

    /// `{"as_of": day|null, "places":[change…]}`: who holds each place on the day (default: all that is known).
    func control(_ request: Request) throws -> Payload {
        let q = try QueryParameters(request, allowed: ["as_of", "country", "place"])
        let asOf = try q.day("as_of")
        let changes = try store.control(asOf: asOf, try q.placeFilter())
        return Payload(JSONResponse.bytes { w in
            w.field("as_of", asOf)
            w.key("places")
            w.beginArray()
            for c in changes { c.writeJSON(to: &w) }
            w.endArray()
        })
    }

    /// `{"changes":[change…]}` in order of date.
    func timeline(_ request: Request) throws -> Payload {
        let q = try QueryParameters(request, allowed: ["place", "country", "since", "until"])
        var f = try q.placeFilter()
        f.since = try q.day("since")
        f.until = try q.day("until")
        let changes = try store.timeline(f)
        return Payload(JSONResponse.bytes { w in
            w.key("changes")
            w.beginArray()
            for c in changes { c.writeJSON(to: &w) }
            w.endArray()
        })
    }
}
