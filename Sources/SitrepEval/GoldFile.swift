import Foundation
import SitrepCore

/// One annotated event of a gold file (spec/eval.md).
public struct GoldEvent: Sendable {
    public var type: EventType
    public var place: String?
    public var country: String?
    public var date: Day?
    public var modality: Modality
    public var quote: String?
}

public struct GoldArticle: Sendable {
    public var id: String
    public var duplicateOf: String?
    public var events: [GoldEvent]
}

public enum GoldFile {
    /// Reads a gold JSON Lines file; any malformed line is an error naming it.
    public static func read(_ path: String) throws -> [GoldArticle] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SitrepError(.missingFile, "cannot read the gold file", at: path)
        }
        var out: [GoldArticle] = []
        var n = 0
        for line in data.split(separator: 10, omittingEmptySubsequences: false) {
            n += 1
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            let at = "\(path):\(n)"
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw SitrepError(.badJSON, "not a JSON object", at: at)
            }
            guard let id = o["id"] as? String else { throw SitrepError(.missingField, "no \"id\"", at: at) }
            var events: [GoldEvent] = []
            for (k, e) in ((o["events"] as? [[String: Any]]) ?? []).enumerated() {
                guard let ts = e["type"] as? String, let type = EventType(rawValue: ts) else {
                    throw SitrepError(.badData, "event \(k + 1): unknown type '\(e["type"] ?? "")'", at: at)
                }
                guard let ms = e["modality"] as? String, let mod = Modality(rawValue: ms) else {
                    throw SitrepError(.badData, "event \(k + 1): unknown modality '\(e["modality"] ?? "")'", at: at)
                }
                var day: Day? = nil
                if let d = e["date"] as? String {
                    guard let dd = Day(iso: d) else { throw SitrepError(.badDate, "event \(k + 1): date '\(d)'", at: at) }
                    day = dd
                }
                events.append(GoldEvent(type: type, place: e["place"] as? String, country: e["country"] as? String,
                                        date: day, modality: mod, quote: e["quote"] as? String))
            }
            out.append(GoldArticle(id: id, duplicateOf: o["duplicate_of"] as? String, events: events))
        }
        return out
    }
}
