import SitrepCore

/// The word shingles of a text: hashes of every run of `size` consecutive words, sorted and unique.
///
/// Words are folded (ASCII lower case; punctuation, quotes and dashes of any script separate words), so a copy
/// with straight quotes or a changed dash shingles like its original.
struct Shingles {
    let hashes: [UInt64]

    init(_ text: String, size: Int) {
        var words: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        func end() {
            if inWord { words.append(h) }
            h = 0xcbf2_9ce4_8422_2325
            inWord = false
        }
        // bytes, not scalars: ASCII letters and digits fold to lower case; of the other scalars, U+0080–U+00BF
        // (no-break space, guillemets) and U+2000–U+2FFF (dashes, curly quotes) separate words, the rest
        // (accented and non-Latin letters) are word bytes as they are
        var separatorScalar = false
        var text = text
        words.reserveCapacity(text.utf8.count / 5)
        text.withUTF8 { bytes in
            for b in bytes {
                if b < 0x80 {
                    var x = b
                    if x >= 65 && x <= 90 { x += 32 }
                    if (x >= 97 && x <= 122) || (x >= 48 && x <= 57) {
                        h = (h ^ UInt64(x)) &* 0x100_0000_01b3
                        inWord = true
                    } else {
                        end()
                    }
                    continue
                }
                if b >= 0xC0 { separatorScalar = b == 0xC2 || b == 0xE2 }  // a lead byte decides for its scalar
                if separatorScalar {
                    end()
                } else {
                    h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                    inWord = true
                }
            }
        }
        end()
        var out: [UInt64] = []
        if words.count >= size {
            out.reserveCapacity(words.count - size + 1)
            for i in 0...(words.count - size) {
                var s: UInt64 = 0x9E37_79B9_7F4A_7C15
                for j in i..<(i + size) { s = (s ^ words[j]) &* 0xBF58_476D_1CE4_E5B9; s ^= s >> 29 }
                out.append(s)
            }
        } else if !words.isEmpty {
            var s: UInt64 = 0x9E37_79B9_7F4A_7C15
            for w in words { s = (s ^ w) &* 0xBF58_476D_1CE4_E5B9; s ^= s >> 29 }
            out.append(s)
        }
        out.sortIntegers()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for x in out where unique.last != x { unique.append(x) }
        hashes = unique
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
