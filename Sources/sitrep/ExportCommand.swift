import ArgumentParser
import Foundation
import SitrepCore
import SitrepStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's events in the formats other tools read: ACLED-style CSV, GeoJSON, JSON Lines.",
        discussion: """
        acled-csv has the columns of ACLED's codebook, filled from Sitrep's ontology mapping; what Sitrep does \
        not know (fatalities, associated actors, ACLED's regions) stays empty. geojson is an RFC 7946 \
        FeatureCollection, one point per event (--of control: one per place with its current controller). \
        jsonl is the fused events as `events --format jsonl` prints them. With --out the file is written whole \
        or not at all.

        Examples:
          sitrep export --format acled-csv --out events.csv --country AF
          sitrep export --format geojson --of control --out control.geojson
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "acled-csv, geojson or jsonl.")
    var format: Format

    @Option(help: "What to export: events (default) or control (geojson only).")
    var of: What = .events

    @Option(help: "Write here instead of standard output.")
    var out: String?

    @Option(help: "A place, spelled any way the gazetteer knows.")
    var place: String?

    @Option(help: "A two-letter ISO country code.")
    var country: String?

    @OptionGroup var filters: EventFilterOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case acledCSV = "acled-csv", geojson, jsonl }
    enum What: String, ExpressibleByArgument { case events, control }

    func validate() throws {
        try filters.validateFilters()
        if of == .control && format != .geojson { throw ValidationError("--of control goes with --format geojson.") }
        try checkCountry(country)
    }

    func run() throws {
        try runReportingErrors {
            let db = try store.open()
            let filter = try filters.apply(to: QueryOptions.filter(place: place, country: country))
            var bytes: [UInt8]
            switch (format, of) {
            case (.geojson, .control):
                let r = GeoJSONExport.control(try db.control(asOf: filter.until, filter))
                bytes = r.json + [10]
                if r.skipped > 0 { StandardError.print("sitrep: \(r.skipped) places without coordinates left out") }
            case (.geojson, _):
                let r = GeoJSONExport.events(try db.events(filter))
                bytes = r.json + [10]
                if r.skipped > 0 { StandardError.print("sitrep: \(r.skipped) events without coordinates left out") }
            case (.acledCSV, _):
                bytes = Array(ACLEDExport.csv(ACLEDExport.rows(try db.events(filter), outlets: try db.outletsByEvent())).utf8)
            case (.jsonl, _):
                var w = JSONWriter()
                bytes = []
                for e in try db.events(filter) {
                    w.reset()
                    e.writeJSON(to: &w)
                    bytes += w.bytes + [10]
                }
            }
            if let out {
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw SitrepError(.unreadable, "cannot write the file: \(error.localizedDescription)", at: out)
                }
            } else {
                var o = OutputStream()
                o.write(bytes)
                o.flush()
            }
        }
    }
}
