import Testing
@testable import SitrepText

@Suite struct SentenceTests {
    func sentences(_ s: String) -> [String] {
        let t = AnalyzedText(s)
        return t.sentences.indices.map { t.sentenceText($0) }
    }

    @Test func splitsAtTerminalsBeforeCapitals() {
        #expect(sentences("Herat fell on Thursday. Ghazni followed. What next?")
                == ["Herat fell on Thursday.", "Ghazni followed.", "What next?"])
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(sentences("Gen. Sami Ahmed said U.S. troops left on Aug. 12. They flew out.")
                == ["Gen. Sami Ahmed said U.S. troops left on Aug. 12.", "They flew out."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("“We had to flee.” A source said so.") == ["“We had to flee.”", "A source said so."])
        #expect(sentences("“We left,” he said. Then quiet.") == ["“We left,” he said.", "Then quiet."])
    }

    @Test func paragraphsEndSentences() {
        let t = AnalyzedText("A headline without a period\n\nThe first paragraph. The second sentence.\n\nAnother.")
        #expect(t.paragraphs.count == 3)
        #expect(t.sentences.count == 4)
        #expect(t.sentences.map(\.paragraph) == [0, 1, 1, 2])
    }

    @Test func hardWrappedLinesJoin() {
        let t = AnalyzedText("The army withdrew from the town\nafter a week of fighting.")
        #expect(t.paragraphs.count == 1)
        #expect(t.sentences.count == 1)
    }

    @Test func aParagraphPrintedTwiceIsARepeat() {
        let t = AnalyzedText("“Calm until noon,” he told AFP.\n\n\"Calm until noon,\" he told AFP.\n\nNew facts.")
        #expect(t.sentences.map(\.isRepeat) == [false, true, false])
    }

    @Test func quotationsMarkTheirTokensAndAnUnclosedOneEndsWithItsParagraph() {
        let t = AnalyzedText("“They rushed in. They waved flags.\n\nNext paragraph.")
        #expect(t.quotations.count == 1)
        #expect(t.quotations[0].closed == false)
        let quoted = t.tokens.filter { $0.has(.quoted) }.map { t.text(of: $0) }
        #expect(quoted == ["They", "rushed", "in", ".", "They", "waved", "flags", "."])
    }
}
