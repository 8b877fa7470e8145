#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// A document's text split into paragraphs, sentences and tokens, with quotations marked.
///
/// Everything is offsets into `bytes` (the UTF-8 text); `codePointOffset` converts for output.
public final class AnalyzedText {
    public struct Sentence: Sendable {
        public var tokens: Range<Int>
        public var start: Int
        public var end: Int
        public var paragraph: Int
        /// A paragraph printed twice: the copy's sentences are skipped by extraction.
        public var isRepeat: Bool
    }

    public struct Paragraph: Sendable {
        public var start: Int
        public var end: Int
        public var sentences: Range<Int>
    }

    /// A quotation: the tokens between its marks (exclusive), and whether it was ever closed.
    public struct Quotation: Sendable {
        public var open: Int
        public var close: Int
        public var closed: Bool
    }

    public let bytes: [UInt8]
    public private(set) var folded: [UInt8] = []
    public private(set) var tokens: [Token] = []
    public private(set) var sentences: [Sentence] = []
    public private(set) var paragraphs: [Paragraph] = []
    public private(set) var quotations: [Quotation] = []

    public init(_ text: String) {
        self.bytes = Array(text.utf8)
        analyze()
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        analyze()
    }

    private func analyze() {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        tokens = Tokenizer.tokenize(bytes, folded: &folded)
        self.folded = folded
        splitParagraphs()
        markQuotations()
        splitSentences()
        markRepeats()
    }

    // MARK: text access

    public func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    public func text(of t: Token) -> String { text(Int(t.start)..<Int(t.end)) }

    /// True when the token's text is exactly `s`: punctuation tests without making a String.
    public func token(_ t: Token, is s: StaticString) -> Bool {
        let n = Int(t.end - t.start)
        guard n == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<n where bytes[Int(t.start) + k] != p[k] { return false }
        return true
    }

