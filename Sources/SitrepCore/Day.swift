/// A calendar day (proleptic Gregorian), cheap to compare and to shift.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a longer timestamp is cut to its date); nil for anything else or an impossible day.
    public init?(iso: String) {
        var iso = iso
        guard let d = iso.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = d
    }

    /// The same from UTF-8 bytes (a column of a stored row), without making a string.
    public init?(isoUTF8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10),
              m >= 1, m <= 12, d >= 1, d <= Day.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((ordinal % 7) + 10) % 7 }

    public var firstOfMonth: Day { Day(year: year, month: month, day: 1) }
    public var lastOfMonth: Day { Day(year: year, month: month, day: Day.daysIn(year: year, month: month)) }

    public var description: String {
        guard (0...9999).contains(year) else {
            return (year < 0 ? "-" : "") + String(abs(year)) + "-" + (month < 10 ? "0" : "") + String(month) + "-"
                + (day < 10 ? "0" : "") + String(day)
        }
        // digit by digit: the store writes a day per mention
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ v: Int, _ at: Int, _ width: Int) {
                var x = v
                for k in stride(from: at + width - 1, through: at, by: -1) {
                    b[k] = UInt8(48 + x % 10)
                    x /= 10
                }
            }
            put(year, 0, 4)
            b[4] = 45
            put(month, 5, 2)
            b[7] = 45
            put(day, 8, 2)
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}
