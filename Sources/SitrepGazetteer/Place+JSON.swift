import SitrepCore

extension Place {
    /// `{"geonameid","key","name","country","admin1","feature","population","lat","lon","matched","match"}`:
    /// a look-up's answer (`sitrep places --format jsonl`, `GET /api/places`).
    public func writeJSON(to w: inout JSONWriter, matched: String, match: String) {
        w.beginObject()
        w.field("geonameid", geonameid)
        w.field("key", key)
        w.field("name", name)
        w.field("country", country)
        w.field("admin1", admin1Name.isEmpty ? nil : admin1Name)
        w.field("feature", feature)
        w.field("population", population)
        w.field("lat", lat, digits: 4)
        w.field("lon", lon, digits: 4)
        w.field("matched", matched)
        w.field("match", match)
        w.endObject()
    }
}
