import Foundation
import SitrepCore
import SitrepText

/// Who says what: the speaker, channel and kind of source of each sentence, quotations included.
///
/// "X said", "said X", "X told AFP", "according to X", "X tweeted", "was reported by X"; a sentence inside a
/// quotation takes the speaker named where the quotation closes (or the sentence that introduces it).
public struct Attribution: Sendable {
    public enum Stance: Sendable { case says, claims, denies }

    public struct Statement: Sendable {
        public var speaker: Range<Int>?
        public var speakerText: String?
        public var channel: String?
        public var kind: SourceKind?
        public var stance: Stance
        /// The token of the attributing verb (or "according").
        public var verb: Int?
    }

    let roles: HashMap<String>
    let kinds: HashMap<SourceKind>
    static func h(_ s: String) -> UInt64 { TokenHash.of(s.utf8) }
    static let hAccording = h("according"), hTo = h("to"), hBy = h("by"), hTold = h("told"), hOn = h("on"),
               hIn = h("in"), hStatement = h("statement"), hThat = h("that"), hWas = h("was"), hWere = h("were"),
               hTweeted = h("tweeted"), hVia = h("via"), hA = h("a")
    /// Words that end a speaker's description: "the ministry said on Thursday", "the ministry earlier Thursday".
    static let stops = HashSet(["on", "in", "at", "earlier", "later", "yesterday", "today", "tonight", "last",
                                         "this", "after", "before", "when", "while", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday", "sunday", "adding", "as"].map { h($0) })
    static let platforms: [UInt64: String] = [h("twitter"): "Twitter", h("x"): "X", h("telegram"): "Telegram",
                                              h("facebook"): "Facebook", h("tiktok"): "TikTok", h("whatsapp"): "WhatsApp"]

    public init(directory: URL) {
        var r = HashMap<String>()
        for (c, _) in TSV.rows(directory.appendingPathComponent("speech-verbs.tsv")) where c.count >= 2 {
            r[Attribution.h(c[0])] = c[1]
        }
        var k = HashMap<SourceKind>()
        for (c, _) in TSV.rows(directory.appendingPathComponent("source-words.tsv")) where c.count >= 2 {
            if let kind = SourceKind(rawValue: c[1]) { k[TokenHash.of(word: c[0])] = kind }
        }
        roles = r
        kinds = k
    }

    public func role(_ t: Token) -> String? { roles[t.hash] }

    /// One statement per sentence (nil where nothing attributes it).
    public func attribute(_ text: AnalyzedText) -> [Statement?] {
        var out: [Statement?] = Array(repeating: nil, count: text.sentences.count)
        for s in text.sentences.indices { out[s] = find(text, s) }
        // sentences inside a quotation take its speaker
        for q in text.quotations where q.close > q.open + 1 {
            let first = Int(text.tokens[q.open].sentence)
            let lastTok = min(q.close, text.tokens.count - 1)
            let last = Int(text.tokens[lastTok].sentence)
            var speaker: Statement? = nil
            if q.closed, let s = out[last], let v = s.verb, v > q.close { speaker = s }
            if speaker == nil, first > 0, let s = out[first], let v = s.verb, v < q.open { speaker = s }
            guard let sp = speaker else { continue }
            for s in first...last where out[s] == nil || out[s]?.verb == nil || (out[s]!.verb! > q.open && out[s]!.verb! < q.close) {
                out[s] = sp
            }
        }
        return out
    }

    private func find(_ text: AnalyzedText, _ s: Int) -> Statement? {
        let t = text.tokens
        let r = text.sentences[s].tokens
        var channel: String? = nil
        // the words as locals: a static read in the loop is a call (its one-time initialization check) per token
        let hTweeted = Attribution.hTweeted, hOn = Attribution.hOn, hVia = Attribution.hVia,
            hStatement = Attribution.hStatement, hAccording = Attribution.hAccording, hTo = Attribution.hTo
        // channel: told AFP, on Twitter, tweeted, in a statement
        for k in r {
            let h = t[k].hash
            if h == hTweeted { channel = "Twitter" }
            if (h == hOn || h == hVia), k + 1 < r.upperBound,
               let p = Attribution.platforms[t[k + 1].hash], t[k + 1].isCapitalized {
                channel = p
            }
            if h == hStatement, channel == nil { channel = "statement" }
        }
        for k in r {
            let tok = t[k]
            // according to X
            if tok.hash == hAccording, k + 1 < r.upperBound, t[k + 1].hash == hTo {
                let sp = phrase(text, from: k + 2, limit: r.upperBound)
                return make(text, sp, channel, .says, k)
            }
            guard let role = roles[tok.hash], !tok.has(.quoted) || k == r.lowerBound else { continue }
            let stance: Stance = role == "claim" ? .claims : (role == "deny" ? .denies : .says)
            // was reported by X
            if role == "report", k > r.lowerBound, t[k - 1].hash == Attribution.hWas || t[k - 1].hash == Attribution.hWere,
               k + 1 < r.upperBound, t[k + 1].hash == Attribution.hBy {
                return make(text, phrase(text, from: k + 2, limit: r.upperBound), channel, stance, k)
            }
            // told AFP
            var ch = channel
            if tok.hash == Attribution.hTold, k + 1 < r.upperBound, t[k + 1].isWord {
                let obj = phrase(text, from: k + 1, limit: r.upperBound)
                if let o = obj, o.count <= 3 { ch = text.text(tokens: o) }
            }
            // X said: the noun phrase before the verb
            if let sp = phraseBefore(text, k, r.lowerBound) { return make(text, sp, ch, stance, k) }
            // said X
            if let sp = phrase(text, from: k + 1, limit: r.upperBound), t[sp.lowerBound].hash != Attribution.hThat {
                return make(text, sp, ch, stance, k)
            }
        }
        if let channel { return Statement(speaker: nil, speakerText: nil, channel: channel, kind: nil, stance: .says, verb: nil) }
        return nil
    }

    /// Tokens from `i` up to a comma, a quote, "that" or the end: the speaker after "according to" / "said".
    private func phrase(_ text: AnalyzedText, from i: Int, limit: Int) -> Range<Int>? {
        let t = text.tokens
        var j = i
        while j < limit {
            let tok = t[j]
            if tok.has(.punct) && !tok.has(.hyphen) && !text.token(tok, is: "'") { break }
            if tok.hash == Attribution.hThat || Attribution.stops.contains(tok.hash) || roles[tok.hash] != nil { break }
            j += 1
            if j - i >= 12 { break }
        }
        return j > i ? i..<j : nil
    }

    /// The noun phrase right before a speech verb: back to a comma, quote, or the start of the clause.
    private func phraseBefore(_ text: AnalyzedText, _ k: Int, _ lo: Int) -> Range<Int>? {
        let t = text.tokens
        var j = k
        while j > lo {
            let tok = t[j - 1]
            if tok.has(.punct) && !tok.has(.hyphen) && !(text.token(tok, is: ".") && j - 1 > lo && t[j - 2].isCapitalized) { break }
            if tok.has(.quoted) && !tok.has(.closeQuote) { break }
            if tok.hash == Attribution.hThat { break }
            j -= 1
            if k - j >= 10 { break }
        }
        return j < k ? j..<k : nil
    }

    private func make(_ text: AnalyzedText, _ sp: Range<Int>?, _ channel: String?, _ stance: Stance, _ verb: Int) -> Statement {
        var kind: SourceKind? = nil
        if let sp {
            for k in sp {
                if let kk = kinds[text.tokens[k].hash] {
                    // anonymous outranks official ("a security source"), witness outranks both
                    if kind == nil || kk == .anonymous || kk == .witness { kind = kk }
                }
            }
        }
        if kind == nil, let channel, channel != "statement" { kind = .media }
        var speakerText = sp.map { text.text(tokens: $0) }
        if let s = speakerText, s.hasSuffix(",") { speakerText = String(s.dropLast()) }
        return Statement(speaker: sp, speakerText: speakerText, channel: channel, kind: kind, stance: stance, verb: verb)
    }
}
