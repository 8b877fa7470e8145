import SitrepCore

/// A plain-text article: the first line is its title when a blank line follows it; the text is what comes after,
/// so an article reads the same as text, as a web page or as a feed item.
enum PlainText {
    static func document(_ text: String, id: String, published: Day?, origin: String) -> Document {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        if lines.count == 3, lines[1].allSatisfy({ $0.isWhitespace }), !lines[0].allSatisfy({ $0.isWhitespace }),
           lines[0].count < 300, !lines[2].allSatisfy({ $0.isWhitespace }) {
            let title = lines[0].trimmingCharacters(in: " \t\r")
            var body = lines[2]
            while let f = body.first, f.isWhitespace { body = body.dropFirst() }
            while let l = body.last, l.isWhitespace { body = body.dropLast() }
            return Document(id: id, title: title, published: published, text: String(body), origin: origin)
        }
        return Document(id: id, published: published, text: text, origin: origin)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
