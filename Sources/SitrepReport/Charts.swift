import Foundation
import SitrepCore
import SitrepFuse
import SitrepStore

/// The report's charts: changes of control along time, place by place; events per day by type.
enum Charts {
    static func timeline(_ changes: [ControlChange], colors: [String: String]) -> String {
        let dated = changes.filter { $0.date.start != nil }
        guard let first = dated.map({ $0.date.start!.ordinal }).min(), let last = dated.map({ $0.date.start!.ordinal }).max() else {
            return "<p>No change of control to chart.</p>"
        }
        var places: [String] = []
        for c in dated where !places.contains(c.place.name) { places.append(c.place.name) }
        places = Array(places.prefix(24))
        let left = 150.0, width = 760.0, row = 20.0
        let height = Double(places.count) * row + 40
        let span = Double(max(1, last - first))
        func x(_ d: Int) -> Double { left + Double(d - first) / span * (width - left - 30) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Changes of control over time\">"
        for (i, p) in places.enumerated() {
            let y = 20 + Double(i) * row
            s += "<text x=\"\(SVG.n(left - 8))\" y=\"\(SVG.n(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(SVG.escape(p))</text>"
            s += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(width - 30))\" y2=\"\(SVG.n(y))\" stroke=\"#e3e3e3\"/>"
            for c in dated where c.place.name == p {
                let color = colors[c.controller.id] ?? "#888"
                s += "<circle cx=\"\(SVG.n(x(c.date.start!.ordinal)))\" cy=\"\(SVG.n(y))\" r=\"5\" fill=\"\(color)\"><title>\(SVG.escape(c.controller.name)) took \(SVG.escape(p)) on \(c.date.start!)</title></circle>"
            }
        }
        let axisY = height - 12
        s += "<text x=\"\(SVG.n(left))\" y=\"\(SVG.n(axisY))\" font-size=\"10\">\(Day(ordinal: first))</text>"
        s += "<text x=\"\(SVG.n(width - 30))\" y=\"\(SVG.n(axisY))\" font-size=\"10\" text-anchor=\"end\">\(Day(ordinal: last))</text></svg>"
        return s
    }

    static let typeColors: [String: String] = [
        "territory": "#c0392b", "withdrawal": "#e08214", "armed_clash": "#7b3294", "remote_violence": "#4d4d4d",
        "evacuation": "#2166ac", "deployment": "#35978f", "arrest": "#b2abd2", "agreement": "#1b9e77", "defection": "#fdb863",
    ]

    static func eventsPerDay(_ events: [StoredEvent], from: Day, to: Day) -> String {
        let days = max(1, to.ordinal - from.ordinal + 1)
        var counts: [Int: [String: Int]] = [:]
        for e in events where e.date.precision == .day {
            guard let d = e.date.start, d >= from, d <= to else { continue }
            let cls = e.type.isTerritoryChange ? "territory" : e.type.rawValue
            counts[d.ordinal - from.ordinal, default: [:]][cls, default: 0] += 1
        }
        let maxCount = max(1, counts.values.map { $0.values.reduce(0, +) }.max() ?? 1)
        let width = 760.0, height = 200.0, left = 30.0, bottom = 170.0
        let bar = (width - left - 20) / Double(days)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Events per day by type\">"
        s += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 20)\" y2=\"\(bottom)\" stroke=\"#999\"/>"
        s += "<text x=\"4\" y=\"20\" font-size=\"10\">\(maxCount)</text>"
        for (day, byType) in counts {
            var y = bottom
            for (cls, n) in byType.sorted(by: { $0.key < $1.key }) {
                let h = Double(n) / Double(maxCount) * (bottom - 20)
                y -= h
                s += "<rect x=\"\(SVG.n(left + Double(day) * bar + 1))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(1, bar - 2)))\" height=\"\(SVG.n(h))\" fill=\"\(typeColors[cls] ?? "#888")\"><title>\(Day(ordinal: from.ordinal + day)): \(n) \(cls)</title></rect>"
            }
        }
        var lx = left
        for (cls, color) in typeColors.sorted(by: { $0.key < $1.key }) {
            let label = cls.replacingOccurrences(of: "_", with: " ")
            s += "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(bottom + 12))\" width=\"9\" height=\"9\" fill=\"\(color)\"/><text x=\"\(SVG.n(lx + 12))\" y=\"\(SVG.n(bottom + 20))\" font-size=\"10\">\(label)</text>"
            lx += 22 + Double(label.count) * 5.6
        }
        s += "<text x=\"\(left)\" y=\"12\" font-size=\"10\" fill=\"#555\">\(from) – \(to)</text></svg>"
        return s
    }
}
