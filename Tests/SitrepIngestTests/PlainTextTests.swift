import Testing
@testable import SitrepIngest

@Suite struct PlainTextTests {
    @Test(arguments: [
        ("Herat falls to the Taliban", true),
        ("As the Taliban seize more provincial capitals, the US will evacuate its embassy staff in Afghanistan.", true),
        ("KABUL, Aug 12 (Reuters) - The Taliban took Herat on Thursday.", false),
        ("HERAT, Afghanistan \u{2014} The city fell on Thursday.", false),
        ("The city fell on Thursday. Officials fled to the airport.", false),
        ("", false),
    ] as [(String, Bool)])
    func headlines(_ line: String, _ isTitle: Bool) {
        #expect(PlainText.isTitle(Substring(line)) == isTitle)
    }
}
