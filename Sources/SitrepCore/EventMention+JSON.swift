extension EventMention {
    /// One line of `sitrep extract` output, keys in the order of spec/event-mention.schema.json.
    public func writeJSON(to w: inout JSONWriter) {
        var fresh = MentionJSONCache()
        writeJSON(to: &w, cache: &fresh)
    }

    /// The same, with the document object the other mentions of its document share taken from `cache`.
    public func writeJSON(to w: inout JSONWriter, cache: inout MentionJSONCache) {
        w.beginObject()
        w.field("id", id)
        w.key("document")
        cache.write(document, &w)
        Self.writeKind(type, actor: actor, target: target, &w)
        w.key("place")
        Self.write(place, matched: true, &w)
        w.key("date")
        date.writeJSON(to: &w, text: true)
        w.field("modality", modality.rawValue)
        w.key("source")
        if let s = source {
            w.beginObject()
            w.field("speaker", s.speaker)
            w.field("channel", s.channel)
            w.field("kind", s.kind?.rawValue)
            w.endObject()
        } else {
            w.null()
        }
        w.key("evidence")
        w.beginObject()
        w.field("text", evidence.text)
        w.field("start", evidence.start)
        w.field("end", evidence.end)
        w.endObject()
        w.field("confidence", confidence, digits: 2)
        w.field("trigger", trigger)
        w.endObject()
    }

    /// `type`, its ACLED and CAMEO codes, `actor` and `target`: shared by mentions and fused events.
    public static func writeKind(_ type: EventType, actor: Actor?, target: Actor?, _ w: inout JSONWriter) {
        w.field("type", type.rawValue)
        let (et, st) = type.acled(actorKind: actor?.kind)
        w.key("acled")
        w.beginObject()
        w.field("event_type", et)
        w.field("sub_event_type", st)
        w.endObject()
        w.field("cameo", type.cameo)
        w.key("actor")
        write(actor, &w)
        w.key("target")
        write(target, &w)
    }

    /// A place object; `matched` and `feature` belong to mentions only.
    public static func write(_ place: PlaceRef?, matched: Bool, _ w: inout JSONWriter) {
        guard let p = place else { return w.null() }
        w.beginObject()
        w.field("name", p.name)
        if matched { w.field("matched", p.matched) }
        w.field("geonameid", p.geonameid)
        w.field("country", p.country)
        w.field("admin1", p.admin1)
        w.field("lat", p.lat, digits: 4)
        w.field("lon", p.lon, digits: 4)
        if matched { w.field("feature", p.feature) }
        w.endObject()
    }

    public static func write(_ a: Actor?, _ w: inout JSONWriter) {
        guard let a else { return w.null() }
        w.beginObject()
        w.field("name", a.name)
        w.field("id", a.id)
        w.field("kind", a.kind.rawValue)
        w.endObject()
    }
}

extension DocumentRef {
    /// `{"id","url","outlet","published","story"}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("url", url)
        w.field("outlet", outlet)
        w.field("published", published)
        w.field("story", story)
        w.endObject()
    }
}

extension EventDate {
    /// `{"start","end","precision"}`, with `"text"` (the words that gave the date) for mentions.
    public func writeJSON(to w: inout JSONWriter, text withText: Bool = false) {
        w.beginObject()
        w.field("start", start)
        w.field("end", end)
        if withText { w.field("text", text) }
        w.field("precision", precision.rawValue)
        w.endObject()
    }
}

/// The `document` object every line of one document repeats, encoded once.
public struct MentionJSONCache {
    private var document: (DocumentRef, [UInt8])?

    public init() {}

    mutating func write(_ d: DocumentRef, _ w: inout JSONWriter) {
        if let (ref, bytes) = document, ref == d { return w.encoded(bytes) }
        let bytes = JSONWriter.encode { d.writeJSON(to: &$0) }
        document = (d, bytes)
        w.encoded(bytes)
    }
}
