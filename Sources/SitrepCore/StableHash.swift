/// FNV-1a, 64 bits: stable across runs and machines (Swift's `Hasher` is seeded per process).
public struct StableHash {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inline(__always)
    public mutating func add(_ b: UInt8) {
        value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3
    }

    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { add(b) }
    }

    /// Adds the bytes of `text` with each run of white space (space, tab, CR, LF) as one space and none at
    /// either end; returns the number of bytes added. A re-wrapped copy of a text hashes the same.
    public mutating func add(collapsingSpace text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var space = false
            var n = 0
            for b in bytes {
                if b == 32 || b == 10 || b == 13 || b == 9 { space = true; continue }
                if space && n > 0 { add(32); n += 1 }
                space = false
                add(b)
                n += 1
            }
            return n
        }
    }

    public static func of(_ s: String) -> UInt64 {
        var h = StableHash()
        h.add(s.utf8)
        return h.value
    }

    /// `hexID` of parts added one by one, without an array of them: a mention's id is made per mention.
    public mutating func add(part p: String, first: Bool = false) {
        if !first { add(0) }
        var p = p
        // the contiguous bytes: iterating the UTF-8 view went through its index at every byte
        p.withUTF8 { for b in $0 { add(b) } }
    }

    /// A short hex id: 16 hex digits of the hash of the parts joined by NUL.
    public static func hexID(_ parts: [String]) -> String {
        var h = StableHash()
        for (i, p) in parts.enumerated() { h.add(part: p, first: i == 0) }
        return hex(h.value)
    }

    /// The 16 lower-case hex digits of `v`, zero-padded.
    public static func hex(_ v: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { b in
            for k in 0..<16 {
                let d = UInt8((v >> UInt64(60 - 4 * k)) & 15)
                b[k] = d < 10 ? 48 + d : 87 + d
            }
            return 16
        }
    }
}
