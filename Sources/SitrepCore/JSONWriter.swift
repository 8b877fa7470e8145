/// Writes JSON into a byte buffer with keys in the order given: fast, no `Codable` on the output path.
///
/// Numbers and days are written digit by digit and the comma state is a bit stack: `sitrep extract` writes a
/// few dozen values per mention, and no value here makes a `String` on the way.
public struct JSONWriter {
    /// The output, written through a pointer: `Array.append` checked uniqueness and capacity for every byte.
    private var buffer: GrowableBytes

    /// What has been written.
    public var bytes: [UInt8] { Array(buffer.contents) }

    /// Appends what has been written to `out`, without an intermediate array.
    public func append(to out: inout [UInt8]) { out.append(contentsOf: buffer.contents) }
    /// Bit `depth` set: the current object or array already holds a value (a comma before the next).
    private var commas: UInt64 = 0
    private var depth = 0
    /// The same flags for levels 64 and deeper.
    private var deep: [Bool] = []

    public init() { buffer = GrowableBytes(capacity: 1024) }

    /// A writer with room for `capacity` bytes before it first grows (and copies what it holds).
    public init(capacity: Int) { buffer = GrowableBytes(capacity: capacity) }

    public mutating func reset() {
        own()
        buffer.removeAll()
        commas = 0
        depth = 0
        deep.removeAll()
    }

    @inline(__always) private mutating func separator() {
        guard depth < 64 else {
            if deep[depth - 64] { put(UInt8(ascii: ",")) }
            deep[depth - 64] = true
            return
        }
        let bit: UInt64 = 1 << UInt64(depth)
        if commas & bit != 0 { put(UInt8(ascii: ",")) }
        commas |= bit
    }

    /// After a key: its value takes no comma.
    @inline(__always) private mutating func clearComma() {
        if depth < 64 { commas &= ~(1 << UInt64(depth)) } else { deep[depth - 64] = false }
    }

    private mutating func push() {
        depth += 1
        if depth >= 64 { deep.append(false) }
        clearComma()
    }

    private mutating func pop() {
        if depth >= 64 { deep.removeLast() }
        depth -= 1
    }

    public mutating func beginObject() {
        own()
        separator()
        put(UInt8(ascii: "{"))
        push()
    }

    public mutating func endObject() {
        own()
        pop()
        put(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        own()
        separator()
        put(UInt8(ascii: "["))
        push()
    }

    public mutating func endArray() {
        own()
        pop()
        put(UInt8(ascii: "]"))
    }

    /// A key inside an object; the value call that follows must not add a comma. Keys are literals of the
    /// schema, written as they are: no escaping to check.
    public mutating func key(_ k: StaticString) {
        own()
        putKey(k)
        clearComma()
    }

    /// The separator and `"k":`, the comma flag left set for the value that follows at once (a field).
    @inline(__always) private mutating func putKey(_ k: StaticString) {
        separator()
        let n = k.utf8CodeUnitCount
        reserve(n + 3)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UnsafeBufferPointer(start: k.utf8Start, count: n))
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
    }

    /// A value written before, as JSON bytes (`encoded`): what many lines repeat is encoded once.
    public mutating func encoded(_ value: [UInt8]) {
        own()
        separator()
        put(value)
    }

    /// Ends a line of JSON Lines after a top-level value: the next value starts a new line, in the same buffer.
    public mutating func endLine() {
        own()
        precondition(depth == 0, "a line ends after a whole value")
        put(10)
        commas = 0
    }

    /// The bytes of one value written by `body`.
    public static func encode(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter()
        body(&w)
        return w.bytes
    }

    public mutating func string(_ s: String?) {
        own()
        separator()
        if let s { appendString(s) } else { appendNull() }
    }

    public mutating func int(_ v: Int?) {
        own()
        separator()
        if let v { appendInt(v) } else { appendNull() }
    }

    public mutating func double(_ v: Double?, digits: Int = 5) {
        own()
        separator()
        guard let v, v.isFinite else { return appendNull() }
        appendDouble(v, digits: digits)
    }

    /// A day as its `YYYY-MM-DD` string.
    public mutating func day(_ d: Day?) {
        own()
        separator()
        guard let d else { return appendNull() }
        appendDay(d)
    }

    private mutating func appendDay(_ d: Day) {
        put(UInt8(ascii: "\""))
        appendPadded(d.year, width: 4)
        put(UInt8(ascii: "-"))
        appendPadded(d.month, width: 2)
        put(UInt8(ascii: "-"))
        appendPadded(d.day, width: 2)
        put(UInt8(ascii: "\""))
    }

    public mutating func bool(_ v: Bool) {
        own()
        separator()
        appendLiteral(v ? "true" : "false")
    }

    public mutating func null() {
        own()
        separator()
        appendNull()
    }

    // A field checks ownership and places its comma once for the key and its value: a mention is some forty
    // fields.
    public mutating func field(_ k: StaticString, _ s: String?) {
        own()
        putKey(k)
        if let s { appendString(s) } else { appendNull() }
    }

