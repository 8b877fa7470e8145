/// A token of the document text: byte offsets into the UTF-8 text and its folded form.
public struct Token: Sendable {
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let word = Flags(rawValue: 1)
        public static let capitalized = Flags(rawValue: 2)
        public static let allCaps = Flags(rawValue: 4)
        public static let number = Flags(rawValue: 8)
        public static let punct = Flags(rawValue: 16)
        /// Whitespace (or the start of the text) precedes the token.
        public static let spaceBefore = Flags(rawValue: 32)
        public static let openQuote = Flags(rawValue: 64)
        public static let closeQuote = Flags(rawValue: 128)
        /// Inside a quotation (between its marks).
        public static let quoted = Flags(rawValue: 256)
        public static let hyphen = Flags(rawValue: 512)
        /// First token of its sentence.
        public static let sentenceStart = Flags(rawValue: 1024)
    }

    public var start: Int32
    public var end: Int32
    /// Range of the folded form in `AnalyzedText.folded`.
    public var foldStart: Int32
    public var foldEnd: Int32
    /// FNV-1a of the folded form: the key lexicons look tokens up by.
    public var hash: UInt64
    public var flags: Flags
    public var sentence: Int32 = 0

    @inline(__always) public func has(_ f: Flags) -> Bool { flags.contains(f) }
    public var isWord: Bool { flags.contains(.word) }
    public var isCapitalized: Bool { flags.contains(.capitalized) }
}

/// FNV-1a over folded bytes, the same function everywhere tokens and lexicon entries are hashed.
public enum TokenHash {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    public static func add(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }

    public static func of<S: Sequence>(_ bytes: S, from h0: UInt64 = seed) -> UInt64 where S.Element == UInt8 {
        var h = h0
        for b in bytes { h = add(h, b) }
        return h
    }

    /// The hash of a lexicon word as the tokenizer would fold it.
    public static func of(word: String) -> UInt64 {
        of(Fold.words(word).joined().utf8)
    }

    /// Mixes a token hash into a phrase hash (order-sensitive), for multi-word look-ups.
    @inline(__always)
    public static func combine(_ phrase: UInt64, _ token: UInt64) -> UInt64 {
        (phrase ^ token) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }
}
