import Foundation
import SitrepCore
import SitrepExtract
import SitrepIngest

/// Streams documents from the inputs in batches: one thread reads them and finds copies of stories while the
/// caller extracts the previous batch, so memory holds two batches and the story window, not the corpus.
/// A batch not yet full is handed on when the input pauses (`tail -f wire.jsonl | sitrep ingest -`): what
/// has arrived is stored within about a second, not when the batch fills.
final class DocumentPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [[Document]] = []
    /// The batch being filled; the reader and the pause watcher hand it on, under `condition`.
    private var pending: [Document] = []
    private var lastAdded = DispatchTime.now()
    private var finished = false
    private var failure: Error?
    private let depth = 2
    /// How long the input may pause before a partial batch goes on.
    static let pause: DispatchTimeInterval = .seconds(1)

    /// Starts reading `input` in batches of `batchSize` on another thread.
    init(_ input: InputOptions, batchSize: Int) {
        let reader = input.reader, paths = input.paths
        Thread.detachNewThread { [self] in
            var stories = StoryStream()
            do {
                try reader.read(paths) { doc in
                    var d = doc
                    stories.assign(&d)
                    condition.lock()
                    pending.append(d)
                    lastAdded = .now()
                    if pending.count >= batchSize { handOn(waiting: true) }
                    condition.unlock()
                }
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
            condition.lock()
            if failure == nil { handOn(waiting: true) }  // after an error, only the batches before it
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        Thread.detachNewThread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                guard let self else { return }
                condition.lock()
                defer { condition.unlock() }
                if finished { return }
                if DispatchTime.now() > lastAdded + DocumentPipeline.pause { handOn(waiting: false) }
            }
        }
    }

    /// Moves the pending documents to the ready batches; `condition` is held. The reader waits for room, the
    /// pause watcher does not (the consumer is busy: the batch keeps filling).
    private func handOn(waiting: Bool) {
        while waiting && ready.count >= depth { condition.wait() }
        guard !pending.isEmpty, ready.count < depth else { return }
        ready.append(pending)
        pending = []
        condition.broadcast()
    }

    /// The next batch, or nil at the end; rethrows the reader's error once the batches before it are taken.
    func next() throws -> [Document]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let b = ready.removeFirst()
            condition.broadcast()
            return b
        }
        if let failure { throw failure }
        return nil
    }
}

/// Starts loading the extractor (gazetteer and lexicons) on another core; `wait` returns it.
final class ExtractorLoading: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<EventExtractor, Error>?

    init() {
        DispatchQueue.global().async(group: group) { [self] in result = Result { try EventExtractor.shared() } }
    }

    func wait() throws -> EventExtractor {
        group.wait()
        return try result!.get()
    }
}
