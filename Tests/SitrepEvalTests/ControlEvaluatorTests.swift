import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepEval
@testable import SitrepExtract
@testable import SitrepFuse
@testable import SitrepGazetteer
@testable import SitrepIngest

@Suite struct ControlEvaluatorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Scenarios")

    @Test func csvFieldsWithQuotesAndCommas() {
        let rows = ControlGold.parse("place,note\n\"Qala-i-Naw, Badghis\",\"said \"\"fell\"\"\"\nHerat,\n")
        #expect(rows == [["place", "note"], ["Qala-i-Naw, Badghis", "said \"fell\""], ["Herat", ""]])
    }

    /// The scenarios' changes, as a control table, against the timeline of all their articles fused at once.
    @Test func scenarioTimelinesScoreFully() throws {
        let gold = try ControlGold.read(ControlEvaluatorTests.folder.appendingPathComponent("control.csv").path)
        #expect(gold.count == 16)
        var docs: [Document] = []
        for name in ["offensive", "seesaw", "claimed-denied", "syndication", "history"] {
            try DocumentReader().read([ControlEvaluatorTests.folder.appendingPathComponent("\(name)/corpus.jsonl").path]) {
                docs.append($0)
            }
        }
        StoryDetector().assign(&docs)
        let extractor = try EventExtractor.shared()
        let changes = ControlTimeline(events: EventFuser().fuse(docs.flatMap { extractor.extract($0) })).changes
        let r = Evaluator(gazetteer: try Gazetteer.shared()).evaluateControl(gold: gold, changes: changes)
        #expect(r.matched == 16 && r.exactDay == 16 && r.system == 16)
        // a day off still counts; two days off do not
        var shifted = changes
        shifted[0].date.start = Day(ordinal: changes[0].date.start!.ordinal + 1)
        shifted[1].date.start = Day(ordinal: changes[1].date.start!.ordinal + 2)
        let s = Evaluator(gazetteer: try Gazetteer.shared()).evaluateControl(gold: gold, changes: shifted)
        #expect(s.matched == 15 && s.exactDay == 14)
    }
}
