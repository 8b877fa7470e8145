import Testing
@testable import SitrepCore

@Suite struct StableHashTests {
    @Test func idsAreSixteenHexDigitsOfTheFNVHash() {
        #expect(StableHash.hex(0) == "0000000000000000")
        #expect(StableHash.hex(0xAB) == "00000000000000ab")
        #expect(StableHash.hex(.max) == "ffffffffffffffff")
        // FNV-1a 64 of "a" is af63dc4c8601ec8c
        #expect(StableHash.hexID(["a"]) == "af63dc4c8601ec8c")
        #expect(StableHash.hexID(["a", "b"]) == StableHash.hex(StableHash.of("a\u{0}b")))
        // parts of any kind of string: non-ASCII, and a string made from a substring
        let part = String("x Qal\u{2019}eh-ye Now, Herāt".dropFirst(2))
        #expect(StableHash.hexID([part, "é"]) == StableHash.hex(StableHash.of("Qal\u{2019}eh-ye Now, Herāt\u{0}é")))
    }

    @Test func whiteSpaceRunsHashAsOneSpace() {
        var a = StableHash()
        #expect(a.add(collapsingSpace: "\n  Herat\tfell \r\n\n on  Thursday.  \n") == 23)
        #expect(a.value == StableHash.of("Herat fell on Thursday."))
        var b = StableHash()
        #expect(b.add(collapsingSpace: " \t\n") == 0)
        #expect(b.value == StableHash().value)
    }
}
