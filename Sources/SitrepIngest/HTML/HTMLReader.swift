import Foundation
import SitrepCore

/// A web page as a document: its article text, headline, date, outlet and canonical address.
enum HTMLReader {
    static func document(_ bytes: [UInt8], id: String, name: String, published: Day?,
                         warn: (String) -> Void) throws -> Document {
        let utf8 = Charset.utf8(bytes, name: name, warn: warn)
        guard let tree = MarkupTree.html(utf8) else {
            throw SitrepError(.badMarkup, "the HTML parser found no document", at: name, hint: "is this an HTML page?")
        }
        let meta = PageMetadata(tree)
        var paragraphs = MainTextFinder().paragraphs(tree)
        if let body = meta.articleBody {
            let found = paragraphs.reduce(0) { $0 + $1.utf8.count }
            if Double(found) < 0.6 * Double(body.utf8.count) { paragraphs = split(articleBody: body) }
        }
        guard !paragraphs.isEmpty else {
            throw SitrepError(.emptyInput, "no article text in the page", at: name,
                              hint: "the page may load its text with JavaScript; save the rendered page")
        }
        return Document(id: id, url: meta.url, outlet: meta.outlet, title: meta.title,
                        published: meta.published ?? published, text: paragraphs.joined(separator: "\n\n"),
                        origin: name)
    }

    /// Paragraphs of HTML that is only a fragment (a feed item's description): everything, no page furniture.
    static func fragmentParagraphs(_ html: String) -> [String] {
        guard let tree = MarkupTree.html(Array(html.utf8)) else { return [] }
        return MainTextFinder().paragraphs(tree, whole: true)
    }

    /// A JSON-LD `articleBody`: paragraphs at blank lines (or at line ends when it has no blank line).
    static func split(articleBody: String) -> [String] {
        let hasBlank = articleBody.contains("\n\n") || articleBody.contains("\r\n\r\n")
        let parts = hasBlank
            ? articleBody.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            : articleBody.split(separator: "\n").map(String.init)
        return parts.compactMap { p in
            var t = CollapsingText()
            t.append(p)
            return t.isEmpty ? nil : t.string
        }
    }
}
