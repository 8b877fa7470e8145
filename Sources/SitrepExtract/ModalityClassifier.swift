import SitrepCore
import SitrepRecognize
import SitrepText

/// Decides a mention's modality from the words of its clause and who states it (spec/ontology.md):
/// negated, then denied, then planned or possible, then claimed, else asserted.
struct ModalityClassifier {
    let lexicon: TriggerLexicon

    static func h(_ s: String) -> UInt64 { TokenHash.of(s.utf8) }
    static let hTo = h("to"), hWithout = h("without"), hFight = h("fight"), hResistance = h("resistance"),
               hShot = h("shot"), hThat = h("that"), hHad = h("had"), hHas = h("has"), hHave = h("have"), hBeen = h("been")

    /// The clause of the trigger: back to a clause word or punctuation that starts it.
    func clauseStart(_ text: AnalyzedText, _ k: Int, floor: Int, isBreak: (Int) -> Bool) -> Int {
        var i = k - 1
        while i >= floor {
            let t = text.tokens[i]
            if t.hash == ModalityClassifier.hThat || isBreak(i) { return i + 1 }
            if t.has(.punct) && !t.has(.hyphen) && (t.has(.openQuote) || t.has(.closeQuote)) { return i + 1 }
            i -= 1
        }
        return floor
    }

    enum Cue { case negated, planned, possible }

    /// Modal cues in the words before the trigger (within its clause).
    func cue(_ text: AnalyzedText, _ k: Int, clause: Int, trigger: Trigger) -> Cue? {
        let t = text.tokens
        var i = k - 1
        var sawTo = false
        while i >= clause {
            let tok = t[i]
            if lexicon.isA(tok, lexicon.negation) {
                // "without a fight" describes a handover, it does not negate it
                return .negated
            }
            // "May 4" is a month: a modal verb is not capitalized inside a sentence
            let month = tok.has(.capitalized) && !tok.has(.sentenceStart)
            if lexicon.isA(tok, lexicon.possible) && !month { return .possible }
            if lexicon.isA(tok, lexicon.planned) {
                // "had been ordered": a past order carried out; "is expected to" / "will": ahead
                return .planned
            }
            if tok.hash == ModalityClassifier.hTo && i == k - 1 { sawTo = true }
            if sawTo && i == k - 2 {
                // "forced to withdraw", "had to flee": it happened; "moved to new positions": a preposition
                if lexicon.isA(tok, lexicon.priorOK) || lexicon.isA(tok, lexicon.motion) { return nil }
                if lexicon.isA(tok, lexicon.negation) { return .negated }
            }
            i -= 1
        }
        if sawTo { return .planned }
        return nil
    }
}
