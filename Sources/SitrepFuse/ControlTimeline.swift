import SitrepCore

/// The changes of control of every place, in order, from fused territory events.
///
/// Only asserted and claimed changes of territory move control (ontology.md). A report of a capture by the side
/// that already holds the place adds evidence to that change; a capture by another side is a new change
/// (a recapture), whose previous controller is the holder before it. Each place has its own timeline, so a
/// statement about a province never overwrites the evidence about a city in it. A historical capture with its
/// own past date lands at that date.
public struct ControlTimeline: Sendable {
    public private(set) var changes: [ControlChange] = []

    public init(events: [FusedEvent]) {
        var byPlace: [String: [FusedEvent]] = [:]
        var order: [String] = []
        for e in events where e.type.isTerritoryChange && e.modality.movesControl && e.actor != nil {
            guard let p = e.place, e.date.start != nil else { continue }
            if byPlace[p.key] == nil { order.append(p.key) }
            byPlace[p.key, default: []].append(e)
        }
        for key in order {
            let es = byPlace[key]!.sorted { a, b in a.date.start! != b.date.start! ? a.date.start! < b.date.start! : a.id < b.id }
            var placeChanges: [ControlChange] = []
            for e in es {
                let who = e.actor!
                // an unnamed armed group after (or before) a named one is the same holder, named or not
                if var last = placeChanges.last, last.controller.id == who.id
                    || (last.controller.isUnidentified && who.kind == .nonStateArmedGroup)
                    || (who.isUnidentified && last.controller.kind == .nonStateArmedGroup) {
                    if last.controller.isUnidentified && !who.isUnidentified { last.controller = who }
                    last.events.append(e.id)
                    last.sources += e.sources
                    last.confidence = max(last.confidence, e.confidence)
                    if e.modality == .asserted { last.modality = .asserted }
                    ControlTimeline.addEvidence(e, to: &last)
                    placeChanges[placeChanges.count - 1] = last
                    continue
                }
                var c = ControlChange(place: e.place!, date: e.date, controller: who,
                                      previous: placeChanges.last?.controller ?? e.target, modality: e.modality,
                                      confidence: e.confidence, sources: e.sources, events: [e.id], evidence: [],
                                      evidenceDocuments: [])
                ControlTimeline.addEvidence(e, to: &c)
                placeChanges.append(c)
            }
            changes += placeChanges
        }
        changes.sort { a, b in
            a.date.start! != b.date.start! ? a.date.start! < b.date.start! : (a.place.name, a.place.key) < (b.place.name, b.place.key)
        }
    }

    private static func addEvidence(_ e: FusedEvent, to c: inout ControlChange) {
        for m in e.mentions where m.modality.movesControl && c.evidence.count < 5 {
            c.evidence.append(m.evidence)
            c.evidenceDocuments.append(m.document.id)
        }
    }

    /// Who holds each place on `day`: the last change on or before it.
    public func control(asOf day: Day?) -> [ControlChange] {
        var last: [String: ControlChange] = [:]
        for c in changes where day == nil || c.date.start! <= day! { last[c.place.key] = c }
        return last.values.sorted { ($0.place.country ?? "", $0.place.name) < ($1.place.country ?? "", $1.place.name) }
    }
}