    public mutating func field(_ k: StaticString, _ v: Int?) {
        own()
        putKey(k)
        if let v { appendInt(v) } else { appendNull() }
    }

    public mutating func field(_ k: StaticString, _ v: Double?, digits: Int = 5) {
        own()
        putKey(k)
        guard let v, v.isFinite else { return appendNull() }
        appendDouble(v, digits: digits)
    }

    public mutating func field(_ k: StaticString, _ d: Day?) {
        own()
        putKey(k)
        guard let d else { return appendNull() }
        appendDay(d)
    }

    /// Rounds to `digits` decimals and drops trailing zeros ("0.85", "34.3482").
    public static func format(_ v: Double, digits: Int) -> String {
        var w = JSONWriter()
        w.appendDouble(v, digits: digits)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    // MARK: bytes

    /// The buffer made this writer's own (a copied writer copies it first): once in every public method that
    /// writes, before any byte, and not at every byte (the check is a call into the runtime).
    @inline(__always) private mutating func own() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy() }
    }

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) { buffer.reserve(n) }

    @inline(__always) private mutating func put(_ b: UInt8) { buffer.append(b) }

    private mutating func put(_ p: UnsafeBufferPointer<UInt8>) { buffer.append(p) }

    private mutating func put(_ p: UnsafeRawBufferPointer) { put(p.bindMemory(to: UInt8.self)) }

    private mutating func put(_ a: [UInt8]) { a.withUnsafeBufferPointer { put($0) } }

    private mutating func appendLiteral(_ s: StaticString) {
        s.withUTF8Buffer { put($0) }
    }

    @inline(__always) private mutating func appendNull() { appendLiteral("null") }

    private mutating func appendInt(_ v: Int) {
        if v < 0 {
            put(UInt8(ascii: "-"))
            if v == .min { return appendLiteral("9223372036854775808") }
        }
        appendDigits(UInt64(v.magnitude), minimum: 1)
    }

    private mutating func appendPadded(_ v: Int, width: Int) {
        if v < 0 { put(UInt8(ascii: "-")) }
        appendDigits(UInt64(v.magnitude), minimum: width)
    }

    /// The decimal digits of `v`, zero-padded to `minimum`.
    private mutating func appendDigits(_ v: UInt64, minimum: Int) {
        var buf: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: the 20 digits of UInt64.max fit
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &buf) { raw in
            repeat {
                raw[23 - n] = UInt8(48 + x % 10)
                x /= 10
                n += 1
            } while x > 0 || n < minimum && n < 24
            put(UnsafeRawBufferPointer(rebasing: raw[(24 - n)...]))
        }
    }

    /// Fixed notation, rounded to `digits` decimals, no trailing zeros: the digits of the rounded value
    /// itself, not of its binary approximation.
    private mutating func appendDouble(_ v: Double, digits: Int) {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let scaled = (v * p).rounded()
        guard scaled.magnitude < 9.0e15 else {
            // beyond exact integers: the standard shortest form
            return put(Array(String((scaled / p).rounded()).utf8))
        }
        let units = Int64(scaled)
        if units < 0 { put(UInt8(ascii: "-")) }
        let m = UInt64(units.magnitude)
        var pow: UInt64 = 1
        for _ in 0..<digits { pow *= 10 }
        appendDigits(m / pow, minimum: 1)
        var frac = m % pow
        guard frac != 0 else { return }
        var width = digits
        while frac % 10 == 0 {
            frac /= 10
            width -= 1
        }
        put(UInt8(ascii: "."))
        appendDigits(frac, minimum: width)
    }

    /// Copies runs that need no escaping in one go (most of a sentence is one run).
    private mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { src in
            // room for the text as it is and its quotes; an escape asks for more
            reserve(src.count + 2)
            put(UInt8(ascii: "\""))
            var start = 0
            while true {
                let e = JSONWriter.escapeIndex(src, from: start)
                put(UnsafeBufferPointer(rebasing: src[start..<e]))
                if e == src.count { break }
                let c = src[e]
                switch c {
                case 34: put([92, 34])
                case 92: put([92, 92])
                case 10: put([92, 110])
                case 13: put([92, 114])
                case 9: put([92, 116])
                default: put([92, 117, 48, 48, JSONWriter.hex[Int(c >> 4)], JSONWriter.hex[Int(c & 15)]])
                }
                start = e + 1
            }
            put(UInt8(ascii: "\""))
        }
    }

    /// The first byte at or after `start` that JSON must escape (a control character, a quote, a backslash),
    /// or the end: eight bytes at a time while none is near. Where a JSON string ends or escapes, for readers too.
    public static func escapeIndex(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        guard start < n, let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i < n {
            if i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let control = (x &- 0x2020_2020_2020_2020) & ~x
                let q = x ^ 0x2222_2222_2222_2222, bs = x ^ 0x5C5C_5C5C_5C5C_5C5C
                let quote = (q &- ones) & ~q, backslash = (bs &- ones) & ~bs
                if (control | quote | backslash) & highs == 0 {
                    i += 8
                    continue
                }
            }
            let c = p[i]
            if c < 32 || c == 34 || c == 92 { return i }
            i += 1
        }
        return n
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
