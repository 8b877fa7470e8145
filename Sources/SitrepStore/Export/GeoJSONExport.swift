import SitrepCore
import SitrepFuse

/// RFC 7946 FeatureCollections: one Point per fused event (longitude first), or one per place with its
/// current controller. Events without coordinates are left out (and counted).
public enum GeoJSONExport {
    public static func events(_ events: [StoredEvent]) -> (json: [UInt8], skipped: Int) {
        var w = JSONWriter()
        var skipped = 0
        begin(&w)
        for e in events {
            guard let p = e.place, let lat = p.lat, let lon = p.lon else { skipped += 1; continue }
            feature(&w, lon: lon, lat: lat) { w in
                w.field("id", e.id)
                EventMention.writeKind(e.type, actor: e.actor, target: e.target, &w)
                w.field("place", p.name)
                w.field("geonameid", p.geonameid)
                w.field("country", p.country)
                w.field("admin1", p.admin1)
                w.field("date_start", e.date.start)
                w.field("date_end", e.date.end)
                w.field("precision", e.date.precision.rawValue)
                w.field("modality", e.modality.rawValue)
                w.field("sources", e.sources)
                w.field("confidence", e.confidence, digits: 3)
                w.field("evidence", e.evidence)
                w.field("evidence_document", e.evidenceDocument)
            }
        }
        end(&w)
        return (w.bytes, skipped)
    }

    public static func control(_ changes: [ControlChange]) -> (json: [UInt8], skipped: Int) {
        var w = JSONWriter()
        var skipped = 0
        begin(&w)
        for c in changes {
            guard let lat = c.place.lat, let lon = c.place.lon else { skipped += 1; continue }
            feature(&w, lon: lon, lat: lat) { w in
                w.field("place", c.place.name)
                w.field("geonameid", c.place.geonameid)
                w.field("country", c.place.country)
                w.field("admin1", c.place.admin1)
                w.key("controller")
                EventMention.write(c.controller, &w)
                w.key("previous")
                EventMention.write(c.previous, &w)
                w.field("since", c.date.start)
                w.field("precision", c.date.precision.rawValue)
                w.field("modality", c.modality.rawValue)
                w.field("sources", c.sources)
                w.field("confidence", c.confidence, digits: 3)
                w.field("evidence", c.evidence.first?.text)
            }
        }
        end(&w)
        return (w.bytes, skipped)
    }

    private static func begin(_ w: inout JSONWriter) {
        w.beginObject()
        w.field("type", "FeatureCollection")
        w.key("features")
        w.beginArray()
    }

    private static func end(_ w: inout JSONWriter) {
        w.endArray()
        w.endObject()
    }

    private static func feature(_ w: inout JSONWriter, lon: Double, lat: Double, _ properties: (inout JSONWriter) -> Void) {
        w.beginObject()
        w.field("type", "Feature")
        w.key("geometry")
        w.beginObject()
        w.field("type", "Point")
        w.key("coordinates")
        w.beginArray()
        w.double(lon, digits: 5)
        w.double(lat, digits: 5)
        w.endArray()
        w.endObject()
        w.key("properties")
        w.beginObject()
        properties(&w)
        w.endObject()
        w.endObject()
    }
}
