import SitrepCore

/// A plain-text article: the first line is its title when a blank line follows it.
enum PlainText {
    static func document(_ text: String, id: String, published: Day?, origin: String) -> Document {
        var title: String? = nil
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        if lines.count >= 2, lines[1].allSatisfy({ $0.isWhitespace }), !lines[0].allSatisfy({ $0.isWhitespace }),
           lines[0].count < 300 {
            title = lines[0].trimmingCharacters(in: " \t\r")
        }
        return Document(id: id, title: title, published: published, text: text, origin: origin)
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
