import Foundation
import SitrepCore
import SitrepExtract
import SitrepIngest

/// Streams documents from the inputs in batches: one thread reads them and finds copies of stories while the
/// caller extracts the previous batch, so memory holds two batches and the story window, not the corpus.
final class DocumentPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [[Document]] = []
    private var finished = false
    private var failure: Error?
    private let depth = 2

    /// Starts reading `input` in batches of `batchSize` on another thread.
    init(_ input: InputOptions, batchSize: Int) {
        let reader = input.reader, paths = input.paths
        Thread.detachNewThread { [self] in
            var stories = StoryStream()
            var batch: [Document] = []
            batch.reserveCapacity(batchSize)
            do {
                try reader.read(paths) { doc in
                    var d = doc
                    stories.assign(&d)
                    batch.append(d)
                    if batch.count >= batchSize {
                        put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { put(batch) }
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private func put(_ batch: [Document]) {
        condition.lock()
        while ready.count >= depth { condition.wait() }
        ready.append(batch)
        condition.broadcast()
        condition.unlock()
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
