import SitrepCore
import SitrepGazetteer
import SitrepRecognize
import SitrepText

/// A place argument: a named place or a reference resolved to one.
struct PlaceSlot {
    /// Index into the gazetteer's places; -1 for a place the gazetteer lacks (`unresolved`).
    var place: Int
    var matched: String
    var tokens: Range<Int>
    var viaCoreference: Bool
    /// A place named with a place noun ("the village of Baghuz", "Nerkh district") that the gazetteer lacks:
    /// its name as written, the document's country, and where a known place locates it.
    var unresolved: PlaceRef? = nil
}

extension EventExtractor {
    /// A word's hash; the words are literals, hashed over their static bytes (no String on the hot path).
    @inline(__always) func h(_ s: StaticString) -> UInt64 { s.withUTF8Buffer { TokenHash.of($0) } }

    func isComma(_ a: DocumentAnalysis, _ i: Int) -> Bool {
        let t = a.text.tokens[i]
        return t.has(.punct) && t.end - t.start == 1 && a.text.bytes[Int(t.start)] == 44
    }

    static let locating: HashSet = HashSet(["in", "at", "near", "outside", "of"].map { TokenHash.of($0.utf8) })

    static let smallPlaceNouns: HashSet = HashSet(["town", "village", "district", "locality", "hamlet"].map { TokenHash.of($0.utf8) })

    static let placeNouns: HashSet = HashSet(["district", "village", "town", "city", "base", "airfield", "airport", "camp",
                                              "neighbourhood", "neighborhood", "valley", "crossing", "garrison"]
        .map { TokenHash.of($0.utf8) })

    /// The possessive "'s" token.
    func isPossessive(_ a: DocumentAnalysis, _ i: Int) -> Bool {
        let tok = a.text.tokens[i]
        let n = Int(tok.end - tok.start)
        guard n >= 2, n <= 4 else { return false }
        let b = a.text.bytes
        let last = b[Int(tok.end) - 1]
        return (last == 115 || last == 83) && (b[Int(tok.start)] == 39 || b[Int(tok.start)] == 0xE2)
    }

    func isClauseBreak(_ a: DocumentAnalysis, _ i: Int) -> Bool {
        let t = a.text.tokens[i]
        if t.has(.punct) {
            let b = a.text.bytes[Int(t.start)]
            return b == 59 || b == 58 || (t.end - t.start == 3 && a.text.bytes[Int(t.start) + 2] == 0x94)  // ; : —
        }
        return lexicon.isA(t, lexicon.clause)
    }

