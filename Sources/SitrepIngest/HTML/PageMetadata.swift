import Foundation
import SitrepCore

/// What a page says about itself: headline, date, outlet, canonical address, and a JSON-LD body if it has one.
///
/// Preference orders follow what publishers fill most reliably: JSON-LD `NewsArticle` first, then Open Graph
/// and `article:*` tags, then `<meta name="date">`, the first `<time datetime>`, and a date in the URL path.
struct PageMetadata {
    var title: String?
    var published: Day?
    var outlet: String?
    var url: String?
    var articleBody: String?

    init(_ tree: MarkupTree) {
        var meta: [String: String] = [:]
        var jsonLD: [[String: Any]] = []
        var titleTag: String?
        var h1: String?
        var timeDate: String?
        var canonical: String?
        tree.forEachElement { n in
            switch n.tag {
            case .other:
                switch n.localName {
                case "meta":
                    guard let content = n.attribute("content") else { return }
                    for key in ["property", "name", "itemprop"] {
                        if let k = n.attribute(key)?.lowercased(), meta[k] == nil { meta[k] = content }
                    }
                case "link":
                    if canonical == nil, n.attribute("rel")?.lowercased() == "canonical" { canonical = n.attribute("href") }
                case "title":
                    if titleTag == nil { titleTag = n.text }
                default: break
                }
            case .script:
                if n.attribute("type")?.lowercased() == "application/ld+json" {
                    jsonLD += PageMetadata.articles(inJSON: n.rawText)
                }
            case .h1:
                if h1 == nil { h1 = n.text }
            case .time:
                if timeDate == nil { timeDate = n.attribute("datetime") }
            default: break
            }
        }
        let ld = jsonLD.first
        func nonEmpty(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        title = nonEmpty(ld?["headline"] as? String) ?? nonEmpty(meta["og:title"]) ?? nonEmpty(h1) ?? nonEmpty(titleTag)
        url = nonEmpty(canonical) ?? nonEmpty(meta["og:url"])
        let dates: [String?] = [ld?["datePublished"] as? String, meta["article:published_time"], meta["date"],
                                meta["pubdate"], meta["publish-date"], meta["dc.date"], meta["dcterms.created"],
                                meta["datepublished"], timeDate]
        published = dates.lazy.compactMap { $0.flatMap(PageMetadata.day) }.first
            ?? url.flatMap(PageMetadata.dayInPath)
        outlet = nonEmpty(PageMetadata.publisherName(ld?["publisher"])) ?? nonEmpty(meta["og:site_name"])
            ?? url.flatMap(PageMetadata.host)
        articleBody = nonEmpty(ld?["articleBody"] as? String)
    }

    /// The date part of an ISO 8601 timestamp ("2021-08-12T10:00:00+04:30" → 2021-08-12, as written).
    static func day(_ s: String) -> Day? {
        Day(iso: s.trimmingCharacters(in: .whitespaces))
    }

    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD/`) date in a URL path, the last resort.
    static func dayInPath(_ url: String) -> Day? {
        let parts = url.split(separator: "/").map(String.init)
        for (i, p) in parts.enumerated() {
            if p.count == 10, let d = Day(iso: p) { return d }
            guard p.count == 4, let y = Int(p), y >= 1990, y <= 2100, i + 2 < parts.count,
                  parts[i + 1].count <= 2, let m = Int(parts[i + 1]), parts[i + 2].count <= 2, let d = Int(parts[i + 2]),
                  m >= 1, m <= 12, d >= 1, d <= Day.daysIn(year: y, month: m) else { continue }
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// A URL's host without "www.", as the outlet of last resort.
    static func host(_ url: String) -> String? {
        guard let h = URL(string: url)?.host, !h.isEmpty else { return nil }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "liveblogposting",
        "backgroundnewsarticle", "opinionnewsarticle", "report",
    ]

    /// The article objects of a JSON-LD script (top level, arrays, `@graph`).
    static func articles(inJSON text: String) -> [[String: Any]] {
        guard let data = text.data(using: .utf8),
              let obj = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
        var out: [[String: Any]] = []
        func visit(_ v: Any, depth: Int) {
            guard depth < 6 else { return }
            if let a = v as? [Any] {
                for x in a { visit(x, depth: depth + 1) }
            } else if let o = v as? [String: Any] {
                let types = (o["@type"] as? String).map { [$0] } ?? (o["@type"] as? [String]) ?? []
                if types.contains(where: { articleTypes.contains($0.lowercased()) }) { out.append(o) }
                if let g = o["@graph"] { visit(g, depth: depth + 1) }
            }
        }
        visit(obj, depth: 0)
        return out
    }

    static func publisherName(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let o = v as? [String: Any] { return o["name"] as? String }
        if let a = v as? [Any] { return a.lazy.compactMap { publisherName($0) }.first }
        return nil
    }
}

extension MarkupNode {
    /// The text of the node's children as written (scripts, CDATA), without collapsing white space.
    var rawText: String {
        var bytes: [UInt8] = []
        var c = firstChild
        while let n = c {
            if n.isText, let t = n.textBytes { bytes.append(contentsOf: t) }
            c = n.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
