import SitrepCore

/// Merges mentions from many documents into events: same type class, same place, compatible dates and actors.
///
/// Dates: two day-dated mentions are one event when at most a day apart ("Thursday" in two articles of
/// different weeks is two days, so two events). An undated mention dates by its document: it joins an event of
/// the week before its publication. Actors: a different named gainer is a different event (a recapture).
/// Mentions without a place stay events of their own document's story.
public struct EventFuser: Sendable {
    /// Days before publication an undated mention may refer to.
    public var undatedWindow = 7

    public init() {}

    public func fuse(_ mentions: [EventMention]) -> [FusedEvent] {
        var groups: [String: [EventMention]] = [:]
        var order: [String] = []
        for m in mentions {
            let cls = m.type.isTerritoryChange ? "territory" : m.type.rawValue
            let key = m.place.map { "\(cls)|\($0.key)" } ?? "\(cls)|-|\(m.document.story ?? m.document.id)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(m)
        }
        var out: [FusedEvent] = []
        for key in order {
            for cluster in clusters(groups[key]!) { out.append(event(cluster)) }
        }
        out.sort { a, b in
            let da = a.date.start ?? Day(ordinal: Int.max / 2), db = b.date.start ?? Day(ordinal: Int.max / 2)
            return da != db ? da < db : a.id < b.id
        }
        return out
    }

    // MARK: clustering

    private struct Cluster {
        var members: [Int] = []
        var anchor: Day?
        /// The named gainers of its control-moving mentions, as indexes into the group's actor ids.
        var actors: [Int] = []
        var firstPublished: Day?
        var lastPublished: Day?
    }

    static func day(_ m: EventMention) -> Day? { m.date.precision == .day ? m.date.start : nil }

    /// What clustering reads of a mention, computed once: a mention is a large value to move around.
    private struct Facts {
        var day: Day?
        var published: Day?
        /// The named gainer of a control-moving mention, as an index into the group's actor ids; -1 for none.
        var gainer: Int
    }

