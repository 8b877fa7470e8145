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
        var w: [String: Double] = [:]
        for p in places {
            let place = gazetteer.places[p.place]
            w[place.country, default: 0] += place.kind == .country ? 1.5 : 1
        }
        for t in text.tokens where t.isCapitalized {
            if let cc = gazetteer.demonyms[t.hash] { w[cc, default: 0] += 0.5 }
        }
        return w.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
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
            var inSentence: [EventMention] = []
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
                for m in build(a, trigger: trigger, at: i..<tEnd, sentence: s, state: &state)
                    where !inSentence.contains(where: { $0.type == m.type && $0.place?.key == m.place?.key && $0.modality == m.modality
                        && $0.date.start == m.date.start }) {
                    inSentence.append(m)
                }
                i = tEnd
            }
            // a clash in the sentence that states a change of control is part of that change
            if inSentence.contains(where: { $0.type.isTerritoryChange && $0.modality.movesControl }) {
                inSentence.removeAll { $0.type == .armedClash }
            }
            mentions.append(contentsOf: inSentence)
        }
        return finish(mentions, a)
    }

    /// Date propagation and the one-mention-per-event rule within the document. In place: a mention is a
    /// struct of a dozen strings, and every copy retains them all.
    func finish(_ ms: consuming [EventMention], _ a: DocumentAnalysis) -> [EventMention] {
        var out = ms
        for i in out.indices where out[i].date.start == nil && out[i].place != nil
            && out[i].type.isTerritoryChange && out[i].modality.movesControl {
            if let d = out.first(where: {
                $0.place?.key == out[i].place?.key && $0.date.precision == .day && $0.date.start != nil
                    && ($0.type.isTerritoryChange || $0.type == .withdrawal) && $0.modality.movesControl
            })?.date {
                out[i].date = EventDate(start: d.start, end: d.end, text: out[i].date.text, precision: .day)
            }
        }
        var seen: Set<MentionKey> = []
        out.removeAll { m in
            // evacuations and deployments by different actors are different events
            let who = m.type == .evacuation || m.type == .deployment ? m.actor?.id ?? "-" : nil
            return !seen.insert(MentionKey(typeClass: m.type.typeClass, place: m.place?.key, modality: m.modality,
                                           date: m.date.start, who: who)).inserted
        }
        return out
    }
}

/// What makes two mentions of one document the same event: type class, place, modality, day (and the actor,
/// for evacuations and deployments).
struct MentionKey: Hashable {
    var typeClass: String
    var place: String?
    var modality: Modality
    var date: Day?
    var who: String?
}
