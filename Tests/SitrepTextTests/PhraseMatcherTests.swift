import Testing
@testable import SitrepText

@Suite struct PhraseMatcherTests {
    @Test func longestPhraseWinsAndHyphensAreOptional() {
        var m = PhraseMatcher<String>()
        m.add("took", "short")
        m.add("took control of", "long")
        m.add("pro-government", "pro")
        let t = AnalyzedText("rebels took control of the town while pro government militias fled")
        #expect(m.match(t, at: 1)?.value == "long")
        #expect(m.match(t, at: 1)?.end == 4)
        #expect(m.match(t, at: 7)?.value == "pro")
    }

    @Test func acronymsMatchOnlyCapitals() {
        var m = PhraseMatcher<String>()
        m.add("IS", "islamic-state")
        let t = AnalyzedText("IS fighters said it is over")
        #expect(m.match(t, at: 0)?.value == "islamic-state")
        #expect(m.match(t, at: 4) == nil)
    }
}