    private func clusters(_ ms: [EventMention]) -> [[EventMention]] {
        var ids: [String: Int] = [:]
        let facts = ms.map { m -> Facts in
            var gainer = -1
            if m.modality.movesControl, let a = m.actor, !a.isUnidentified {
                if let i = ids[a.id] { gainer = i } else { gainer = ids.count; ids[a.id] = gainer }
            }
            return Facts(day: EventFuser.day(m), published: m.document.published, gainer: gainer)
        }
        // day-dated mentions first (they anchor events), then the rest by publication
        let far = Day(ordinal: Int.max / 2).ordinal
        let keys = facts.map { f -> (Int, Int) in (f.day == nil ? 1 : 0, (f.day ?? f.published)?.ordinal ?? far) }
        let order = ms.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : ms[a].id < ms[b].id
        }
        var cs: [Cluster] = []
        for m in order {
            var best: (Int, Int)? = nil
            for i in cs.indices {
                guard let d = distance(facts[m], cs[i]) else { continue }
                if best == nil || d < best!.1 { best = (i, d) }
            }
            if let (i, _) = best {
                add(m, facts[m], to: &cs[i])
            } else {
                var c = Cluster()
                add(m, facts[m], to: &c)
                cs.append(c)
            }
        }
        return cs.map { $0.members.map { ms[$0] } }
    }

    private func add(_ m: Int, _ f: Facts, to c: inout Cluster) {
        c.members.append(m)
        if c.anchor == nil { c.anchor = f.day }
        if f.gainer >= 0 && !c.actors.contains(f.gainer) { c.actors.append(f.gainer) }
        if let p = f.published {
            c.firstPublished = min(c.firstPublished ?? p, p)
            c.lastPublished = max(c.lastPublished ?? p, p)
        }
    }

    /// How far a mention is from a cluster, in days; nil when it cannot be the same event.
    private func distance(_ m: Facts, _ c: Cluster) -> Int? {
        if m.gainer >= 0, !c.actors.isEmpty, !c.actors.contains(m.gainer) { return nil }
        if let d = m.day {
            if let anchor = c.anchor {
                let gap = abs(d.ordinal - anchor.ordinal)
                return gap <= 1 ? gap : nil
            }
            guard let f = c.firstPublished, let l = c.lastPublished else { return nil }
            return d.ordinal >= f.ordinal - undatedWindow && d.ordinal <= l.ordinal ? 1 : nil
        }
        guard let p = m.published else { return c.anchor == nil ? 2 : nil }
        if let anchor = c.anchor {
            let gap = p.ordinal - anchor.ordinal
            return gap >= 0 && gap <= undatedWindow ? gap : nil
        }
        guard let f = c.firstPublished, let l = c.lastPublished else { return nil }
        return p.ordinal >= f.ordinal - undatedWindow && p.ordinal <= l.ordinal + undatedWindow
            ? abs(p.ordinal - l.ordinal) : nil
    }

    // MARK: the fused event

    private func event(_ ms: [EventMention]) -> FusedEvent {
        let moving = ms.filter { $0.modality.movesControl }
        let basis = moving.isEmpty ? ms : moving
        func mostFrequent<T: Hashable>(_ xs: [T]) -> T? {
            var n: [T: Int] = [:]
            var first: [T: Int] = [:]
            for (i, x) in xs.enumerated() {
                n[x, default: 0] += 1
                if first[x] == nil { first[x] = i }
            }
            return n.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
        }
        let type = mostFrequent(basis.map(\.type)) ?? ms[0].type
        // "the insurgents" of one report is the named group of another
        let named = basis.compactMap(\.actor).filter { !$0.isUnidentified }
        let actor = mostFrequent(named.isEmpty ? basis.compactMap(\.actor) : named)
        let target = mostFrequent(basis.compactMap(\.target).filter { $0.id != actor?.id })
        let place = ms.compactMap(\.place).first
        // independent sources: one per story
        func story(_ m: EventMention) -> String { m.document.story ?? m.document.id }
        let supporting = Set(ms.filter { $0.modality != .denied && $0.modality != .negated }.map(story))
        let denying = Set(ms.filter { $0.modality == .denied }.map(story))
        let has = Set(ms.map(\.modality))
        let modality: FusedModality
        if has.contains(.asserted) {
            modality = .asserted
        } else if has.contains(.claimed) {
            modality = denying.isEmpty ? .claimed : .contested
        } else if has.contains(.denied) {
            modality = .denied
        } else if has.contains(.negated) {
            modality = .negated
        } else if has.contains(.planned) {
            modality = .planned
        } else {
            modality = .possible
        }
        var best: [String: Double] = [:]
        for m in ms where supporting.contains(story(m)) && m.modality != .denied {
            best[story(m)] = max(best[story(m)] ?? 0, m.confidence)
        }
        var confidence = 1 - best.values.reduce(1.0) { $0 * (1 - $1) }
        if modality == .claimed || modality == .contested { confidence *= 0.8 }
        for _ in denying { confidence *= 0.7 }
        if best.isEmpty { confidence = ms.map(\.confidence).max() ?? 0 }
        let first = ms.min { $0.id < $1.id }!
        let cls = type.isTerritoryChange ? "territory" : type.rawValue
        return FusedEvent(id: StableHash.hexID([cls, place?.key ?? "-", first.id]), type: type, place: place,
                          actor: actor, target: target, date: date(ms), modality: modality,
                          sources: supporting.count, denials: denying.count,
                          confidence: (confidence * 1000).rounded() / 1000, mentions: ms)
    }

    /// The most precise agreeing evidence: the most stated day; else a stated span; else the week before
    /// the first report.
    private func date(_ ms: [EventMention]) -> EventDate {
        let days = ms.compactMap(EventFuser.day)
        if !days.isEmpty {
            var n: [Day: Int] = [:]
            for d in days { n[d, default: 0] += 1 }
            let d = n.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return EventDate(start: d, end: d, text: nil, precision: .day)
        }
        if let m = ms.filter({ $0.date.start != nil }).min(by: { ($0.date.end ?? $0.date.start!).ordinal - $0.date.start!.ordinal
                                                                  < ($1.date.end ?? $1.date.start!).ordinal - $1.date.start!.ordinal }) {
            return EventDate(start: m.date.start, end: m.date.end, text: nil, precision: m.date.precision)
        }
        if let p = ms.compactMap(\.document.published).min() {
            return EventDate(start: Day(ordinal: p.ordinal - undatedWindow), end: p, text: nil, precision: .week)
        }
        return .unknown
    }
}

extension Actor {
    /// The placeholder for an armed group a report does not name ("the militants" with no group in sight).
    public var isUnidentified: Bool { id == "unidentified-armed-group" }
}