    /// The place a coreference phrase at `i` stands for: the last place an event was about, or the last
    /// place of that kind named before it.
    func resolveCoref(_ a: DocumentAnalysis, at i: Int, state: DiscourseState) -> PlaceSlot? {
        guard let (end, kind) = a.corefAt[i] else { return nil }
        // "the town of Adan Yabaal ... the town": the reference is to a place the gazetteer lacks, not to the
        // last place it knows
        let lastUnknown = a.unknownPlaces.last(where: { $0.at < i })
        if kind == "town", end > i, let u = lastUnknown?.at,
           // an unknown name of no stated kind stands for a small place: "the town", "the village", not "the city"
           lastUnknown?.noun == 0 ? Self.smallPlaceNouns.contains(a.text.tokens[end - 1].hash)
                                  : lastUnknown?.noun == a.text.tokens[end - 1].hash,
           !a.places.contains(where: { $0.tokens.lowerBound > u && $0.tokens.upperBound <= i
                                       && gazetteer.places[$0.place].kind == .town && $0.tokens.lowerBound >= a.datelineEnd }) {
            // ... which an earlier event may have named: then "the town" is that place
            guard var last = state.lastUnresolved else { return nil }
            last.tokens = i..<end
            last.viaCoreference = true
            return last
        }
        let places = gazetteer.places
        var target: Int? = nil
        switch kind {
        case "town":
            if state.unknownObjectSentence > state.lastEventSentence { return nil }
            // a dateline city abroad ("BANGKOK, Feb 6 -" over Myanmar news) is where the reporter sits
            if let e = state.lastEventPlace, places[e].kind == .town { target = e } else {
                target = a.places.last(where: { $0.tokens.upperBound <= i && places[$0.place].kind == .town
                                                && ($0.tokens.lowerBound >= a.datelineEnd || places[$0.place].country == a.focus.country) })?.place
            }
        case "division":
            if let d = a.places.last(where: { $0.tokens.upperBound <= i && places[$0.place].kind == .division
                                              && Int(a.text.tokens[$0.tokens.lowerBound].sentence) >= Int(a.text.tokens[i].sentence) - 2 })?.place {
                target = d
            } else if let e = state.lastEventPlace {
                let p = places[e]
                target = p.kind == .division ? e : gazetteer.division(country: p.country, code: p.admin1Code).flatMap { gazetteer.index(ofKey: $0.key) }
            }
        default:
            // "Kidal ... since French troops retook it": the sentence's own first place, else the discourse's
            let sentence = a.text.tokens[i].sentence
            // "it said": a speaker, not a place
            if a.text.tokens[i].hash == h("it"), i + 1 < a.text.tokens.count, attribution.role(a.text.tokens[i + 1]) != nil {
                return nil
            }
            // "recaptured the town of Adan Yabaal … after losing it": a place the gazetteer lacks comes first
            if a.text.tokens[i].hash == h("it"), let u = lastUnknown?.at, a.text.tokens[u].sentence == sentence,
               !a.places.contains(where: { $0.tokens.lowerBound < u && a.text.tokens[$0.tokens.lowerBound].sentence == sentence
                                           && $0.tokens.lowerBound >= a.datelineEnd }) {
                guard var last = state.lastUnresolved else { return nil }
                last.tokens = i..<end
                last.viaCoreference = true
                return last
            }
            if a.text.tokens[i].hash == h("it"),
               let first = a.places.first(where: { a.text.tokens[$0.tokens.lowerBound].sentence == sentence && $0.tokens.upperBound <= i
                                                   && $0.tokens.lowerBound >= a.datelineEnd }) {
                target = first.place
            } else {
                target = state.lastEventPlace ?? a.places.last(where: { $0.tokens.upperBound <= i })?.place
            }
        }
        guard let tp = target else { return nil }
        return PlaceSlot(place: tp, matched: a.text.text(tokens: i..<end), tokens: i..<end, viaCoreference: true)
    }

    /// Named places (or a reference) after `k`: the first one before the clause ends, and the places listed
    /// with it ("A, B and C"). With `near`, only words like "the key city of" may stand between.
    func placesAfter(_ a: DocumentAnalysis, from k: Int, limit: Int, near: Bool, state: DiscourseState,
                     after word: UInt64? = nil) -> [PlaceSlot] {
        let t = a.text.tokens
        var i = k
        if let word {
            while i < limit, t[i].hash != word { i += 1 }
            guard i < limit else { return [] }
            i += 1
        }
        var steps = 0
        var unknownNamed: Int? = nil
        // "had seized Myebon": the object is a name the gazetteer lacks; no other place stands in for it
        var first = i
        while first < limit, t[first].hash == h("the") { first += 1 }
        if first < limit, a.place(first) == nil, a.actor(first) == nil, a.corefAt[first] == nil, t[first].isCapitalized,
           !t[first].has(.sentenceStart), t[first].isWord, !a.dates.contains(where: { $0.tokens.contains(first) }) {
            // ... unless it is a base or a building located in a known place: "the Northeastern Command in Lashio"
            var e = first
            while e < limit, t[e].isCapitalized, a.place(e) == nil { e += 1 }
            let located = e + 1 < limit && Self.locating.contains(t[e].hash) && a.place(e + 1) != nil
            // ... or a description before the name: "the South African capital Pretoria"
            let described = gazetteer.demonyms[t[first].hash] != nil || (first..<min(limit, first + 5)).contains { a.place($0) != nil }
            if !located && !described { return unresolvedPlace(a, at: first, limit: limit).map { [$0] } ?? [] }
        }
        while i < limit, steps < 16 {
            // "Nerkh district in Maidan Wardak province": a named place the gazetteer lacks, then where it lies
            if a.place(i) == nil, a.actor(i) == nil, t[i].isCapitalized, !t[i].has(.sentenceStart), i + 1 < limit,
               Self.placeNouns.contains(t[i + 1].hash) {
                if unknownNamed == nil { unknownNamed = i }
            }
            if let p = a.place(i) {
                if let u = unknownNamed, gazetteer.places[p.place].kind != .town, i > 0, t[i - 1].hash == h("in") {
                    return unresolvedPlace(a, at: u, limit: limit).map { [$0] } ?? []
                }
                // "Azerbaijan's second city Ganja": the place the possessive describes
                let e = p.tokens.upperBound
                if e < limit, isPossessive(a, e), gazetteer.places[p.place].kind != .town {
                    var j = e + 1
                    while j < min(limit, e + 6) {
                        if let q = a.place(j), gazetteer.places[q.place].kind == .town { return list(a, from: q, limit: limit) }
                        if isComma(a, j) || isClauseBreak(a, j) { break }
                        j += 1
                    }
                }
                return list(a, from: p, limit: limit)
            }
            // "the town of Gharyan" names the place after "of"; only a bare "the town" refers back
            if let (end, _) = a.corefAt[i], end < limit, t[end].hash == h("of") || a.place(end) != nil {
                // "the town of Adan Yabaal": not in the gazetteer
                if a.unknownPlaces.contains(where: { $0.at == end + 1 }) {
                    return unresolvedPlace(a, at: end + 1, limit: limit, named: true).map { [$0] } ?? []
                }
                i = end
                steps += 1
                continue
            }
            if let c = resolveCoref(a, at: i, state: state) { return [c] }
            if near {
                guard lexicon.isA(t[i], lexicon.skip), steps < 4 else { return [] }
            } else if isClauseBreak(a, i) && steps > 0 {
                return []
            } else if isComma(a, i), i > k, !lexicon.isA(t[i - 1], lexicon.skip) {
                // a comma ends the object unless it opens an apposition: "the third largest city, Herat,"
                return []
            }
            i += 1
            steps += 1
        }
        return []
    }

