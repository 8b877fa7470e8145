import SitrepCore

/// A time expression in the text and the span it resolves to against the publication date.
public struct DateMention: Sendable {
    public var tokens: Range<Int>
    public var date: EventDate
    public var sentence: Int

    public init(tokens: Range<Int>, date: EventDate, sentence: Int) {
        self.tokens = tokens
        self.date = date
        self.sentence = sentence
    }
}
