import Foundation

/// Minimal reader for the project's tab-separated data files (comments start with #).
///
/// Bytes, not `String` splitting: every process reads the lexicons at start-up.
public enum TSV {
    /// Each row's fields, trimmed of spaces, with the row's line number.
    public static func rows(_ url: URL) -> [([String], Int)] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return rows(bytes: [UInt8](data))
    }

    public static func rows(bytes b: [UInt8]) -> [([String], Int)] {
        var out: [([String], Int)] = []
        var n = 0
        var start = 0
        while start <= b.count {
            var end = start
            while end < b.count && b[end] != 10 { end += 1 }
            n += 1
            defer { start = end + 1 }
            if end == start && end == b.count { break }  // after the last newline
            if end == start || b[start] == UInt8(ascii: "#") { continue }
            var fields: [String] = []
            var f = start
            for k in start...end where k == end || b[k] == 9 {
                fields.append(trimmed(b, f, k))
                f = k + 1
            }
            out.append((fields, n))
        }
        return out
    }

    /// Spaces, tabs, carriage returns and no-break spaces cut from both ends.
    private static func trimmed(_ b: [UInt8], _ lo: Int, _ hi: Int) -> String {
        var lo = lo, hi = hi
        while true {
            if lo < hi, b[lo] == 32 || b[lo] == 13 { lo += 1; continue }
            if lo + 1 < hi, b[lo] == 0xC2, b[lo + 1] == 0xA0 { lo += 2; continue }
            break
        }
        while true {
            if hi > lo, b[hi - 1] == 32 || b[hi - 1] == 13 { hi -= 1; continue }
            if hi - 1 > lo, b[hi - 2] == 0xC2, b[hi - 1] == 0xA0 { hi -= 2; continue }
            break
        }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }
}
