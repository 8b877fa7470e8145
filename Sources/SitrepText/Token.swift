/// A token of the document text: byte offsets into the UTF-8 text and its folded form.
public struct Token: Sendable {
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
        @inlinable public static var word: Flags { Flags(rawValue: 1) }
        @inlinable public static var capitalized: Flags { Flags(rawValue: 2) }
        @inlinable public static var allCaps: Flags { Flags(rawValue: 4) }
        @inlinable public static var number: Flags { Flags(rawValue: 8) }
        @inlinable public static var punct: Flags { Flags(rawValue: 16) }
        /// Whitespace (or the start of the text) precedes the token.
        @inlinable public static var spaceBefore: Flags { Flags(rawValue: 32) }
        @inlinable public static var openQuote: Flags { Flags(rawValue: 64) }
        @inlinable public static var closeQuote: Flags { Flags(rawValue: 128) }
        /// Inside a quotation (between its marks).
        @inlinable public static var quoted: Flags { Flags(rawValue: 256) }
        @inlinable public static var hyphen: Flags { Flags(rawValue: 512) }
        /// First token of its sentence.
        @inlinable public static var sentenceStart: Flags { Flags(rawValue: 1024) }
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

    // inlinable: asked for at every token by every stage, in other modules
    @inlinable public func has(_ f: Flags) -> Bool { flags.rawValue & f.rawValue == f.rawValue }
    @inlinable public var isWord: Bool { flags.rawValue & 1 != 0 }
    @inlinable public var isCapitalized: Bool { flags.rawValue & 2 != 0 }
}

/// FNV-1a over folded bytes, the same function everywhere tokens and lexicon entries are hashed.
public enum TokenHash {
    @inlinable public static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }

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
    @inlinable @inline(__always)
    public static func combine(_ phrase: UInt64, _ token: UInt64) -> UInt64 {
        (phrase ^ token) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }
}
