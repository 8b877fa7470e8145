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
        Reads plain text (.txt) or JSON Lines (.jsonl, one {"id","url","published","title","text"} a line), \
        gzip-compressed or not, from files, folders (recursively) or '-' for standard input, and prints one \
        event mention per line (spec/event-mention.schema.json) in document order.

        Weekdays and relative dates ("on Thursday", "last month") resolve against the publication date: the \
        document's own, else --published. Without one they stay null and keep their text.

        Examples:
          sitrep extract article.txt --published 2021-08-12
          sitrep extract articles.jsonl --format table
          cat article.txt | sitrep extract - --published 2021-08-12
        """)

    @Argument(help: "Files, folders or '-' (standard input).")
    var paths: [String]

    @Option(help: "Publication date (YYYY-MM-DD) of documents that carry none.")
    var published: String?

    @Option(help: "Output format: jsonl (default) or table.")
    var format: Format = .jsonl

    @Option(name: .customLong("input-format"), help: "Read inputs as text or jsonl whatever their extension.")
    var inputFormat: String?

    @Option(help: "Documents extracted in parallel (default: the machine's cores). Output stays in document order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    enum Format: String, ExpressibleByArgument { case jsonl, table }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        if let published, Day(iso: published) == nil {
            throw ValidationError("--published takes a date as YYYY-MM-DD, not '\(published)'.")
        }
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format takes one of: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        try runReportingErrors {
            let extractor = try EventExtractor.shared()
            let reader = DocumentReader(published: published.flatMap { Day(iso: $0) },
                                        format: inputFormat.flatMap { InputFormat(rawValue: $0) },
                                        warn: { StandardError.print($0) })
            var out = OutputStream()
            var w = JSONWriter()
            if format == .table {
                out.write(pad("document", 16) + pad("type", 19) + pad("place", 20) + pad("actor → target", 44)
                          + pad("date", 12) + pad("modality", 10) + pad("source", 28) + "evidence\n")
            }
            // batches of documents run on `jobs` threads; results are written in document order
            var batch: [Document] = []
            let batchSize = 64 * jobs
            func flushBatch() {
                var results = [[EventMention]](repeating: [], count: batch.count)
                let docs = batch
                results.withUnsafeMutableBufferPointer { buf in
                    let base = buf.baseAddress!
                    DispatchQueue.concurrentPerform(iterations: jobs) { j in
                        var i = j
                        while i < docs.count {
                            (base + i).pointee = extractor.extract(docs[i])
                            i += jobs
                        }
                    }
                }
                for ms in results {
                    for m in ms {
                        if format == .jsonl {
                            w.reset()
                            m.writeJSON(to: &w)
                            out.write(w.bytes + [10])
                        } else {
                            let who = "\(m.actor?.name ?? "—") → \(m.target?.name ?? "—")"
                            let ev = String(m.evidence.text.prefix(80)).replacingOccurrences(of: "\n", with: " ")
                            out.write(pad(m.document.id, 16) + pad(m.type.rawValue, 19) + pad(m.place?.name ?? "—", 20)
                                      + pad(who, 44) + pad(m.date.start?.description ?? "—", 12) + pad(m.modality.rawValue, 10)
                                      + pad(m.source?.speaker ?? "—", 28) + ev + "\n")
                        }
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            try reader.read(paths) { doc in
                batch.append(doc)
                if batch.count >= batchSize { flushBatch() }
            }
            flushBatch()
            out.flush()
        }
    }
}
