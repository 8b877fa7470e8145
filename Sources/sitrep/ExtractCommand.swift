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
        document.story: the id of the earliest copy.

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

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        try runReportingErrors {
            // the gazetteer and lexicons load on another core while the input is read and grouped into stories
            let (documents, extractor) = try readWhileLoading(input)
            var out = OutputStream()
            if format == .table {
                out.write(pad("document", 16) + pad("type", 19) + pad("place", 20) + pad("actor → target", 44)
                          + pad("date", 12) + pad("modality", 10) + pad("source", 28) + "evidence\n")
            }
            // batches of documents run on `jobs` threads; results are written in document order
            var batch: [Document] = []
            let batchSize = 64 * jobs
            func flushBatch() {
                var results = [[EventMention]](repeating: [], count: batch.count)
                var encoded = [[UInt8]](repeating: [], count: batch.count)
                let docs = batch
                let jsonl = format == .jsonl
                results.withUnsafeMutableBufferPointer { buf in
                    encoded.withUnsafeMutableBufferPointer { enc in
                        let base = buf.baseAddress!, encBase = enc.baseAddress!
                        DispatchQueue.concurrentPerform(iterations: jobs) { j in
                            // each worker also writes its documents' JSON: only the copying stays serial
                            var jw = JSONWriter()
                            var i = j
                            while i < docs.count {
                                let ms = extractor.extract(docs[i])
                                if jsonl {
                                    var bytes: [UInt8] = []
                                    for m in ms {
                                        jw.reset()
                                        m.writeJSON(to: &jw)
                                        bytes += jw.bytes
                                        bytes.append(10)
                                    }
                                    (encBase + i).pointee = bytes
                                } else {
                                    (base + i).pointee = ms
                                }
                                i += jobs
                            }
                        }
                    }
                }
                if jsonl {
                    for bytes in encoded { out.write(bytes) }
                }
                for ms in results {
                    for m in ms {
                        let who = "\(m.actor?.name ?? "—") → \(m.target?.name ?? "—")"
                        let ev = String(m.evidence.text.prefix(80)).replacingOccurrences(of: "\n", with: " ")
                        out.write(pad(m.document.id, 16) + pad(m.type.rawValue, 19) + pad(m.place?.name ?? "—", 20)
                                  + pad(who, 44) + pad(m.date.start?.description ?? "—", 12) + pad(m.modality.rawValue, 10)
                                  + pad(m.source?.speaker ?? "—", 28) + ev + "\n")
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            for doc in documents {
                batch.append(doc)
                if batch.count >= batchSize { flushBatch() }
            }
            flushBatch()
            out.flush()
        }
    }
}
