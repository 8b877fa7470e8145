import Foundation
import Hummingbird
import SitrepCore
import SitrepGazetteer

/// `GET /api/places?q=…`: the places a name can mean, best first (what `sitrep places` prints).
struct PlaceRoutes {
    let cache: ResponseCache

    func add(to router: Router<BasicRequestContext>) {
        router.cachedGet("/api/places", cache: cache) { request, _ in try places(request) }
    }

    func places(_ request: Request) throws -> Payload {
        let q = try QueryParameters(request, allowed: ["q", "country", "limit"])
        guard let name = try q.string("q") else {
            throw APIError.badParameter("q", "missing", hint: "the place name to look up, e.g. ?q=Herat")
        }
        let country = try q.country()
        let limit = try q.int("limit", default: 10, range: 1...100)
        let gazetteer: Gazetteer
        do { gazetteer = try Gazetteer.shared() } catch let e as SitrepError { throw APIError(e) }
        var ctx = PlaceContext()
        if let country {
            ctx.requiredCountry = country
            ctx.countries[country] = 1
        }
        let found = PlaceResolver(gazetteer: gazetteer).candidates(name, context: ctx).prefix(limit)
        return Payload(JSONResponse.bytes { w in
            w.field("query", name)
            w.key("places")
            w.beginArray()
            for c in found {
                gazetteer.places[c.place].writeJSON(to: &w, matched: gazetteer.name(Int(c.entry)), match: "\(c.match)")
            }
            w.endArray()
        })
    }
}
