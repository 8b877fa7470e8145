import Foundation
import Hummingbird
import SitrepCore
import SitrepStore

/// `GET /api/events.geojson`, `GET /api/export.csv`: the exports of `sitrep export`, with the events filters.
struct ExportRoutes {
    let store: Store

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/events.geojson") { request, _ in
            let f = try QueryParameters(request, allowed: QueryParameters.eventFilterNames).eventFilter()
            return JSONResponse.make(GeoJSONExport.events(try store.events(f)).json, type: "application/geo+json")
        }
        router.get("/api/export.csv") { request, _ in
            let f = try QueryParameters(request, allowed: QueryParameters.eventFilterNames).eventFilter()
            let csv = ACLEDExport.csv(ACLEDExport.rows(try store.events(f), outlets: try store.outletsByEvent()))
            var r = JSONResponse.make(Array(csv.utf8), type: "text/csv; charset=utf-8")
            r.headers[.contentDisposition] = "attachment; filename=\"sitrep-events.csv\""
            return r
        }
    }
}
