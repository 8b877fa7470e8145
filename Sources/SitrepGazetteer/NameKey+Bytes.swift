import SitrepText

extension NameKey {
    /// Reusable buffers for computing keys of many names without allocating per name.
    public struct Scratch {
        var folded: [UInt8] = []
        var words: [Range<Int>] = []
        var skeleton: [UInt8] = []
        public init() {
            folded.reserveCapacity(128)
            words.reserveCapacity(16)
            skeleton.reserveCapacity(64)
        }
    }

    /// Hashes of the exact key and the skeleton of a UTF-8 name, and the number of words; nil for no letters.
    public static func hashes(of name: ArraySlice<UInt8>, scratch s: inout Scratch) -> (exact: UInt64, skeleton: UInt64, words: Int)? {
        s.folded.removeAll(keepingCapacity: true)
        s.words.removeAll(keepingCapacity: true)
        var i = name.startIndex
        var wordStart = 0
        let end = name.endIndex
        while i < end {
            let c = name[i]
            var v = UInt32(c)
            var len = 1
            if c >= 0xF0, i + 3 < end {
                v = (UInt32(c & 0x07) << 18) | (UInt32(name[i + 1] & 0x3F) << 12) | (UInt32(name[i + 2] & 0x3F) << 6) | UInt32(name[i + 3] & 0x3F)
                len = 4
            } else if c >= 0xE0, i + 2 < end {
                v = (UInt32(c & 0x0F) << 12) | (UInt32(name[i + 1] & 0x3F) << 6) | UInt32(name[i + 2] & 0x3F)
                len = 3
            } else if c >= 0xC0, i + 1 < end {
                v = (UInt32(c & 0x1F) << 6) | UInt32(name[i + 1] & 0x3F)
                len = 2
            }
            i += len
            if v == 39 || v == 0x2019 || v == 0x2018 || v == 96 || (v >= 0x2BB && v <= 0x2BF) { continue }
            if !Fold.append(v, to: &s.folded) {
                if s.folded.count > wordStart { s.words.append(wordStart..<s.folded.count) }
                wordStart = s.folded.count
            }
        }
        if s.folded.count > wordStart { s.words.append(wordStart..<s.folded.count) }
        guard !s.words.isEmpty else { return nil }
        var keep = 0
        for w in s.words where !isFiller(hash: TokenHash.of(s.folded[w])) { keep += 1 }
        var exact = TokenHash.seed
        var kept: [Range<Int>] = []
        kept.reserveCapacity(s.words.count)
        for w in s.words where keep == 0 || !isFiller(hash: TokenHash.of(s.folded[w])) {
            exact = TokenHash.of(s.folded[w], from: exact)
            kept.append(w)
        }
        skeletonBytes(s.folded, kept, into: &s.skeleton)
        return (exact, TokenHash.of(s.skeleton), kept.count)
    }

    /// The skeleton of words given as ranges of a folded buffer (see `skeleton(words:)`).
    public static func skeletonBytes(_ folded: [UInt8], _ words: [Range<Int>], into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        for (wi, r) in words.enumerated() {
            var hi = r.upperBound
            if hi - r.lowerBound > 2, folded[hi - 1] == 104, isVowel(folded[hi - 2]) { hi -= 1 }
            var i = r.lowerBound
            var prev: UInt8 = 0
            while i < hi {
                var c = folded[i]
                let n: UInt8 = i + 1 < hi ? folded[i + 1] : 0
                var step = 1
                switch (c, n) {
                case (107, 104): c = 104; step = 2
                case (103, 104): c = 103; step = 2
                case (115, 104), (122, 104): c = 115; step = 2
                case (99, 104), (116, 99): c = 99; step = 2
                case (116, 104): c = 116; step = 2
                case (100, 104): c = 100; step = 2
                case (112, 104): c = 102; step = 2
                case (100, 106): c = 106; step = 2
                case (99, 107): c = 107; step = 2
                default:
                    switch c {
                    case 113, 99: c = 107
                    case 119: c = 118
                    case 122: c = 115
                    case 120: c = 107
                    default: break
                    }
                }
                let first = i == r.lowerBound
                i += step
                if isVowel(c) {
                    if out.isEmpty && wi == 0 && first { out.append(97) }
                    prev = 0
                    continue
                }
                if c == prev { continue }
                out.append(c)
                prev = c
            }
        }
    }
}
