import ArgumentParser
import Foundation
import SitrepCore
import SitrepStore

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the fused events of the store: one line per real event, with its independent sources.",
        discussion: """
        Examples:
          sitrep events --country AF --type territory_taken --since 2021-08-01
          sitrep events --place Herat --min-sources 2 --format jsonl
          sitrep events --query "embassy AND evacuate"
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var query: QueryOptions

    @OptionGroup var filters: EventFilterOptions

    func validate() throws {
        try query.validateCommon()
        try filters.validateFilters()
    }

    func run() throws {
        try runReportingErrors {
            let events = try store.open().events(try filters.apply(to: query.filter()))
            var out = OutputStream()
            switch query.format {
            case .table:
                out.write(pad("date", 12) + pad("type", 19) + pad("place", 20) + pad("actor → target", 40) + pad("modality", 11)
                          + pad("sources", 8) + pad("conf", 6) + "evidence\n")
                for e in events {
                    let who = "\(e.actor?.name ?? "—") → \(e.target?.name ?? "—")"
                    out.write(pad(e.date.display, 12) + pad(e.type.rawValue, 19) + pad(e.place?.name ?? "—", 20)
                              + pad(who, 40) + pad(e.modality.rawValue, 11) + pad(String(e.sources), 8)
                              + pad(String(format: "%.2f", e.confidence), 6)
                              + String(e.evidence.prefix(90)).replacingOccurrences(of: "\n", with: " ") + "\n")
                }
            case .jsonl:
                var w = JSONWriter()
                for e in events {
                    w.reset()
                    e.writeJSON(to: &w)
                    out.write(w.bytes + [10])
                }
            case .csv:
                out.write("id,date_start,date_end,precision,type,place,geonameid,country,admin1,lat,lon,actor,target,modality,sources,denials,confidence,documents,evidence\n")
                for e in events {
                    let fields: [String?] = [
                        e.id, e.date.start?.description, e.date.end?.description, e.date.precision.rawValue, e.type.rawValue,
                        e.place?.name, e.place?.geonameid.map(String.init), e.place?.country, e.place?.admin1,
                        e.place?.lat.map { String(format: "%.4f", $0) }, e.place?.lon.map { String(format: "%.4f", $0) },
                        e.actor?.name, e.target?.name, e.modality.rawValue, String(e.sources), String(e.denials),
                        String(format: "%.3f", e.confidence), e.documents.joined(separator: " "), e.evidence,
                    ]
                    out.write(fields.map(csv).joined(separator: ",") + "\n")
                }
            }
            out.flush()
        }
    }
}

extension EventDate {
    /// The day, or "~" and the last day of a span ("~2021-08-12": the week before a report).
    var display: String {
        guard let s = start else { return "—" }
        if precision == .day { return s.description }
        return "~" + (end ?? s).description
    }
}
