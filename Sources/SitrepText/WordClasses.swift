/// Words and the classes they belong to ("negation", "skip", "locative" ...), as bit sets keyed by the
/// folded word's hash: one probe and a mask test per question on the hot path.
public struct WordClasses: Sendable {
    @usableFromInline var table = HashTable()
    private var bits: [String: UInt64] = [:]

    public init() {}

    /// Rows of `word<TAB>class`.
    public init(rows: [[String]]) {
        for r in rows where r.count >= 2 { add(word: r[0], to: r[1]) }
    }

    public mutating func add(word: String, to cls: String) {
        let bit = bit(for: cls)
        let h = TokenHash.of(word: word)
        let old = table[h].map { UInt64(UInt32(bitPattern: $0)) } ?? 0
        table[h] = Int32(bitPattern: UInt32(truncatingIfNeeded: old | bit))
    }

    private mutating func bit(for cls: String) -> UInt64 {
        if let b = bits[cls] { return b }
        precondition(bits.count < 32, "at most 32 word classes")
        let b = UInt64(1) << UInt64(bits.count)
        bits[cls] = b
        return b
    }

    /// The mask of a class, to test many tokens against without hashing its name each time.
    public func mask(_ cls: String) -> UInt32 { UInt32(truncatingIfNeeded: bits[cls] ?? 0) }

    @inlinable @inline(__always)
    public func classes(_ hash: UInt64) -> UInt32 { table[hash].map { UInt32(bitPattern: $0) } ?? 0 }

    @inlinable @inline(__always)
    public func has(_ t: Token, _ mask: UInt32) -> Bool { classes(t.hash) & mask != 0 }
}
