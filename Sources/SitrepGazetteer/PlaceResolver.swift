import Foundation
import SitrepText

/// Finds and ranks the places a name can mean.
///
/// Exact keys first; when none match, skeleton matches (transliteration variants) verified by a bounded edit
/// distance on the exact key, then skeletons one consonant away. Candidates are ranked by match quality,
/// feature (capitals, division seats, divisions and countries), population and the context's countries.
public struct PlaceResolver: Sendable {
    public let gazetteer: Gazetteer
    let fuzzyCache: FuzzyCache

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.fuzzyCache = gazetteer.fuzzyCache
    }

    /// All readings of `name`, best first.
    public func candidates(_ query: String, context c: PlaceContext = PlaceContext(), fuzzy: Bool = true) -> [PlaceCandidate] {
        // "Badghis province", "province of Badghis", "the city of Herat": the words say which kind is meant
        var name = query
        var context = c
        let words = name.split(separator: " ")
        let division: Set<String> = ["province", "governorate", "region", "state", "oblast", "prefecture", "department", "county"]
        let town: Set<String> = ["city", "town", "village"]
        if words.count >= 2 {
            let last = words.last!.lowercased(), first = words[0].lowercased()
            if division.contains(last) { context.wantsDivision = true; name = words.dropLast().joined(separator: " ") }
            else if town.contains(last) { context.wantsTown = true; name = words.dropLast().joined(separator: " ") }
            else if words.count >= 3, words[1].lowercased() == "of", division.contains(first) || town.contains(first) {
                if division.contains(first) { context.wantsDivision = true } else { context.wantsTown = true }
                name = words.dropFirst(2).joined(separator: " ")
            }
        }
        var scratch = NameKey.Scratch()
        guard let h = NameKey.hashes(of: ArraySlice(name.utf8), scratch: &scratch) else { return [] }
        let exactKey = NameKey.exact(name)
        var found = collect(exact: h.exact, skeleton: fuzzy ? h.skeleton : nil, exactKey: exactKey,
                            skeletonKey: fuzzy ? NameKey.skeleton(name) : "")
        if let cc = context.requiredCountry { found = found.filter { gazetteer.places[$0.place].country == cc } }
        return rank(found, context: context)
    }

    /// Candidates for hashes computed from text; the name strings are only needed for fuzzy verification.
    func collect(exact: UInt64, skeleton: UInt64?, exactKey: String, skeletonKey: String) -> [PlaceCandidate] {
        let exactEntries = gazetteer.exactEntries(exact)
        // the recognizer asks for every capitalized run: most find nothing and need no table
        if exactEntries.isEmpty && skeleton == nil { return [] }
        // one candidate per place, its best match: a list while short (the usual name has a few readings)
        var best: [PlaceCandidate] = []
        best.reserveCapacity(exactEntries.count)  // one allocation, not one per doubling
        var slot: [Int: Int] = [:]
        func add(_ e: Int32, _ m: PlaceCandidate.Match) {
            let p = gazetteer.place(ofEntry: e)
            let k = best.count <= 32 ? best.firstIndex { $0.place == p } : slot[p]
            if let k {
                if best[k].match >= m { return }
                best[k] = PlaceCandidate(place: p, entry: e, match: m)
                return
            }
            if best.count == 32 { for (i, c) in best.enumerated() { slot[c.place] = i } }
            if best.count >= 32 { slot[p] = best.count }
            best.append(PlaceCandidate(place: p, entry: e, match: m))
        }
        for e in exactEntries { add(e, .exact) }
        if let skeleton, best.isEmpty, exactKey.utf8.count >= 4 {
            // the same unknown word comes back in every article: remember what the variants gave
            if let cached = fuzzyCache.get(exact) { return cached }
            defer { fuzzyCache.set(exact, best) }
            let limit = exactKey.utf8.count >= 9 ? 2 : 1
            for e in gazetteer.skeletonEntries(skeleton) where verify(e, exactKey, limit) { add(e, .skeleton) }
            if best.isEmpty && skeletonKey.utf8.count >= 4 {
                // one consonant more in the query than in the name
                var sk = Array(skeletonKey.utf8)
                for i in 1..<sk.count {
                    let removed = sk.remove(at: i)
                    for e in gazetteer.skeletonEntries(TokenHash.of(sk)) where verify(e, exactKey, 2) { add(e, .fuzzy) }
                    sk.insert(removed, at: i)
                }
            }
        }
        return best
    }

    /// `collect` for a name no exact key matches, its keys made by `keys` (skeleton hash, exact key, skeleton
    /// key) only when the cache of earlier answers lacks it: most unknown names come back in every article.
    func variants(exact: UInt64, keys: () -> (skeleton: UInt64, exactKey: String, skeletonKey: String)) -> [PlaceCandidate] {
        // the cache holds only names without exact entries, so for them it answers as `collect` would
        if let known = fuzzyCache.get(exact) { return known }
        let k = keys()
        return collect(exact: exact, skeleton: k.skeleton, exactKey: k.exactKey, skeletonKey: k.skeletonKey)
    }

    private func verify(_ e: Int32, _ exactKey: String, _ limit: Int) -> Bool {
        NameKey.distance(NameKey.exact(gazetteer.name(Int(e))), exactKey, limit: limit) <= limit
    }

    /// Scores and sorts candidates (ties by geonameid, so the order is stable).
    public func rank(_ cands: [PlaceCandidate], context: PlaceContext) -> [PlaceCandidate] {
        let towns = townCountries(cands)
        var out = cands
        for i in out.indices { out[i].score = score(out[i], context, towns) }
        guard out.count > 1 else { return out }
        let places = gazetteer.places
        out.sort { Self.ranksBefore($0, $1, places) }
        return out
    }

    /// The ranking's order: the higher score first; of equal scores, the lower geonameid.
    @inline(__always)
    private static func ranksBefore(_ a: PlaceCandidate, _ b: PlaceCandidate, _ places: [Place]) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return (places[a.place].geonameid ?? 0) < (places[b.place].geonameid ?? 0)
    }

    /// The first `first` of `rank(cands, context:)`, by insertion into a short list rather than a sort of all.
    public func rank(_ cands: [PlaceCandidate], context: PlaceContext, first: Int) -> [PlaceCandidate] {
        guard cands.count > first else { return rank(cands, context: context) }
        let towns = townCountries(cands)
        let places = gazetteer.places
        var out: [PlaceCandidate] = []
        out.reserveCapacity(first + 1)
        for c in cands {
            var c = c
            c.score = score(c, context, towns)
            // after every kept one that ranks before it or equal (the sort keeps equals in their order)
            var k = out.count
            while k > 0, Self.ranksBefore(c, out[k - 1], places) { k -= 1 }
            guard k < first else { continue }
            out.insert(c, at: k)
            if out.count > first { out.removeLast() }
        }
        return out
    }

    /// `rank(cands, context:).first`, without the array and the sort: the recognizer keeps only the best
    /// reading of most names. Of equals, the first (the sort keeps their order).
    public func best(_ cands: [PlaceCandidate], context: PlaceContext) -> PlaceCandidate? {
        let towns = townCountries(cands)
        let places = gazetteer.places
        var top: PlaceCandidate? = nil
        for c in cands {
            var c = c
            c.score = score(c, context, towns)
            if let t = top, !Self.ranksBefore(c, t, places) { continue }
            top = c
        }
        return top
    }

    /// The countries where a bare name that is both a town and a division means the town. (An array: a name
    /// has a handful of readings, and a set would hash every country string.)
    private func townCountries(_ cands: [PlaceCandidate]) -> [String] {
        let places = gazetteer.places
        var towns: [String] = []
        if cands.contains(where: { places[$0.place].kind == .division }) {
            for c in cands where places[c.place].kind == .town && !towns.contains(places[c.place].country) {
                towns.append(places[c.place].country)
            }
        }
        return towns
    }

    private func score(_ c: PlaceCandidate, _ context: PlaceContext, _ townCountries: [String]) -> Double {
        let p = gazetteer.places[c.place]
        var s = Double(c.match.rawValue) * 4
        s += p.featureRank
        s += log10(Double(max(p.population, 1))) * (p.kind == .division ? 0.5 : 1)
        // a city the news knows: a village of the same name elsewhere needs more than the document's country
        if p.kind == .town && p.population >= 100_000 { s += 3 }
        if let w = context.countries[p.country] { s += 3 + 5 * min(1, w) }
        if context.statedCountry == p.country { s += 6 }
        if p.kind == .division {
            if context.wantsDivision { s += 10 } else if townCountries.contains(p.country) { s -= 8 }
            if context.wantsTown { s -= 6 }
        }
        if p.kind == .town && context.wantsDivision { s -= 3 }
        if p.kind == .town, !p.admin1Code.isEmpty, !context.divisions.isEmpty,
           context.divisions.contains(p.country + "." + p.admin1Code) {
            s += 2.5
        }
        if p.kind == .country { s += 4 }
        return s
    }
}

/// Fuzzy look-ups by the exact-key hash of the name, shared by every resolver of a gazetteer.
final class FuzzyCache: @unchecked Sendable {
    private var map: [UInt64: [PlaceCandidate]] = [:]
    private let lock = NSLock()

    func get(_ k: UInt64) -> [PlaceCandidate]? {
        lock.lock()
        defer { lock.unlock() }
        return map[k]
    }

    func set(_ k: UInt64, _ v: [PlaceCandidate]) {
        lock.lock()
        defer { lock.unlock() }
        if map.count > 200_000 { map.removeAll(keepingCapacity: true) }
        map[k] = v
    }
}
