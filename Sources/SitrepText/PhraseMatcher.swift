/// Longest-match look-up of multi-word phrases over tokens, by hashes of folded words.
///
/// Phrases are tokenized like text; hyphens inside a phrase or the text are skipped, so "pro-government"
/// matches "pro government" and "pro-government". A phrase written in capitals ("IS", "RSF") only matches
/// capitals in the text, so acronyms do not fire on ordinary words. Every proper prefix of a phrase is
/// indexed too, so a look-up stops at the first word no phrase continues with (most tokens: one probe).
public final class PhraseMatcher<Value>: @unchecked Sendable {
    @usableFromInline let index = PhraseIndex()
    @usableFromInline var values: [Value] = []

    public init() {}

    public func add(_ phrase: String, _ value: Value) {
        values.append(value)
        index.add(phrase, id: Int32(values.count - 1))
    }

    /// The longest phrase starting at token `i`: its value and the token index just after it.
    @inlinable
    public func match(_ text: AnalyzedText, at i: Int, sameSentence: Bool = true) -> (value: Value, end: Int)? {
        // inlined at every call: most words start no phrase, and are refused before any call
        guard i < text.tokens.count, index.mayStart(text.tokens[i].hash) else { return nil }
        guard let (id, end) = index.match(text, at: i, sameSentence: sameSentence) else { return nil }
        return (values[Int(id)], end)
    }

    public var maxLength: Int { index.maxLength }
    public var isEmpty: Bool { values.isEmpty }
}

/// The non-generic core of `PhraseMatcher`: phrases to ids.
public final class PhraseIndex: @unchecked Sendable {
    struct Entry: Sendable {
        var id: Int32
        var length: Int
        var capsOnly: Bool
        var next: Int32
    }

    private var entries: [Entry] = []
    /// Phrase or prefix hash → (first entry index + 1) << 1 | (1 when a longer phrase continues it); entries of
    /// one hash are chained by `next`. One probe per word tells both.
    private var table = HashTable()
    /// One bit per first-word hash (65,536 bits, in L1 cache): most words start no phrase, and are refused
    /// here without a probe of the table. A pointer, so reading it retains nothing.
    @usableFromInline let firstWords: UnsafeMutablePointer<UInt64>
    public private(set) var maxLength = 0

    @inlinable @inline(__always) static func bit(_ h: UInt64) -> (Int, UInt64) { (Int((h >> 6) & 1023), 1 << (h & 63)) }

    /// False when no phrase starts with the word of token hash `h`.
    @inlinable @inline(__always) public func mayStart(_ h: UInt64) -> Bool {
        let (w, b) = PhraseIndex.bit(TokenHash.combine(TokenHash.seed, h))
        return firstWords[w] & b != 0
    }

    public init() {
        firstWords = .allocate(capacity: 1024)
        firstWords.initialize(repeating: 0, count: 1024)
    }

    deinit { firstWords.deallocate() }

    public func add(_ phrase: String, id: Int32) {
        let text = AnalyzedText(phrase)
        var h = TokenHash.seed
        var n = 0
        let words = text.tokens.filter { !$0.has(.hyphen) }
        for (k, t) in words.enumerated() {
            h = TokenHash.combine(h, t.hash)
            n += 1
            if k == 0 {
                let (w, b) = PhraseIndex.bit(h)
                firstWords[w] |= b
            }
            if k < words.count - 1 { table[h] = (table[h] ?? 0) | 1 }
        }
        guard n > 0 else { return }
        let letters = phrase.unicodeScalars.filter { $0.properties.isAlphabetic }
        let capsOnly = letters.count >= 2 && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
        let old = table[h] ?? 0
        entries.append(Entry(id: id, length: n, capsOnly: capsOnly, next: (old >> 1) - 1))
        table[h] = Int32(entries.count) << 1 | (old & 1)
        maxLength = max(maxLength, n)
    }

    public func match(_ text: AnalyzedText, at i: Int, sameSentence: Bool = true) -> (Int32, Int)? {
        let t = text.tokens
        guard i < t.count else { return nil }
        let first = t[i]
        guard first.isWord || first.has(.number) else { return nil }
        var h = TokenHash.combine(TokenHash.seed, first.hash)
        let (w, b) = PhraseIndex.bit(h)
        guard firstWords[w] & b != 0 else { return nil }
        var n = 0
        var j = i
        var best: (Int32, Int)? = nil
        while j < t.count, n < maxLength {
            let tok = t[j]
            if tok.has(.hyphen) { j += 1; continue }
            if sameSentence && tok.sentence != first.sentence { break }
            if n > 0 { h = TokenHash.combine(h, tok.hash) }
            n += 1
            guard let slot = table[h] else { break }
            var e = (slot >> 1) - 1
            while e >= 0 {
                let entry = entries[Int(e)]
                if entry.length == n && (!entry.capsOnly || tok.has(.allCaps) || (n == 1 && isCaps(text, i, j))) {
                    best = (entry.id, j + 1)
                    break
                }
                e = entry.next
            }
            if slot & 1 == 0 { break }
            j += 1
        }
        return best
    }

    private func isCaps(_ text: AnalyzedText, _ i: Int, _ j: Int) -> Bool {
        // single-letter acronyms like "U.S." fold to several letters; the original must be all capitals
        for b in text.bytes[Int(text.tokens[i].start)..<Int(text.tokens[j].end)] where b >= 97 && b <= 122 { return false }
        return true
    }
}
