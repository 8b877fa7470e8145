import SitrepCore

/// Splits UTF-8 text into tokens in one pass over the bytes.
///
/// Words break at hyphens (so "Qala-i-Naw" is Qala, -, i, -, Naw and names can be folded part by part),
/// possessive 's and n't are tokens of their own, "U.S." stays one token, and numbers keep their commas.
public enum Tokenizer {
    public static func tokenize(_ text: [UInt8], folded output: inout [UInt8]) -> [Token] {
        // through a buffer pointer: the array's bounds check on every byte read was a fifth of the work
        text.withUnsafeBufferPointer { tokenize($0, folded: &output) }
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, folded output: inout [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        let n = bytes.count
        let offset = output.count
        let folded = GrowableBytes(capacity: n + n / 4)
        defer { output.append(contentsOf: folded.contents) }
        var i = 0
        var spaceBefore = true
        while i < n {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 {
                spaceBefore = true
                i += 1
                continue
            }
            let (v, len) = decode(bytes, i)
            if v == 0xA0 || v == 0x202F || v == 0x2009 || v == 0x200B || v == 0xFEFF {  // odd spaces
                spaceBefore = true
                i += len
                continue
            }
            let fs = folded.count
            if v < 128 ? (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) : isWordStart(v) {
                var j = i
                var caps = 0, letters = 0
                let first = v
                var digitsOnly = true
                while j < n {
                    // ASCII letters and digits, the bulk of the text: a run is scanned without decoding or
                    // property checks, then copied in one go and lower-cased in place
                    let run = j
                    var upper = false
                    while j < n {
                        let c = bytes[j]
                        if c >= 97 && c <= 122 {
                            letters += 1
                        } else if c >= 65 && c <= 90 {
                            caps += 1
                            letters += 1
                            upper = true
                        } else if !(c >= 48 && c <= 57) {
                            break
                        }
                        j += 1
                    }
                    if j > run {
                        if letters > 0 { digitsOnly = false }
                        let at = folded.count
                        folded.append(bytes, run..<j)
                        if upper { folded.lowercaseASCII(from: at) }
                        if j >= n { break }
                    }
                    // any other ASCII byte but an apostrophe ends the word (digits keep their separators)
                    let c = bytes[j]
                    if c < 128 && c != 39 && c != 96 {
                        if (c == 44 || c == 46) && digitsOnly && j + 1 < n && bytes[j + 1] >= 48 && bytes[j + 1] <= 57 {
                            j += 1
                            continue
                        }
                        break
                    }
                    let (w, l) = decode(bytes, j)
                    if isApostrophe(w) {
                        // possessive 's / s' and n't are their own tokens; an apostrophe inside a name is dropped
                        let after = j + l
                        let nextIsLetter = after < n && isLetterScalar(decode(bytes, after).0)
                        if !nextIsLetter { break }
                        let (nx, nl) = decode(bytes, after)
                        let afterNext = after + nl
                        let endsThere = afterNext >= n || !isLetterScalar(decode(bytes, afterNext).0)
                        if (nx == 115 || nx == 83) && endsThere { break }   // 's
                        if (nx == 116) && endsThere && folded.last == 110 && j - 1 > i { // n't: give back the n
                            folded.removeLast()
                            j -= 1
                            break
                        }
                        j += l
                        continue
                    }
                    if isWordScalar(w) {
                        if w >= 65 && w <= 90 { caps += 1 }
                        if isLetterScalar(w) { letters += 1 }
                        if !(w >= 48 && w <= 57) { digitsOnly = false }
                        if let l = Fold.letters(w) { folded.append(contentsOf: l) }
                        j += l
                        continue
                    }
                    // digits keep their , and . separators (1,000 / 2.5)
                    if (w == 44 || w == 46) && digitsOnly && j + 1 < n && bytes[j + 1] >= 48 && bytes[j + 1] <= 57 {
                        j += 1
                        continue
                    }
                    break
                }
                // U.S., U.N.: single capitals with periods
                if j < n && bytes[j] == 46 && j - i == 1 && caps == 1 && j + 2 < n && bytes[j + 2] == 46
                    && bytes[j + 1] >= 65 && bytes[j + 1] <= 90 {
                    var k = j
                    while k + 2 < n && bytes[k] == 46 && bytes[k + 1] >= 65 && bytes[k + 1] <= 90 && bytes[k + 2] == 46 {
                        folded.append(bytes[k + 1] + 32)
                        caps += 1
                        letters += 1
                        k += 2
                    }
                    j = k + 1
                }
                var flags: Token.Flags = digitsOnly ? .number : .word
                if first >= 65 && first <= 90 || (first > 127 && isUpperScalar(first)) { flags.insert(.capitalized) }
                if letters > 1 && caps == letters { flags.insert(.allCaps) }
                if spaceBefore { flags.insert(.spaceBefore) }
                tokens.append(Token(start: Int32(i), end: Int32(j), foldStart: Int32(offset + fs),
                                    foldEnd: Int32(offset + folded.count), hash: folded.tokenHash(fs..<folded.count), flags: flags))
                i = j
            } else if isApostrophe(v), i + len < n, (bytes[i + len] == 115 || bytes[i + len] == 116 || bytes[i + len] == 83),
                      !spaceBefore, i + len + 1 >= n || !isLetterScalar(decode(bytes, i + len + 1).0) {
                // 's or (after n) 't
                folded.append(bytes[i + len] | 0x20)
                tokens.append(Token(start: Int32(i), end: Int32(i + len + 1), foldStart: Int32(offset + fs),
                                    foldEnd: Int32(offset + folded.count), hash: folded.tokenHash(fs..<folded.count),
                                    flags: .word))
                i += len + 1
            } else {
                var flags: Token.Flags = .punct  // one option, not an array literal: no array made per token
                if spaceBefore { flags.insert(.spaceBefore) }
                if v == 45 || v == 0x2010 || v == 0x2011 { flags.insert(.hyphen) }
                // valid UTF-8: the scalar's own bytes, no String
                folded.append(bytes, i..<(i + len))
                tokens.append(Token(start: Int32(i), end: Int32(i + len), foldStart: Int32(offset + fs),
                                    foldEnd: Int32(offset + folded.count), hash: folded.tokenHash(fs..<folded.count), flags: flags))
                i += len
            }
            spaceBefore = false
        }
        return tokens
    }

    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let n = b.count
        if c >= 0xF0, i + 3 < n {
            return ((UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
        if c >= 0xE0, i + 2 < n {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if c >= 0xC0, i + 1 < n { return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2) }
        return (0xFFFD, 1)
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool { v == 39 || v == 0x2019 || v == 0x2BC || v == 0x60 }

    @inline(__always)
    static func isLetterScalar(_ v: UInt32) -> Bool {
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return isWordScalar(v) && !(v >= 0x300 && v <= 0x36F)
    }

    @inline(__always)
    static func isWordStart(_ v: UInt32) -> Bool {
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
        return isWordScalar(v) && !(v >= 0x2B0 && v <= 0x2FF)
    }

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
        if v >= 0x2000 && v <= 0x206F { return false }   // general punctuation: quotes, dashes, ellipsis
        if v == 0xA0 || v == 0xAB || v == 0xBB || v == 0xB7 || v == 0xD7 || v == 0xF7 || v == 0xB0 { return false }
        if (v >= 0x2BB && v <= 0x2BF) { return true }      // 'ayn and hamza signs inside names
        if v >= 0x300 && v <= 0x36F { return true }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isUpperScalar(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isUppercase
    }
}

extension GrowableBytes {
    /// The token hash of bytes `r`.
    func tokenHash(_ r: Range<Int>) -> UInt64 { TokenHash.of(UnsafeBufferPointer(rebasing: contents[r])) }
}
