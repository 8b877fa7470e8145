import Foundation
import GRDB
import SitrepCore

/// What a reader of the store cites a document by.
public struct DocumentInfo: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: Day?
}

/// A page of events, newest first, and where the next page starts.
public struct EventPage: Sendable {
    public var events: [StoredEvent]
    /// Opaque: the day and id of the last event of this page, or nil on the last page.
    public var next: String?
}

/// Look-ups for the HTTP API: pages of events, one event with its mentions, documents by id.
extension Store {
    /// Events newest first (undated last), `limit` at a time. `after` is the `next` of the previous page; a
    /// cursor stays valid while events are added, because it names a position, not an offset.
    public func eventPage(_ f: StoreFilter, after cursor: String?, limit: Int) throws -> EventPage {
        var extra: String?
        var args: [(any Sendable)?] = []
        if let cursor {
            guard let (day, id) = Store.decodeCursor(cursor) else {
                throw SitrepError(.badArgument, "not a cursor of this API: '\(cursor)'", hint: "pass the 'next' of the previous page (DAY_ID)")
            }
            extra = "(COALESCE(date_start, ''), id) < (?, ?)"
            args = [day, id]
        }
        let rows = try events(f, extra: extra, extraArguments: args, order: "COALESCE(date_start, '') DESC, id DESC",
                              limit: limit + 1)
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { Store.encodeCursor(day: $0.date.start?.description ?? "", id: $0.id) } : nil
        return EventPage(events: page, next: next)
    }

    public func event(id: String) throws -> StoredEvent? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]).map(Store.event) }
    }

    /// The mentions fused into an event, in document order.
    public func mentions(event id: String) throws -> [EventMention] {
        try read { db in
            var rows = RawStatement(try db.cachedStatement(sql: """
                SELECT \(Store.mentionColumns)
                FROM events e, json_each(e.mention_ids) j JOIN mentions m ON m.id = j.value
                JOIN documents d ON d.id = m.document_id WHERE e.id = ?
                ORDER BY d.published, m.document_id, m.evidence_start, m.id
                """))
            rows.bind(id)
            var out: [EventMention] = []
            let values = RepeatedValues(columns: Store.mentionColumnCount)
            while try rows.next(db) { out.append(Store.mention(rows, values)) }
            return out
        }
    }

    /// Title, outlet, URL and day of the documents named.
    public func documents(ids: some Sequence<String>) throws -> [String: DocumentInfo] {
        let list = Array(Set(ids))
        guard !list.isEmpty else { return [:] }
        return try read { db in
            var out: [String: DocumentInfo] = [:]
            for chunk in stride(from: 0, to: list.count, by: 500).map({ list[$0..<min($0 + 500, list.count)] }) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                for r in try Row.fetchAll(db, sql: "SELECT id, title, outlet, url, published FROM documents WHERE id IN (\(marks))",
                                          arguments: StatementArguments(Array(chunk))) {
                    let info = DocumentInfo(id: r[0], title: r[1], outlet: r[2], url: r[3], published: (r[4] as String?).flatMap { Day(iso: $0) })
                    out[info.id] = info
                }
            }
            return out
        }
    }

    /// Changes whenever documents, events or changes of control are added or replaced: pages poll it to know
    /// when to reload.
    public func revision() throws -> String {
        try read { db in
            let r = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM documents), (SELECT COALESCE(MAX(rowid), 0) FROM documents),
                       (SELECT COUNT(*) FROM events), (SELECT COALESCE(MAX(rowid), 0) FROM events),
                       (SELECT COUNT(*) FROM control_changes), (SELECT COALESCE(MAX(rowid), 0) FROM control_changes)
                """)!
            return (0..<6).map { String(r[$0] as Int) }.joined(separator: "-")
        }
    }

    /// "DAY_ID" ("2023-12-18_95106e3d71a84377"; "_ID" for an undated event): a position in the order, so any
    /// well-formed cursor is a valid place to start from.
    static func encodeCursor(day: String, id: String) -> String { day + "_" + id }

    static func decodeCursor(_ s: String) -> (String, String)? {
        guard s.utf8.count <= 64, let bar = s.lastIndex(of: "_") else { return nil }
        let day = String(s[..<bar]), id = String(s[s.index(after: bar)...])
        let isDay = day.isEmpty || (day.utf8.count == 10 && day.utf8.enumerated().allSatisfy { i, c in
            i == 4 || i == 7 ? c == UInt8(ascii: "-") : (48...57).contains(c)
        })
        guard isDay, !id.isEmpty, id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return (day, id)
    }
}
