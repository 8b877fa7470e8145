/// An open-addressing table from 64-bit hashes to 32-bit values, for look-ups on the hot path.
///
/// Keys are already well-mixed hashes (FNV-1a), so the slot is the key's low bits; no `Hasher`, no
/// allocation per look-up. Key 0 marks an empty slot, so a key of 0 is stored as 1.
public struct HashTable: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = Array(repeating: 0, count: n)
        values = Array(repeating: 0, count: n)
        mask = n - 1
    }

    @inlinable @inline(__always) static func fix(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    @inlinable @inline(__always) func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k ^ (k >> 29)) & UInt64(mask)) }

    /// Inlinable: probed per token from every module, where a call and the table's retain cost more than the probe.
    public subscript(_ key: UInt64) -> Int32? {
        @inlinable @inline(__always) get {
            let k = HashTable.fix(key)
            var i = slot(k)
            while true {
                let s = keys[i]
                if s == k { return values[i] }
                if s == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let v = newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            let k = HashTable.fix(key)
            var i = slot(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = v
        }
    }

    @inlinable @inline(__always) public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        let oldK = keys, oldV = values
        keys = Array(repeating: 0, count: oldK.count * 2)
        values = Array(repeating: 0, count: oldK.count * 2)
        mask = keys.count - 1
        count = 0
        for i in oldK.indices where oldK[i] != 0 { self[oldK[i]] = oldV[i] }
    }
}
