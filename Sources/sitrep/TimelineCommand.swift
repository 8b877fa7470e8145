import ArgumentParser
import Foundation
import SitrepCore
import SitrepFuse
import SitrepStore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the changes of control of places, in order of date.",
        discussion: """
        Only asserted and claimed captures and handovers move control; a recapture is a second change. \
        `--format jsonl` gives one change a line: {"place","date","controller","previous","modality", \
        "confidence","sources","evidence"}.

        Examples:
          sitrep timeline --country AF
          sitrep timeline --place Ghazni --format jsonl
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var query: QueryOptions

    func validate() throws { try query.validateCommon() }

    func run() throws {
        try runReportingErrors {
            let changes = try store.open().timeline(try query.filter())
            var out = OutputStream()
            ChangeWriter.write(changes, format: query.format, to: &out)
            out.flush()
        }
    }
}

struct ControlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "control",
        abstract: "Who holds each place at a date, since when, and on what evidence.",
        discussion: """
        For every place with a known change of control, the last change on or before --as-of (default: all \
        that is known).

        Examples:
          sitrep control --as-of 2021-08-13 --country AF
          sitrep control --place "Qala-i-Naw"
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var query: QueryOptions

    @Option(name: .customLong("as-of"), help: "The day (YYYY-MM-DD); default: the latest evidence.")
    var asOf: String?

    func validate() throws {
        try query.validateCommon()
        _ = try day(asOf, "--as-of")
    }

    func run() throws {
        try runReportingErrors {
            let changes = try store.open().control(asOf: try day(asOf, "--as-of"), try query.filter())
            var out = OutputStream()
            ChangeWriter.write(changes, format: query.format, to: &out)
            out.flush()
        }
    }
}

enum ChangeWriter {
    static func write(_ changes: [ControlChange], format: QueryOptions.OutputFormat, to out: inout OutputStream) {
        switch format {
        case .table:
            out.write(pad("since", 12) + pad("place", 22) + pad("cc", 4) + pad("held by", 34) + pad("taken from", 34)
                      + pad("modality", 10) + pad("sources", 8) + "evidence\n")
            for c in changes {
                out.write(pad(c.date.start?.description ?? "—", 12) + pad(c.place.name, 22) + pad(c.place.country ?? "", 4)
                          + pad(c.controller.name, 34) + pad(c.previous?.name ?? "—", 34) + pad(c.modality.rawValue, 10)
                          + pad(String(c.sources), 8)
                          + String((c.evidence.first?.text ?? "").prefix(80)).replacingOccurrences(of: "\n", with: " ") + "\n")
            }
        case .jsonl:
            var w = JSONWriter()
            for c in changes {
                w.reset()
                c.writeJSON(to: &w)
                out.write(w.bytes + [10])
            }
        case .csv:
            out.write("place,geonameid,country,admin1,lat,lon,date,precision,controller,previous,modality,confidence,sources,documents\n")
            for c in changes {
                let fields: [String?] = [
                    c.place.name, c.place.geonameid.map(String.init), c.place.country, c.place.admin1,
                    c.place.lat.map { String(format: "%.4f", $0) }, c.place.lon.map { String(format: "%.4f", $0) },
                    c.date.start?.description, c.date.precision.rawValue, c.controller.name, c.previous?.name,
                    c.modality.rawValue, String(format: "%.3f", c.confidence), String(c.sources),
                    c.evidenceDocuments.joined(separator: " "),
                ]
                out.write(fields.map(csv).joined(separator: ",") + "\n")
            }
        }
    }
}
