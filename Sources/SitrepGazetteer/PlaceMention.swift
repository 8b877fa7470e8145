import SitrepCore

/// A place named in a text: where, the surface form, and the place it resolved to.
public struct PlaceMention: Sendable {
    /// Tokens of the name (with "province" and the like when they follow it).
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    public var matched: String
    public var place: Int
    public var candidate: PlaceCandidate
    public var sentence: Int

    public init(tokens: Range<Int>, start: Int, end: Int, matched: String, place: Int, candidate: PlaceCandidate,
                sentence: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
        self.matched = matched
        self.place = place
        self.candidate = candidate
        self.sentence = sentence
    }
}
