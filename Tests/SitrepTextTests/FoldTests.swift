import Testing
@testable import SitrepText

@Suite struct FoldTests {
    @Test func wordsFoldCaseDiacriticsAndApostrophesAndSplitAtEverythingElse() {
        #expect(Fold.words("Qal'eh-ye Now") == ["qaleh", "ye", "now"])
        #expect(Fold.words("Herāt, 2021: al-Shabaab`s FIGHTERS") == ["herat", "2021", "al", "shabaabs", "fighters"])
        #expect(Fold.words("  Ærø — Łódź…Straße ") == ["aero", "lodz", "strasse"])
        #expect(Fold.words("Москва Kyiv") == ["москва", "kyiv"])
        #expect(Fold.words("U.S.") == ["u", "s"])
        #expect(Fold.words(" - ,. ") == [])
        #expect(Fold.words("") == [])
    }

    @Test func aWordHashesAsTheTokenizerFoldsIt() {
        let text = AnalyzedText("Mazar-i-Sharif")
        #expect(text.tokens.filter(\.isWord).map(\.hash) == ["mazar", "i", "sharif"].map { TokenHash.of(word: $0) })
        #expect(TokenHash.of(word: "Al-Fashir") == TokenHash.of("alfashir".utf8))
    }
}
