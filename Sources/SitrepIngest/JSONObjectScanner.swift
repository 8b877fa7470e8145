import SitrepCore

/// The top-level members of one JSON object, read from its UTF-8 bytes in one pass.
///
/// Strings and integers are decoded; every other value is checked against the grammar (RFC 8259) and
/// skipped. A JSON Lines document needs a handful of fields: building Foundation objects for every value of
/// every line cost more than a third of reading the input. What `JSONSerialization` refuses, this refuses
/// too: fragments, raw control characters in strings, lone surrogates, invalid UTF-8, trailing bytes.
struct JSONObjectScanner {
    enum Value: Equatable {
        case string(String)
        case int(Int)
        case null
        /// A valid value of another kind: a fraction, a Boolean, an array, an object.
        case other
    }

    enum Failure: Error, Equatable {
        case invalid
        /// Valid JSON, but an array rather than an object.
        case notAnObject
    }

    /// Nesting deeper than this is refused rather than recursed into.
    static let maximumDepth = 512

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The members of the object `bytes` holds; for a repeated key the last value counts.
    static func members(_ bytes: ArraySlice<UInt8>) throws(Failure) -> [String: Value] {
        let result: Result<[String: Value], Failure> = bytes.withUnsafeBufferPointer { buf in
            guard UTF8Check.isValid(buf) else { return .failure(.invalid) }
            var s = JSONObjectScanner(buf)
            do throws(Failure) { return .success(try s.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private mutating func document() throws(Failure) -> [String: Value] {
        skipSpace()
        guard i < b.count else { throw .invalid }
        if b[i] == UInt8(ascii: "[") {
            _ = try value(depth: 0, decode: false)
            skipSpace()
            throw i == b.count ? .notAnObject : .invalid
        }
        guard b[i] == UInt8(ascii: "{") else { throw .invalid }
        i += 1
        var out: [String: Value] = [:]
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw .invalid }
                let key = try string()
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw .invalid }
                i += 1
                skipSpace()
                out[key] = try value(depth: 1, decode: true)
                skipSpace()
                let c = peek()
                i += 1
                if c == UInt8(ascii: ",") { continue }
                if c == UInt8(ascii: "}") { break }
                throw .invalid
            }
        }
        skipSpace()
        guard i == b.count else { throw .invalid }
        return out
    }

    @inline(__always) private func peek() -> UInt8 { i < b.count ? b[i] : 0 }

    @inline(__always) private mutating func skipSpace() {
        while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
    }

    private mutating func value(depth: Int, decode: Bool) throws(Failure) -> Value {
        guard depth <= JSONObjectScanner.maximumDepth else { throw .invalid }
        switch peek() {
        case UInt8(ascii: "\""):
            if decode { return .string(try string()) }
            try skipString()
            return .other
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try container(depth: depth)
            return .other
        case UInt8(ascii: "t"): try literal("true"); return .other
        case UInt8(ascii: "f"): try literal("false"); return .other
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func container(depth: Int) throws(Failure) {
        let close = b[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace()
        if peek() == close { i += 1; return }
        while true {
            skipSpace()
            if close == UInt8(ascii: "}") {
                guard peek() == UInt8(ascii: "\"") else { throw .invalid }
                try skipString()
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw .invalid }
                i += 1
                skipSpace()
            }
            _ = try value(depth: depth + 1, decode: false)
            skipSpace()
            let c = peek()
            i += 1
            if c == UInt8(ascii: ",") { continue }
            if c == close { return }
            throw .invalid
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw .invalid }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw .invalid }
        i += n
    }

    private mutating func number() throws(Failure) -> Value {
        let start = i
        var integral = true
        if peek() == UInt8(ascii: "-") { i += 1 }
        guard isDigit(peek()) else { throw .invalid }
        if peek() == UInt8(ascii: "0") { i += 1 } else { while isDigit(peek()) { i += 1 } }
        if peek() == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard isDigit(peek()) else { throw .invalid }
            while isDigit(peek()) { i += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            integral = false
            i += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek()) else { throw .invalid }
            while isDigit(peek()) { i += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if integral, let v = Int(text) { return .int(v) }
        // 3.0 or 1e3 is a whole number too, as Foundation's bridging reads it
        if let d = Double(text), d.rounded() == d, d.magnitude < 9.0e18 { return .int(Int(d)) }
        return .other
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// A string starting at its opening quote, unescaped.
    private mutating func string() throws(Failure) -> String {
        var k = i + 1
        let n = b.count
        var out: [UInt8] = []
        var runStart = k
        while true {
            // a run without escapes is copied (or decoded) in one go
            k = JSONWriter.escapeIndex(b, from: k)  // eight bytes at a time
            guard k < n, b[k] >= 0x20 else { throw .invalid }
            if b[k] == UInt8(ascii: "\"") {
                i = k + 1
                if out.isEmpty {
                    return String(decoding: UnsafeBufferPointer(rebasing: b[runStart..<k]), as: UTF8.self)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<k]))
                return String(decoding: out, as: UTF8.self)
            }
            if out.isEmpty { out.reserveCapacity(n - runStart) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<k]))
            guard k + 1 < n else { throw .invalid }
            let e = b[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var v = try hex4(at: k)
                k += 4
                if v >= 0xD800 && v < 0xDC00 {
                    // a high surrogate needs its low half
                    guard k + 1 < n, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u") else { throw .invalid }
                    let low = try hex4(at: k + 2)
                    k += 6
                    guard low >= 0xDC00 && low < 0xE000 else { throw .invalid }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                } else if v >= 0xDC00 && v < 0xE000 {
                    throw .invalid
                }
                guard let scalar = Unicode.Scalar(v) else { throw .invalid }
                out.append(contentsOf: UTF8.encode(scalar)!)
            default: throw .invalid
            }
            runStart = k
        }
    }

    private mutating func skipString() throws(Failure) {
        _ = try string()
    }

    private func hex4(at k: Int) throws(Failure) -> UInt32 {
        guard k + 4 <= b.count else { throw .invalid }
        var v: UInt32 = 0
        for c in b[k..<(k + 4)] {
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw .invalid
            }
            v = v << 4 | d
        }
        return v
    }
}

/// UTF-8 validity over bytes, ASCII eight bytes at a time.
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return false
            }
            guard i + len <= n, b[i + 1] >= lo, b[i + 1] <= hi else { return false }
            for k in 2..<len where b[i + k] & 0xC0 != 0x80 { return false }
            i += len
        }
        return true
    }
}
