import Foundation
import Hummingbird
import SitrepCore
import SitrepStore

/// `GET /api/events.geojson`, `GET /api/export.csv`: the exports of `sitrep export`, with the events filters.
struct ExportRoutes {
    let store: Store
    let cache: ResponseCache

    func add(to router: Router<BasicRequestContext>) {
        router.cachedGet("/api/events.geojson", cache: cache) { request, _ in
            let f = try QueryParameters(request, allowed: QueryParameters.eventFilterNames).eventFilter()
            return Payload(GeoJSONExport.events(try store.events(f)).json, type: "application/geo+json")
        }
        router.cachedGet("/api/export.csv", cache: cache) { request, _ in
            let f = try QueryParameters(request, allowed: QueryParameters.eventFilterNames).eventFilter()
            let csv = ACLEDExport.csv(ACLEDExport.rows(try store.events(f), outlets: try store.outletsByEvent()))
            return Payload(Array(csv.utf8), type: "text/csv; charset=utf-8",
                           headers: [.contentDisposition: "attachment; filename=\"sitrep-events.csv\""])
        }
    }
}
