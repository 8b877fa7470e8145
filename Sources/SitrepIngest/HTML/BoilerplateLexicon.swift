import Foundation
import SitrepCore

/// Class and id words that mark page furniture, and paragraphs that are furniture (`Data/boilerplate.tsv`).
struct BoilerplateLexicon: Sendable {
    // Word hashes (`wordHashes`): class attributes are read as bytes, never split into strings.
    var strong: Set<UInt64> = []
    var negative: Set<UInt64> = []
    var positive: Set<UInt64> = []
    var paragraphPrefixes: [String] = []
    var exact: Set<String> = []

    static let shared: BoilerplateLexicon = {
        guard let url = Bundle.module.url(forResource: "boilerplate", withExtension: "tsv", subdirectory: "Data"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("sitrep: the boilerplate lexicon is missing from the installation (Data/boilerplate.tsv)")
        }
        return BoilerplateLexicon(tsv: text)
    }()

    init(tsv: String) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 2 else { continue }
            switch f[0] {
            case "negative-strong": strong.insert(BoilerplateLexicon.hash(f[1].utf8))
            case "negative": negative.insert(BoilerplateLexicon.hash(f[1].utf8))
            case "positive": positive.insert(BoilerplateLexicon.hash(f[1].utf8))
            case "paragraph": paragraphPrefixes.append(f[1])
            case "exact": exact.insert(f[1])
            default: continue
            }
        }
    }

    static func hash<C: Sequence>(_ b: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x >= 65 && x <= 90 ? x + 32 : x)) &* 0x100_0000_01b3 }
        return h
    }

    /// Hashes of the words of a class or id value: "article-body__text js-share" → article, body, text, js, share.
    static func wordHashes(_ s: String) -> [UInt64] {
        var out: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for x in s.utf8 {
            let isWord = (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || (x >= 48 && x <= 57) || x >= 0x80
            if isWord {
                h = (h ^ UInt64(x >= 65 && x <= 90 ? x + 32 : x)) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                out.append(h)
                h = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }

    /// +1 for article-like words, -1 for furniture, -2 for words that are always furniture, 0 otherwise.
    func weight(classAndID: String) -> Int {
        let w = BoilerplateLexicon.wordHashes(classAndID)
        if w.isEmpty { return 0 }
        if w.contains(where: strong.contains) { return -2 }
        let pos = w.contains(where: positive.contains)
        if w.contains(where: negative.contains) { return pos ? 0 : -1 }
        return pos ? 1 : 0
    }

    /// A short line that is no sentence: a byline, a date line, a section label, "4 min read". Article
    /// paragraphs end with sentence punctuation; headings and list items are not asked.
    static func isMetaLine(_ p: String) -> Bool {
        let b = p.utf8
        guard b.count <= 90, let last = p.unicodeScalars.last else { return false }
        let ends: Set<UInt32> = [0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22, 0x27, 0x2019, 0x201D, 0x2026]
        return !ends.contains(last.value)
    }

    /// True for "Advertisement", "Read more: …" and the like.
    func isFurniture(paragraph p: String, linkShare: Double) -> Bool {
        let n = p.utf8.count
        guard n < 140 || linkShare > 0.3 else { return false }
        let head = String(p.prefix(32)).lowercased()
        if n <= 32 {
            var t = Substring(head)
            while let l = t.last, l.isPunctuation || l.isWhitespace { t = t.dropLast() }
            if exact.contains(String(t)) { return true }
        }
        return paragraphPrefixes.contains(where: head.hasPrefix)
    }
}
