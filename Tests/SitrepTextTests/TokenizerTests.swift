import Testing
@testable import SitrepText

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] {
        let t = AnalyzedText(s)
        return t.tokens.map { t.text(of: $0) }
    }

    @Test func hyphenatedNamesSplitIntoParts() {
        #expect(words("Qala-i-Naw fell.") == ["Qala", "-", "i", "-", "Naw", "fell", "."])
    }

    @Test func possessivesAndContractionsAreTokens() {
        #expect(words("the Taliban's push didn't stop") == ["the", "Taliban", "'s", "push", "did", "n't", "stop"])
        #expect(words("the country’s third") == ["the", "country", "’s", "third"])
    }

    @Test func initialismsStayOneToken() {
        let t = AnalyzedText("The U.S. embassy")
        #expect(t.tokens.count == 3)
        #expect(t.foldedString(1) == "us")
        #expect(t.tokens[1].has(.allCaps))
    }

    @Test func apostrophesInsideNamesAreFoldedAway() {
        let t = AnalyzedText("Qal'eh-ye Now")
        #expect(t.foldedString(0) == "qaleh")
        #expect(t.tokens.count == 4)
    }

    @Test func diacriticsFold() {
        let t = AnalyzedText("Herāt Mazār-e Sharīf Şanʻāʼ")
        #expect(t.foldedString(0) == "herat")
        #expect(t.foldedString(1) == "mazar")
        #expect(t.foldedString(5) == "sana")
    }

    @Test func numbersKeepSeparators() {
        let t = AnalyzedText("1,000 troops and 2.5 km")
        #expect(t.text(of: t.tokens[0]) == "1,000")
        #expect(t.tokens[0].has(.number))
        #expect(t.text(of: t.tokens[3]) == "2.5")
    }

    @Test func byteOffsetsPointIntoTheText() {
        let s = "“We fled,” he said."
        let t = AnalyzedText(s)
        let fled = t.tokens[2]
        #expect(t.text(Int(fled.start)..<Int(fled.end)) == "fled")
        #expect(t.codePointOffset(Int(fled.start)) == 4)
    }

    @Test func codePointOffsetsAreRightInAnyOrder() {
        let s = "Qal’eh-ye Now — “taken” on Thursday, officials said; Mazār-e Sharīf 😀 and plain ASCII text after it."
        let t = AnalyzedText(s)
        let bytes = Array(s.utf8)
        func reference(_ b: Int) -> Int { String(decoding: bytes[..<b], as: UTF8.self).unicodeScalars.count }
        let starts = t.tokens.map { Int($0.start) } + [bytes.count]
        for b in starts + starts.reversed() + [0, bytes.count, 3, 60, 9, 90] where b == bytes.count || bytes[b] & 0xC0 != 0x80 {
            #expect(t.codePointOffset(b) == reference(b), "byte \(b)")
        }
    }

    @Test func aTokenIsComparedWithAStringByItsBytes() {
        let t = AnalyzedText("Herat, Afghanistan — “it fell”.")
        #expect(t.token(t.tokens[1], is: ","))
        #expect(!t.token(t.tokens[1], is: "."))
        #expect(t.token(t.tokens[3], is: "—"))
        #expect(t.token(t.tokens[0], is: "Herat"))
        #expect(!t.token(t.tokens[0], is: "Hera"))
        #expect(!t.token(t.tokens[0], is: "herat"))
    }
}