    /// Text from the start of token `a` to the end of token `b - 1`.
    public func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end))
    }

    public func foldedBytes(_ i: Int) -> ArraySlice<UInt8> {
        folded[Int(tokens[i].foldStart)..<Int(tokens[i].foldEnd)]
    }

    public func foldedString(_ i: Int) -> String { String(decoding: foldedBytes(i), as: UTF8.self) }

    public func sentenceText(_ s: Int) -> String { text(sentences[s].start..<sentences[s].end) }

    /// Unicode code point offset of a byte offset (counts the bytes that start a scalar).
    /// Counted from the previous answer, forwards or backwards: offsets are asked for in text order, mostly.
    public func codePointOffset(_ byte: Int) -> Int {
        var (i, cp) = lastCP
        bytes.withUnsafeBufferPointer { b in
            if byte < i {
                while i > byte {
                    i -= 1
                    if b[i] & 0xC0 != 0x80 { cp -= 1 }
                }
                return
            }
            // eight ASCII bytes at a time, a byte at a time around other scalars
            while i < byte {
                if i + 8 <= byte,
                   UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    cp += 8
                    continue
                }
                if b[i] & 0xC0 != 0x80 { cp += 1 }
                i += 1
            }
        }
        lastCP = (byte, cp)
        return cp
    }
    private var lastCP: (byte: Int, cp: Int) = (0, 0)

    // MARK: paragraphs

    private func splitParagraphs() {
        // A blank line ends a paragraph; so does a single line break unless the line was hard-wrapped
        // (it ends without sentence punctuation and the next line starts in lower case).
        var found: [Paragraph] = []
        bytes.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            guard let base = bytes.baseAddress else { return }
            var lineStart = 0
            var paraStart = 0
            func endPara(_ end: Int) {
                var e = end
                while e > paraStart, isSpace(bytes[e - 1]) { e -= 1 }
                var s = paraStart
                while s < e, isSpace(bytes[s]) { s += 1 }
                if s < e { found.append(Paragraph(start: s, end: e, sentences: 0..<0)) }
            }
            var i = 0
            // line breaks by memchr: the text between them is not looked at
            while i < n, let nl = memchr(base + i, 10, n - i) {
                i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                var j = i + 1
                var blank = false
                while j < n, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 13 || bytes[j] == 10 {
                    if bytes[j] == 10 { blank = true }
                    j += 1
                }
                var lineEnd = i
                while lineEnd > lineStart, isSpace(bytes[lineEnd - 1]) { lineEnd -= 1 }
                let prev = lineEnd > lineStart ? bytes[lineEnd - 1] : 46
                let hardWrap = !blank && j < n && bytes[j] >= 97 && bytes[j] <= 122
                    && !(prev == 46 || prev == 33 || prev == 63 || prev == 58 || prev == 34)
                if !hardWrap {
                    endPara(i)
                    paraStart = j
                }
                lineStart = j
                i = j
            }
            endPara(n)
        }
        paragraphs = found
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    // MARK: quotations

    private func isOpenQuote(_ t: Token) -> Bool {
        let s = Int(t.start)
        return t.end - t.start == 3 && bytes[s] == 0xE2 && bytes[s + 1] == 0x80 && bytes[s + 2] == 0x9C
    }

    private func isCloseQuote(_ t: Token) -> Bool {
        let s = Int(t.start)
        return t.end - t.start == 3 && bytes[s] == 0xE2 && bytes[s + 1] == 0x80 && bytes[s + 2] == 0x9D
    }

    private func isStraightQuote(_ t: Token) -> Bool { t.end - t.start == 1 && bytes[Int(t.start)] == 34 }

    private func markQuotations() {
        // Quotes do not run across paragraphs: an unclosed quote ends with its paragraph.
        var p = 0
        var open: Int? = nil
        for i in tokens.indices {
            let t = tokens[i]
            while p < paragraphs.count, Int(t.start) >= paragraphs[p].end {
                if let o = open { quotations.append(Quotation(open: o, close: i, closed: false)) }
                open = nil
                p += 1
            }
            guard t.has(.punct) else { continue }
            if isOpenQuote(t) || (isStraightQuote(t) && open == nil) {
                if let o = open { quotations.append(Quotation(open: o, close: i, closed: false)) }
                tokens[i].flags.insert(.openQuote)
                open = i
            } else if isCloseQuote(t) || isStraightQuote(t) {
                if let o = open {
                    tokens[i].flags.insert(.closeQuote)
                    quotations.append(Quotation(open: o, close: i, closed: true))
                    open = nil
                }
            }
        }
        if let o = open { quotations.append(Quotation(open: o, close: tokens.count, closed: false)) }
        let found = quotations
        tokens.withUnsafeMutableBufferPointer { t in
            for q in found where q.open + 1 < q.close {
                for k in (q.open + 1)..<q.close { t[k].flags.insert(.quoted) }
            }
        }
    }

    // MARK: sentences

    private static let abbreviations = HashSet([
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpl", "gov", "sen", "rep", "brig",
        "adm", "prof", "st", "jr", "sr", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "vs", "approx", "co", "corp", "inc", "ltd", "mt", "ft", "pres", "rev", "gens", "cmdr",
        "lieut", "col", "messrs", "ave", "dept", "est", "fig", "al",
    ].map { TokenHash.of($0.utf8) })

    private func splitSentences() {
        var p = 0
        var sStart = 0
        func close(_ end: Int) {
            guard end > sStart else { return }
            let para = paragraphIndex(of: sStart, from: &p)
            sentences.append(Sentence(tokens: sStart..<end, start: Int(tokens[sStart].start),
                                      end: Int(tokens[end - 1].end), paragraph: para, isRepeat: false))
            sStart = end
        }
        var i = 0
        // the paragraph of token i, advanced as the tokens go (they are in text order)
        var para = 0, paraOfPrevious = 0
        while i < tokens.count {
            let t = tokens[i]
            while para + 1 < paragraphs.count, paragraphs[para + 1].start <= Int(t.start) { para += 1 }
            defer { paraOfPrevious = para }
            // paragraph boundary
            if i > sStart, para != paraOfPrevious {
                close(i)
                continue
            }
            if t.has(.punct), isTerminal(t) {
                var j = i + 1
                // closing quotes and brackets stay with the sentence
                while j < tokens.count, tokens[j].has(.punct), !tokens[j].has(.spaceBefore),
                      tokens[j].has(.closeQuote) || isCloser(tokens[j]) || isTerminal(tokens[j]) {
                    j += 1
                }
                if j >= tokens.count {
                    close(tokens.count)
                    break
                }
                let next = tokens[j]
                let abbreviation = isPeriod(t) && i > 0 && !t.has(.spaceBefore)
                    && isAbbreviation(i - 1)
                let nextStarts = next.isCapitalized || next.has(.number) || next.has(.openQuote)
                    || (next.has(.punct) && !next.has(.hyphen))
                let sameParagraph = paragraphAt(Int(next.start)) == paragraphAt(Int(t.start))
                if !sameParagraph || (nextStarts && next.has(.spaceBefore) && !abbreviation) {
                    close(j)
                    i = j
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        close(tokens.count)
        // through buffers: a write to the class's array checked its uniqueness at every token
        let found = sentences
        tokens.withUnsafeMutableBufferPointer { t in
            for s in found.indices {
                t[found[s].tokens.lowerBound].flags.insert(.sentenceStart)
                for k in found[s].tokens { t[k].sentence = Int32(s) }
            }
        }
        var si = 0
        for pi in paragraphs.indices {
            let lo = si
            while si < sentences.count, sentences[si].start < paragraphs[pi].end { si += 1 }
            paragraphs[pi].sentences = lo..<si
        }
    }

    private func isAbbreviation(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.isWord else { return false }
        if t.end - t.start == 1 && t.isCapitalized { return true }   // an initial
        return AnalyzedText.abbreviations.contains(t.hash) && !t.has(.allCaps)
    }

    private func isPeriod(_ t: Token) -> Bool { t.end - t.start == 1 && bytes[Int(t.start)] == 46 }

    private func isTerminal(_ t: Token) -> Bool {
        let s = Int(t.start)
        if t.end - t.start == 1 { return bytes[s] == 46 || bytes[s] == 33 || bytes[s] == 63 }
        return t.end - t.start == 3 && bytes[s] == 0xE2 && bytes[s + 1] == 0x80 && bytes[s + 2] == 0xA6
    }

    private func isCloser(_ t: Token) -> Bool {
        t.end - t.start == 1 && (bytes[Int(t.start)] == 41 || bytes[Int(t.start)] == 93 || bytes[Int(t.start)] == 39
                                 || bytes[Int(t.start)] == 34)
    }

    private var paraCursor = 0
    private func paragraphAt(_ byte: Int) -> Int {
        if paraCursor >= paragraphs.count || paragraphs[paraCursor].start > byte { paraCursor = 0 }
        while paraCursor + 1 < paragraphs.count, paragraphs[paraCursor + 1].start <= byte { paraCursor += 1 }
        return paraCursor
    }

    private func paragraphIndex(of token: Int, from p: inout Int) -> Int { paragraphAt(Int(tokens[token].start)) }

    // MARK: repeated paragraphs

    /// A paragraph whose words equal an earlier paragraph's (quote style aside) is a repeat.
    private func markRepeats() {
        var seen: Set<UInt64> = []
        let tokens = self.tokens  // a local: the class's array was loaded again at every token
        for p in paragraphs where !p.sentences.isEmpty {
            var h = TokenHash.seed
            var words = 0
            for s in p.sentences {
                for k in sentences[s].tokens where tokens[k].isWord || tokens[k].has(.number) {
                    h = TokenHash.combine(h, tokens[k].hash)
                    words += 1
                }
            }
            guard words >= 4 else { continue }
            if !seen.insert(h).inserted {
                for s in p.sentences { sentences[s].isRepeat = true }
            }
        }
    }
}
