import Foundation
import GRDB
import SitrepCore

/// Fused events in the columns of ACLED's codebook. What Sitrep does not know (fatalities, associated actors,
/// admin2/3, ACLED's own regions, source scale, tags) stays empty: nothing is invented.
public enum ACLEDExport {
    public static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
        "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]

    /// ACLED's actor type codes: 1 state forces, 2 rebel groups, 7 civilians, 8 external/other forces.
    static func inter(_ a: Actor?) -> Int? {
        switch a?.kind {
        case .stateForces?, .governmentOfficial?: return 1
        case .nonStateArmedGroup?: return 2
        case .civilians?: return 7
        case .foreignState?, .internationalOrg?: return 8
        default: return nil
        }
    }

    /// One CSV row per event, RFC 4180 quoting.
    public static func rows(_ events: [StoredEvent], outlets: [String: String]) -> [[String]] {
        let codes = CountryCodes.shared
        return events.map { e in
            let (eventType, subType) = e.type.acled(actorKind: e.actor?.kind)
            let disorder = eventType == "Strategic developments" ? "Strategic developments" : "Political violence"
            let i1 = inter(e.actor), i2 = inter(e.target)
            let interaction = i1.map { a in i2.map { b in String(min(a, b) * 10 + max(a, b)) } ?? String(a * 10) } ?? ""
            let precision: String
            switch e.date.precision {
            case .day: precision = "1"
            case .week: precision = "2"
            case .month, .year: precision = "3"
            case .unknown: precision = ""
            }
            let country = codes[e.place?.country]
            // 1: the town itself (a GeoNames town id as key); 3: only its province or country is known
            let geoPrecision = e.place.map { $0.key.allSatisfy(\.isNumber) ? "1" : "3" } ?? ""
            var notes = e.evidence
            if e.modality != .asserted { notes = "[\(e.modality.rawValue)] " + notes }
            return [
                (country?.alpha3 ?? (e.place?.country ?? "")) + e.id.prefix(8).uppercased(),
                e.date.start?.description ?? "", e.date.start.map { String($0.year) } ?? "", precision, disorder,
                eventType, subType, e.actor?.name ?? "", "", i1.map(String.init) ?? "", e.target?.name ?? "", "",
                i2.map(String.init) ?? "", interaction, e.target?.kind == .civilians ? "Civilian targeting" : "",
                country.map { String($0.numeric) } ?? "", "", country?.name ?? "", e.place?.admin1 ?? "", "", "",
                e.place?.name ?? "", e.place?.lat.map { String(format: "%.4f", $0) } ?? "",
                e.place?.lon.map { String(format: "%.4f", $0) } ?? "", geoPrecision, outlets[e.id] ?? "", "", notes,
                "", "", "",
            ]
        }
    }

    public static func csv(_ rows: [[String]]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(quote).joined(separator: ",") + "\r\n" }
        return out
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Store {
    /// The outlets behind each event, "; "-separated, in alphabetical order.
    public func outletsByEvent() throws -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT event_id, outlet FROM event_sources WHERE outlet IS NOT NULL GROUP BY event_id, outlet ORDER BY event_id, outlet
                """) {
                let id: String = r[0], o: String = r[1]
                out[id] = out[id].map { $0 + "; " + o } ?? o
            }
            return out
        }
    }
}
