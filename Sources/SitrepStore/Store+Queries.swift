import Foundation
import GRDB
import SitrepCore
import SitrepFuse

/// A fused event as the store keeps it.
public struct StoredEvent: Sendable {
    public var id: String
    public var type: EventType
    public var place: PlaceRef?
    public var actor: Actor?
    public var target: Actor?
    public var date: EventDate
    public var modality: FusedModality
    public var sources: Int
    public var denials: Int
    public var confidence: Double
    public var documents: [String]
    public var mentions: Int
    public var evidence: String
    public var evidenceDocument: String
}

extension Store {
    public func events(_ f: StoreFilter) throws -> [StoredEvent] {
        try events(f, order: "date_start IS NULL, date_start, place_name, id")
    }

    /// Events after a position in an ordering: the rows of `SELECT * FROM events`, filtered by `f` and `extra`.
    func events(_ f: StoreFilter, extra: String? = nil, extraArguments: [(any Sendable)?] = [], order: String,
                limit: Int? = nil) throws -> [StoredEvent] {
        var (cond, args) = f.sql()
        if let q = f.query {
            cond += " AND EXISTS (SELECT 1 FROM json_each(events.documents) j JOIN documents d ON d.id = j.value "
                + "WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
            args.append(q)
        }
        if let extra {
            cond += " AND " + extra
            args += extraArguments
        }
        let sql = "SELECT * FROM events WHERE \(cond) ORDER BY \(order)" + (limit.map { " LIMIT \($0)" } ?? "")
        do {
            return try read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args.map { $0 as? (any DatabaseValueConvertible) }))
                    .map(Store.event)
            }
        } catch let e as SitrepError where f.query != nil && e.message.hasPrefix("SQLite error 1:") {
            // not FTS5 syntax (an unclosed quote, a stray operator): search its words instead
            let words = f.query!.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"" }
            if words.isEmpty { return [] }  // no word to search for, nothing matches
            guard words.joined(separator: " ") != f.query else {
                throw SitrepError(.badArgument, "the query '\(f.query!)' is not a full-text query SQLite can read",
                                  hint: "words, \"quoted phrases\", AND, OR, NOT and a trailing * for a prefix")
            }
            var g = f
            g.query = words.joined(separator: " ")
            return try events(g, extra: extra, extraArguments: extraArguments, order: order, limit: limit)
        }
    }

    static func event(_ r: Row) -> StoredEvent {
        StoredEvent(
            id: r["id"], type: EventType(rawValue: r["type"]) ?? .armedClash, place: Store.place(r),
            actor: Store.actor(r, "actor"), target: Store.actor(r, "target"), date: Store.date(r),
            modality: FusedModality(rawValue: r["modality"]) ?? .asserted, sources: r["sources"],
            denials: r["denials"], confidence: r["confidence"],
            documents: (try? JSONSerialization.jsonObject(with: Data((r["documents"] as String).utf8))) as? [String] ?? [],
            mentions: r["mention_count"], evidence: r["evidence"], evidenceDocument: r["evidence_document"])
    }

    /// Title and outlet of each stored document (for reports that cite them).
    public func documentInfo() throws -> [String: (title: String?, outlet: String?)] {
        try read { db in
            var out: [String: (title: String?, outlet: String?)] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, title, outlet FROM documents") {
                out[r[0]] = (r[1], r[2])
            }
            return out
        }
    }

    /// The latest day an event is dated, if any: the default "as of" of a report.
    public func latestDay() throws -> Day? {
        try read { db in try String.fetchOne(db, sql: "SELECT MAX(date_start) FROM events WHERE precision = 'day'") }
            .flatMap { Day(iso: $0) }
    }

    /// Changes of control in order of date (then place).
    public func timeline(_ f: StoreFilter) throws -> [ControlChange] {
        let (cond, args) = f.sql(typeColumn: nil)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM control_changes WHERE \(cond) ORDER BY date_start, place_name, id",
                             arguments: StatementArguments(args.map { $0 as? (any DatabaseValueConvertible) })).map(Store.change)
        }
    }

    /// Who holds each place on `asOf` (or now): the last change on or before that day, per place.
    public func control(asOf: Day?, _ f: StoreFilter) throws -> [ControlChange] {
        var g = f
        g.until = asOf ?? f.until
        var last: [String: ControlChange] = [:]
        for c in try timeline(g) { last[c.place.key] = c }
        return last.values.sorted { ($0.place.country ?? "", $0.place.name) < ($1.place.country ?? "", $1.place.name) }
    }

    static func place(_ r: Row) -> PlaceRef? {
        guard let key: String = r["place_key"] else { return nil }
        return PlaceRef(name: r["place_name"], matched: r["place_name"], geonameid: r["geonameid"], country: r["country"],
                        admin1: r["admin1"], lat: r["lat"], lon: r["lon"], feature: nil, key: key)
    }

    static func date(_ r: Row) -> EventDate {
        EventDate(start: (r["date_start"] as String?).flatMap { Day(iso: $0) },
                  end: (r["date_end"] as String?).flatMap { Day(iso: $0) }, text: nil,
                  precision: DatePrecision(rawValue: r["precision"]) ?? .unknown)
    }

    static func change(_ r: Row) -> ControlChange {
        var evidence: [Evidence] = []
        var documents: [String] = []
        if let a = try? JSONSerialization.jsonObject(with: Data((r["evidence"] as String).utf8)) as? [[String: Any]] {
            for o in a {
                evidence.append(Evidence(text: o["text"] as? String ?? "", start: o["start"] as? Int ?? 0, end: o["end"] as? Int ?? 0))
                documents.append(o["document"] as? String ?? "")
            }
        }
        let events = (try? JSONSerialization.jsonObject(with: Data((r["events"] as String).utf8))) as? [String] ?? []
        return ControlChange(place: place(r)!, date: date(r), controller: actor(r, "controller")!,
                             previous: actor(r, "previous"), modality: FusedModality(rawValue: r["modality"]) ?? .asserted,
                             confidence: r["confidence"], sources: r["sources"], events: events, evidence: evidence,
                             evidenceDocuments: documents)
    }
}
