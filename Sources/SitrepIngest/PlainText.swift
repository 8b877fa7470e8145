import SitrepCore

/// A plain-text article: the first line is its title when a blank line follows it and it is one short
/// sentence without a dateline.
enum PlainText {
    static func document(_ text: String, id: String, published: Day?, origin: String) -> Document {
        // The title stays in the text: a lone lead sentence looks just like a headline, and offsets then
        // point into the file as it is.
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        var title: String?
        if lines.count == 3, lines[1].allSatisfy({ $0.isWhitespace }), isTitle(lines[0]),
           !lines[2].allSatisfy({ $0.isWhitespace }) {
            title = lines[0].trimmingCharacters(in: " \t\r")
        }
        var body = Substring(text)
        while let l = body.last, l.isWhitespace { body = body.dropLast() }  // offsets stay those of the file
        return Document(id: id, title: title, published: published, text: String(body), origin: origin)
    }

    /// A headline is one short sentence; a first paragraph (two sentences, or a dateline) is text.
    static func isTitle(_ line: Substring) -> Bool {
        let b = Array(line.utf8)
        guard !b.isEmpty, b.count <= 250, !line.allSatisfy({ $0.isWhitespace }) else { return false }
        // a dateline: "KABUL, Aug 12 (Reuters) -", "HERAT, Afghanistan —"
        var caps = 0
        for x in b {
            if x >= 65 && x <= 90 { caps += 1 } else { break }
        }
        if caps >= 3, caps < b.count, b[caps] == 44 || b[caps] == 32 && b.count > caps + 1 && b[caps + 1] >= 65 && b[caps + 1] <= 90 {
            return false
        }
        // a second sentence: ". The", "? A"
        var i = 0
        while i + 2 < b.count {
            if (b[i] == 46 || b[i] == 63 || b[i] == 33), b[i + 1] == 32, b[i + 2] >= 65 && b[i + 2] <= 90 { return false }
            i += 1
        }
        return true
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
