/// Longest-match look-up of multi-word phrases over tokens, by hashes of folded words.
///
/// Phrases are tokenized like text; hyphens inside a phrase or the text are skipped, so "pro-government"
/// matches "pro government" and "pro-government". A phrase written in capitals ("IS", "RSF") only matches
/// capitals in the text, so acronyms do not fire on ordinary words.
public struct PhraseMatcher<Value> {
    struct Entry {
        var value: Value
        var length: Int
        var capsOnly: Bool
    }

    private var entries: [UInt64: [Entry]] = [:]
    public private(set) var maxLength = 0

    public init() {}

    public mutating func add(_ phrase: String, _ value: Value) {
        let text = AnalyzedText(phrase)
        var h = TokenHash.seed
        var n = 0
        for t in text.tokens where !t.has(.hyphen) {
            h = TokenHash.combine(h, t.hash)
            n += 1
        }
        guard n > 0 else { return }
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        let capsOnly = letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
        entries[h, default: []].append(Entry(value: value, length: n, capsOnly: capsOnly))
        maxLength = max(maxLength, n)
    }

    /// The longest phrase starting at token `i`: its value and the token index just after it.
    public func match(_ text: AnalyzedText, at i: Int, sameSentence: Bool = true) -> (value: Value, end: Int)? {
        let t = text.tokens
        guard i < t.count, t[i].isWord || t[i].has(.number) else { return nil }
        var h = TokenHash.seed
        var n = 0
        var j = i
        var best: (Value, Int)? = nil
        while j < t.count, n < maxLength {
            let tok = t[j]
            if tok.has(.hyphen) { j += 1; continue }
            if sameSentence && tok.sentence != t[i].sentence { break }
            guard tok.isWord || tok.has(.number) || tok.has(.punct) else { break }
            h = TokenHash.combine(h, tok.hash)
            n += 1
            if let es = entries[h] {
                for e in es where e.length == n {
                    if e.capsOnly && !(tok.has(.allCaps) || (n == 1 && isCaps(text, i, j))) { continue }
                    best = (e.value, j + 1)
                    break
                }
            }
            j += 1
        }
        return best
    }

    private func isCaps(_ text: AnalyzedText, _ i: Int, _ j: Int) -> Bool {
        // single-letter acronyms like "U.S." fold to several letters; the original must be all capitals
        for b in text.bytes[Int(text.tokens[i].start)..<Int(text.tokens[j].end)] where b >= 97 && b <= 122 { return false }
        return true
    }

    public var isEmpty: Bool { entries.isEmpty }
}
