/// A map from token hashes to values for look-ups per token: a `HashTable` of indexes into an array, so a
/// look-up costs no `Hasher` (token hashes are already mixed) and no allocation.
public struct HashMap<Value>: ExpressibleByDictionaryLiteral {
    @usableFromInline var index = HashTable()
    @usableFromInline var values: [Value] = []
    /// The keys, in the order they were first set.
    public private(set) var keys: [UInt64] = []

    public init() {}

    public init(dictionaryLiteral elements: (UInt64, Value)...) {
        for (k, v) in elements { self[k] = v }
    }

    public subscript(_ key: UInt64) -> Value? {
        @inlinable @inline(__always) get {
            guard let i = index[key] else { return nil }
            return values[Int(i)]
        }
        set {
            guard let v = newValue else { return }
            if let i = index[key] {
                values[Int(i)] = v
            } else {
                index[key] = Int32(values.count)
                values.append(v)
                keys.append(key)
            }
        }
    }

    public var count: Int { values.count }
}

extension HashMap: Sendable where Value: Sendable {}

/// A set of token hashes with the same cheap look-up.
public struct HashSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline var table = HashTable()

    public init() {}
    public init(arrayLiteral elements: UInt64...) { for e in elements { insert(e) } }
    public init<S: Sequence>(_ s: S) where S.Element == UInt64 { for e in s { insert(e) } }

    @inlinable @inline(__always) public func contains(_ h: UInt64) -> Bool { table[h] != nil }
    public mutating func insert(_ h: UInt64) { table[h] = 1 }
    public var count: Int { table.count }
    public var isEmpty: Bool { table.count == 0 }
}
