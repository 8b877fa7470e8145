/// Letter folding for matching: lower case, no diacritics, ASCII only.
///
/// `fold(scalar)` gives the ASCII letters a scalar folds to (empty for marks, apostrophes and 'ayn signs,
/// which names drop). Latin letters with diacritics lose them; æ, ø, ß, ł and friends get their usual spelling.
public enum Fold {
    /// 0x0000–0x024F and 0x1E00–0x1EFF, filled once.
    private static let table: [UInt32: [UInt8]] = build()

    private static func build() -> [UInt32: [UInt8]] {
        var t: [UInt32: [UInt8]] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ", "a"),
            ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđḌḍḎḏḐḑḒḓḊḋ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩẸẹẺẻẼẽẾếỀềỂểỄễỆệ", "e"),
            ("ĜĝĞğĠġĢģǦǧǴǵḠḡ", "g"), ("ĤĥĦħȞȟḤḥḦḧḨḩḪḫẖḢḣ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋỈỉỊị", "i"), ("Ĵĵǰ", "j"), ("ĶķǨǩḲḳḴḵḰḱ", "k"),
            ("ĹĺĻļĽľĿŀŁłḶḷḸḹḺḻḼḽ", "l"), ("ḾḿṀṁṂṃ", "m"), ("ÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋ", "n"),
            ("ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǪǫǬǭǾǿȌȍȎȏȪȫȬȭȮȯȰȱỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ", "o"),
            ("ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ", "r"), ("ŚśŜŝŞşŠšȘșṠṡṢṣṤṥṦṧṨṩ", "s"),
            ("ŢţŤťŦŧȚțṪṫṬṭṮṯṰṱẗ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗỤụỦủỨứỪừỬửỮữỰự", "u"),
            ("ŴŵẀẁẂẃẄẅ", "w"), ("ÝýÿŶŷŸȲȳỲỳỴỵỶỷỸỹ", "y"), ("ŹźŻżŽžẒẓẔẕẐẑ", "z"),
            ("ÆæǼǽǢǣ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
        ]
        for (chars, to) in groups {
            for s in chars.unicodeScalars { t[s.value] = Array(to.utf8) }
        }
        // Apostrophes, 'ayn and hamza signs, modifier letters and combining marks vanish.
        for v: UInt32 in [0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2C8, 0x2CA, 0x2CB, 0x2019, 0x2018, 0x60, 0x27, 0xB4] {
            t[v] = []
        }
        for v: UInt32 in 0x300...0x36F { t[v] = [] }
        return t
    }

    /// ASCII letters and digits of a scalar, lower-cased; nil when the scalar is not part of a word.
    @inline(__always)
    public static func letters(_ v: UInt32) -> [UInt8]? {
        if v < 128 {
            let b = UInt8(v)
            if b >= 65 && b <= 90 { return [b + 32] }
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { return [b] }
            if b == 39 || b == 96 { return [] }
            return nil
        }
        if let f = table[v] { return f }
        // Other letters (Cyrillic, Arabic ...) keep their UTF-8 bytes so they still match themselves.
        if let s = Unicode.Scalar(v), s.properties.isAlphabetic {
            return Array(String(s).lowercased().utf8)
        }
        return nil
    }

    /// Folds a whole string: words of ASCII letters, separated wherever the text has anything else.
    public static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        for sc in s.unicodeScalars {
            // ASCII without the one-letter array `letters` returns
            let v = sc.value
            if v < 128 {
                let b = UInt8(v)
                if b >= 65 && b <= 90 { cur.append(b + 32); continue }
                if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { cur.append(b); continue }
                if b == 39 || b == 96 { continue }
            } else if let l = letters(v) {
                cur.append(contentsOf: l)
                continue
            }
            if !cur.isEmpty {
                out.append(String(decoding: cur, as: UTF8.self))
                cur.removeAll(keepingCapacity: true)
            }
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }
}

extension Fold {
    /// Appends the folded form of a scalar to `buf`; false when the scalar is not part of a word.
    @inline(__always)
    public static func append(_ v: UInt32, to buf: inout [UInt8]) -> Bool {
        if v < 128 {
            let b = UInt8(v)
            if b >= 65 && b <= 90 { buf.append(b + 32); return true }
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { buf.append(b); return true }
            return false
        }
        guard let l = letters(v) else { return false }
        buf.append(contentsOf: l)
        return true
    }
}
