import Foundation
import SitrepCore
import SitrepFuse
import SitrepStore

/// The report's map and chart on their own, for pages that show them (the server's).
extension ReportWriter {
    /// The map of control on `asOf`, with the changes since `since` ringed.
    public func mapSVG(store: Store) throws -> String {
        var f = StoreFilter()
        f.country = country
        let holders = try store.control(asOf: asOf, f)
        f.since = since
        f.until = asOf
        let recent = Set(try store.timeline(f).map(\.place.key))
        return try mapSVG(holders: holders, recent: recent, colors: Self.colors(holders))
    }

    /// The changes of control up to `asOf`, place by place along time, coloured as on the map.
    public func changesSVG(store: Store) throws -> String {
        var f = StoreFilter()
        f.country = country
        let holders = try store.control(asOf: asOf, f)
        f.until = asOf
        return Charts.timeline(try store.timeline(f), colors: Self.colors(holders))
    }

    func mapSVG(holders: [ControlChange], recent: Set<String>, colors: [String: String]) throws -> String {
        // without a country, the country with the most places held
        let mapCountry = country ?? Dictionary(grouping: holders.compactMap(\.place.country), by: { $0 })
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        return MapRenderer(boundaries: try Boundaries.shared())
            .svg(country: mapCountry, holders: holders, recent: recent, colors: colors)
    }

    /// Colours by how many places each controller holds: the largest gets the first colour.
    static func colors(_ holders: [ControlChange]) -> [String: String] {
        var held: [String: Int] = [:]
        for c in holders { held[c.controller.id, default: 0] += 1 }
        var colors: [String: String] = [:]
        for (i, id) in held.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).map(\.key).enumerated() {
            colors[id] = SVG.palette[i % SVG.palette.count]
        }
        return colors
    }
}
