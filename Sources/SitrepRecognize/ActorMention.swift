import SitrepCore

/// An actor named in the text.
public struct ActorMention: Sendable {
    public enum Source: Sendable { case lexicon, pattern, generic, country }

    public var tokens: Range<Int>
    public var actor: Actor
    public var source: Source
    public var sentence: Int

    public init(tokens: Range<Int>, actor: Actor, source: Source, sentence: Int) {
        self.tokens = tokens
        self.actor = actor
        self.source = source
        self.sentence = sentence
    }
}
