import Foundation
import SitrepCore

/// Reads mentions another run wrote (Sitrep's JSON Lines, or any tool writing the same fields), so that
/// systems can be scored side by side. The article is `document.id`, or `article` as the spaCy baseline writes.
public enum MentionFile {
    public static func read(_ path: String) throws -> [String: [EventMention]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SitrepError(.missingFile, "cannot read the mentions file", at: path)
        }
        var out: [String: [EventMention]] = [:]
        var n = 0
        for line in data.split(separator: 10) {
            n += 1
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw SitrepError(.badJSON, "not a JSON object", at: "\(path):\(n)")
            }
            let doc = ((o["document"] as? [String: Any])?["id"] as? String) ?? (o["article"] as? String) ?? ""
            guard let ts = o["type"] as? String, let type = EventType(rawValue: ts) else { continue }
            let mod = (o["modality"] as? String).flatMap { Modality(rawValue: $0) } ?? .asserted
            var place: PlaceRef? = nil
            if let p = o["place"] as? [String: Any], let name = p["name"] as? String {
                let gid = p["geonameid"] as? Int
                place = PlaceRef(name: name, matched: (p["matched"] as? String) ?? name, geonameid: gid,
                                 country: p["country"] as? String, admin1: nil, lat: p["lat"] as? Double,
                                 lon: p["lon"] as? Double, feature: p["feature"] as? String, key: gid.map(String.init) ?? name)
            }
            let d = o["date"] as? [String: Any]
            let start = (d?["start"] as? String).flatMap { Day(iso: $0) }
            let precision = (d?["precision"] as? String).flatMap { DatePrecision(rawValue: $0) } ?? (start == nil ? .unknown : .day)
            let m = EventMention(id: "\(n)", document: DocumentRef(id: doc, url: nil, outlet: nil, published: nil, story: nil),
                                 type: type, actor: nil, target: nil, place: place,
                                 date: EventDate(start: start, end: nil, text: d?["text"] as? String, precision: precision),
                                 modality: mod, source: nil, evidence: Evidence(text: "", start: 0, end: 0), confidence: 0,
                                 trigger: "")
            out[doc, default: []].append(m)
        }
        return out
    }
}
