import Testing
@testable import SitrepCore

@Suite struct TSVTests {
    func rows(_ s: String) -> [([String], Int)] { TSV.rows(bytes: Array(s.utf8)) }

    @Test func fieldsAreTrimmedCommentsAndBlankLinesSkippedLinesNumbered() {
        let r = rows("# a comment\nqala-i-naw\tAF.08 \n\n  took\u{A0}\t\tcontrol of\r\nlast\tline")
        #expect(r.map(\.0) == [["qala-i-naw", "AF.08"], ["took", "", "control of"], ["last", "line"]])
        #expect(r.map(\.1) == [2, 4, 5])
    }

    @Test func aFinalNewlineAddsNoRow() {
        #expect(rows("a\tb\n").map(\.0) == [["a", "b"]])
        #expect(rows("").isEmpty)
        #expect(rows("\n\n").isEmpty)
        #expect(rows("a\t\n").map(\.0) == [["a", ""]])
    }
}
