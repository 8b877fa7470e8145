import Foundation
import SitrepCore
import SitrepFuse

/// The report's map: a country's provinces (Natural Earth), each place coloured by who holds it, the changes of
/// the window ringed, a legend and a scale bar. Equirectangular, scaled by the cosine of the middle latitude.
struct MapRenderer {
    let width = 760.0, height = 520.0, margin = 20.0
    let boundaries: Boundaries

    func svg(country: String?, holders: [ControlChange], recent: Set<String>, colors: [String: String]) -> String {
        // a country's map shows its own places, and its legend only their holders
        let holders = country.map { cc in holders.filter { $0.place.country == cc } } ?? holders
        let outline = country.flatMap { boundaries.countries[$0] }
        var pts: [[Double]] = outline?.polygons.flatMap { $0.flatMap { $0 } } ?? []
        if pts.isEmpty {
            pts = holders.compactMap { c in c.place.lon.flatMap { lon in c.place.lat.map { [lon, $0] } } }
        }
        guard !pts.isEmpty else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) 60\"><text x=\"10\" y=\"35\">No place with coordinates to map.</text></svg>"
        }
        var minLon = pts.map { $0[0] }.min()!, maxLon = pts.map { $0[0] }.max()!
        var minLat = pts.map { $0[1] }.min()!, maxLat = pts.map { $0[1] }.max()!
        if maxLon - minLon < 1 { minLon -= 0.5; maxLon += 0.5 }
        if maxLat - minLat < 1 { minLat -= 0.5; maxLat += 0.5 }
        let cosLat = cos((minLat + maxLat) / 2 * .pi / 180)
        let k = min((width - 2 * margin) / ((maxLon - minLon) * cosLat), (height - 2 * margin - 40) / (maxLat - minLat))
        func x(_ lon: Double) -> Double { margin + (lon - minLon) * cosLat * k }
        func y(_ lat: Double) -> Double { margin + (maxLat - lat) * k }
        func path(_ polys: [Boundaries.Polygon]) -> String {
            var d = ""
            for poly in polys {
                for ring in poly {
                    for (i, p) in ring.enumerated() { d += (i == 0 ? "M" : "L") + SVG.n(x(p[0])) + "," + SVG.n(y(p[1])) }
                    d += "Z"
                }
            }
            return d
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Map of control\">"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#eef3f7\"/>"
        if let cc = country {
            for p in boundaries.provinces[cc] ?? [] {
                s += "<path d=\"\(path(p.polygons))\" fill=\"#fbfbf8\" stroke=\"#b9b9b0\" stroke-width=\"0.7\"><title>\(SVG.escape(p.name))</title></path>"
            }
        }
        if let o = outline {
            s += "<path d=\"\(path(o.polygons))\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.4\"/>"
        }
        for c in holders {
            guard let lat = c.place.lat, let lon = c.place.lon else { continue }
            let color = colors[c.controller.id] ?? "#888"
            let cx = SVG.n(x(lon)), cy = SVG.n(y(lat))
            if recent.contains(c.place.key) {
                s += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"10\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            }
            s += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"5.5\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1.2\">"
            s += "<title>\(SVG.escape(c.place.name)): \(SVG.escape(c.controller.name)) since \(c.date.start?.description ?? "?")</title></circle>"
            s += "<text x=\"\(SVG.n(x(lon) + 8))\" y=\"\(SVG.n(y(lat) + 4))\" font-size=\"11\" fill=\"#222\">\(SVG.escape(c.place.name))</text>"
        }
        // scale bar: a round distance near a fifth of the width
        let kmPerPixel = 111.32 / k
        let target = (width / 5) * kmPerPixel
        let nice = [10.0, 20, 50, 100, 200, 250, 500, 1000, 2000].min { abs($0 - target) < abs($1 - target) }!
        let len = nice / kmPerPixel
        let by = height - 18
        s += "<g font-size=\"11\" fill=\"#333\"><rect x=\"\(SVG.n(margin))\" y=\"\(SVG.n(by))\" width=\"\(SVG.n(len))\" height=\"4\" fill=\"#333\"/>"
        s += "<text x=\"\(SVG.n(margin + len + 6))\" y=\"\(SVG.n(by + 5))\">\(Int(nice)) km</text></g>"
        // legend
        var ly = margin + 4
        let lx = width - 200
        s += "<g font-size=\"11\" fill=\"#222\">"
        let drawn = Set(holders.map(\.controller.id))
        for (id, color) in colors.sorted(by: { $0.key < $1.key }) where drawn.contains(id) {
            let name = holders.first { $0.controller.id == id }?.controller.name ?? id
            s += "<circle cx=\"\(SVG.n(lx))\" cy=\"\(SVG.n(ly))\" r=\"5\" fill=\"\(color)\"/><text x=\"\(SVG.n(lx + 10))\" y=\"\(SVG.n(ly + 4))\">\(SVG.escape(name))</text>"
            ly += 16
        }
        s += "<circle cx=\"\(SVG.n(lx))\" cy=\"\(SVG.n(ly))\" r=\"8\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/><text x=\"\(SVG.n(lx + 14))\" y=\"\(SVG.n(ly + 4))\">changed hands in the window</text>"
        s += "</g><text x=\"\(SVG.n(width - margin))\" y=\"\(SVG.n(height - 6))\" font-size=\"9\" fill=\"#777\" text-anchor=\"end\">Outlines: Natural Earth. Places: GeoNames.</text></svg>"
        return s
    }
}
