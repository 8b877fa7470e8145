import SitrepCore
import SitrepFuse

extension StoredEvent {
    /// A fused event: the mention schema's fields plus `sources`, `denials`, `documents` and `mentions`.
    /// `cite` adds the evidence document's title, outlet and URL (the API's form).
    public func writeJSON(to w: inout JSONWriter, cite: DocumentInfo? = nil) {
        w.beginObject()
        w.field("id", id)
        EventMention.writeKind(type, actor: actor, target: target, &w)
        w.key("place")
        EventMention.write(place, matched: false, &w)
        w.key("date")
        date.writeJSON(to: &w)
        w.field("modality", modality.rawValue)
        w.key("evidence")
        w.beginObject()
        w.field("document", evidenceDocument)
        w.field("text", evidence)
        if let cite {
            w.field("title", cite.title)
            w.field("outlet", cite.outlet)
            w.field("url", cite.url)
        }
        w.endObject()
        w.field("confidence", confidence, digits: 3)
        w.field("sources", sources)
        w.field("denials", denials)
        w.key("documents")
        w.beginArray()
        for d in documents { w.string(d) }
        w.endArray()
        w.field("mentions", mentions)
        w.endObject()
    }
}

extension ControlChange {
    /// One change of control: `{"place","date","controller","previous","modality","confidence","sources","evidence"}`
    /// (spec/cli.md's timeline line).
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("place")
        EventMention.write(place, matched: false, &w)
        w.key("date")
        date.writeJSON(to: &w)
        w.key("controller")
        EventMention.write(controller, &w)
        w.key("previous")
        EventMention.write(previous, &w)
        w.field("modality", modality.rawValue)
        w.field("confidence", confidence, digits: 3)
        w.field("sources", sources)
        w.key("evidence")
        w.beginArray()
        for (i, e) in evidence.enumerated() {
            w.beginObject()
            w.field("document", evidenceDocuments[i])
            w.field("text", e.text)
            w.field("start", e.start)
            w.field("end", e.end)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
