import Foundation
import SitrepCore
import SitrepGazetteer
import SitrepRecognize
import SitrepText

/// Stage 4: reads a document and emits its conflict event mentions.
///
/// Text analysis, places, actors, dates and attributions first; then every trigger phrase of
/// `Data/triggers.tsv` is read in its frame to fill place, actor and target, and its clause decides the
/// modality. Mentions of one event in one document (the same type class, place, modality and date) are
/// kept once; a territory change stated without a date takes the date of the same place's change or
/// withdrawal stated elsewhere in the document.
public final class EventExtractor: @unchecked Sendable {
    public let gazetteer: Gazetteer
    public let placeRecognizer: PlaceRecognizer
    public let actorRecognizer: ActorRecognizer
    public let dateResolver = DateResolver()
    public let attribution: Attribution
    public let lexicon: TriggerLexicon
    let coref: PhraseMatcher<String>
    let modality: ModalityClassifier

    private static let instance = LoadOnce<EventExtractor>()

    /// The extractor with the bundled data, built once per process.
    public static func shared() throws -> EventExtractor {
        try instance.get { try EventExtractor() }
    }

    public init() throws {
        gazetteer = try Gazetteer.shared()
        placeRecognizer = PlaceRecognizer(gazetteer: gazetteer)
        actorRecognizer = ActorRecognizer(lexicon: try ActorLexicon.shared())
        attribution = Attribution(directory: ActorLexicon.dataDirectory)
        lexicon = try TriggerLexicon()
        let c = PhraseMatcher<String>()
        for (cols, _) in TSV.rows(TriggerLexicon.dataDirectory.appendingPathComponent("coreference.tsv")) where cols.count >= 2 {
            c.add(cols[0], cols[1])
        }
        coref = c
        modality = ModalityClassifier(lexicon: lexicon)
    }

    // MARK: the document

    /// The main country: the one its places and demonyms point to most.
    func mainCountry(_ text: AnalyzedText, _ places: [PlaceMention]) -> String? {
        var w = CountryWeights()
        for p in places {
            let place = gazetteer.places[p.place]
            w.add(place.country, place.kind == .country ? 1.5 : 1)
        }
        for t in text.tokens where t.isCapitalized {
            if let cc = gazetteer.demonyms[t.hash] { w.add(cc, 0.5) }
        }
        return w.heaviest
    }

    public func extract(_ document: Document) -> [EventMention] {
        let text = AnalyzedText(document.text)
        let places = placeRecognizer.recognize(text)
        let country = mainCountry(text, places)
        let (actors, focus) = actorRecognizer.recognize(text, places: places, mainCountry: country)
        let a = DocumentAnalysis(document: document, text: text, places: places, actors: actors,
                                 dates: dateResolver.resolve(text, published: document.published),
                                 statements: attribution.attribute(text), focus: focus, coref: coref)
        var state = DiscourseState()
        var mentions: [EventMention] = []
        for s in text.sentences.indices where !text.sentences[s].isRepeat {
            // the sentence's mentions are the tail of `mentions` from here: appended and removed in place, no
            // copy of a mention (a struct of a dozen strings) between arrays
            let first = mentions.count
            var i = text.sentences[s].tokens.lowerBound
            let end = text.sentences[s].tokens.upperBound
            while i < end {
                if a.placeAt[i] >= 0 || (a.actorAt[i] >= 0 && a.actors[Int(a.actorAt[i])].source == .lexicon) {
                    i += 1
                    continue
                }
                guard let (trigger, tEnd) = lexicon.triggers.match(text, at: i) else { i += 1; continue }
                // a capitalized word inside a sentence is part of a name ("Government of National Accord")
                if text.tokens[i].isCapitalized && !text.tokens[i].has(.sentenceStart) && !text.tokens[i].has(.quoted) {
                    i = tEnd
                    continue
                }
                var built = build(a, trigger: trigger, at: i..<tEnd, sentence: s, state: &state)
                built.reverse()
                while let m = built.popLast() {  // moved out in order
                    // by index: `contains(where:)` would hand the closure a copy of each mention
                    let known = (first..<mentions.count).contains { k in
                        mentions[k].type == m.type && mentions[k].place?.key == m.place?.key
                            && mentions[k].modality == m.modality && mentions[k].date.start == m.date.start
                    }
                    if !known { mentions.append(m) }
                }
                i = tEnd
            }
            // a clash in the sentence that states a change of control is part of that change
            let sentence = first..<mentions.count
            if sentence.contains(where: { mentions[$0].type.isTerritoryChange && mentions[$0].modality.movesControl }) {
                for k in sentence.reversed() where mentions[k].type == .armedClash { mentions.remove(at: k) }
            }
        }
        return finish(consume mentions, a)
    }

    /// Date propagation and the one-mention-per-event rule within the document. In place: a mention is a
    /// struct of a dozen strings, and every copy retains them all.
    func finish(_ ms: consuming [EventMention], _ a: DocumentAnalysis) -> [EventMention] {
        var out = consume ms  // not a second reference: the first change would copy every mention
        // what the rules compare, read once per mention: reading `out[j].place?.key` in the inner loops copied
        // the whole place (and retained its strings) at every comparison
        var keys: [String?] = [], actors: [String?] = []
        keys.reserveCapacity(out.count)
        actors.reserveCapacity(out.count)
        out.withUnsafeBufferPointer { buf in
            for m in buf.indices {
                keys.append(buf[m].place?.key)
                actors.append(buf[m].actor?.id)
            }
        }
        // through the buffer: reading a field of `out[i]` copied the whole mention first
        out.withUnsafeMutableBufferPointer { buf in
            for i in buf.indices where buf[i].date.start == nil && keys[i] != nil
                && buf[i].type.isTerritoryChange && buf[i].modality.movesControl {
                if let j = buf.indices.first(where: {
                    keys[$0] == keys[i] && buf[$0].date.precision == .day && buf[$0].date.start != nil
                        && (buf[$0].type.isTerritoryChange || buf[$0].type == .withdrawal)
                        && buf[$0].modality.movesControl
                }) {
                    buf[i].date = EventDate(start: buf[j].date.start, end: buf[j].date.end, text: buf[i].date.text,
                                            precision: .day)
                }
            }
        }
        // a mention repeats an earlier kept one with the same key; compared pairwise (a document has a few
        // dozen mentions), not hashed: a set hashed every string of every key
        let repeated: [Int] = out.withUnsafeBufferPointer { buf in
            func key(_ i: Int) -> MentionKey {
                // evacuations and deployments by different actors are different events
                let type = buf[i].type
                let who = type == .evacuation || type == .deployment ? actors[i] ?? "-" : nil
                return MentionKey(typeClass: type == .territoryHandover ? .territoryTaken : type, place: keys[i],
                                  modality: buf[i].modality, date: buf[i].date.start, who: who)
            }
            var kept: [MentionKey] = []
            var repeated: [Int] = []
            for i in buf.indices {
                let k = key(i)
                if kept.contains(k) { repeated.append(i) } else { kept.append(k) }
            }
            return repeated
        }
        // removed from the end: the others move down, not copied (as `removeAll(where:)` does)
        for i in repeated.reversed() { out.remove(at: i) }
        return out
    }
}

/// What makes two mentions of one document the same event: type class, place, modality, day (and the actor,
/// for evacuations and deployments).
struct MentionKey: Equatable {
    /// The type, a handover counted as a taking.
    var typeClass: EventType
    var place: String?
    var modality: Modality
    var date: Day?
    var who: String?
}
