import Foundation
import Hummingbird
import SitrepCore
import SitrepStore

/// `GET /api/events`, `GET /api/events/{id}`.
struct EventRoutes {
    let store: Store
    let options: ServerOptions
    let cache: ResponseCache

    func add(to router: Router<BasicRequestContext>) {
        router.cachedGet("/api/events", cache: cache) { request, _ in try list(request) }
        router.cachedGet("/api/events/{id}", cache: cache) { request, context in
            try one(context.parameters.require("id"))
        }
    }

    /// `{"events":[…], "next": cursor|null}`: newest first, each event citing its evidence document.
    func list(_ request: Request) throws -> Payload {
        let q = try QueryParameters(request, allowed: QueryParameters.eventFilterNames.union(["limit", "cursor"]))
        let filter = try q.eventFilter()
        let limit = try q.int("limit", default: 100, range: 1...options.maxPage)
        let page = try store.eventPage(filter, after: try q.string("cursor"), limit: limit)
        let docs = try store.documents(ids: page.events.map(\.evidenceDocument))
        return Payload(JSONResponse.bytes { w in
            w.key("events")
            w.beginArray()
            for e in page.events { e.writeJSON(to: &w, cite: docs[e.evidenceDocument]) }
            w.endArray()
            w.field("next", page.next)
        })
    }

    /// The event, its mentions (each with its evidence and source) and the documents they come from.
    func one(_ id: String) throws -> Payload {
        guard id.utf8.count <= 200, let event = try store.event(id: id) else { throw APIError.notFound("no event '\(id)'") }
        let mentions = try store.mentions(event: id)
        let docs = try store.documents(ids: event.documents + [event.evidenceDocument])
        return Payload(JSONResponse.bytes { w in
            w.key("event")
            event.writeJSON(to: &w, cite: docs[event.evidenceDocument])
            w.key("mentions")
            w.beginArray()
            var shared = MentionJSONCache()  // mentions of one document share its object
            for m in mentions { m.writeJSON(to: &w, cache: &shared) }
            w.endArray()
            w.key("documents")
            w.beginArray()
            for id in event.documents {
                guard let d = docs[id] else { continue }
                d.writeJSON(to: &w)
            }
            w.endArray()
        })
    }
}

extension DocumentInfo {
    func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("title", title)
        w.field("outlet", outlet)
        w.field("url", url)
        w.field("published", published)
        w.endObject()
    }
}
