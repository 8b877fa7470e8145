import Foundation
import SitrepCore

/// Class and id words that mark page furniture, and paragraphs that are furniture (`Data/boilerplate.tsv`).
struct BoilerplateLexicon: Sendable {
    var strong: Set<String> = []
    var negative: Set<String> = []
    var positive: Set<String> = []
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
            case "negative-strong": strong.insert(f[1])
            case "negative": negative.insert(f[1])
            case "positive": positive.insert(f[1])
            case "paragraph": paragraphPrefixes.append(f[1])
            case "exact": exact.insert(f[1])
            default: continue
            }
        }
    }

    /// The words of a class or id value: "article-body__text js-share" → article, body, text, js, share.
    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// +1 for article-like words, -1 for furniture, -2 for words that are always furniture, 0 otherwise.
    func weight(classAndID: String) -> Int {
        let w = BoilerplateLexicon.words(classAndID)
        if w.isEmpty { return 0 }
        if w.contains(where: strong.contains) { return -2 }
        let pos = w.contains(where: positive.contains)
        if w.contains(where: negative.contains) { return pos ? 0 : -1 }
        return pos ? 1 : 0
    }

    /// True for "Advertisement", "Read more: …" and the like.
    func isFurniture(paragraph p: String, linkShare: Double) -> Bool {
        let l = p.lowercased()
        if exact.contains(l.trimmingCharacters(in: .punctuationCharacters)) { return true }
        for pre in paragraphPrefixes where l.hasPrefix(pre) {
            if p.count < 140 || linkShare > 0.3 { return true }
        }
        return false
    }
}
