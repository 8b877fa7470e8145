import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

/// Mutated feeds and pages must give documents or a `SitrepError`: never a crash, never a hang.
///
/// Seeds: the repository's feeds and pages, plus feedparser's ~2,200 test feeds when
/// `Scripts/fetch_feed_corpus.sh` has put them in `.build/feed-corpus` (CI does).
@Suite struct FeedFuzzTests {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let fragments: [[UInt8]] = ["<item>", "</item>", "<entry>", "<![CDATA[", "]]>", "&#x0;", "&amp", "&nbsp;",
                                       "<content:encoded>", "<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "<!--",
                                       "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "&a;", "\u{FEFF}", "<pubDate>",
                                       "31 Feb 99999", "<link href=\"", "<p><div><table><td>", "\u{1F600}"]
        .map { Array($0.utf8) }

    static func mutate(_ seed: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = seed
        for _ in 0..<(1 + rng.below(4)) {
            let at = rng.below(b.count + 1)
            switch rng.below(6) {
            case 0: b = Array(b.prefix(at))  // truncation
            case 1: for _ in 0..<8 where !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 2: b.removeSubrange(at..<min(b.count, at + rng.below(64)))
            case 3: b.insert(contentsOf: fragments[rng.below(fragments.count)], at: at)
            case 4: let end = min(b.count, at + rng.below(200)); b.insert(contentsOf: b[at..<end], at: at)
            default: b.insert(contentsOf: (0..<rng.below(16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            }
        }
        return b
    }

    @Test(.timeLimit(.minutes(10)))
    func mutatedFeedsAndPagesNeverCrash() throws {
        var seeds = Fixtures.files(under: "Tests/Fixtures/Feeds", extensions: ["rss", "atom", "rdf", "xml"])
        seeds += Fixtures.files(under: "Tests/Fixtures/HTML", extensions: ["html"])
        seeds += Fixtures.files(under: ".build/feed-corpus", extensions: ["xml"])
        #expect(seeds.count >= 4)
        var rng = SplitMix(state: 20_211_208)
        var parsed = 0
        var refused = 0
        var documents = 0
        let reader = DocumentReader()
        for path in seeds {
            let seed = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            for round in 0..<10 {
                let input = round == 0 ? seed : FeedFuzzTests.mutate(seed, &rng)
                for format in [InputFormat.feed, .html] {
                    do {
                        try reader.readBytes(input, name: "fuzz", idBase: "fuzz", ext: nil, formatOverride: format) { doc in
                            documents += 1
                            #expect(!doc.text.isEmpty)
                        }
                        parsed += 1
                    } catch is SitrepError {
                        refused += 1
                    }
                }
            }
        }
        #expect(parsed + refused == seeds.count * 20)
        #expect(parsed > 0 && documents > 0)
    }
}
