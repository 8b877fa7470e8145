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

    /// A mention's row; a mention with the id of one already stored replaces it.
    static func insert(_ m: EventMention, _ db: Database) throws {
        // a plain INSERT of one row needs no statement journal (OR REPLACE opens one for every row, a sixth of
        // the cost of the row); the rare repeated id takes the second statement
        do {
            try insert(m, replacing: false, db)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            try insert(m, replacing: true, db)
        }
    }

    private static func insert(_ m: EventMention, replacing: Bool, _ db: Database) throws {
        let p = m.place
        var row = RawStatement(try db.cachedStatement(sql: """
            INSERT \(replacing ? "OR REPLACE " : "")INTO mentions VALUES (?, ?, ?, ?,  ?, ?, ?, ?, ?,  ?, ?, ?, ?,
                ?, ?, ?,  ?, ?, ?,  ?, ?, ?, ?,  ?,  ?, ?, ?,  ?, ?, ?,  ?,  ?)
            """), keepText: true)
        row.bind(m.id); row.bind(m.document.id); row.bind(groupKey(m)); row.bind(m.type.rawValue)
        row.bind(p?.key); row.bind(p?.name); row.bind(p?.matched); row.bind(p?.geonameid); row.bind(p?.country)
        row.bind(p?.admin1); row.bind(p?.lat); row.bind(p?.lon); row.bind(p?.feature)
        row.bind(m.actor?.id); row.bind(m.actor?.name); row.bind(m.actor?.kind.rawValue)
        row.bind(m.target?.id); row.bind(m.target?.name); row.bind(m.target?.kind.rawValue)
        row.bind(m.date.start?.description); row.bind(m.date.end?.description); row.bind(m.date.text)
        row.bind(m.date.precision.rawValue)
        row.bind(m.modality.rawValue)
        row.bind(m.source?.speaker); row.bind(m.source?.channel); row.bind(m.source?.kind?.rawValue)
        row.bind(m.evidence.text); row.bind(m.evidence.start); row.bind(m.evidence.end)
        row.bind(m.confidence)
        row.bind(m.trigger)
        try row.run(db)
    }

    /// The columns `mention(_:)` reads, by position, from `mentions m JOIN documents d`.
    static let mentionColumns = """
        m.id, m.document_id, m.type, m.place_key, m.place_name, m.place_matched, m.geonameid, m.country, m.admin1,
        m.lat, m.lon, m.feature, m.actor_id, m.actor_name, m.actor_kind, m.target_id, m.target_name, m.target_kind,
        m.date_start, m.date_end, m.date_text, m.precision, m.modality, m.speaker, m.channel, m.source_kind,
        m.evidence, m.evidence_start, m.evidence_end, m.confidence, m.trigger, d.url, d.outlet, d.published, d.story
        """
    static let mentionColumnCount = mentionColumns.split(separator: ",").count

    /// A group's mentions in the order of their ids (the index on `(group_key, id)` gives it), the documents'
    /// fields from their covering index (SQLite picks the unique index on `id`, which leads to the rows).
    static let groupMentions = """
        SELECT \(mentionColumns)
        FROM mentions m JOIN documents d INDEXED BY documents_fields ON d.id = m.document_id
        WHERE m.group_key = ? ORDER BY m.id
        """

    /// The mentions of one fusion group, with their documents' fields.
    static func mentions(group: String, _ db: Database) throws -> [EventMention] {
        var rows = RawStatement(try db.cachedStatement(sql: groupMentions))
        rows.bind(group)
        var out: [EventMention] = []
        let values = RepeatedValues(columns: mentionColumnCount)
        while try rows.next(db) { out.append(mention(rows, values)) }
        return out
    }

    static func actor(_ row: Row, _ prefix: String) -> Actor? {
        guard let id: String = row[prefix + "_id"], let name: String = row[prefix + "_name"] else { return nil }
        return Actor(name: name, id: id, kind: ActorKind(rawValue: row[prefix + "_kind"] ?? "") ?? .other)
    }

    static let eventTypes = RawValueTable<EventType>()
    static let actorKinds = RawValueTable<ActorKind>()
    static let precisions = RawValueTable<DatePrecision>()
    static let modalities = RawValueTable<Modality>()
    static let sourceKinds = RawValueTable<SourceKind>()

    /// A mention from the current row of a query of `mentionColumns`, its columns read by position; `values`
    /// carries the strings of the rows before (the place, actors and names a group's mentions share).
    static func mention(_ r: RawStatement, _ values: RepeatedValues) -> EventMention {
        func str(_ i: Int32) -> String? { values.string(r, i) }
        func actor(_ i: Int32) -> Actor? {
            guard let id = str(i), let name = str(i + 1) else { return nil }
            return Actor(name: name, id: id, kind: values.value(r, i + 2, actorKinds) ?? .other)
        }
        let doc = DocumentRef(id: r.string(1) ?? "", url: r.string(31), outlet: str(32), published: r.day(33),
                              story: r.string(34))
        var place: PlaceRef?
        if let key = str(3) {
            place = PlaceRef(name: str(4) ?? "", matched: str(5) ?? "", geonameid: r.int(6), country: str(7),
                             admin1: str(8), lat: r.double(9), lon: r.double(10), feature: str(11), key: key)
        }
        let speaker = str(23), channel = str(24), kind = r.bytes(25)
        let source = speaker == nil && channel == nil && kind == nil
            ? nil : SourceRef(speaker: speaker, channel: channel, kind: kind.flatMap(sourceKinds.value))
        return EventMention(
            id: r.string(0) ?? "", document: doc, type: values.value(r, 2, eventTypes) ?? .armedClash,
            actor: actor(12), target: actor(15), place: place,
            date: EventDate(start: r.day(18), end: r.day(19), text: str(20),
                            precision: values.value(r, 21, precisions) ?? .unknown),
            modality: values.value(r, 22, modalities) ?? .asserted, source: source,
            evidence: Evidence(text: r.string(26) ?? "", start: r.int(27) ?? 0, end: r.int(28) ?? 0),
            confidence: r.double(29) ?? 0, trigger: str(30) ?? "")
    }

    /// A JSON array of strings, as the events and changes tables keep their lists.
    static func jsonArray(_ items: some Sequence<String>) -> String {
        var w = JSONWriter()
        w.beginArray()
        for s in items { w.string(s) }
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// An event's row, replacing one with its id (the group's events were deleted before: a plain INSERT, without
    /// a statement journal, almost always does).
    static func insert(_ e: FusedEvent, group: String, _ db: Database) throws {
        do {
            try insert(e, group: group, replacing: false, db)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            try insert(e, group: group, replacing: true, db)
        }
    }

    private static func insert(_ e: FusedEvent, group: String, replacing: Bool, _ db: Database) throws {
        let p = e.place
        let best = e.mentions.withUnsafeBufferPointer { ms in  // an index: `max` copied every mention
            ms.indices.max { a, b in
                (ms[a].modality.movesControl ? 1 : 0, ms[a].confidence, ms[b].id)
                    < (ms[b].modality.movesControl ? 1 : 0, ms[b].confidence, ms[a].id)
            }!
        }
        var row = RawStatement(try db.cachedStatement(sql: """
            INSERT \(replacing ? "OR REPLACE " : "")INTO events VALUES (?, ?, ?,  ?, ?, ?, ?, ?, ?, ?,  ?, ?, ?,  ?, ?, ?,
                ?, ?, ?,  ?, ?, ?, ?,  ?, ?, ?, ?,  ?)
            """), keepText: true)
        row.bind(e.id); row.bind(group); row.bind(e.type.rawValue)
        row.bind(p?.key); row.bind(p?.name); row.bind(p?.geonameid); row.bind(p?.country); row.bind(p?.admin1)
        row.bind(p?.lat); row.bind(p?.lon)
        row.bind(e.actor?.id); row.bind(e.actor?.name); row.bind(e.actor?.kind.rawValue)
        row.bind(e.target?.id); row.bind(e.target?.name); row.bind(e.target?.kind.rawValue)
        row.bind(e.date.start?.description); row.bind(e.date.end?.description); row.bind(e.date.precision.rawValue)
        row.bind(e.modality.rawValue); row.bind(e.sources); row.bind(e.denials); row.bind(e.confidence)
        row.bind(jsonArray(e.documents)); row.bind(e.mentions.count); row.bind(e.mentions[best].evidence.text)
        row.bind(e.mentions[best].document.id)
        row.bind(jsonArray(e.mentions.map(\.id)))
        try row.run(db)
    }

    static func insert(_ c: ControlChange, _ db: Database) throws {
        let p = c.place
        var w = JSONWriter()
        w.beginArray()
        for (i, ev) in c.evidence.enumerated() {
            w.beginObject()
            w.field("document", c.evidenceDocuments[i]); w.field("end", ev.end); w.field("start", ev.start)
            w.field("text", ev.text)
            w.endObject()
        }
        w.endArray()
        let evJSON = String(decoding: w.bytes, as: UTF8.self)
        let evsJSON = jsonArray(c.events)
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
