import SitrepCore
import SitrepFuse
import SitrepGazetteer

/// The control figures of spec/eval.md: gold changes of control found in the timeline, same place and a date
/// within one day (and how many on the exact day). One-to-one, closest dates first.
public struct ControlReport: Sendable {
    public var gold = 0
    public var system = 0
    public var matched = 0
    public var exactDay = 0
    public var missed: [ControlGoldRow] = []

    public var prf: EvalReport.PRF { EvalReport.prf(matched, system, gold) }
}

extension Evaluator {
    public func evaluateControl(gold: [ControlGoldRow], changes: [ControlChange]) -> ControlReport {
        var r = ControlReport()
        r.gold = gold.count
        r.system = changes.count
        var pairs: [(Int, Int, Int)] = []  // (date gap, gold, change)
        for (gi, g) in gold.enumerated() {
            for (ci, c) in changes.enumerated() {
                guard let d = c.date.start else { continue }
                let gap = abs(d.ordinal - g.date.ordinal)
                guard gap <= 1, placeAgrees(g, c.place) else { continue }
                pairs.append((gap, gi, ci))
            }
        }
        pairs.sort { $0 < $1 }
        var usedG = Set<Int>(), usedC = Set<Int>()
        for (gap, gi, ci) in pairs where !usedG.contains(gi) && !usedC.contains(ci) {
            usedG.insert(gi)
            usedC.insert(ci)
            r.matched += 1
            if gap == 0 { r.exactDay += 1 }
        }
        r.missed = gold.enumerated().filter { !usedG.contains($0.offset) }.map(\.element)
        return r
    }

    func placeAgrees(_ g: ControlGoldRow, _ p: PlaceRef) -> Bool {
        if Evaluator.foldPlace(g.place) == Evaluator.foldPlace(p.name) || Evaluator.foldPlace(g.place) == Evaluator.foldPlace(p.matched) {
            return true
        }
        if let a = g.lat, let b = g.lon, let c = p.lat, let d = p.lon { return Evaluator.km(a, b, c, d) <= 40 }
        var ctx = PlaceContext()
        if let c = g.country { ctx.requiredCountry = c; ctx.countries[c] = 1 }
        let cands = resolver.candidates(g.place, context: ctx, fuzzy: false)
        if cands.contains(where: { gazetteer.places[$0.place].key == p.key }) { return true }
        guard let top = cands.first, let lat = p.lat, let lon = p.lon else { return false }
        let q = gazetteer.places[top.place]
        return Evaluator.km(q.lat, q.lon, lat, lon) <= 40
    }
}
