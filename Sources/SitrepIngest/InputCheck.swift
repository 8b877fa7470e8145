import SitrepCore

/// Checks that apply to every input: binary files, invalid UTF-8.
enum InputCheck {
    /// A NUL byte or a known binary signature in the first 8 KB means this is not text.
    static func rejectBinary(_ b: [UInt8], name: String) throws {
        let head = b.prefix(8192)
        let sigs: [([UInt8], String)] = [([0x25, 0x50, 0x44, 0x46], "a PDF"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
                                         ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
                                         ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive")]
        for (sig, what) in sigs where head.starts(with: sig) {
            throw SitrepError(.binaryInput, "this is \(what), not text", at: name, hint: "give Sitrep the article's text")
        }
        if let nul = head.firstIndex(of: 0) {
            throw SitrepError(.binaryInput, "binary data (a NUL byte at byte \(nul))", at: name,
                              hint: "give Sitrep text, HTML or JSON Lines")
        }
    }

    /// Decodes UTF-8; invalid sequences become U+FFFD and the first one is reported with its byte offset.
    static func decode(_ b: [UInt8], name: String, warn: (String) -> Void) -> String {
        if let s = String(validating: b, as: UTF8.self) { return s }
        var bad = 0
        var first = -1
        var iter = b.makeIterator()
        var dec = UTF8()
        var offset = 0
        loop: while true {
            switch dec.decode(&iter) {
            case .scalarValue(let v): offset += UTF8.width(v)
            case .emptyInput: break loop
            case .error:
                if first < 0 { first = offset }
                bad += 1
                offset += 1
            }
        }
        warn("sitrep: warning: \(name): invalid UTF-8 at byte \(first) (\(bad) bad sequence\(bad == 1 ? "" : "s") replaced with U+FFFD)")
        return String(decoding: b, as: UTF8.self)
    }
}
