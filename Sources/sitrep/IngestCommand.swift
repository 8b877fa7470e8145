import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract
import SitrepStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add documents to the store: extract, fuse, and update the timeline of control.",
        discussion: """
        Reads what `extract` reads, as a stream: memory holds a few batches, not the input. A document already in the store (same id, same URL or same text) is \
        skipped, so running again over a folder adds only what is new. Each batch is one transaction: an \
        interrupted ingest leaves the store as after its last whole batch, and running the same command again \
        completes the work. When the input pauses for a second (a stream on standard input), what has arrived \
        is stored and its events and timelines fused, so other commands see them while the ingest waits for \
        more. An ingest larger than its store (from 100,000 mentions) sorts its indexes and fuses all its \
        events in one pass once the input ends, and says how many groups of mentions are done. Progress goes to \
        standard error.

        Examples:
          sitrep ingest news/ --db afghanistan.sqlite
          sitrep ingest feed.xml && sitrep timeline --country AF
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions

    @Option(help: "Documents extracted, and groups of mentions fused, in parallel (default: the machine's cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    // 1,024: each commit rewrites the index pages its mentions land on, about as many for 256 documents as for
    // 1,024 once the store is large (100 MB of news: 17.5–18.1 s instead of 21.1–21.5 s)
    @Option(help: "Documents per transaction (fewer when the input pauses for a second).")
    var batch: Int = 1024

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1.") }
    }

    func run() throws {
        try runReportingErrors {
            let started = Date()
            // the input streams in batches, read (and its copies of stories found) while the extractor loads
            // and while the batch before is extracted and written
            try input.checkPaths()
            let loading = ExtractorLoading()
            let pipeline = DocumentPipeline(input, batchSize: batch)
            let existed = FileManager.default.fileExists(atPath: store.path)
            let db = try store.open(create: true)
            var ended = false
            // a store this run made and left empty (its input failed before a document was stored) is not kept
            defer { if !ended, !existed, (try? db.counts().documents) == 0 { Store.removeFiles(at: store.path) } }
            let extractor = try loading.wait()
            var lastReport = Date()
            var indexed = false
            let result = try db.ingest(batches: { try pipeline.next() }, jobs: jobs, extract: { extractor.extract($0) },
                                       progress: { r in
                let now = Date()
                guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastReport) > 0.5 else { return }
                lastReport = now
                let rate = Double(r.read) / max(0.001, now.timeIntervalSince(started))
                StandardError.print(String(format: "ingest: %d documents read, %.0f/s, %d added, %d mentions",
                                           r.read, rate, r.added, r.mentions))
            }, fused: { r in
                // a stream that paused: what it stored can be queried now
                let c = try? db.counts()
                StandardError.print("ingest: input paused after \(r.read) documents; events fused: the store has "
                                    + "\(c?.events ?? 0) events, \(c?.changes ?? 0) changes of control")
            }, indexing: { resuming in
                if resuming {
                    StandardError.print("ingest: the last ingest into this store did not end: sorting its mentions by "
                                        + "group and by id first (the indexes)")
                } else {
                    indexed = true
                    StandardError.print("ingest: input read; sorting the mentions by group and by id (the indexes)")
                }
            }, finishing: { done, groups in
                // the end of a large ingest: indexes sorted, then every touched group fused (minutes for millions)
                let now = Date()
                if done == 0 {
                    guard groups > 0 else { return }
                    StandardError.print("ingest: \(indexed ? "" : "input read; ")fusing the events of \(groups) "
                                        + "group\(groups == 1 ? "" : "s") of mentions")
                } else if now.timeIntervalSince(lastReport) > 2 {
                    StandardError.print("ingest: \(done) of \(groups) groups fused")
                } else {
                    return
                }
                lastReport = now
            })
            ended = true
            let c = try db.counts()
            StandardError.print("ingest: \(result.added) documents added, \(result.skipped) already stored; "
                                + "\(result.mentions) mentions; the store has \(c.documents) documents, \(c.events) events, "
                                + "\(c.changes) changes of control (\(db.path))")
        }
    }
}
