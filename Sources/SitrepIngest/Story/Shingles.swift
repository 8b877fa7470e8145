import SitrepCore

/// The word shingles of a text: hashes of every run of `size` consecutive words, sorted and unique.
///
/// Words are folded (ASCII lower case; punctuation, quotes and dashes of any script separate words), so a copy
/// with straight quotes or a changed dash shingles like its original.
struct Shingles {
    let hashes: [UInt64]

    /// ASCII letters and digits folded to lower case; every other ASCII byte 0 (a separator).
    static let fold: [UInt8] = (0..<256).map { b -> UInt8 in
        let c = UInt8(b)
        if c >= 65 && c <= 90 { return c + 32 }
        return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0
    }

    init(_ text: String, size: Int) {
        // bytes, not scalars: ASCII letters and digits fold to lower case; of the other scalars, U+0080–U+00BF
        // (no-break space, guillemets) and U+2000–U+2FFF (dashes, curly quotes) separate words, the rest
        // (accented and non-Latin letters) are word bytes as they are
        var text = text
        let words: [UInt64] = text.withUTF8 { bytes in
            var words: [UInt64] = []
            words.reserveCapacity(bytes.count / 5 + 1)
            let seed: UInt64 = 0xcbf2_9ce4_8422_2325
            var h = seed
            var inWord = false
            var separatorScalar = false
            Shingles.fold.withUnsafeBufferPointer { fold in
            for b in bytes {
                // ASCII: the table gives the folded byte, 0 for a separator
                var x = fold[Int(b)]
                if b >= 0x80 {
                    if b >= 0xC0 { separatorScalar = b == 0xC2 || b == 0xE2 }  // a lead byte decides for its scalar
                    x = separatorScalar ? 0 : b
                }
                if x != 0 {
                    h = (h ^ UInt64(x)) &* 0x100_0000_01b3
                    inWord = true
                } else if inWord {
                    words.append(h)
                    h = seed
                    inWord = false
                }
            }
            }
            if inWord { words.append(h) }
            return words
        }
        var out: [UInt64] = []
        if words.count >= size {
            // written in place: `append` checked uniqueness and capacity for each of them
            let m = words.count - size + 1
            out = Array(unsafeUninitializedCapacity: m) { buffer, count in
                words.withUnsafeBufferPointer { w in
                    for i in 0..<m {
                        var s: UInt64 = 0x9E37_79B9_7F4A_7C15
                        for j in i..<(i + size) { s = (s ^ w[j]) &* 0xBF58_476D_1CE4_E5B9; s ^= s >> 29 }
                        buffer[i] = s
                    }
                }
                count = m
            }
        } else if !words.isEmpty {
            var s: UInt64 = 0x9E37_79B9_7F4A_7C15
            for w in words { s = (s ^ w) &* 0xBF58_476D_1CE4_E5B9; s ^= s >> 29 }
            out.append(s)
        }
        out.sortIntegers()
        // unique, in place, through the buffer: each write to `out[kept]` checked the array's uniqueness
        let kept = out.withUnsafeMutableBufferPointer { o -> Int in
            var kept = 0
            for k in o.indices where kept == 0 || o[kept - 1] != o[k] {
                o[kept] = o[k]
                kept += 1
            }
            return kept
        }
        out.removeLast(out.count - kept)
        hashes = out
    }

    /// Shared shingles over the smaller set: 1 for a verbatim or trimmed copy.
    func containment(with other: Shingles) -> Double {
        let a = hashes
        let b = other.hashes
        guard !a.isEmpty && !b.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(common) / Double(min(a.count, b.count))
    }
}
