import Foundation
import SitrepCore
import SitrepText

/// Finds place names in analyzed text and resolves each to one gazetteer place.
///
/// Candidate names are found token by token: from each capitalized word (or a connective/article joined to
/// one), the exact-key hash is extended word by word and looked up, keeping the longest match — a multi-pattern
/// match over all gazetteer names without building an automaton. Names then resolve in two passes: the first
/// learns which countries and divisions the document is about; the second ranks every name with that context
/// and drops readings the evidence does not support (common words, parts of person names, far-away villages).
public struct PlaceRecognizer: Sendable {
    public let gazetteer: Gazetteer
    public let resolver: PlaceResolver
    let roles: WordClasses
    let divisionAfter, divisionBefore, townAfter, townBefore, locative, title, function, inner: UInt32

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer: gazetteer)
        let r = WordClasses(rows: TSV.rows(Gazetteer.dataDirectory.appendingPathComponent("context-words.tsv")).map(\.0))
        roles = r
        divisionAfter = r.mask("division-after")
        divisionBefore = r.mask("division-before")
        townAfter = r.mask("town-after")
        townBefore = r.mask("town-before")
        locative = r.mask("locative")
        title = r.mask("title")
        function = r.mask("function")
        inner = r.mask("inner")
    }

    @inline(__always) func has(_ t: Token, _ mask: UInt32) -> Bool { roles.has(t, mask) }

    struct Span {
        var tokens: Range<Int>
        var nameEnd: Int
        var cands: [PlaceCandidate]
        var wantsDivision = false
        var wantsTown = false
        var statedCountry: String?
    }

    public func recognize(_ text: AnalyzedText) -> [PlaceMention] {
        let spans = findSpans(text)
        guard !spans.isEmpty else { return [] }
        var context = documentContext(text, spans)
        var out: [PlaceMention] = []
        for sp in spans {
            var ctx = context
            ctx.wantsDivision = sp.wantsDivision
            ctx.wantsTown = sp.wantsTown
            ctx.statedCountry = sp.statedCountry
            guard let top = resolver.best(sp.cands, context: ctx), accept(sp, top, text, context) else { continue }
            let t = text.tokens
            let start = Int(t[sp.tokens.lowerBound].start), end = Int(t[sp.tokens.upperBound - 1].end)
            out.append(PlaceMention(tokens: sp.tokens, start: start, end: end, matched: text.text(start..<end),
                                    place: top.place, candidate: top, sentence: Int(t[sp.tokens.lowerBound].sentence)))
            let p = gazetteer.places[top.place]
            if p.kind == .division { context.divisions.insert(p.key) }
        }
        return out
    }

    // MARK: spans

    private func findSpans(_ text: AnalyzedText) -> [Span] {
        let t = text.tokens
        var spans: [Span] = []
        var i = 0
        var skeleton: [UInt8] = []
        let fillers = NameKey.connectiveHashes  // once, not a global's retain per token
        let demonyms = gazetteer.demonyms  // a local: read through the class, it was retained at every token
        var wordRanges: [Range<Int>] = []  // reused: a name's words, in the folded text
        while i < t.count {
            let tok = t[i]
            guard tok.isWord else { i += 1; continue }
            // the set look-up last: most words are not followed by a hyphen and a capital
            let joinedFiller = !tok.isCapitalized && i + 2 < t.count && t[i + 1].has(.hyphen)
                && !t[i + 1].has(.spaceBefore) && t[i + 2].isCapitalized && fillers.contains(tok.hash)
            guard tok.isCapitalized || joinedFiller, demonyms[tok.hash] == nil else { i += 1; continue }
            // extend word by word
            var h = TokenHash.seed
            var words = 0
            var best: (end: Int, cands: [PlaceCandidate])? = nil
            var j = i
            wordRanges.removeAll(keepingCapacity: true)
            var lastContent = i
            while j < t.count, words <= gazetteer.maxWords {
                let w = t[j]
                if j > i {
                    if w.has(.hyphen) && !w.has(.spaceBefore) && j + 1 < t.count && !t[j + 1].has(.spaceBefore) {
                        j += 1
                        continue
                    }
                    guard w.isWord, w.sentence == tok.sentence else { break }
                    // "Democratic Republic of the Congo": small words inside a name, never at its end
                    guard w.isCapitalized || fillers.contains(w.hash)
                            || (has(w, inner) && j + 1 < t.count && (t[j + 1].isCapitalized || has(t[j + 1], inner))) else { break }
                }
                if !fillers.contains(w.hash) || (words == 0 && j + 1 >= t.count) {
                    h = TokenHash.of(text.foldedBytes(j), from: h)
                    words += 1
                    wordRanges.append(Int(w.foldStart)..<Int(w.foldEnd))
                    lastContent = j
                    let found = resolver.collect(exact: h, skeleton: nil, exactKey: "", skeletonKey: "")
                    if !found.isEmpty { best = (j + 1, found) }
                }
                j += 1
            }
            var spanEnd = best?.end ?? 0
            var cands = best?.cands ?? []
            if best == nil, tok.isCapitalized, !tok.has(.sentenceStart), words >= 1 {
                // transliteration variants: skeleton of the whole capitalized run
                let run = wordRanges
                let keyLen = run.reduce(0) { $0 + $1.count }
                if keyLen >= 5 && !gazetteer.commonWords.contains(tok.hash) {
                    let found = resolver.variants(exact: h) {
                        NameKey.skeletonBytes(text.folded, run, into: &skeleton)
                        var exactKey = ""
                        for r in run { exactKey += String(decoding: text.folded[r], as: UTF8.self) }
                        return (TokenHash.of(skeleton), exactKey, String(decoding: skeleton, as: UTF8.self))
                    }
                    if !found.isEmpty {
                        spanEnd = lastContent + 1
                        cands = found
                    }
                }
            }
            guard spanEnd > i else { i += 1; continue }
            var sp = Span(tokens: i..<spanEnd, nameEnd: spanEnd, cands: cands)
            // words around the name
            if spanEnd < t.count, t[spanEnd].isWord, !t[spanEnd].isCapitalized || t[spanEnd].sentence == tok.sentence {
                if has(t[spanEnd], divisionAfter) && cands.contains(where: { gazetteer.places[$0.place].kind == .division }) {
                    sp.wantsDivision = true
                    sp.tokens = i..<(spanEnd + 1)
                } else if has(t[spanEnd], divisionAfter) {
                    sp.wantsDivision = true
                } else if has(t[spanEnd], townAfter) {
                    sp.wantsTown = true
                }
            }
            if i >= 2, has(t[i - 1], locative), t[i - 1].hash == TokenHash.of("of".utf8) {
                if has(t[i - 2], divisionBefore) { sp.wantsDivision = true }
                if has(t[i - 2], townBefore) { sp.wantsTown = true }
            }
            // "Sake, the last town on the road": an apposition says what the name is
            if spanEnd + 1 < t.count, text.token(t[spanEnd], is: ","), has(t[spanEnd + 1], function) {
                var k = spanEnd + 1
                while k < min(t.count, spanEnd + 6), !t[k].has(.punct) {
                    if has(t[k], townBefore) { sp.wantsTown = true; break }
                    if has(t[k], divisionBefore) { sp.wantsDivision = true; break }
                    k += 1
                }
            }
            // "Herat, Afghanistan"
            if spanEnd + 1 < t.count, text.token(t[spanEnd], is: ",") {
                let k = spanEnd + 1
                if t[k].isCapitalized {
                    let c = resolver.collect(exact: t[k].hash, skeleton: nil, exactKey: "", skeletonKey: "")
                    if let country = c.first(where: { gazetteer.places[$0.place].kind == .country }) {
                        sp.statedCountry = gazetteer.places[country.place].country
                    }
                }
            }
            spans.append(sp)
            i = spanEnd
        }
        return spans
    }

    // MARK: context

    private func documentContext(_ text: AnalyzedText, _ spans: [Span]) -> PlaceContext {
        var weights = CountryWeights()
        let demonyms = gazetteer.demonyms
        for tok in text.tokens where tok.isCapitalized {
            if let cc = demonyms[tok.hash] { weights.add(cc, 0.5) }
        }
        for sp in spans where !looksLikePartOfAName(sp, text) {
            var ctx = PlaceContext()
            ctx.wantsDivision = sp.wantsDivision
            ctx.statedCountry = sp.statedCountry
            // the best reading and the three after it: no more of the ranking is read
            let ranked = resolver.rank(sp.cands, context: ctx, first: 4)
            guard let top = ranked.first else { continue }
            let p = gazetteer.places[top.place]
            if p.kind == .country {
                weights.add(p.country, 1)
            } else if p.isStrong && top.match == .exact {
                // an unambiguous strong name counts; a name strong in several countries does not
                let rivals = ranked.dropFirst().prefix(3).filter {
                    gazetteer.places[$0.place].country != p.country && $0.score > top.score - 2
                }
                if rivals.isEmpty { weights.add(p.country, 0.5) }
            }
        }
        var ctx = PlaceContext()
        let maxW = weights.maximum ?? 0
        weights.forEach { cc, w in if w >= maxW / 3 { ctx.countries[cc] = w / maxW } }
        return ctx
    }

    // MARK: acceptance

    /// A capitalized word beside the name, or a name that is also a common word or a person's name: such a
    /// span is no evidence of what the document is about.
    func looksLikePartOfAName(_ sp: Span, _ text: AnalyzedText) -> Bool {
        let t = text.tokens
        let first = t[sp.tokens.lowerBound]
        if sp.nameEnd - sp.tokens.lowerBound == 1 && !first.has(.allCaps)
            && (gazetteer.commonWords.contains(first.hash) || gazetteer.personNames.contains(first.hash)) { return true }
        if sp.tokens.lowerBound > 0 {
            let p = t[sp.tokens.lowerBound - 1]
            if p.isWord && p.isCapitalized && !p.has(.allCaps) && !(p.has(.sentenceStart) && has(p, function))
                && gazetteer.demonyms[p.hash] == nil { return true }
        }
        if sp.nameEnd < t.count {
            let n = t[sp.nameEnd]
            if n.isWord && n.isCapitalized && n.sentence == first.sentence && !has(n, divisionAfter) { return true }
        }
        return false
    }

    private func accept(_ sp: Span, _ top: PlaceCandidate, _ text: AnalyzedText, _ ctx: PlaceContext) -> Bool {
        let t = text.tokens
        let first = t[sp.tokens.lowerBound]
        let p = gazetteer.places[top.place]
        let inDocCountry = ctx.countries[p.country] != nil || sp.statedCountry == p.country
        let multiWord = sp.nameEnd - sp.tokens.lowerBound > 1
        let prev = sp.tokens.lowerBound > 0 ? t[sp.tokens.lowerBound - 1] : nil
        let next = sp.nameEnd < t.count ? t[sp.nameEnd] : nil
        let afterLocative = prev.map { has($0, self.locative) } ?? false
        let hinted = sp.wantsDivision || sp.wantsTown || sp.statedCountry != nil
        let strong = p.kind == .country || (p.isStrong && (inDocCountry || p.population >= 1_000_000 || p.feature == "PPLC"))

        // a title before it, or a capitalized word beside it: part of a person's or an organisation's name
        if let prev, has(prev, title), !(p.kind == .country) { return false }
        let capBefore = prev.map {
            $0.isWord && $0.isCapitalized && !$0.has(.allCaps) && !($0.has(.sentenceStart) && has($0, function))
                && gazetteer.demonyms[$0.hash] == nil
        } ?? false
        let capAfter = next.map { $0.isWord && $0.isCapitalized && $0.sentence == first.sentence && !has($0, divisionAfter) } ?? false
        if (capBefore || capAfter) && !hinted && (!strong || !(inDocCountry || p.kind == .country)) { return false }
        // "the town of Adan Yabaal": the first word of a longer name the gazetteer lacks, matched abroad
        if capAfter && !inDocCountry && p.kind != .country { return false }

        if !multiWord {
            if gazetteer.commonWords.contains(first.hash) && !first.has(.allCaps) {
                if first.has(.sentenceStart) && !hinted { return false }
                if !(afterLocative || hinted) || !(inDocCountry || p.kind == .country) { return false }
            }
            if gazetteer.personNames.contains(first.hash) && !strong && !(afterLocative && inDocCountry) && !hinted {
                return false
            }
            if first.has(.allCaps) && p.kind != .country && !inDocCountry { return false }
        }
        // a spelling variant is believed only in the country the document is mostly about
        if top.match != .exact && !(ctx.countries[p.country] == 1 || sp.statedCountry == p.country) { return false }
        if top.match != .exact && first.has(.sentenceStart) && !multiWord && !hinted { return false }
        if p.kind == .country || p.kind == .division && (sp.wantsDivision || inDocCountry) { return true }
        if inDocCountry { return true }
        if ctx.countries.isEmpty { return p.population >= 15_000 || p.featureRank >= 3 || afterLocative && p.population >= 5_000 }
        return p.population >= 100_000 || p.feature == "PPLC"
    }
}
