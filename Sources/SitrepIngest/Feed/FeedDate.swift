import Foundation
import SitrepCore

/// The day of a feed timestamp: RFC 822 (`Thu, 12 Aug 2021 10:00:00 GMT`, RSS) or ISO 8601 (Atom), as written.
///
/// Feeds in the wild break both forms (two-digit years, missing weekdays, month names in full, stray text);
/// anything with a recognizable day, month and year is read, anything else is nil.
enum FeedDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ s: String) -> Day? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = Day(iso: t) { return d }
        var day: Int?
        var month: Int?
        var year: Int?
        for word in t.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "/" }) {
            let w = word.lowercased()
            if w.contains(":") { continue }  // the time of day
            if let n = Int(w) {
                if w.count == 4 {
                    if year == nil { year = n }
                } else if day == nil && n >= 1 && n <= 31 {
                    day = n
                } else if year == nil && w.count == 2 {
                    year = n < 70 ? 2000 + n : 1900 + n
                }
            } else if month == nil, w.count >= 3, let m = months.firstIndex(of: String(w.prefix(3))) {
                month = m + 1
            }
        }
        guard let y = year, let m = month, let d = day, d <= Day.daysIn(year: y, month: m) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
