/// The kinds of input Sitrep reads (spec/cli.md, "Input documents").
public enum InputFormat: String, CaseIterable, Sendable {
    case text, html, feed, jsonl

    /// The format an extension names; nil where it says nothing.
    public static func from(extension ext: String) -> InputFormat? {
        switch ext.lowercased() {
        case "txt", "text", "md": return .text
        case "html", "htm", "xhtml", "shtml", "php", "asp", "aspx": return .html
        case "xml", "rss", "atom", "rdf": return .feed
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }

    /// Guesses from the first bytes: "{" starts JSON Lines, a feed's root element a feed, markup a page.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        let head = bytes.prefix(2048).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        guard let first = head.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 >= 0x80) }) else {
            return .text
        }
        if first == UInt8(ascii: "{") { return .jsonl }
        guard first == UInt8(ascii: "<") else { return .text }
        let s = String(decoding: head, as: UTF8.self)
        if s.contains("<rss") || s.contains("<feed") || s.contains("<rdf:rdf") { return .feed }
        return .html
    }
}
