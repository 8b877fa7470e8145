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
        // the mentions of a type class at a place (or, without a place, in a story), as indexes
        var groups: [GroupKey: [Int]] = [:]
        var order: [GroupKey] = []
        for i in mentions.indices {
            let type = mentions[i].type
            let place = mentions[i].place?.key
            let story = place == nil ? mentions[i].document.story ?? mentions[i].document.id : nil
            let key = GroupKey(typeClass: type.isTerritoryChange ? "territory" : type.rawValue, place: place, story: story)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var out: [FusedEvent] = []
        for key in order {
            for cluster in clusters(mentions, groups[key]!) { out.append(event(cluster)) }
        }
        out.sort { a, b in
            let da = a.date.start ?? Day(ordinal: Int.max / 2), db = b.date.start ?? Day(ordinal: Int.max / 2)
            return da != db ? da < db : a.id < b.id
        }
        return out
    }

    // MARK: clustering

    private struct GroupKey: Hashable {
        var typeClass: String
        var place: String?
        var story: String?
    }

    private struct Cluster {
        var members: [Int] = []
        /// Days as their ordinals: clustering compares them again and again.
        var anchor: Int?
        /// The named gainers of its control-moving mentions, as indexes into the group's actor ids.
        var actors: [Int] = []
        var firstPublished: Int?
        var lastPublished: Int?
    }

    /// What clustering reads of a mention, computed once: a mention is a large value to move around.
    private struct Facts {
        var day: Int?
        var published: Int?
        /// The named gainer of a control-moving mention, as an index into the group's actor ids; -1 for none.
        var gainer: Int
    }

    /// The clusters of the mentions `group` (indexes into `all`) of one type class and place.
    private func clusters(_ all: [EventMention], _ group: [Int]) -> [[EventMention]] {
        var ids: [String: Int] = [:]
        let facts = group.map { k -> Facts in
            var gainer = -1
            if all[k].modality.movesControl, let a = all[k].actor, !a.isUnidentified {
                if let i = ids[a.id] { gainer = i } else { gainer = ids.count; ids[a.id] = gainer }
            }
            let day = all[k].date.precision == .day ? all[k].date.start : nil
            return Facts(day: day?.ordinal, published: all[k].document.published?.ordinal, gainer: gainer)
        }
        // day-dated mentions first (they anchor events), then the rest by publication
        let far = Day(ordinal: Int.max / 2).ordinal
        let keys = facts.map { f -> (Int, Int) in (f.day == nil ? 1 : 0, f.day ?? f.published ?? far) }
        let order = group.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : all[group[a]].id < all[group[b]].id
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
        return cs.map { $0.members.map { all[group[$0]] } }
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
                let gap = abs(d - anchor)
                return gap <= 1 ? gap : nil
            }
            guard let f = c.firstPublished, let l = c.lastPublished else { return nil }
            return d >= f - undatedWindow && d <= l ? 1 : nil
        }
        guard let p = m.published else { return c.anchor == nil ? 2 : nil }
        if let anchor = c.anchor {
            let gap = p - anchor
            return gap >= 0 && gap <= undatedWindow ? gap : nil
        }
        guard let f = c.firstPublished, let l = c.lastPublished else { return nil }
        return p >= f - undatedWindow && p <= l + undatedWindow ? abs(p - l) : nil
    }

    // MARK: the fused event

    private func event(_ ms: [EventMention]) -> FusedEvent {
        // indexes, not copies of the mentions (a mention is a large value)
        let moving = ms.indices.filter { ms[$0].modality.movesControl }
        let basis = moving.isEmpty ? Array(ms.indices) : moving
        func mostFrequent<T: Hashable>(_ xs: [T]) -> T? {
            var n: [T: (count: Int, first: Int)] = [:]
            for (i, x) in xs.enumerated() { n[x, default: (0, i)].count += 1 }
            return n.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.value.first > b.value.first
            }?.key
        }
        let type = mostFrequent(basis.map { ms[$0].type }) ?? ms[0].type
        // "the insurgents" of one report is the named group of another
        let actors = basis.compactMap { ms[$0].actor }
        let named = actors.filter { !$0.isUnidentified }
        let actor = mostFrequent(named.isEmpty ? actors : named)
        let target = mostFrequent(basis.compactMap { ms[$0].target }.filter { $0.id != actor?.id })
        let place = ms.first { $0.place != nil }?.place
        // independent sources: one per story
        func story(_ m: EventMention) -> String { m.document.story ?? m.document.id }
        var supporting = Set<String>(), denying = Set<String>(), has = Set<Modality>()
        for i in ms.indices {
            has.insert(ms[i].modality)
            if ms[i].modality == .denied {
                denying.insert(story(ms[i]))
            } else if ms[i].modality != .negated {
                supporting.insert(story(ms[i]))
            }
        }
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
        for i in ms.indices where ms[i].modality != .denied {
            let s = story(ms[i])
            if supporting.contains(s) { best[s] = max(best[s] ?? 0, ms[i].confidence) }
        }
        var confidence = 1 - best.values.reduce(1.0) { $0 * (1 - $1) }
        if modality == .claimed || modality == .contested { confidence *= 0.8 }
        for _ in denying { confidence *= 0.7 }
        if best.isEmpty { confidence = ms.map(\.confidence).max() ?? 0 }
        var firstID = ms[0].id
        for i in ms.indices.dropFirst() where ms[i].id < firstID { firstID = ms[i].id }
        let cls = type.isTerritoryChange ? "territory" : type.rawValue
        return FusedEvent(id: StableHash.hexID([cls, place?.key ?? "-", firstID]), type: type, place: place,
                          actor: actor, target: target, date: date(ms), modality: modality,
                          sources: supporting.count, denials: denying.count,
                          confidence: (confidence * 1000).rounded() / 1000, mentions: ms)
    }

    /// The most precise agreeing evidence: the most stated day; else a stated span; else the week before
    /// the first report.
    private func date(_ ms: [EventMention]) -> EventDate {
        var n: [Int: Int] = [:]  // day (as its ordinal) → mentions stating it
        for i in ms.indices where ms[i].date.precision == .day {
            if let d = ms[i].date.start { n[d.ordinal, default: 0] += 1 }
        }
        if let most = n.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }) {
            let d = Day(ordinal: most.key)
            return EventDate(start: d, end: d, text: nil, precision: .day)
        }
        func span(_ m: EventMention) -> Int { (m.date.end ?? m.date.start!).ordinal - m.date.start!.ordinal }
        if let m = ms.lazy.filter({ $0.date.start != nil }).min(by: { span($0) < span($1) }) {
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
