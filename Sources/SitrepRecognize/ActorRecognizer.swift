import SitrepCore
import SitrepGazetteer
import SitrepText

/// Finds actors: lexicon names and aliases, and general patterns for actors no lexicon lists —
/// "<demonym> troops" (a state's forces), "pro-X militias", "X-backed rebels", capitalized names ending in
/// "Army", "Front", "Brigade"... Generic references ("the insurgents", "government troops") resolve to the
/// armed group or the state the document is about.
public struct ActorRecognizer: Sendable {
    public let lexicon: ActorLexicon

    public init(lexicon: ActorLexicon) { self.lexicon = lexicon }

    static let hPro = TokenHash.of("pro".utf8)
    static let hBacked = TokenHash.of("backed".utf8)
    static let hGovernment = TokenHash.of("government".utf8)
    static let modifiers = HashSet(["security", "special", "national", "armed", "government", "defence", "defense",
                                             "air", "regular", "elite", "border", "federal", "allied", "interim"].map { TokenHash.of($0.utf8) })

    /// What the document is about: its main country and its main armed group.
    public struct Focus: Sendable {
        public var country: String?
        public var armedGroup: Actor?
    }

    public func recognize(_ text: AnalyzedText, places: [PlaceMention], mainCountry: String?) -> ([ActorMention], Focus) {
        let t = text.tokens
        // the lexicon's tables as locals: read through the class at every token, each read retained them
        let named = lexicon.named, generic = lexicon.generic, forceWords = lexicon.forceWords
        let groupHeads = lexicon.groupHeads, demonyms = lexicon.gazetteer.demonyms
        let modifiers = ActorRecognizer.modifiers
        let hOf = TokenHash.of("of".utf8), hS = TokenHash.of("s".utf8)
        var out: [ActorMention] = []
        var generics: [(Range<Int>, ActorLexicon.GenericRole, Int)] = []
        // the place starting at each token, by index into `places` (an array: asked at every token)
        var placeStart = [Int32](repeating: -1, count: t.count)
        for (k, p) in places.enumerated() { placeStart[p.tokens.lowerBound] = Int32(k) }
        func placeAt(_ i: Int) -> PlaceMention? { placeStart[i] >= 0 ? places[Int(placeStart[i])] : nil }
        var i = 0
        while i < t.count {
            let tok = t[i]
            let sentence = Int(tok.sentence)
            guard tok.isWord else { i += 1; continue }
            // pro-X
            let pro = i >= 2 && t[i - 1].has(.hyphen) && t[i - 2].hash == ActorRecognizer.hPro
            if let (actor, end) = named.match(text, at: i) {
                var a = actor
                var e = end
                if pro {
                    a = Actor(name: "pro-\(actor.name) militias", id: "pro-\(actor.id)", kind: .nonStateArmedGroup, country: actor.country)
                } else if end + 2 < t.count, t[end].has(.hyphen), t[end + 1].hash == ActorRecognizer.hBacked {
                    let what = text.text(of: t[end + 2])
                    a = Actor(name: "\(actor.name)-backed \(what)", id: "\(actor.id)-backed", kind: .nonStateArmedGroup, country: actor.country)
                    e = end + 3
                }
                if e < t.count, forceWords[t[e].hash] != nil { e += 1 }
                out.append(ActorMention(tokens: (pro ? i - 2 : i)..<e, actor: a, source: .lexicon, sentence: sentence))
                i = e
                continue
            }
            // <demonym> [modifiers] force-word / government
            if tok.isCapitalized, let cc = demonyms[tok.hash] {
                var j = i + 1
                while j < t.count, j - i <= 3, modifiers.contains(t[j].hash)
                        || (t[j].isCapitalized && t[j].isWord && demonyms[t[j].hash] == nil && j - i <= 2
                            && t[j].sentence == tok.sentence && forceWords[t[j].hash] != nil) {
                    j += 1
                }
                let isGovernment = t[j - 1].hash == ActorRecognizer.hGovernment
                if j < t.count, forceWords[t[j].hash] != nil || isGovernment {
                    let end = forceWords[t[j].hash] != nil ? j + 1 : j
                    let home = mainCountry == nil || mainCountry == cc
                    out.append(ActorMention(tokens: i..<end, actor: lexicon.state(cc, home: home), source: .pattern, sentence: sentence))
                    i = end
                    continue
                }
            }
            // a country named as an actor ("the US announced")
            if let p = placeAt(i), lexicon.gazetteer.places[p.place].kind == .country {
                let cc = lexicon.gazetteer.places[p.place].country
                var end = p.tokens.upperBound
                if end < t.count, forceWords[t[end].hash] != nil { end += 1 }
                out.append(ActorMention(tokens: i..<end, actor: lexicon.state(cc, home: cc == mainCountry),
                                        source: .country, sentence: sentence))
                i = end
                continue
            }
            // generic references
            if let (role, end) = generic.match(text, at: i) {
                // "the Government of National Accord": a name that starts inside the generic phrase wins
                if ((i + 1)..<end).contains(where: { named.match(text, at: $0) != nil }) {
                    i += 1
                    continue
                }
                generics.append((i..<end, role, sentence))
                i = end
                continue
            }
            // capitalized names ending in a group head: "Arakan Army", "National Resistance Front"
            if tok.isCapitalized, !tok.has(.sentenceStart) || (i + 1 < t.count && t[i + 1].isCapitalized) {
                var j = i
                while j < t.count, t[j].sentence == tok.sentence,
                      t[j].isCapitalized || (j > i && (t[j].hash == hOf || t[j].hash == hS || t[j].has(.hyphen))) {
                    j += 1
                }
                // "Haftar's Libyan National Army": a listed name inside the capitalized run is the actor
                if j - i >= 2, let inner = ((i + 1)..<j).first(where: { named.match(text, at: $0) != nil }) {
                    i = inner
                    continue
                }
                if j - i >= 2, groupHeads.contains(t[j - 1].hash), placeAt(i) == nil || j - i >= 3 {
                    let name = text.text(tokens: i..<j)
                    let id = Fold.words(name).joined(separator: "-")
                    out.append(ActorMention(tokens: i..<j, actor: Actor(name: name, id: id, kind: .nonStateArmedGroup),
                                            source: .pattern, sentence: sentence))
                    i = j
                    continue
                }
            }
            i += 1
        }
        // the document's armed group: the non-state actor named most often (the first on a tie)
        var counts: [String: (Int, Int, Actor)] = [:]
        for (k, m) in out.enumerated() where m.actor.kind == .nonStateArmedGroup && !m.actor.id.hasPrefix("pro-") {
            let c = counts[m.actor.id]
            counts[m.actor.id] = ((c?.0 ?? 0) + 1, c?.1 ?? k, m.actor)
        }
        let group = counts.values.max { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 > b.1 }?.2
        let focus = Focus(country: mainCountry, armedGroup: group)
        for (r, role, s) in generics {
            let actor: Actor
            switch role {
            case .armedGroup:
                actor = group ?? Actor(name: "unidentified armed group", id: "unidentified-armed-group", kind: .nonStateArmedGroup)
            case .state:
                actor = mainCountry.map { lexicon.state($0, home: true) }
                    ?? Actor(name: "government forces", id: "government-forces", kind: .stateForces)
            }
            out.append(ActorMention(tokens: r, actor: actor, source: .generic, sentence: s))
        }
        out.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return (out, focus)
    }
}
