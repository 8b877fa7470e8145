import SitrepCore
import SitrepGazetteer
import SitrepRecognize
import SitrepText

/// What the recognizers found in a document, for people checking what Sitrep saw.
public struct Recognition: Sendable {
    public struct Item: Sendable {
        public var kind: String
        public var text: String
        public var start: Int
        public var end: Int
        public var value: String
    }

    public var items: [Item]
    public var mainCountry: String?
    public var armedGroup: String?
}

extension EventExtractor {
    public func recognize(_ document: Document) -> Recognition {
        let text = AnalyzedText(document.text)
        let places = placeRecognizer.recognize(text)
        let country = mainCountry(text, places)
        let (actors, focus) = actorRecognizer.recognize(text, places: places, mainCountry: country)
        let dates = dateResolver.resolve(text, published: document.published)
        var items: [Recognition.Item] = []
        func span(_ r: Range<Int>) -> (String, Int, Int) {
            let s = Int(text.tokens[r.lowerBound].start), e = Int(text.tokens[r.upperBound - 1].end)
            return (text.text(s..<e), text.codePointOffset(s), text.codePointOffset(e))
        }
        for p in places {
            let pl = gazetteer.places[p.place]
            let (s, a, b) = span(p.tokens)
            items.append(.init(kind: "place", text: s, start: a, end: b,
                               value: "\(pl.name) (\(pl.key), \(pl.country), \(pl.feature))"))
        }
        for m in actors {
            let (s, a, b) = span(m.tokens)
            items.append(.init(kind: "actor", text: s, start: a, end: b, value: "\(m.actor.name) [\(m.actor.kind.rawValue)]"))
        }
        for d in dates {
            let (s, a, b) = span(d.tokens)
            let v = d.date.start.map { st in "\(st)…\(d.date.end?.description ?? "") (\(d.date.precision.rawValue))" } ?? "unresolved"
            items.append(.init(kind: "date", text: s, start: a, end: b, value: v))
        }
        items.sort { $0.start < $1.start }
        return Recognition(items: items, mainCountry: country, armedGroup: focus.armedGroup?.name)
    }
}
