import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

/// The streaming detector finds the same stories as the whole-corpus one on both fixture sets, names each by
/// its first copy, and forgets documents that left its window.
@Suite struct StoryStreamTests {
    /// The groups of documents (sets of ids) the stories make.
    func partition(_ docs: [Document]) -> Set<Set<String>> {
        Set(Dictionary(grouping: docs, by: { $0.story ?? $0.id }).values.map { Set($0.map(\.id)) })
    }

    @Test(arguments: ["Tests/Fixtures/Stories/stories.jsonl", "Tests/Fixtures/Stories/second-set/stories.jsonl"])
    func sameStoriesAsTheWholeCorpus(_ file: String) throws {
        var docs: [Document] = []
        try DocumentReader().read([Fixtures.path(file)]) { docs.append($0) }
        var whole = docs
        StoryDetector().assign(&whole)
        var stream = StoryStream()
        var streamed = docs
        for i in streamed.indices { stream.assign(&streamed[i]) }
        #expect(partition(streamed) == partition(whole))
        // the sample the stream computed is handed on (the store keeps part of it), and is the detector's
        for d in streamed {
            #expect(d.shingleSample == StoryDetector.samples(of: d.text))
            #expect(d.shingleSample?.isEmpty == false)
        }
        #expect(docs.allSatisfy { $0.shingleSample == nil })
        // each story is named by its first copy in the input
        for d in streamed {
            let first = streamed.first { $0.story == d.story }!
            #expect(d.story == first.id)
        }
    }

    @Test func aCopyBeyondTheWindowIsANewStory() {
        let story = String(repeating: "Taliban fighters entered the city of Herat on Thursday after government troops withdrew. ", count: 3)
        func other(_ i: Int) -> String { "Report number \(i): shelling hit district \(i) overnight, residents of quarter \(i * 7) said, as fighting continued in sector \(i * 13)." }
        var stream = StoryStream(window: 3)
        var docs = [Document(id: "a", text: story)] + (1...3).map { Document(id: "x\($0)", text: other($0)) } + [Document(id: "b", text: story)]
        for i in docs.indices { stream.assign(&docs[i]) }
        #expect(docs.map(\.story) == ["a", "x1", "x2", "x3", "b"])
        var wide = StoryStream(window: 4)
        var again = docs
        for i in again.indices { wide.assign(&again[i]) }
        #expect(again.map(\.story) == ["a", "x1", "x2", "x3", "a"])
    }

    @Test(arguments: [3, 5, 8])
    func aCopyJoinsTheEarliestCopyStillInTheWindow(_ window: Int) {
        // four stories recurring at gaps of 1 to 9 documents among distinct fillers: a copy takes the story of
        // the earliest copy of its text still in the window, else starts its own
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
                     "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]
        func text(_ k: Int) -> String {
            (0..<24).map { words[($0 * (k + 3) + k * 7) % words.count] + "\(k)x\($0)" }.joined(separator: " ") + "."
        }
        var kinds: [Int] = []  // -1: a filler
        var next = [0, 0, 0, 0]
        for i in 0..<70 {
            let due = (0..<4).first { next[$0] <= i }
            if let k = due {
                kinds.append(k)
                next[k] = i + 1 + (i * 7 + k * 3) % 9
            } else {
                kinds.append(-1)
            }
        }
        var docs = kinds.enumerated().map { i, k in Document(id: "d\(i)", text: text(k >= 0 ? k : 100 + i)) }
        var stream = StoryStream(window: window)
        for i in docs.indices { stream.assign(&docs[i]) }
        var expected: [String] = []
        for (i, k) in kinds.enumerated() {
            let j = k < 0 ? nil : (max(0, i - window)..<i).first { kinds[$0] == k }
            expected.append(j.map { expected[$0] } ?? "d\(i)")
        }
        #expect(docs.map { $0.story ?? "" } == expected)
        #expect(Set(expected).count > Set(kinds.filter { $0 >= 0 }).count)  // some copies fell out of the window
    }

    @Test func aCopyIsFoundBehindMoreThanEightCloserRewritesThatFallShort() {
        // ten earlier documents share a long passage with the new one (more samples than its true source) but
        // not enough of it at a strict threshold; the short source they outrank is still found, after them
        func words(_ tag: String, _ n: Int) -> String { (0..<n).map { "\(tag)w\($0)" }.joined(separator: " ") }
        let passage = words("p", 200), source = words("c", 80)
        var docs = (0..<10).map { Document(id: "e\($0)", text: passage + " " + words("u\($0)x", 300) + ".") }
        docs.append(Document(id: "c", text: source + "."))
        docs.append(Document(id: "d", text: passage + " " + source + "."))
        var detector = StoryDetector()
        detector.threshold = 0.9
        var stream = StoryStream(detector: detector)
        for i in docs.indices { stream.assign(&docs[i]) }
        #expect(docs.map { $0.story ?? "" } == (0..<10).map { "e\($0)" } + ["c", "c"])
        // at the default threshold the first of the rewrites is the match
        var again = docs
        var loose = StoryStream()
        for i in again.indices { loose.assign(&again[i]) }
        #expect(again.last?.story == "e0")
    }
}
