import SitrepCore
import SitrepGazetteer

/// What `events`, `control` and `timeline` select.
public struct StoreFilter: Sendable {
    /// Gazetteer keys of the place asked for (a name can mean several), or names to match as written.
    public var placeKeys: [String] = []
    public var placeName: String?
    public var country: String?
    public var types: [EventType] = []
    public var since: Day?
    public var until: Day?
    public var minSources = 0
    /// Full-text query over the documents (SQLite FTS5 syntax).
    public var query: String?

    public init() {}

    /// SQL conditions and their arguments, for a table with place_key/place_name/country/date_start columns.
    func sql(typeColumn: String? = "type") -> (String, [(any Sendable)?]) {
        var cond: [String] = []
        var args: [(any Sendable)?] = []
        if !placeKeys.isEmpty || placeName != nil {
            var alts: [String] = []
            if !placeKeys.isEmpty {
                alts.append("place_key IN (\(placeKeys.map { _ in "?" }.joined(separator: ",")))")
                args += placeKeys.map { $0 as (any Sendable)? }
            }
            if let n = placeName {
                alts.append("place_name = ? COLLATE NOCASE")
                args.append(n)
            }
            cond.append("(" + alts.joined(separator: " OR ") + ")")
        }
        if let c = country {
            cond.append("country = ? COLLATE NOCASE")
            args.append(c)
        }
        if let col = typeColumn, !types.isEmpty {
            cond.append("\(col) IN (\(types.map { _ in "?" }.joined(separator: ",")))")
            args += types.map { $0.rawValue as (any Sendable)? }
        }
        if let s = since {
            cond.append("date_start >= ?")
            args.append(s.description)
        }
        if let u = until {
            cond.append("date_start <= ?")
            args.append(u.description)
        }
        if minSources > 0 {
            cond.append("sources >= ?")
            args.append(minSources)
        }
        return (cond.isEmpty ? "1" : cond.joined(separator: " AND "), args)
    }
}

extension StoreFilter {
    /// A filter by place and country, the place resolved to the gazetteer keys its name may stand for (the five
    /// best), and kept as written for places the gazetteer lacks.
    public static func resolving(place: String?, country: String?) throws -> StoreFilter {
        var f = StoreFilter()
        f.country = country?.uppercased()
        if let place {
            f.placeName = place
            var ctx = PlaceContext()
            if let c = f.country {
                ctx.requiredCountry = c
                ctx.countries[c] = 1
            }
            let g = try Gazetteer.shared()
            f.placeKeys = PlaceResolver(gazetteer: g).candidates(place, context: ctx).prefix(5).map { g.places[$0.place].key }
        }
        return f
    }
}