    /// A place the gazetteer lacks, named at `start` with a place noun: "the village of Baghuz" (`named`: the
    /// noun came before), "Nerkh district" (the noun follows the name). It takes the document's country and,
    /// when "in"/"near" a known place follows, that place's province and coordinates.
    func unresolvedPlace(_ a: DocumentAnalysis, at start: Int, limit: Int, named: Bool = false) -> PlaceSlot? {
        let t = a.text.tokens
        var e = start
        while e < limit, e - start < 3, t[e].isCapitalized, t[e].isWord, a.place(e) == nil, a.actor(e) == nil { e += 1 }
        guard e > start else { return nil }
        var after = e
        if !named {
            guard e < limit, Self.placeNouns.contains(t[e].hash) else { return nil }
            after = e + 1
        }
        guard let cc = a.focus.country else { return nil }
        let name = a.text.text(tokens: start..<e)
        var admin1: String? = nil
        var lat: Double? = nil, lon: Double? = nil
        var j = after
        while j < min(limit, after + 3), !Self.locating.contains(t[j].hash) { j += 1 }
        if j < min(limit, after + 3) {
            var q = j + 1
            while q < min(limit, j + 5), a.place(q) == nil { q += 1 }
            if let p = a.place(q), gazetteer.places[p.place].country == cc {
                let known = gazetteer.places[p.place]
                admin1 = known.kind == .division ? known.name : (known.admin1Name.isEmpty ? nil : known.admin1Name)
                if known.kind != .country { lat = known.lat; lon = known.lon }
            }
        }
        let key = "unresolved:\(cc):" + Fold.words(name).joined(separator: "-")
        let ref = PlaceRef(name: name, matched: name, geonameid: nil, country: cc, admin1: admin1, lat: lat, lon: lon,
                           feature: nil, key: key)
        return PlaceSlot(place: -1, matched: name, tokens: start..<e, viaCoreference: false, unresolved: ref)
    }

