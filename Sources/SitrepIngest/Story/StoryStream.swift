import SitrepCore

/// Copies of one story in a stream of documents, in bounded memory: each document is compared with the
/// documents of a window of the most recent ones (wire copies come out within hours of each other) and gets
/// the story of its best match, else its own id.
///
/// `StoryDetector.assign` sees the whole corpus and names each story by its earliest copy; a stream cannot
/// rename documents already written, so here the story is the earliest copy *seen so far*. For input in order
/// of publication the two agree.
public struct StoryStream {
    public let detector: StoryDetector
    /// Documents a new one is compared with.
    public let window: Int

    private struct Recent {
        var sequence: Int
        var shingles: Shingles
        var story: String
    }

    private var recent: [Recent?]
    private var seen = 0
    private var index: [UInt64: [Int]] = [:]
    /// Samples a document of the window shares with the new one, by `sequence % window`; `touched` lists
    /// the documents counted, so the counts are reset without a pass over the window.
    private var shared: [Int32]
    private var touched: [Int] = []

    public init(detector: StoryDetector = StoryDetector(), window: Int = 20_000) {
        self.detector = detector
        self.window = max(1, window)
        recent = Array(repeating: nil, count: self.window)
        shared = Array(repeating: 0, count: self.window)
    }

    /// More shared samples first, then the earlier document.
    private static func ranksBefore(_ a: (n: Int, sequence: Int), _ b: (n: Int, sequence: Int)) -> Bool {
        a.n != b.n ? a.n > b.n : a.sequence < b.sequence
    }

    /// Sets `doc.story`.
    public mutating func assign(_ doc: inout Document) {
        let sequence = seen
        seen += 1
        let oldest = sequence - window  // the earliest document still in the window
        let s = Shingles(doc.text, size: detector.shingleSize)
        let sample = s.hashes.filter { $0 & 7 == 0 }
        if detector.shingleSize == StoryDetector.sampleShingleSize { doc.shingleSample = sample }
        // through a buffer: the array's uniqueness and bounds checks were most of this loop; and the slot of
        // an earlier document from its distance back (0 < d <= window), not by a division per posting
        let r = sequence % window
        let window = self.window
        shared.withUnsafeMutableBufferPointer { shared in
            for h in sample {
                guard let posting = index[h], posting.count <= detector.maximumPostings else { continue }
                for j in posting where j >= oldest {
                    let d = sequence - j
                    let slot = r >= d ? r - d : r - d + window
                    if shared[slot] == 0 { touched.append(j) }
                    shared[slot] += 1
                }
            }
        }
        let needed = max(1, min(detector.minimumSharedSamples, sample.count))
        // the documents sharing enough samples; one verification per story, not per copy
        var candidates: [(n: Int, sequence: Int)] = []
        for j in touched {
            let n = Int(shared[j % window])
            shared[j % window] = 0
            if n >= needed { candidates.append((n, j)) }
        }
        touched.removeAll(keepingCapacity: true)
        var tried: Set<String> = []
        var match: String? = nil
        func verify(_ c: (n: Int, sequence: Int)) {
            guard let r = recent[c.sequence % window], r.sequence == c.sequence, tried.insert(r.story).inserted else { return }
            if s.containment(with: r.shingles) >= detector.threshold { match = r.story }
        }
        // in order of shared samples, then of arrival; the first candidate is most often the match, so the
        // first few are picked without sorting them all, and the rest is sorted only when they all miss
        for _ in 0..<8 where match == nil && !candidates.isEmpty {
            var best = 0
            for k in candidates.indices.dropFirst() where StoryStream.ranksBefore(candidates[k], candidates[best]) {
                best = k
            }
            candidates.swapAt(best, candidates.count - 1)
            verify(candidates.removeLast())
        }
        if match == nil {
            candidates.sort(by: StoryStream.ranksBefore)
            for c in candidates where match == nil { verify(c) }
        }
        doc.story = match ?? doc.id
        recent[sequence % window] = Recent(sequence: sequence, shingles: s, story: doc.story!)
        for h in sample { index[h, default: []].append(sequence) }
        // once a window, drop the postings of documents that left it
        if sequence % window == window - 1 {
            let limit = sequence + 1 - window
            index = index.compactMapValues { p in
                let kept = p.filter { $0 >= limit }
                return kept.isEmpty ? nil : kept
            }
        }
    }
}
