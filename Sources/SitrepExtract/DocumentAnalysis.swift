import SitrepCore
import SitrepGazetteer
import SitrepRecognize
import SitrepText

/// Everything the recognizers found in one document, indexed by token for the extractor.
///
/// A class: every slot search is handed it, and a struct of a dozen arrays was copied (and each array
/// retained) at every hand-over.
final class DocumentAnalysis {
    let document: Document
    /// What each mention carries of the document, made once.
    let ref: DocumentRef
    let text: AnalyzedText
    let places: [PlaceMention]
    let actors: [ActorMention]
    let dates: [DateMention]
    let statements: [Attribution.Statement?]
    let focus: ActorRecognizer.Focus
    /// Token index → index into `places` / `actors` for every token a mention covers.
    var placeAt: [Int32]
    var actorAt: [Int32]
    /// Coreference phrases: token index where one starts → (end, kind).
    var corefAt: CorefTable
    /// Where a place the gazetteer lacks is named: "the town of Adan Yabaal" (the token after "of", and the
    /// hash of the noun before it: "town").
    var unknownPlaces: [(at: Int, noun: UInt64)] = []
    /// The first token after a dateline ("TRIPOLI, April 7 (Wire) -"): its date is the report's, not an event's.
    var datelineEnd = 0

    init(document: Document, text: AnalyzedText, places: [PlaceMention], actors: [ActorMention], dates: [DateMention],
         statements: [Attribution.Statement?], focus: ActorRecognizer.Focus, coref: PhraseMatcher<String>) {
        self.document = document
        self.ref = document.ref
        self.text = text
        self.places = places
        self.actors = actors
        self.dates = dates
        self.statements = statements
        self.focus = focus
        placeAt = Array(repeating: -1, count: text.tokens.count)
        actorAt = Array(repeating: -1, count: text.tokens.count)
        corefAt = CorefTable(count: text.tokens.count)
        for (k, p) in places.enumerated() { for i in p.tokens { placeAt[i] = Int32(k) } }
        for (k, a) in actors.enumerated() { for i in a.tokens where placeAt[i] < 0 || a.source == .country { actorAt[i] = Int32(k) } }
        let t = text.tokens
        if let first = t.first, first.has(.allCaps) || first.isCapitalized {
            for k in 1..<min(t.count, 16) where t[k].has(.hyphen) && t[k].has(.spaceBefore)
                || (t[k].has(.punct) && text.token(t[k], is: "—")) || (t[k].has(.punct) && text.token(t[k], is: "–")) {
                if t[0].has(.allCaps) { datelineEnd = k + 1 }
                break
            }
        }
        // a capitalized name after "from", "in", "near"… that is no known place, actor or date: most likely a place
        // the gazetteer lacks ("fled Adan Yabaal", "withdrew from Adan Yabaal"); noun 0 stands for any
        let locatives = DocumentAnalysis.locatives
        for k in 1..<max(1, t.count) where locatives.contains(t[k - 1].hash) {
            if t[k].isCapitalized, t[k].isWord, !t[k].has(.sentenceStart), placeAt[k] < 0, actorAt[k] < 0,
               !dates.contains(where: { $0.tokens.contains(k) }) {
                unknownPlaces.append((k, 0))
            }
        }
        var i = 0
        while i < text.tokens.count {
            if placeAt[i] < 0, let (kind, end) = coref.match(text, at: i) {
                corefAt.add(start: i, end: end, kind: kind)
                let of = TokenHash.of("of".utf8)
                if end + 1 < t.count, t[end].hash == of, t[end + 1].isCapitalized, placeAt[end + 1] < 0, actorAt[end + 1] < 0 {
                    unknownPlaces.append((end + 1, t[end - 1].hash))
                }
                i = end
            } else {
                i += 1
            }
        }
    }

    static let locatives = HashSet(["from", "in", "near", "into", "toward", "towards", "outside", "around", "fled"].map { TokenHash.of($0.utf8) })

    /// The evidence of mentions in sentence `s`: made once for the mentions of a sentence, which share its text.
    func evidence(of s: Int) -> Evidence {
        if let last = lastEvidence, last.sentence == s { return last.evidence }
        let r = text.sentences[s]
        let e = Evidence(text: text.sentenceText(s), start: text.codePointOffset(r.start),
                         end: text.codePointOffset(r.end))
        lastEvidence = (s, e)
        return e
    }

    private var lastEvidence: (sentence: Int, evidence: Evidence)?

    func place(_ i: Int) -> PlaceMention? { i >= 0 && i < placeAt.count && placeAt[i] >= 0 ? places[Int(placeAt[i])] : nil }
    func actor(_ i: Int) -> ActorMention? { i >= 0 && i < actorAt.count && actorAt[i] >= 0 ? actors[Int(actorAt[i])] : nil }
}

/// Coreference phrases by token, in arrays: the extractor asks for them at every token of a slot search.
struct CorefTable {
    private var ends: [Int32]
    private var kindIndex: [Int32]
    private var startsEndingAt: [Int32]
    private var kinds: [String] = []

    init(count: Int) {
        ends = Array(repeating: -1, count: count)
        kindIndex = Array(repeating: -1, count: count)
        startsEndingAt = Array(repeating: -1, count: count + 1)
    }

    mutating func add(start: Int, end: Int, kind: String) {
        let k: Int
        if let found = kinds.firstIndex(of: kind) { k = found } else { kinds.append(kind); k = kinds.count - 1 }
        ends[start] = Int32(end)
        kindIndex[start] = Int32(k)
        startsEndingAt[end] = Int32(start)
    }

    /// The phrase starting at `i`: its end (exclusive) and kind.
    subscript(i: Int) -> (Int, String)? {
        guard i >= 0, i < ends.count, ends[i] >= 0 else { return nil }
        return (Int(ends[i]), kinds[Int(kindIndex[i])])
    }

    /// Where the phrase that ends just before `end` starts.
    func start(endingAt end: Int) -> Int? {
        guard end >= 0, end < startsEndingAt.count, startsEndingAt[end] >= 0 else { return nil }
        return Int(startsEndingAt[end])
    }
}
