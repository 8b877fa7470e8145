import Foundation
import GRDB
import SitrepCore
import SitrepFuse

/// Mentions, events and changes to and from table rows.
extension Store {
    static func groupKey(_ m: EventMention) -> String {
        let cls = m.type.isTerritoryChange ? "territory" : m.type.rawValue
        return m.place.map { "\(cls)|\($0.key)" } ?? "\(cls)|-|\(m.document.story ?? m.document.id)"
    }

    static func insert(_ m: EventMention, eventID: String?, _ db: Database) throws {
        let p = m.place
        try Store.exec(db, """
            INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?,  ?, ?, ?, ?, ?,  ?, ?, ?, ?,  ?, ?, ?,  ?, ?, ?,
                                         ?, ?, ?, ?,  ?,  ?, ?, ?,  ?, ?, ?,  ?,  ?)
            """, arguments: [
                m.id, m.document.id, groupKey(m), eventID, m.type.rawValue,
                p?.key, p?.name, p?.matched, p?.geonameid, p?.country, p?.admin1, p?.lat, p?.lon, p?.feature,
                m.actor?.id, m.actor?.name, m.actor?.kind.rawValue,
                m.target?.id, m.target?.name, m.target?.kind.rawValue,
                m.date.start?.description, m.date.end?.description, m.date.text, m.date.precision.rawValue,
                m.modality.rawValue, m.source?.speaker, m.source?.channel, m.source?.kind?.rawValue,
                m.evidence.text, m.evidence.start, m.evidence.end, m.confidence, m.trigger,
            ])
    }

    /// The mentions of one fusion group, with their documents' fields.
    static func mentions(group: String, _ db: Database) throws -> [EventMention] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, d.url, d.outlet, d.published, d.story
            FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.group_key = ? ORDER BY m.id
            """, arguments: [group]).map(mention)
    }

    static func actor(_ row: Row, _ prefix: String) -> Actor? {
        guard let id: String = row[prefix + "_id"], let name: String = row[prefix + "_name"] else { return nil }
        return Actor(name: name, id: id, kind: ActorKind(rawValue: row[prefix + "_kind"] ?? "") ?? .other)
    }

    /// A mention from a row of `SELECT m.*, d.url, d.outlet, d.published, d.story`. Columns are read by
    /// position: by name, GRDB folds every column name's case on every access.
    static func mention(_ r: Row) -> EventMention {
        func str(_ i: Int) -> String? { r[i] }
        func day(_ i: Int) -> Day? { str(i).flatMap { Day(iso: $0) } }
        func actor(_ i: Int) -> Actor? {
            guard let id = str(i), let name = str(i + 1) else { return nil }
            return Actor(name: name, id: id, kind: ActorKind(rawValue: str(i + 2) ?? "") ?? .other)
        }
        let doc = DocumentRef(id: r[1], url: str(33), outlet: str(34), published: day(35), story: str(36))
        var place: PlaceRef?
        if let key = str(5) {
            place = PlaceRef(name: r[6], matched: str(7) ?? "", geonameid: r[8], country: str(9), admin1: str(10),
                             lat: r[11], lon: r[12], feature: str(13), key: key)
        }
        let speaker = str(25), channel = str(26), kind = str(27)
        let source = speaker == nil && channel == nil && kind == nil
            ? nil : SourceRef(speaker: speaker, channel: channel, kind: kind.flatMap(SourceKind.init(rawValue:)))
        return EventMention(
            id: r[0], document: doc, type: EventType(rawValue: r[4]) ?? .armedClash,
            actor: actor(14), target: actor(17), place: place,
            date: EventDate(start: day(20), end: day(21), text: str(22), precision: DatePrecision(rawValue: r[23]) ?? .unknown),
            modality: Modality(rawValue: r[24]) ?? .asserted, source: source,
            evidence: Evidence(text: r[28], start: r[29], end: r[30]), confidence: r[31], trigger: r[32])
    }

    static func insert(_ e: FusedEvent, group: String, _ db: Database) throws {
        let p = e.place
        let best = e.mentions.max { a, b in
            (a.modality.movesControl ? 1 : 0, a.confidence, b.id) < (b.modality.movesControl ? 1 : 0, b.confidence, a.id)
        }!
        let docs = String(decoding: try JSONSerialization.data(withJSONObject: e.documents), as: UTF8.self)
        try Store.exec(db, """
            INSERT OR REPLACE INTO events VALUES (?, ?, ?,  ?, ?, ?, ?, ?, ?, ?,  ?, ?, ?,  ?, ?, ?,  ?, ?, ?,  ?, ?, ?, ?,
                                                   ?, ?, ?, ?)
            """, arguments: [
                e.id, group, e.type.rawValue,
                p?.key, p?.name, p?.geonameid, p?.country, p?.admin1, p?.lat, p?.lon,
                e.actor?.id, e.actor?.name, e.actor?.kind.rawValue,
                e.target?.id, e.target?.name, e.target?.kind.rawValue,
                e.date.start?.description, e.date.end?.description, e.date.precision.rawValue,
                e.modality.rawValue, e.sources, e.denials, e.confidence,
                docs, e.mentions.count, best.evidence.text, best.document.id,
            ])
        // one statement per event, not per mention
        for chunk in stride(from: 0, to: e.mentions.count, by: 200) {
            let ids = e.mentions[chunk..<min(chunk + 200, e.mentions.count)].map(\.id)
            try db.execute(sql: "UPDATE mentions SET event_id = ? WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                           arguments: StatementArguments([e.id] + ids))
        }
    }

    static func insert(_ c: ControlChange, _ db: Database) throws {
        let p = c.place
        var evidence: [[String: Any]] = []
        for (i, ev) in c.evidence.enumerated() {
            evidence.append(["document": c.evidenceDocuments[i], "text": ev.text, "start": ev.start, "end": ev.end])
        }
        let evJSON = String(decoding: try JSONSerialization.data(withJSONObject: evidence, options: [.sortedKeys]), as: UTF8.self)
        let evsJSON = String(decoding: try JSONSerialization.data(withJSONObject: c.events), as: UTF8.self)
        try Store.exec(db, """
            INSERT INTO control_changes (place_key, place_name, geonameid, country, admin1, lat, lon, date_start,
                date_end, precision, controller_id, controller_name, controller_kind, previous_id, previous_name,
                previous_kind, modality, confidence, sources, events, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                p.key, p.name, p.geonameid, p.country, p.admin1, p.lat, p.lon, c.date.start?.description,
                c.date.end?.description, c.date.precision.rawValue, c.controller.id, c.controller.name,
                c.controller.kind.rawValue, c.previous?.id, c.previous?.name, c.previous?.kind.rawValue,
                c.modality.rawValue, c.confidence, c.sources, evsJSON, evJSON,
            ])
    }
}
