import SitrepCore

/// Finds documents that carry one wire story — verbatim, trimmed, re-headlined or lightly rewritten copies —
/// and sets each document's `story` to the id of the story's earliest copy.
///
/// Linear in the corpus, not all pairs: every document's word 3-shingles are hashed; a fixed sample of them
/// (one hash in eight, the same for every document, so shared text shares samples) goes into an inverted
/// index. A document's candidates are the earlier documents sharing several sampled shingles; each candidate
/// is verified on the full shingle sets (the share of the shorter document's shingles found in the other).
/// Shingles that hundreds of documents share (boilerplate) are not indexed. Two outlets quoting one statement
/// share only that quote's shingles and stay apart.
public struct StoryDetector {
    /// Words per shingle.
    public var shingleSize = 3
    /// Share of the shorter document's shingles the two must share to be one story.
    public var threshold = 0.45
    /// Sampled shingles two documents must share before they are compared at all.
    public var minimumSharedSamples = 3
    /// A sampled shingle in more documents than this is boilerplate and no evidence.
    public var maximumPostings = 200

    public init() {}

    /// Sets `story` on every document: the id of the earliest copy (by publication date, then input order).
    public func assign(_ docs: inout [Document]) {
        let groups = group(docs.map(\.text))
        var earliest: [Int: Int] = [:]
        for (i, g) in groups.enumerated() {
            if let e = earliest[g] {
                if isEarlier(docs[i], i, than: docs[e], e) { earliest[g] = i }
            } else {
                earliest[g] = i
            }
        }
        for i in docs.indices { docs[i].story = docs[earliest[groups[i]]!].id }
    }

    private func isEarlier(_ a: Document, _ ia: Int, than b: Document, _ ib: Int) -> Bool {
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return ia < ib
        }
    }

    /// True when two texts carry one story (the verification step of `group`).
    public func sameStory(_ a: String, _ b: String) -> Bool {
        Shingles(a, size: shingleSize).containment(with: Shingles(b, size: shingleSize)) >= threshold
    }

    /// The sampled shingle hashes of a text, as the detector indexes them (the store keeps them too).
    public static func samples(of text: String, shingleSize: Int = sampleShingleSize) -> [UInt64] {
        Shingles(text, size: shingleSize).hashes.filter { $0 & 7 == 0 }
    }

    /// The shingle size of `samples` and `Document.shingleSample`.
    public static let sampleShingleSize = 3

    /// The group (a representative index) of each text.
    public func group(_ texts: [String]) -> [Int] {
        var parent = Array(texts.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var shingles: [Shingles] = []
        shingles.reserveCapacity(texts.count)
        var index: [UInt64: [Int32]] = [:]
        var shared: [Int32: Int] = [:]
        for (i, text) in texts.enumerated() {
            let s = Shingles(text, size: shingleSize)
            shingles.append(s)
            let sample = s.hashes.filter { $0 & 7 == 0 }
            shared.removeAll(keepingCapacity: true)
            for h in sample {
                guard let posting = index[h], posting.count <= maximumPostings else { continue }
                for j in posting { shared[j, default: 0] += 1 }
            }
            let needed = max(1, min(minimumSharedSamples, sample.count))
            for (j, n) in shared where n >= needed {
                let j = Int(j)
                guard find(j) != find(i) else { continue }
                if s.containment(with: shingles[j]) >= threshold { parent[find(i)] = find(j) }
            }
            for h in sample { index[h, default: []].append(Int32(i)) }
        }
        return texts.indices.map(find)
    }
}
