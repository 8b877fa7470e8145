import Foundation
import SitrepCore
import SitrepGazetteer
import SitrepText

/// Scores event mentions against a gold file as spec/eval.md defines: one-to-one greedy matching of
/// mentions to gold events of the same article, by type class and place.
public struct Evaluator {
    public let gazetteer: Gazetteer
    let resolver: PlaceResolver

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer: gazetteer)
    }

    /// Folded place name: case, diacritics, apostrophes, hyphens, a leading "al-" and the words province,
    /// governorate, oblast, region, district, city dropped.
    static let dropWords: Set<String> = ["province", "governorate", "oblast", "region", "district", "city", "state"]
    public static func foldPlace(_ s: String) -> String {
        var w = Fold.words(s).filter { !dropWords.contains($0) }
        if w.first == "al" && w.count > 1 { w.removeFirst() }
        return w.joined()
    }

    func placesAgree(_ g: GoldEvent, _ m: EventMention) -> Bool {
        guard let gp = g.place else { return m.place == nil }
        guard let mp = m.place else { return false }
        if Evaluator.foldPlace(gp) == Evaluator.foldPlace(mp.name) || Evaluator.foldPlace(gp) == Evaluator.foldPlace(mp.matched) {
            return true
        }
        var ctx = PlaceContext()
        if let c = g.country { ctx.requiredCountry = c; ctx.countries[c] = 1 }
        let cands = resolver.candidates(gp, context: ctx, fuzzy: false)
        if cands.contains(where: { gazetteer.places[$0.place].key == mp.key }) { return true }
        guard let top = cands.first, let lat = mp.lat, let lon = mp.lon else { return false }
        let p = gazetteer.places[top.place]
        return Evaluator.km(p.lat, p.lon, lat, lon) <= 40
    }

    static func km(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let r = Double.pi / 180
        let x = sin((c - a) * r / 2), y = sin((d - b) * r / 2)
        let h = x * x + cos(a * r) * cos(c * r) * y * y
        return 2 * 6371 * asin(min(1, sqrt(h)))
    }

    /// A system date compares by its start day when it is a day; spans count as no date, as in the gold.
    static func day(_ m: EventMention) -> Day? { m.date.precision == .day ? m.date.start : nil }

    public func evaluate(gold: [GoldArticle], mentions: [String: [EventMention]], stories: [String: String] = [:]) -> EvalReport {
        var r = EvalReport()
        for art in gold {
            let ms = mentions[art.id] ?? []
            r.system += ms.count
            r.gold += art.events.count
            r.goldTerritory += art.events.filter { $0.type.isTerritoryChange && $0.modality.movesControl }.count
            r.systemTerritory += ms.filter { $0.type.isTerritoryChange && $0.modality.movesControl }.count
            // candidate pairs, best first
            var pairs: [(Int, Int, Int)] = []
            for (gi, g) in art.events.enumerated() {
                for (mi, m) in ms.enumerated() where g.type.typeClass == m.type.typeClass && placesAgree(g, m) {
                    var score = 0
                    if g.type == m.type { score += 4 }
                    if g.date == Evaluator.day(m) { score += 2 }
                    if g.modality == m.modality { score += 2 }
                    pairs.append((score, gi, mi))
                }
            }
            pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
            var usedG = Set<Int>(), usedM = Set<Int>()
            for (_, gi, mi) in pairs where !usedG.contains(gi) && !usedM.contains(mi) {
                usedG.insert(gi)
                usedM.insert(mi)
                let g = art.events[gi], m = ms[mi]
                r.lenient += 1
                if g.modality == m.modality { r.modalityAgree += 1 }
                if g.date == Evaluator.day(m) { r.dateAgree += 1 }
                if g.type == m.type && g.date == Evaluator.day(m) && g.modality == m.modality { r.strict += 1 }
                if g.type.isTerritoryChange && g.modality.movesControl && m.type.isTerritoryChange && m.modality.movesControl {
                    r.territory += 1
                }
                r.matches.append(.init(article: art.id, gold: g, mention: m))
            }
            for (gi, g) in art.events.enumerated() where !usedG.contains(gi) { r.missed.append((art.id, g)) }
            for (mi, m) in ms.enumerated() where !usedM.contains(mi) { r.spurious.append((art.id, m)) }
        }
        // duplicate pairs: gold links vs system stories
        var goldStory: [String: String] = [:]
        for a in gold { goldStory[a.id] = a.duplicateOf ?? a.id }
        func root(_ id: String) -> String {
            var x = id
            var steps = 0
            while let n = goldStory[x], n != x, steps < 50 { x = n; steps += 1 }
            return x
        }
        let ids = gold.map(\.id)
        for i in ids.indices {
            for j in (i + 1)..<ids.count {
                let g = root(ids[i]) == root(ids[j])
                let s = (stories[ids[i]] ?? ids[i]) == (stories[ids[j]] ?? ids[j])
                if g { r.goldPairs += 1 }
                if s { r.systemPairs += 1 }
                if g && s { r.pairAgree += 1 }
            }
        }
        return r
    }
}
