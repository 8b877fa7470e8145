/// The kinds of input Sitrep reads (spec/cli.md, "Input documents").
public enum InputFormat: String, CaseIterable, Sendable {
    case text, jsonl

    /// The format an extension names; nil where it says nothing.
    public static func from(extension ext: String) -> InputFormat? {
        switch ext.lowercased() {
        case "txt", "text", "md": return .text
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }

    /// Guesses from the first bytes: JSON Lines start with "{".
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        for b in bytes.prefix(4096) where !(b == 32 || b == 9 || b == 10 || b == 13 || b == 0xEF || b == 0xBB || b == 0xBF) {
            return b == UInt8(ascii: "{") ? .jsonl : .text
        }
        return .text
    }
}
