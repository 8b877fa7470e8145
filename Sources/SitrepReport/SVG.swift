import Foundation

/// Small helpers for writing SVG and HTML by hand: escaping (every string from a document is hostile input)
/// and number formatting.
enum SVG {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Colours for controllers, in order of how much they hold.
    static let palette = ["#c0392b", "#2166ac", "#1b9e77", "#7b3294", "#e08214", "#4d4d4d", "#b2182b", "#35978f"]
}
