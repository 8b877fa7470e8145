/// The tokenizer's output bytes, appended through a pointer: `Array.append` checked the buffer's uniqueness
/// at every byte of the text.
struct FoldBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var c = capacity * 2
        while c < count + extra { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// `bytes[r]`, copied by index: a closure over the array's buffer here cost more than the copy.
    mutating func append(_ bytes: [UInt8], _ r: Range<Int>) {
        reserve(r.count)
        for k in r {
            base[count] = bytes[k]
            count += 1
        }
    }

    mutating func append(contentsOf bytes: [UInt8]) { append(bytes, 0..<bytes.count) }

    /// ASCII capitals from `start` to the end made lower case.
    mutating func lowercaseASCII(from start: Int) {
        for k in start..<count where base[k] >= 65 && base[k] <= 90 { base[k] += 32 }
    }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    mutating func removeLast() { count -= 1 }

    func hash(_ r: Range<Int>) -> UInt64 { TokenHash.of(UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)) }

    func copy(into array: inout [UInt8]) { array.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }
}
