import Foundation
import SitrepCore
import SitrepFuse
import SitrepStore

/// The situation report: what changed in the window, who holds what, the map, the charts, the events with
/// their evidence. Markdown for mail and wikis; one self-contained HTML page (inline CSS and SVG, nothing
/// fetched) for people. Every string that comes from a document is escaped.
public struct ReportWriter {
    public struct Output {
        public var markdown: String
        public var html: String
    }

    public var country: String?
    public var since: Day
    public var asOf: Day

    public init(country: String?, since: Day, asOf: Day) {
        self.country = country
        self.since = since
        self.asOf = asOf
    }

    public func write(store: Store) throws -> Output {
        var f = StoreFilter()
        f.country = country
        let all = try store.timeline(f)
        let holders = try store.control(asOf: asOf, f)
        let window = all.filter { c in c.date.start.map { $0 >= since && $0 <= asOf } ?? false }
        var ef = f
        ef.since = since
        ef.until = asOf
        let events = try store.events(ef)
        let docs = try store.documentInfo()
        let colors = Self.colors(holders)
        let map = try mapSVG(holders: holders, recent: Set(window.map(\.place.key)), colors: colors)
        let title = "Situation report: \(country.map { Self.countryName($0) } ?? "all countries"), \(since) to \(asOf)"
        return Output(markdown: markdown(title, window, holders, events, docs),
                      html: html(title, window, holders, events, map, all, colors, docs))
    }

    static func countryName(_ cc: String) -> String { CountryCodes.shared[cc]?.name ?? cc }

    static func sentence(_ c: ControlChange) -> String {
        let from = c.previous.map { " from \($0.name)" } ?? ""
        let how = c.modality == .claimed ? "claimed, " : ""
        return "\(c.controller.name) took \(c.place.name)\(from) on \(c.date.start?.description ?? "an unknown day") (\(how)\(c.sources) independent source\(c.sources == 1 ? "" : "s"))"
    }

    /// "Title (outlet)" of a document, or its id.
    static func cite(_ id: String, _ docs: [String: (title: String?, outlet: String?)]) -> String {
        let d = docs[id]
        let name = d?.title ?? id
        return d?.outlet.map { "\(name) (\($0))" } ?? name
    }

    func markdown(_ title: String, _ window: [ControlChange], _ holders: [ControlChange], _ events: [StoredEvent],
                  _ docs: [String: (title: String?, outlet: String?)]) -> String {
        // Markdown renders raw HTML: document strings are escaped here too
        func cell(_ s: String) -> String {
            SVG.escape(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var m = "# \(cell(title))\n\n## What changed\n\n"
        if window.isEmpty { m += "No change of control in the window.\n" }
        for c in window {
            m += "- \(cell(Self.sentence(c))). Evidence: “\(cell(c.evidence.first?.text ?? ""))” — \(cell(c.evidenceDocuments.first.map { Self.cite($0, docs) } ?? ""))\n"
        }
        m += "\n## Who holds what on \(asOf)\n\n| place | country | held by | since | modality | sources |\n| --- | --- | --- | --- | --- | --- |\n"
        for c in holders {
            m += "| \(cell(c.place.name)) | \(c.place.country ?? "") | \(cell(c.controller.name)) | \(c.date.start?.description ?? "") | \(c.modality.rawValue) | \(c.sources) |\n"
        }
        m += "\n## Events\n\n| date | type | place | actor → target | modality | sources | evidence | source |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for e in events {
            let flag = e.modality == .contested ? " (contested)" : ""
            m += "| \(e.date.start?.description ?? "") | \(e.type.rawValue) | \(cell(e.place?.name ?? "—")) | \(cell(e.actor?.name ?? "—")) → \(cell(e.target?.name ?? "—")) | \(e.modality.rawValue)\(flag) | \(e.sources) | \(cell(e.evidence)) | \(cell(Self.cite(e.evidenceDocument, docs))) |\n"
        }
        m += "\nPlaces: GeoNames (CC BY 4.0). Outlines: Natural Earth. Made by Sitrep.\n"
        return m
    }

    func html(_ title: String, _ window: [ControlChange], _ holders: [ControlChange], _ events: [StoredEvent], _ map: String,
              _ all: [ControlChange], _ colors: [String: String], _ docs: [String: (title: String?, outlet: String?)]) -> String {
        let e = SVG.escape
        var h = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(e(title))</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1000px;margin:24px auto;padding:0 16px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;width:100%;font-size:12.5px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            .contested{color:#b2182b;font-weight:600}.quote{color:#444}.muted{color:#777;font-size:12px}svg{width:100%;height:auto}
            </style></head><body>
            <h1>\(e(title))</h1>
            <h2>What changed</h2><ul>
            """
        if window.isEmpty { h += "<li>No change of control in the window.</li>" }
        for (i, c) in window.enumerated() {
            h += "<li>\(e(Self.sentence(c))). <a href=\"#change-\(i)\">Evidence</a></li>"
        }
        h += "</ul><h2>Map of control on \(asOf)</h2>\(map)"
        h += "<h2>Changes of control</h2>\(Charts.timeline(all.filter { c in c.date.start.map { $0 <= asOf } ?? false }, colors: colors))"
        h += "<h2>Events per day</h2>\(Charts.eventsPerDay(events, from: since, to: asOf))"
        h += "<h2>Who holds what</h2><table><tr><th>place</th><th>held by</th><th>since</th><th>taken from</th><th>modality</th><th>sources</th></tr>"
        for c in holders {
            h += "<tr><td>\(e(c.place.name))</td><td>\(e(c.controller.name))</td><td>\(c.date.start?.description ?? "")</td><td>\(e(c.previous?.name ?? "—"))</td><td>\(c.modality.rawValue)</td><td>\(c.sources)</td></tr>"
        }
        h += "</table><h2>Evidence of the changes</h2><ol>"
        for (i, c) in window.enumerated() {
            h += "<li id=\"change-\(i)\">\(e(c.place.name)), \(c.date.start?.description ?? ""): "
            h += c.evidence.enumerated().map { j, ev in "<span class=\"quote\">“\(e(ev.text))”</span> <span class=\"muted\">(\(e(Self.cite(c.evidenceDocuments[j], docs))))</span>" }
                .joined(separator: "; ")
            h += "</li>"
        }
        h += "</ol><h2>Events</h2><table><tr><th>date</th><th>type</th><th>place</th><th>actor → target</th><th>modality</th><th>sources</th><th>confidence</th><th>evidence and source</th></tr>"
        for ev in events {
            let mod = ev.modality == .contested ? "<span class=\"contested\">contested</span>" : ev.modality.rawValue
            h += "<tr><td>\(ev.date.start?.description ?? "")</td><td>\(ev.type.rawValue)</td><td>\(e(ev.place?.name ?? "—"))</td>"
            h += "<td>\(e(ev.actor?.name ?? "—")) → \(e(ev.target?.name ?? "—"))</td><td>\(mod)</td><td>\(ev.sources)</td>"
            h += "<td>\(String(format: "%.2f", ev.confidence))</td><td class=\"quote\">\(e(ev.evidence)) <span class=\"muted\">\(e(Self.cite(ev.evidenceDocument, docs)))</span></td></tr>"
        }
        h += "</table><p class=\"muted\">Places: GeoNames (CC BY 4.0). Outlines: Natural Earth (public domain). Made by Sitrep.</p></body></html>\n"
        return h
    }
}
