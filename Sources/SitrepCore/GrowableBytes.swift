/// Growable bytes behind a pointer, appended without `Array.append`'s uniqueness and capacity checks per byte
/// (named apart from NIO's `ByteBuffer`, which the server imports beside this module).
///
/// The tokenizer writes the folded text into one, and `JSONWriter` its output (copying it first when a writer
/// was copied: a reference type shared by two writers would be written by both).
public final class GrowableBytes {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0
    public var count: Int { used }
    @usableFromInline var capacity: Int

    public init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What has been written.
    public var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: used) }

    public var last: UInt8? { used > 0 ? base[used - 1] : nil }

    /// Room for `extra` more bytes.
    @inlinable @inline(__always) public func reserve(_ extra: Int) {
        if used + extra > capacity { grow(to: used + extra) }
    }

    @usableFromInline func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: used)
        base.deallocate()
        base = b
        capacity = c
    }

    @inlinable @inline(__always) public func append(_ b: UInt8) {
        reserve(1)
        base[used] = b
        used += 1
    }

    @inlinable @inline(__always) public func append(_ p: UnsafeBufferPointer<UInt8>) {
        guard let from = p.baseAddress, !p.isEmpty else { return }
        reserve(p.count)
        (base + used).update(from: from, count: p.count)
        used += p.count
    }

    /// `bytes[r]`: a word is a few bytes, copied eight at a time where eight can be read (a call to `memcpy`,
    /// or a byte loop whose end was mispredicted, cost more). Up to seven bytes past the copy are written in
    /// the spare capacity.
    @inlinable public func append(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
        let n = r.count
        guard n > 0, let from = bytes.baseAddress else { return }
        reserve(n + 8)
        if r.lowerBound + (n + 7) & ~7 <= bytes.count {
            let src = UnsafeRawPointer(from + r.lowerBound), dst = UnsafeMutableRawPointer(base + used)
            var k = 0
            repeat {
                let word = src.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                dst.storeBytes(of: word, toByteOffset: k, as: UInt64.self)
                k += 8
            } while k < n
        } else {
            for k in 0..<n { base[used + k] = from[r.lowerBound + k] }
        }
        used += n
    }

    public func append(contentsOf bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0, 0..<$0.count) } }

    public func removeLast() { used -= 1 }

    public func removeAll() { used = 0 }

    /// ASCII capitals from `start` to the end made lower case.
    public func lowercaseASCII(from start: Int) {
        for k in start..<used where base[k] >= 65 && base[k] <= 90 { base[k] += 32 }
    }

    public func copy() -> GrowableBytes {
        let b = GrowableBytes(capacity: capacity)
        b.base.update(from: base, count: used)
        b.used = used
        return b
    }
}
