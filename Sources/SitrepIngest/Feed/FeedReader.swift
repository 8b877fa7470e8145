import CLibXML2
import Foundation
import SitrepCore

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry is a document.
///
/// Item text is HTML (escaped or in CDATA) and goes through the HTML reader; the longest of
/// `content:encoded`, Atom `content`, `description` and `summary` wins. An item without text is skipped with a
/// warning; a feed without items, or that is not XML, is an error naming the file.
enum FeedReader {
    static func documents(_ bytes: [UInt8], name: String, idBase: String, published: Day?,
                          warn: (String) -> Void) throws -> [Document] {
        let utf8 = Charset.utf8(bytes, name: name, warn: warn)
        guard let tree = MarkupTree.xml(utf8), let root = tree.root else {
            throw SitrepError(.badFeed, "not an XML feed", at: name, hint: "give an RSS or Atom feed, or name its format with --input-format")
        }
        let rootName = root.localName
        guard ["rss", "feed", "rdf", "channel"].contains(rootName) else {
            throw SitrepError(.badFeed, "an XML file whose root is <\(rootName)>, not an RSS or Atom feed", at: name,
                              hint: "give an RSS or Atom feed")
        }
        var channelTitle: String?
        var items: [MarkupNode] = []
        func collect(_ n: MarkupNode, depth: Int) {
            for c in n.children where c.isElement {
                switch c.localName {
                case "item", "entry": items.append(c)
                case "channel": collect(c, depth: depth + 1)
                case "title" where channelTitle == nil && depth <= 1: channelTitle = c.text
                default: break
                }
            }
        }
        collect(root, depth: 0)
        guard !items.isEmpty else {
            throw SitrepError(.emptyInput, "the feed has no items", at: name)
        }
        // a feed cut short (a download that stopped) ends inside its last item: the parser, which recovers,
        // would give that item's text up to the cut as if it were the whole article
        if closingItemTags(utf8) < items.count {
            warn("sitrep: skipped: \(name): item \(items.count): the feed ends inside it (cut short?)")
            items.removeLast()
        }
        var docs: [Document] = []
        for (i, item) in items.enumerated() {
            let at = "\(name): item \(i + 1)"
            guard let doc = document(item, index: i + 1, at: at, idBase: idBase, channel: channelTitle,
                                     published: published) else {
                warn("sitrep: skipped: \(at): an item without text")
                continue
            }
            docs.append(doc)
        }
        guard !docs.isEmpty else {
            throw SitrepError(.emptyInput, "no item of the feed has any text", at: name)
        }
        return docs
    }

    /// How many `</item>` and `</entry>` tags (with any namespace prefix) the bytes hold.
    static func closingItemTags(_ b: [UInt8]) -> Int {
        var n = 0
        var i = 0
        while i + 1 < b.count {
            guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "/") else { i += 1; continue }
            var j = i + 2
            var start = j
            while j < b.count, b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "<"), j - i < 64 {
                if b[j] == UInt8(ascii: ":") { start = j + 1 }
                j += 1
            }
            var end = j
            while end > start, b[end - 1] == UInt8(ascii: " ") || b[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if j < b.count, b[j] == UInt8(ascii: ">") {
                let tag = b[start..<end]
                if tag.elementsEqual("item".utf8) || tag.elementsEqual("entry".utf8) { n += 1 }
            }
            i = j
        }
        return n
    }

    private static func document(_ item: MarkupNode, index: Int, at: String, idBase: String, channel: String?,
                                 published: Day?) -> Document? {
        var title: String?
        var link: String?
        var guid: String?
        var date: Day?
        var bodies: [[String]] = []
        for c in item.children where c.isElement {
            let name = c.localName
            switch name {
            case "title":
                title = plain(c)
            case "link":
                let rel = c.attribute("rel")?.lowercased() ?? "alternate"
                if let href = c.attribute("href"), rel == "alternate", link == nil {
                    link = href.trimmingCharacters(in: .whitespacesAndNewlines)
                } else if c.attribute("href") == nil, link == nil {
                    let t = c.text
                    if !t.isEmpty { link = t }
                }
            case "guid", "id":
                guid = c.text
            case "pubdate", "published", "date", "issued":
                if let d = FeedDate.day(c.text) { date = d }
            case "updated", "modified":
                if date == nil { date = FeedDate.day(c.text) }
            case "encoded", "content", "description", "summary":
                let paragraphs = html(c)
                if !paragraphs.isEmpty { bodies.append(paragraphs) }
            default: break
            }
        }
        guard let body = bodies.max(by: { $0.reduce(0) { $0 + $1.count } < $1.reduce(0) { $0 + $1.count } }) else {
            return nil
        }
        let id = guid.flatMap { $0.isEmpty ? nil : $0 } ?? link ?? "\(idBase)#\(index)"
        let outlet = link.flatMap(PageMetadata.host) ?? channel
        return Document(id: id, url: link, outlet: outlet, title: title, published: date ?? published,
                        text: body.joined(separator: "\n\n"), origin: at)
    }

    /// Paragraphs of an item's HTML: escaped or CDATA text, or (Atom `type="xhtml"`) child elements.
    private static func html(_ n: MarkupNode) -> [String] {
        var hasElements = false
        var c = n.firstChild
        while let x = c, !hasElements {
            hasElements = x.isElement
            c = x.next
        }
        var source = hasElements ? serialize(n) : n.rawText
        if !source.contains("<") {
            // Plain text; an entity-escaped fragment would have been unescaped to markup by the XML parser.
            return HTMLReader.split(articleBody: source)
        }
        source = "<html><body>" + source + "</body></html>"
        return HTMLReader.fragmentParagraphs(source)
    }

    /// A title that may hold markup ("<b>Herat</b> falls").
    private static func plain(_ n: MarkupNode) -> String {
        let raw = n.text
        guard raw.contains("<") else { return raw }
        guard let tree = MarkupTree.html(Array(("<html><body>" + raw + "</body></html>").utf8)),
              let body = tree.first(.body) else { return raw }
        return body.text
    }

    private static func serialize(_ n: MarkupNode) -> String {
        guard let buf = xmlBufferCreate() else { return n.text }
        defer { xmlBufferFree(buf) }
        var c = n.firstChild
        while let x = c {
            xmlNodeDump(buf, x.ptr.pointee.doc, x.ptr, 0, 0)
            c = x.next
        }
        guard let content = xmlBufferContent(buf) else { return n.text }
        return String(cString: content)
    }
}
