import Testing
@testable import SitrepGazetteer
@testable import SitrepText

@Suite struct PlaceRecognizerTests {
    let gazetteer = try! Gazetteer.shared()

    /// Strips [[surface|key]] marks; returns the text and the expected (start, end, key) in code points.
    func parse(_ marked: String) -> (String, [String]) {
        var text = ""
        var expected: [String] = []
        var rest = Substring(marked)
        while let open = rest.range(of: "[[") {
            text += rest[..<open.lowerBound]
            let close = rest.range(of: "]]", range: open.upperBound..<rest.endIndex)!
            let parts = rest[open.upperBound..<close.lowerBound].split(separator: "|")
            let start = text.unicodeScalars.count
            text += parts[0]
            expected.append("\(start)-\(text.unicodeScalars.count) \(parts[1])")
            rest = rest[close.upperBound...]
        }
        text += rest
        return (text, expected)
    }

    @Test func everyPlaceInEveryRegionAndNothingElse() throws {
        let blocks = try Fixtures.text("Gazetteer/recognition.txt").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n") }
            .filter { !$0.isEmpty }
        #expect(blocks.count == 8)
        let recognizer = PlaceRecognizer(gazetteer: gazetteer)
        for block in blocks {
            let (text, expected) = parse(block)
            let analyzed = AnalyzedText(text)
            let found = recognizer.recognize(analyzed).map { m -> String in
                "\(analyzed.codePointOffset(m.start))-\(analyzed.codePointOffset(m.end)) \(gazetteer.places[m.place].key)"
            }
            #expect(found == expected, "\(text.prefix(40))")
        }
    }

    @Test func asadabadAndFaizabadInAnAfghanDocumentAreAfghan() {
        let text = AnalyzedText("""
        The Taliban took Asadabad, the capital of Kunar province, on Sunday, and fighters entered Faizabad \
        in Badakhshan, Afghan officials said.
        """)
        let found = PlaceRecognizer(gazetteer: gazetteer).recognize(text).map { gazetteer.places[$0.place].key }
        #expect(found == ["1148311", "AF.34", "1142170", "AF.01"])
    }

    @Test func wordsAndPersonNamesThatArePlacesElsewhereAreNot() {
        let text = AnalyzedText("""
        Said Ahmad, a spokesman, said the Mobile unit would bar entry. Price said Hope and Of were not towns. \
        US State Department spokesman Ned Price told reporters.
        """)
        let found = PlaceRecognizer(gazetteer: gazetteer).recognize(text).map { gazetteer.places[$0.place].key }
        #expect(found == ["US"])
    }

    @Test func aVariantSpellingReadsTheSameEveryTimeItComesBack() {
        // the first reading searches the spelling variants; later ones (in this and other documents) come from
        // the resolver's cache, asked before the variant keys are made
        let recognizer = PlaceRecognizer(gazetteer: gazetteer)
        let text = "Fighters entered Shebergan on Friday and held Shebergan airport by nightfall."
        let first = recognizer.recognize(AnalyzedText(text)).map { gazetteer.places[$0.place].key }
        let again = recognizer.recognize(AnalyzedText("Residents of Shebergan fled.")).map { gazetteer.places[$0.place].key }
        #expect(first == ["1125444", "1125444"])
        #expect(again == ["1125444"])
        #expect(recognizer.resolver.candidates("Shebergan").first?.place == gazetteer.places.firstIndex { $0.key == "1125444" })
    }
}
