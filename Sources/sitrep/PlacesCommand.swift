import ArgumentParser
import Foundation
import SitrepCore
import SitrepGazetteer

struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List the places a name can mean, best first.",
        discussion: """
        The name is matched however the news spells it: case, diacritics, apostrophes, hyphens, the \
        Persian/Arabic connectives (-i-, -e-, -ye-) and articles (al-, el-) are folded, and transliteration \
        variants (Taloqan/Taluqan, Pul-i-Khumri/Pol-e Khomri) are found through a skeleton index.

        Examples:
          sitrep places Herat
          sitrep places "Qal'eh-ye Now" --country AF --format jsonl
        """)

    @Argument(help: "The place name to look up.")
    var query: String?

    @Option(help: "Look up every line of this file instead (the best place for each, as JSON Lines); the rate goes to standard error.")
    var batch: String?

    @Option(help: "Only places in this country (ISO 3166-1 alpha-2, e.g. AF).")
    var country: String?

    @Option(help: "How many places to list.")
    var limit: Int = 10

    @Option(help: "Output format: table or jsonl.")
    var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, jsonl }

    func validate() throws {
        guard (query == nil) != (batch == nil) else { throw ValidationError("Give a place name or --batch FILE (one of them).") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        try checkCountry(country)
    }

    func run() throws {
        try runReportingErrors {
            let gazetteer = try Gazetteer.shared()
            let resolver = PlaceResolver(gazetteer: gazetteer)
            var ctx = PlaceContext()
            if let country {
                ctx.requiredCountry = country.uppercased()
                ctx.countries[country.uppercased()] = 1
            }
            if let batch { return try runBatch(batch, resolver, ctx) }
            let query = self.query ?? ""
            let found = resolver.candidates(query, context: ctx).prefix(limit)
            if found.isEmpty {
                StandardError.print("sitrep: no place matches '\(query)'\(country.map { " in \($0.uppercased())" } ?? "")")
                throw ExitCode(1)
            }
            var out = OutputStream()
            if format == .table {
                out.write(pad("geonameid", 10) + pad("name", 26) + pad("cc", 4) + pad("admin1", 22) + pad("feature", 8)
                          + pad("population", 11) + pad("lat", 10) + pad("lon", 10) + "matched\n")
            }
            for c in found {
                let p = gazetteer.places[c.place]
                let matched = gazetteer.name(Int(c.entry))
                if format == .jsonl {
                    var w = JSONWriter()
                    p.writeJSON(to: &w, matched: matched, match: "\(c.match)")
                    out.write(w.bytes + [10])
                } else {
                    out.write(pad(p.geonameid.map(String.init) ?? p.key, 10) + pad(p.name, 26) + pad(p.country, 4)
                              + pad(p.admin1Name, 22) + pad(p.feature, 8) + pad(String(p.population), 11)
                              + pad(JSONWriter.format(p.lat, digits: 4), 10) + pad(JSONWriter.format(p.lon, digits: 4), 10)
                              + matched + "\n")
                }
            }
            out.flush()
        }
    }
}

extension PlacesCommand {
    func runBatch(_ file: String, _ resolver: PlaceResolver, _ ctx: PlaceContext) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SitrepError(.missingFile, "cannot read the file", at: file)
        }
        let names = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        var out = OutputStream()
        let start = Date()
        for name in names {
            var w = JSONWriter()
            w.beginObject()
            w.field("query", name)
            if let c = resolver.candidates(name, context: ctx).first {
                let p = resolver.gazetteer.places[c.place]
                w.field("key", p.key)
                w.field("name", p.name)
                w.field("country", p.country)
            }
            w.endObject()
            out.write(w.bytes + [10])
        }
        out.flush()
        let secs = Date().timeIntervalSince(start)
        StandardError.print("sitrep: \(names.count) look-ups in \(JSONWriter.format(secs, digits: 3)) s (\(Int(Double(names.count) / max(secs, 1e-9))) a second)")
    }
}

func pad(_ s: String, _ w: Int) -> String {
    let c = s.count
    return c >= w ? String(s.prefix(w - 1)) + " " : s + String(repeating: " ", count: w - c)
}
