import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract
import SitrepFuse
import SitrepIngest
import SitrepReport
import SitrepStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the pipeline on the bundled sample articles and show what it finds.",
        discussion: """
        Reads the articles in Samples/ (a real article of 12 August 2021, articles written for Sitrep as \
        text, JSON Lines, a web page and a feed), prints the places recognized in each and the events \
        extracted, then ingests them into a fresh store and prints the timeline of control it holds.
        """)

    @Option(help: "The folder of sample articles (default: the Samples folder of this checkout).")
    var samples: String?

    static var defaultSamples: String {
        // Sources/sitrep/DemoCommand.swift → the checkout's Samples/
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
    }

    func run() throws {
        try runReportingErrors {
            let folder = samples ?? (FileManager.default.fileExists(atPath: "Samples") ? "Samples" : DemoCommand.defaultSamples)
            let start = Date()
            let extractor = try EventExtractor.shared()
            let loaded = Date().timeIntervalSince(start)
            var out = OutputStream()
            out.write("Sitrep demo: the sample articles in \(folder)\n")
            out.write("(gazetteer and lexicons loaded in \(JSONWriter.format(loaded, digits: 2)) s)\n")
            var docs = 0, events = 0
            // the seed's publication date: the other samples carry their own
            var all: [Document] = []
            try DocumentReader(published: Day(iso: "2021-08-12"), warn: { StandardError.print($0) }).read([folder]) { all.append($0) }
            StoryDetector().assign(&all)
            for doc in all {
                docs += 1
                let r = extractor.recognize(doc)
                let places = r.items.filter { $0.kind == "place" }.map { $0.value.components(separatedBy: " (").first ?? $0.value }
                var seen = Set<String>()
                let unique = places.filter { seen.insert($0).inserted }
                out.write("\n== \(doc.id)  (published \(doc.published?.description ?? "unknown"))\n")
                out.write("places: \(unique.joined(separator: ", "))\n")
                out.write(pad("type", 19) + pad("place", 16) + pad("actor → target", 46) + pad("date", 12)
                          + pad("modality", 10) + "source\n")
                for m in extractor.extract(doc) {
                    events += 1
                    out.write(pad(m.type.rawValue, 19) + pad(m.place?.name ?? "—", 16)
                              + pad("\(m.actor?.name ?? "—") → \(m.target?.name ?? "—")", 46)
                              + pad(m.date.start?.description ?? "—", 12) + pad(m.modality.rawValue, 10)
                              + (m.source?.speaker ?? "—") + "\n")
                }
            }
            out.write("\n\(docs) documents, \(events) event mentions. Full output: sitrep extract \(folder) --format jsonl\n")
            // fused into a store: the timeline of control
            let db = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-demo.sqlite").path
            Store.removeFiles(at: db)
            let store = try Store(path: db)
            _ = try store.ingest(all, extract: { extractor.extract($0) })
            let c = try store.counts()
            out.write("\nStored in \(db): \(c.documents) documents, \(c.events) fused events, \(c.changes) changes of control.\n\n")
            ChangeWriter.write(try store.timeline(StoreFilter()), format: .table, to: &out)
            // the report: the country with the most changes of control, the week before its latest one
            let changes = try store.timeline(StoreFilter())
            let byCountry = Dictionary(grouping: changes.filter { $0.place.country != nil && $0.date.start != nil }) { $0.place.country! }
            if let (cc, cs) = byCountry.max(by: { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }),
               let end = cs.compactMap(\.date.start).max() {
                let report = try ReportWriter(country: cc, since: Day(ordinal: end.ordinal - 7), asOf: end).write(store: store)
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-demo-report")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try Data(report.markdown.utf8).write(to: dir.appendingPathComponent("report.md"), options: .atomic)
                try Data(report.html.utf8).write(to: dir.appendingPathComponent("report.html"), options: .atomic)
                out.write("\nThe situation report (\(cc), week to \(end)): \(dir.appendingPathComponent("report.html").path)\n")
            }
            out.write("\nMore: sitrep events --db \(db)   sitrep control --db \(db)   sitrep report --db \(db) --out DIR   sitrep serve --db \(db)\n")
            out.flush()
        }
    }
}
