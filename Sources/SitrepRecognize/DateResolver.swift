import SitrepCore
import SitrepText

/// Finds time expressions and resolves them against the publication date (spec/ontology.md, "Dates").
///
/// Explicit dates ("12 August 2021", "Aug. 12", "2021-08-12"), weekdays (the latest such day on or before
/// publication; "last Monday" strictly before), today/yesterday/"N days ago", weeks ("this week", "in the
/// past week", "last week", "over the weekend"), months ("last month", "in May", "since May") and years.
/// Without a publication date, relative expressions keep their text and resolve to nothing.
public struct DateResolver: Sendable {
    static func h(_ s: String) -> UInt64 { TokenHash.of(s.utf8) }

    static let months: HashMap<Int> = {
        var m = HashMap<Int>()
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        for (i, n) in names.enumerated() { m[h(n)] = i + 1 }
        for (i, n) in short.enumerated() { m[h(n)] = i + 1 }
        m[h("sept")] = 9
        return m
    }()
    static let weekdays: HashMap<Int> = {
        var m = HashMap<Int>()
        for (i, n) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            m[h(n)] = i
        }
        return m
    }()
    static let hLast = h("last"), hPast = h("past"), hThis = h("this"), hNext = h("next"), hWeek = h("week"),
               hMonth = h("month"), hYear = h("year"), hToday = h("today"), hTonight = h("tonight"),
               hYesterday = h("yesterday"), hAgo = h("ago"), hDays = h("days"), hDay = h("day"), hWeekend = h("weekend"),
               hMorning = h("morning"), hAfternoon = h("afternoon"), hEvening = h("evening"), hNight = h("night"),
               hSince = h("since"), hIn = h("in"), hOn = h("on"), hEarlier = h("earlier"), hWeeks = h("weeks"),
               hThe = h("the"), hOver = h("over"), hFew = h("few"), hOf = h("of"), hLate = h("late"), hEarly = h("early"),
               hUntil = h("until"), hDuring = h("during"), hBy = h("by"), hFrom = h("from"), hSeven = h("seven"),
               hCurrent = h("current")
    static let numberWords: HashMap<Int> = {
        var m = HashMap<Int>()
        for (i, n) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].enumerated() {
            m[h(n)] = i + 1
        }
        return m
    }()

    public init() {}

    public func resolve(_ text: AnalyzedText, published: Day?) -> [DateMention] {
        let t = text.tokens
        var out: [DateMention] = []
        var i = 0
        func number(_ k: Int) -> Int? {
            guard k < t.count, t[k].has(.number) else { return nil }
            let s = text.foldedString(k)
            guard s.count <= 4, let v = Int(s) else { return nil }
            return v
        }
        func year(_ k: Int) -> Int? {
            guard let v = number(k), v >= 1900, v <= 2100, text.foldedBytes(k).count == 4 else { return nil }
            return v
        }
        func emit(_ r: Range<Int>, _ s: Day?, _ e: Day?, _ p: DatePrecision) {
            let txt = text.text(tokens: r)
            let d = EventDate(start: s, end: e, text: txt, precision: s == nil ? .unknown : p)
            out.append(DateMention(tokens: r, date: d, sentence: Int(t[r.lowerBound].sentence)))
        }
        func isWord(_ k: Int, _ hash: UInt64) -> Bool { k >= 0 && k < t.count && t[k].hash == hash }
        /// The year of a month named without one: this year, unless that month is still ahead.
        func yearFor(month: Int) -> Int? {
            guard let p = published else { return nil }
            return month > p.month ? p.year - 1 : p.year
        }
        let starts = DateResolver.starts
        while i < t.count {
            let tok = t[i]
            let hsh = tok.hash
            // most tokens start no rule below: skipped without trying each
            if !tok.has(.number) && !starts.contains(hsh) {
                i += 1
                continue
            }
            // ISO 2021-08-12
            if let y = year(i), i + 4 < t.count, t[i + 1].has(.hyphen), t[i + 3].has(.hyphen),
               let m = number(i + 2), let d = number(i + 4), let day = Day(iso: "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)") {
                emit(i..<(i + 5), day, day, .day)
                i += 5
                continue
            }
            // 12 August [2021]
            if let d = number(i), d >= 1, d <= 31, i + 1 < t.count, let m = DateResolver.months[t[i + 1].hash],
               t[i + 1].isCapitalized {
                var end = i + 2
                if end < t.count, text.token(t[end], is: ".") { end += 1 }
                var y = yearFor(month: m)
                if let yy = year(end) { y = yy; end += 1 } else if end + 1 < t.count, text.token(t[end], is: ","), let yy = year(end + 1) {
                    y = yy
                    end += 2
                }
                let day = y.flatMap { y in d <= Day.daysIn(year: y, month: m) ? Day(year: y, month: m, day: d) : nil }
                emit(i..<end, day, day, .day)
                i = end
                continue
            }
            if let m = DateResolver.months[hsh], tok.isCapitalized, !(m == 5 && !looksLikeMonthMay(text, i)) {
                var k = i + 1
                if k < t.count, text.token(t[k], is: ".") { k += 1 }
                // August 12[, 2021]
                if let d = number(k), d >= 1, d <= 31, year(k) == nil {
                    var end = k + 1
                    var y = yearFor(month: m)
                    if end + 1 < t.count, text.token(t[end], is: ","), let yy = year(end + 1) { y = yy; end += 2 } else if let yy = year(end) {
                        y = yy
                        end += 1
                    }
                    let day = y.flatMap { y in d <= Day.daysIn(year: y, month: m) ? Day(year: y, month: m, day: d) : nil }
                    emit(i..<end, day, day, .day)
                    i = end
                    continue
                }
                // August 2021
                if let y = year(k) {
                    let s = Day(year: y, month: m, day: 1)
                    emit(i..<(k + 1), s, s.lastOfMonth, .month)
                    i = k + 1
                    continue
                }
                // in / since / by May
                let prev = i > 0 ? t[i - 1].hash : 0
                if prev == DateResolver.hIn || prev == DateResolver.hSince || prev == DateResolver.hUntil
                    || prev == DateResolver.hDuring || prev == DateResolver.hBy || prev == DateResolver.hFrom
                    || prev == DateResolver.hOf || prev == DateResolver.hEarly || prev == DateResolver.hLate {
                    let y = yearFor(month: m)
                    let s = y.map { Day(year: $0, month: m, day: 1) }
                    if prev == DateResolver.hSince {
                        emit((i - 1)..<(i + 1), s, published, .month)
                    } else {
                        emit((i - 1)..<(i + 1), s, s?.lastOfMonth, .month)
                    }
                    i += 1
                    continue
                }
            }
            // weekdays, with "last", "earlier", "late", "on"
            if let wd = DateResolver.weekdays[hsh] {
                var lo = i
                var strict = false
                if i > 0 && (isWord(i - 1, DateResolver.hLast) || isWord(i - 1, DateResolver.hPast)) { lo = i - 1; strict = true }
                if i > 0 && (isWord(i - 1, DateResolver.hEarlier) || isWord(i - 1, DateResolver.hLate)
                             || isWord(i - 1, DateResolver.hEarly) || isWord(i - 1, DateResolver.hOn)) { lo = i - 1 }
                var end = i + 1
                if end < t.count, [DateResolver.hMorning, DateResolver.hAfternoon, DateResolver.hEvening, DateResolver.hNight].contains(t[end].hash) {
                    end += 1
                }
                // "Thursday, August 12" is dated by the explicit date that follows
                if end + 1 < t.count, text.token(t[end], is: ","), DateResolver.months[t[end + 1].hash] != nil { i = end + 1; continue }
                var day: Day? = nil
                if let p = published {
                    var back = (p.weekday - wd + 7) % 7
                    if strict && back == 0 { back = 7 }
                    day = p.adding(days: -back)
                }
                emit(lo..<end, day, day, .day)
                i = end
                continue
            }
            if hsh == DateResolver.hToday || hsh == DateResolver.hTonight {
                emit(i..<(i + 1), published, published, .day)
                i += 1
                continue
            }
            if (hsh == DateResolver.hThis || hsh == DateResolver.hEarlier) && i + 1 < t.count
                && [DateResolver.hMorning, DateResolver.hAfternoon, DateResolver.hEvening].contains(t[i + 1].hash) {
                emit(i..<(i + 2), published, published, .day)
                i += 2
                continue
            }
            if hsh == DateResolver.hYesterday {
                let d = published?.adding(days: -1)
                emit(i..<(i + 1), d, d, .day)
                i += 1
                continue
            }
            // N days ago
            if let n = number(i) ?? DateResolver.numberWords[hsh], i + 2 < t.count, t[i + 1].hash == DateResolver.hDays,
               t[i + 2].hash == DateResolver.hAgo {
                let d = published?.adding(days: -n)
                emit(i..<(i + 3), d, d, .day)
                i += 3
                continue
            }
            // last / this / past week, month, year; the weekend
            if hsh == DateResolver.hLast || hsh == DateResolver.hThis || hsh == DateResolver.hPast || hsh == DateResolver.hCurrent {
                var k = i + 1
                if k < t.count, t[k].hash == DateResolver.hFew || t[k].hash == DateResolver.hSeven { k += 1 }
                if k < t.count {
                    let unit = t[k].hash
                    let lo = (i > 0 && isWord(i - 1, DateResolver.hThe)) ? (i > 1 && (isWord(i - 2, DateResolver.hIn) || isWord(i - 2, DateResolver.hOver)) ? i - 2 : i - 1) : i
                    let r = lo..<(k + 1)
                    if unit == DateResolver.hWeek || unit == DateResolver.hDays || unit == DateResolver.hWeeks {
                        if let p = published {
                            if hsh == DateResolver.hThis {
                                emit(r, p.adding(days: -p.weekday), p, .week)
                            } else if hsh == DateResolver.hLast && lo == i && unit == DateResolver.hWeek {
                                let mon = p.adding(days: -p.weekday - 7)
                                emit(r, mon, mon.adding(days: 6), .week)
                            } else {
                                emit(r, p.adding(days: unit == DateResolver.hWeeks ? -21 : -7), p, .week)
                            }
                        } else {
                            emit(r, nil, nil, .week)
                        }
                        i = k + 1
                        continue
                    }
                    if unit == DateResolver.hMonth {
                        if let p = published {
                            let m = hsh == DateResolver.hThis || hsh == DateResolver.hCurrent ? p.firstOfMonth : p.firstOfMonth.adding(days: -1).firstOfMonth
                            emit(r, m, hsh == DateResolver.hThis ? p : m.lastOfMonth, .month)
                        } else {
                            emit(r, nil, nil, .month)
                        }
                        i = k + 1
                        continue
                    }
                    if unit == DateResolver.hYear {
                        if let p = published {
                            let y = hsh == DateResolver.hThis || hsh == DateResolver.hCurrent ? p.year : p.year - 1
                            emit(r, Day(year: y, month: 1, day: 1), Day(year: y, month: 12, day: 31), .year)
                        } else {
                            emit(r, nil, nil, .year)
                        }
                        i = k + 1
                        continue
                    }
                    if unit == DateResolver.hWeekend {
                        if let p = published {
                            let back = (p.weekday - 6 + 7) % 7
                            let sun = p.adding(days: -back)
                            emit(r, sun.adding(days: -1), sun, .week)
                        } else {
                            emit(r, nil, nil, .week)
                        }
                        i = k + 1
                        continue
                    }
                }
            }
            if hsh == DateResolver.hWeekend, i > 0, isWord(i - 1, DateResolver.hThe) {
                let lo = i > 1 && (isWord(i - 2, DateResolver.hOver) || isWord(i - 2, DateResolver.hAt)) ? i - 2 : i - 1
                if let p = published {
                    let back = (p.weekday - 6 + 7) % 7
                    let sun = p.adding(days: -back)
                    emit(lo..<(i + 1), sun.adding(days: -1), sun, .week)
                } else {
                    emit(lo..<(i + 1), nil, nil, .week)
                }
                i += 1
                continue
            }
            // a year: "in 2015", "since 2014"
            if let y = year(i), i > 0, [DateResolver.hIn, DateResolver.hSince, DateResolver.hUntil, DateResolver.hDuring,
                                        DateResolver.hOf, DateResolver.hBy, DateResolver.hEarly, DateResolver.hLate].contains(t[i - 1].hash) {
                emit((i - 1)..<(i + 1), Day(year: y, month: 1, day: 1), Day(year: y, month: 12, day: 31), .year)
                i += 1
                continue
            }
            i += 1
        }
        return out
    }

    /// Every word a rule of `resolve` can start at (numbers aside): months, weekdays, number words and the
    /// relative words. A rule that starts at another word must add it here.
    static let starts: HashSet = {
        var s = HashSet()
        for m in [months.keys, weekdays.keys, numberWords.keys] { for k in m { s.insert(k) } }
        for k in [hToday, hTonight, hThis, hEarlier, hYesterday, hLast, hPast, hCurrent, hWeekend] { s.insert(k) }
        return s
    }()

    static let hAt = h("at")
    static let hMay = h("may")

    /// "May" is a month after a preposition or before a day or year, otherwise the verb.
    func looksLikeMonthMay(_ text: AnalyzedText, _ i: Int) -> Bool {
        let t = text.tokens
        if i + 1 < t.count, t[i + 1].has(.number) { return true }
        if i > 0, [DateResolver.hIn, DateResolver.hSince, DateResolver.hUntil, DateResolver.hOf, DateResolver.hEarly,
                   DateResolver.hLate, DateResolver.hDuring, DateResolver.hBy, DateResolver.hFrom].contains(t[i - 1].hash) {
            return true
        }
        return false
    }
}