    /// The places a plural object lists: "several towns, including A and B", "three bases such as C".
    func listedPlaces(_ a: DocumentAnalysis, after k: Int, limit: Int) -> [PlaceSlot] {
        let t = a.text.tokens
        var sawPlural = false
        var i = k
        while i < limit, i - k < 24 {
            if lexicon.isA(t[i], lexicon.placePlural) { sawPlural = true }
            if sawPlural, t[i].hash == h("including") || (t[i].hash == h("such") && i + 1 < limit && t[i + 1].hash == h("as")) {
                var j = t[i].hash == h("such") ? i + 2 : i + 1
                while j < limit, j - i < 4, lexicon.isA(t[j], lexicon.skip) || t[j].hash == h("the") { j += 1 }
                if let p = a.place(j), p.tokens.lowerBound == j { return list(a, from: p, limit: limit) }
                return []
            }
            if isClauseBreak(a, i) && !sawPlural { return [] }
            i += 1
        }
        return []
    }

    /// A place mention and the places listed after it: ", B", "and C", ", and D", "as well as E".
    func list(_ a: DocumentAnalysis, from p: PlaceMention, limit: Int) -> [PlaceSlot] {
        var out = [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
        var i = p.tokens.upperBound
        let t = a.text.tokens
        while i < limit {
            var j = i
            var sawJoin = false
            while j < limit, j - i < 4, isComma(a, j) || t[j].hash == h("and") || t[j].hash == h("or")
                    || t[j].hash == h("as") || t[j].hash == h("well") {
                sawJoin = true
                j += 1
            }
            guard sawJoin, let q = a.place(j), q.tokens.lowerBound == j else { break }
            // "Herat, Afghanistan's third city" / "Kidal, Mali": a country or region after a town and a comma
            // locates the town; it is no second place
            let qk = gazetteer.places[q.place].kind, pk = gazetteer.places[p.place].kind
            if qk != .town, pk == .town, !(i..<j).contains(where: { t[$0].hash == h("and") || t[$0].hash == h("or") }) { break }
            out.append(PlaceSlot(place: q.place, matched: q.matched, tokens: q.tokens, viaCoreference: false))
            i = q.tokens.upperBound
        }
        return out
    }

    /// The subject place before `k`: back over adverbs, auxiliaries and an apposition between commas, to a
    /// named place (and the places listed before it) or a reference.
    func placesBefore(_ a: DocumentAnalysis, _ k: Int, floor: Int, state: DiscourseState) -> [PlaceSlot] {
        let t = a.text.tokens
        let floor = max(floor, a.datelineEnd)  // the dateline's place is the reporter's
        var i = k - 1
        var appositions = 0
        while i >= floor {
            let tok = t[i]
            if lexicon.isA(tok, lexicon.adverb) || lexicon.isA(tok, lexicon.aux) { i -= 1; continue }
            // a modal verb right before the verb: "Lashio could fall", "the town will fall"
            if i == k - 1 || i == k - 2, lexicon.isA(tok, lexicon.possible) || lexicon.isA(tok, lexicon.planned),
               !tok.has(.capitalized) || tok.has(.sentenceStart) {
                i -= 1
                continue
            }
            if isComma(a, i), let p = a.place(i - 1), p.tokens.lowerBound > floor, isComma(a, p.tokens.lowerBound - 1) {
                // "Eastern Congo's main city, Goma, fell": the name set off by commas is the subject
                return [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
            }
            if isComma(a, i) || tok.has(.closeQuote) {
                // skip ", the capital of Badghis province in the northwest," back to the comma before it
                var j = i - 1
                while j >= floor, !isComma(a, j), i - j < 20 { j -= 1 }
                if j >= floor, isComma(a, j), appositions < 2 {
                    // the comma may also close the subject itself: "Herat, too, succumbed"
                    if let p = a.place(j - 1) { return listBackwards(a, p, floor: floor) }
                    appositions += 1
                    i = j - 1
                    continue
                }
                if let p = a.place(i - 1) { return listBackwards(a, p, floor: floor) }
                return []
            }
            if let p = a.place(i) { return listBackwards(a, p, floor: floor) }
            // a reference ending here: "the city"
            if let start = a.corefAt.start(endingAt: i + 1), start >= floor, let c = resolveCoref(a, at: start, state: state) {
                return [c]
            }
            return []
        }
        return []
    }

    func listBackwards(_ a: DocumentAnalysis, _ p: PlaceMention, floor: Int) -> [PlaceSlot] {
        var out = [PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)]
        var i = p.tokens.lowerBound - 1
        let t = a.text.tokens
        while i >= floor {
            var j = i
            var sawJoin = false
            while j >= floor, i - j < 3, isComma(a, j) || t[j].hash == h("and") || t[j].hash == h("or") {
                sawJoin = true
                j -= 1
            }
            guard sawJoin, j >= floor, let q = a.place(j), q.tokens.upperBound == j + 1 else { break }
            out.insert(PlaceSlot(place: q.place, matched: q.matched, tokens: q.tokens, viaCoreference: false), at: 0)
            i = q.tokens.lowerBound - 1
        }
        return out
    }

    /// The nearest place anywhere in the sentence (after the trigger first), outside the given tokens.
    func nearestPlace(_ a: DocumentAnalysis, _ k: Int, _ s: Range<Int>, excluding: [Range<Int>], state: DiscourseState) -> PlaceSlot? {
        var best: (Int, PlaceSlot)? = nil
        // the dateline names where the reporter is, not where the event was
        for p in a.places where s.contains(p.tokens.lowerBound) && p.tokens.lowerBound >= a.datelineEnd
            && !excluding.contains(where: { $0.overlaps(p.tokens) })
            && a.actor(p.tokens.lowerBound)?.source != .country {  // "the United States began withdrawing": an actor
            let d = p.tokens.lowerBound > k ? p.tokens.lowerBound - k : (k - p.tokens.upperBound) + 3
            if best == nil || d < best!.0 { best = (d, PlaceSlot(place: p.place, matched: p.matched, tokens: p.tokens, viaCoreference: false)) }
        }
        if let b = best { return b.1 }
        for i in s {
            if let c = resolveCoref(a, at: i, state: state) { return c }
        }
        return nil
    }

    /// The nearest actor named before `k` in the sentence. With `preferNamed`, a generic "troops" (the object
    /// of "send troops to evacuate") gives way to a named actor further back.
    func actorBefore(_ a: DocumentAnalysis, _ k: Int, floor: Int, preferNamed: Bool = false) -> ActorMention? {
        var i = k - 1
        var generic: ActorMention? = nil
        while i >= floor {
            if let m = a.actor(i) {
                // "Iraqi troops and Shi'ite paramilitary fighters": the named partner leads a generic word
                if m.source == .generic {
                    var j = m.tokens.lowerBound - 1
                    var sawAnd = false
                    while j >= floor, m.tokens.lowerBound - j <= 5 {
                        if a.text.tokens[j].hash == h("and") { sawAnd = true }
                        if sawAnd, let n = a.actor(j), n.source != .generic { return n }
                        j -= 1
                    }
                }
                if !preferNamed || m.source != .generic { return m }
                if generic == nil { generic = m }
                i = m.tokens.lowerBound - 1
                continue
            }
            i -= 1
        }
        return generic
    }

    /// The actor right after the word `word` ("to", "by", "with"), looked for after `k` in the sentence.
    func actorAfterWord(_ a: DocumentAnalysis, _ word: UInt64, from k: Int, limit: Int, maxGap: Int = 2) -> ActorMention? {
        let t = a.text.tokens
        var i = k
        while i < limit {
            if t[i].hash == word {
                var j = i + 1
                while j < limit, j - i <= maxGap {
                    if let m = a.actor(j) { return m }
                    if !(t[j].hash == h("the") || t[j].hash == h("a") || t[j].hash == h("hands") || t[j].hash == h("of")) { break }
                    j += 1
                }
            }
            if isClauseBreak(a, i) && i > k { break }
            i += 1
        }
        return nil
    }

    /// The first actor named after `k`, within a few words.
    func actorAfter(_ a: DocumentAnalysis, _ k: Int, limit: Int, within: Int) -> ActorMention? {
        var i = k
        while i < limit, i - k < within {
            if let m = a.actor(i) { return m }
            i += 1
        }
        return nil
    }
}

/// What the extractor remembers while reading a document in order.
struct DiscourseState {
    var lastEventPlace: Int?
    var lastEventSentence = -1
    /// An agreement was stated: "the truce" later refers back to it.
    var agreementStated = false
    /// The last place an event named that the gazetteer lacks ("the town" may refer back to it).
    var lastUnresolved: PlaceSlot?
    /// The sentence of the last capture whose object was a name the gazetteer lacks ("seized Myebon"): a
    /// later "the town" means that place, not an earlier one.
    var unknownObjectSentence = -1
}
