import SitrepCore

/// Turns the bytes of a web page or feed into UTF-8, following the charset the page declares.
///
/// UTF-8 is the default. A page that declares windows-1252 or ISO-8859-1 (the common legacy Western charsets;
/// browsers read both as windows-1252) and is not valid UTF-8 is transcoded. Anything else that is not valid
/// UTF-8 is decoded with U+FFFD and a warning naming the first bad byte.
enum Charset {
    static func utf8(_ bytes: [UInt8], name: String, warn: (String) -> Void) -> [UInt8] {
        var b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
            return Array(utf16(b).utf8)
        }
        if String(validating: b, as: UTF8.self) != nil { return b }
        if let cs = declared(b), ["windows-1252", "cp1252", "iso-8859-1", "latin1", "iso-8859-15", "us-ascii",
                                  "ascii", "latin-1", "x-cp1252"].contains(cs) {
            return windows1252(b)
        }
        return Array(InputCheck.decode(b, name: name, warn: warn).utf8)
    }

    /// The charset named by a `<meta charset>`, a `content="…; charset=…"` or an XML declaration, lower case.
    static func declared(_ b: [UInt8]) -> String? {
        let head = Array(b.prefix(4096)).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for key in [Array("charset=".utf8), Array("encoding=".utf8)] {
            var i = 0
            while i + key.count < head.count {
                if head[i] == key[0] && Array(head[i..<i + key.count]) == key {
                    var j = i + key.count
                    while j < head.count && (head[j] == 34 || head[j] == 39 || head[j] == 32) { j += 1 }
                    var name: [UInt8] = []
                    while j < head.count, head[j].isCharsetByte { name.append(head[j]); j += 1 }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                i += 1
            }
        }
        return nil
    }

    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0xFFFD,
        0x17D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
        0x153, 0xFFFD, 0x17E, 0x178,
    ]

    static func windows1252(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for x in b {
            if x < 0x80 {
                out.append(x)
                continue
            }
            let v = x < 0xA0 ? high[Int(x - 0x80)] : UInt32(x)
            out.append(contentsOf: String(Character(Unicode.Scalar(v)!)).utf8)
        }
        return out
    }

    private static func utf16(_ b: [UInt8]) -> String {
        let little = b[0] == 0xFF
        var units: [UInt16] = []
        var i = 2
        while i + 1 < b.count {
            units.append(little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

private extension UInt8 {
    var isCharsetByte: Bool {
        (self >= 97 && self <= 122) || (self >= 48 && self <= 57) || self == 45 || self == 95 || self == 58
    }
}
