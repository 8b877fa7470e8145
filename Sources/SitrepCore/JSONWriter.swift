/// Writes JSON into a byte buffer with keys in the order given: fast, no `Codable` on the output path.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needComma: [Bool] = [false]

    public init() { bytes.reserveCapacity(1024) }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needComma = [false]
    }

    private mutating func separator() {
        if needComma[needComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needComma[needComma.count - 1] = true
    }

    public mutating func beginObject() {
        separator()
        bytes.append(UInt8(ascii: "{"))
        needComma.append(false)
    }

    public mutating func endObject() {
        needComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separator()
        bytes.append(UInt8(ascii: "["))
        needComma.append(false)
    }

    public mutating func endArray() {
        needComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A key inside an object; the value call that follows must not add a comma.
    public mutating func key(_ k: String) {
        separator()
        appendString(k)
        bytes.append(UInt8(ascii: ":"))
        needComma[needComma.count - 1] = false
    }

    public mutating func string(_ s: String?) {
        separator()
        if let s { appendString(s) } else { appendLiteral("null") }
    }

    public mutating func int(_ v: Int?) {
        separator()
        if let v { appendLiteral(String(v)) } else { appendLiteral("null") }
    }

    public mutating func double(_ v: Double?, digits: Int = 5) {
        separator()
        guard let v, v.isFinite else { return appendLiteral("null") }
        appendLiteral(JSONWriter.format(v, digits: digits))
    }

    public mutating func bool(_ v: Bool) {
        separator()
        appendLiteral(v ? "true" : "false")
    }

    public mutating func null() {
        separator()
        appendLiteral("null")
    }

    public mutating func field(_ k: String, _ s: String?) { key(k); string(s) }
    public mutating func field(_ k: String, _ v: Int?) { key(k); int(v) }
    public mutating func field(_ k: String, _ v: Double?, digits: Int = 5) { key(k); double(v, digits: digits) }

    /// Rounds to `digits` decimals and drops trailing zeros ("0.85", "34.3482").
    public static func format(_ v: Double, digits: Int) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (v * p).rounded() / p
        if r == r.rounded() && abs(r) < 1e15 { return String(Int(r)) }
        var s = String(r)
        if s.contains("e") { s = String(format: r, digits: digits) }
        return s
    }

    private mutating func appendLiteral(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Copies runs that need no escaping in one go (most of a sentence is one run).
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            var start = 0
            for i in 0..<buf.count {
                let b = buf[i]
                if b >= 32 && b != 34 && b != 92 { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i]))
                switch b {
                case 34: bytes.append(contentsOf: [92, 34])
                case 92: bytes.append(contentsOf: [92, 92])
                case 10: bytes.append(contentsOf: [92, 110])
                case 13: bytes.append(contentsOf: [92, 114])
                case 9: bytes.append(contentsOf: [92, 116])
                default: bytes.append(contentsOf: [92, 117, 48, 48, JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 15)]])
                }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<buf.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

private extension String {
    init(format v: Double, digits: Int) {
        // Fixed notation without Foundation: integer part and fraction.
        let neg = v < 0
        var x = abs(v)
        let ip = x.rounded(.down)
        x -= ip
        var frac = ""
        for _ in 0..<digits {
            x *= 10
            let d = Int(x.rounded(.down))
            frac.append(Character(String(d)))
            x -= Double(d)
        }
        while frac.hasSuffix("0") { frac.removeLast() }
        self = (neg ? "-" : "") + String(Int(ip)) + (frac.isEmpty ? "" : "." + frac)
    }
}
