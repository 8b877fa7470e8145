import Testing
@testable import SitrepIngest

@Suite struct JSONObjectScannerTests {
    typealias Value = JSONObjectScanner.Value

    func scan(_ s: String) -> Result<[String: Value], JSONObjectScanner.Failure> {
        Result { () throws(JSONObjectScanner.Failure) in try JSONObjectScanner.members(ArraySlice(s.utf8)) }
    }

    func members(_ s: String) -> [String: Value]? { try? scan(s).get() }

    @Test func topLevelStringsAndIntegersAreDecodedAndTheRestChecked() {
        let m = members(#" { "id": 17, "text": "Herat fell.", "n": -3.5, "ok": true, "no": false, "x": null, "#
            + #""list": [1, "two", {"three": [3.0e2, -0]}], "obj": {}, "empty": [] } "#)
        #expect(m == ["id": .int(17), "text": .string("Herat fell."), "n": .other, "ok": .other, "no": .other,
                      "x": .null, "list": .other, "obj": .other, "empty": .other])
        #expect(members("{}") == [:])
    }

    @Test func wholeNumbersWrittenAsFractionsAreIntegers() {
        #expect(members(#"{"id": 3.0}"#) == ["id": .int(3)])
        #expect(members(#"{"id": 1e3}"#) == ["id": .int(1000)])
        #expect(members(#"{"id": 2.5}"#) == ["id": .other])
    }

    @Test func escapesAndSurrogatePairsAreDecoded() {
        let m = members(#"{"t": "a \"q\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 end", "k\u0031": "v"}"#)
        #expect(m == ["t": .string("a \"q\" \\ / \u{8}\u{c}\n\r\t é 😀 end"), "k1": .string("v")])
    }

    @Test func escapesAndControlBytesAreFoundAtEveryOffsetOfALongString() {
        // the end of a run is found eight bytes at a time: an escape or a raw control byte at each offset
        for k in 0..<20 {
            let pad = String(repeating: "x", count: k)
            #expect(members(#"{"t": "\#(pad)\"\#(pad)é\#(pad)"}"#) == ["t": .string("\(pad)\"\(pad)é\(pad)")], "\(k)")
            #expect(scan("{\"t\": \"\(pad)\u{1}\(pad)\"}") == .failure(.invalid), "\(k)")
        }
    }

    @Test func linesEndAtTheirLineFeed() {
        let b = Array("ab\ncd\n\nef".utf8)
        #expect(JSONLines.newline(in: b, from: 0) == 2)
        #expect(JSONLines.newline(in: b, from: 3) == 5)
        #expect(JSONLines.newline(in: b, from: 6) == 6)
        #expect(JSONLines.newline(in: b, from: 7) == nil)
        #expect(JSONLines.newline(in: b, from: b.count) == nil)
        #expect(JSONLines.newline(in: [], from: 0) == nil)
    }

    @Test func theLastOfARepeatedKeyCounts() {
        #expect(members(#"{"text": "a", "text": "b"}"#) == ["text": .string("b")])
    }

    @Test func whatJSONSerializationRefusesIsRefused() {
        let invalid = [
            #""abc""#, "17", "null", "", "   ", "{", #"{"a"}"#, #"{"a": }"#, #"{"a": 1,}"#, #"{"a": 1} x"#,
            "{\"a\": \"tab\there\"}", #"{"a": "\ud800 lone"}"#, #"{"a": "\udc00"}"#, #"{"a": "\x"}"#,
            #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": -}"#, #"{"a": tru}"#, #"{"a": [1 2]}"#, #"{a: 1}"#,
            #"{"a": "unterminated}"#, #"{"a": "\u12"}"#,
        ]
        for s in invalid { #expect(scan(s) == .failure(.invalid), "\(s)") }
        #expect(scan("[1, 2]") == .failure(.notAnObject))
        #expect(scan("[1, 2] x") == .failure(.invalid))
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"text": "caf"#.utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes.append(contentsOf: Array(#""}"#.utf8))
        #expect(throws: JSONObjectScanner.Failure.invalid) { try JSONObjectScanner.members(bytes[...]) }
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(!UTF8Check.isValid(bad.withUnsafeBufferPointer { $0 }))
        }
        let good = Array("plain ASCII text, long enough for the eight-byte path – and “quotes” and 😀".utf8)
        #expect(good.withUnsafeBufferPointer { UTF8Check.isValid($0) })
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(scan(#"{"a": "# + deep + "}") == .failure(.invalid))
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(members(#"{"a": "# + fine + "}") == ["a": .other])
    }
}
