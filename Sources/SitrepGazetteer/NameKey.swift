import SitrepText

/// The match keys of a place name, computed from its folded words.
///
/// - `exact`: the words joined, without the Persian/Arabic connectives (-i-, -e-, -ye-, -yi-) and articles
///   (al-, el-, ad-, as-, an-, ez- ...): "Qala-i-Naw", "Qala e Naw" and "Qalaenaw"... all give "qalanaw".
/// - `skeleton`: what transliterations agree on: digraphs merged (kh/h, gh/g, sh/s, ch/c, q/k, w/v, ph/f ...),
///   a final -eh/-ah reduced, doubled letters single, and vowels dropped ("Taloqan", "Taluqan" → "tlkn").
public enum NameKey {
    /// Words dropped between (or before) the parts of a name.
    public static let connectives: Set<String> = ["i", "e", "ye", "yi", "y", "o"]
    public static let articles: Set<String> = ["al", "el", "ad", "as", "an", "ez", "ash", "ar", "at", "az", "ul", "ud",
                                               "ed", "es", "er", "et", "uz", "adh", "ath"]
    static let connectiveHashes = HashSet((connectives.union(articles)).map { TokenHash.of($0.utf8) })

    /// True when a folded word is dropped from keys (if other words remain).
    @inline(__always)
    public static func isFiller(hash: UInt64) -> Bool { connectiveHashes.contains(hash) }

    public static func isFiller(_ w: String) -> Bool { connectives.contains(w) || articles.contains(w) }

    /// The words a key is made of: fillers dropped unless nothing else would remain.
    public static func keyWords(_ words: [String]) -> [String] {
        let kept = words.filter { !isFiller($0) }
        return kept.isEmpty ? words : kept
    }

    public static func exact(_ name: String) -> String { keyWords(Fold.words(name)).joined() }

    public static func skeleton(_ name: String) -> String { skeleton(words: keyWords(Fold.words(name))) }

    public static func skeleton(words: [String]) -> String {
        var buf: [UInt8] = []
        var ranges: [Range<Int>] = []
        for w in words {
            let lo = buf.count
            buf.append(contentsOf: w.utf8)
            ranges.append(lo..<buf.count)
        }
        var out: [UInt8] = []
        skeletonBytes(buf, ranges, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool {
        c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
    }

    /// Edit distance with a cap: stops early once every path exceeds `limit` (returns limit + 1).
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            cur[0] = i
            var best = cur[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                best = min(best, cur[j])
            }
            if best > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return x.isEmpty ? y.count : prev[y.count]
    }
}
