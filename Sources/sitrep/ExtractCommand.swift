import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract
import SitrepIngest

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the conflict events each document states.",
        discussion: """
        Reads plain text (.txt), web pages (.html), RSS and Atom feeds (.xml, .rss, .atom) or JSON Lines \
        (.jsonl, one {"id","url","published","title","text"} a line), gzip-compressed or not, from files, \
        folders (recursively) or '-' for standard input, and prints one event mention per line \
        (spec/event-mention.schema.json) in document order. Copies of one wire story get the same \
        document.story: the id of the earliest copy seen so far (input is streamed: one batch is read while \
        the one before it is extracted, and a document is compared with the 20,000 before it).

        Weekdays and relative dates ("on Thursday", "last month") resolve against the publication date: the \
        document's own, else --published. Without one they stay null and keep their text.

        Examples:
          sitrep extract article.txt --published 2021-08-12
          sitrep extract articles.jsonl --format table
          cat article.txt | sitrep extract - --published 2021-08-12
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: jsonl (default) or table.")
    var format: Format = .jsonl

    @Option(help: "Documents extracted in parallel (default: the machine's cores). Output stays in document order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    enum Format: String, ExpressibleByArgument { case jsonl, table }

    static func tableLine(_ m: EventMention) -> String {
        let who = "\(m.actor?.name ?? "—") → \(m.target?.name ?? "—")"
        let ev = String(m.evidence.text.prefix(80)).replacingOccurrences(of: "\n", with: " ")
        return pad(m.document.id, 16) + pad(m.type.rawValue, 19) + pad(m.place?.name ?? "—", 20) + pad(who, 44)
            + pad(m.date.start?.description ?? "—", 12) + pad(m.modality.rawValue, 10) + pad(m.source?.speaker ?? "—", 28)
            + ev + "\n"
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        try runReportingErrors {
            // the gazetteer and lexicons load on another core while the first batch is read
            try input.checkPaths()
            let loading = ExtractorLoading()
            let pipeline = DocumentPipeline(input, batchSize: 256)
            let extractor = try loading.wait()
            var out = OutputStream()
            if format == .table {
                out.write(pad("document", 16) + pad("type", 19) + pad("place", 20) + pad("actor → target", 44)
                          + pad("date", 12) + pad("modality", 10) + pad("source", 28) + "evidence\n")
            }
            // `jobs` threads extract and write each document's lines; the output keeps the document order
            let table = format == .table
            // documents go to the workers 16 at a time: one hand-off, not one per document
            let workers = OrderedWorkers<ArraySlice<Document>>(jobs: jobs, capacity: 8 * jobs) { docs in
                var bytes: [UInt8] = []
                var w = JSONWriter(capacity: table ? 1024 : 1 << 18)  // the lines of 16 documents, about 10 KB each
                var shared = MentionJSONCache()  // the document object its lines repeat, encoded once
                for doc in docs {
                    let found = extractor.extract(doc)
                    for i in found.indices {  // not `for m in`: that copies each mention
                        if table {
                            bytes += Array(Self.tableLine(found[i]).utf8)
                        } else {
                            found[i].writeJSON(to: &w, cache: &shared)
                            w.endLine()
                        }
                    }
                }
                if !table { w.append(to: &bytes) }
                return bytes
            }
            var batch: [Document] = []
            var at = 0
            var failure: Error?
            do {
                try workers.run({
                    if at == batch.count {
                        guard let next = try pipeline.next() else { return nil }
                        batch = next
                        at = 0
                    }
                    let chunk = batch[at..<min(at + 16, batch.count)]
                    at = chunk.endIndex
                    return chunk
                }, write: { out.write($0) })
            } catch { failure = error }
            out.flush()
            if let failure { throw failure }
        }
    }
}
