import Testing
@testable import SitrepCore

@Suite struct JSONWriterTests {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func commasFollowNestingAndKeys() {
        let s = written { w in
            w.beginObject()
            w.field("a", 1)
            w.key("b")
            w.beginArray()
            w.int(2)
            w.beginObject()
            w.endObject()
            w.beginArray()
            w.endArray()
            w.null()
            w.endArray()
            w.field("c", "x")
            w.endObject()
            w.beginObject()
            w.endObject()
        }
        #expect(s == #"{"a":1,"b":[2,{},[],null],"c":"x"},{}"#)
    }

    @Test func fieldsOfEveryKindWriteTheirKeyAndValueWithOneComma() {
        let s = written { w in
            w.beginObject()
            w.field("s", "a\"b")
            w.field("ns", nil as String?)
            w.field("i", -12)
            w.field("ni", nil as Int?)
            w.field("d", 34.52814, digits: 4)
            w.field("nd", nil as Double?)
            w.field("inf", Double.infinity)
            w.field("day", Day(year: 2021, month: 8, day: 12))
            w.field("nday", nil as Day?)
            w.key("o")
            w.beginObject()
            w.field("x", 1)
            w.endObject()
            w.field("last", "z")
            w.endObject()
        }
        #expect(s == #"{"s":"a\"b","ns":null,"i":-12,"ni":null,"d":34.5281,"nd":null,"inf":null,"#
            + #""day":"2021-08-12","nday":null,"o":{"x":1},"last":"z"}"#)
    }

    @Test func anEncodedValueTakesItsCommaAndLinesEndInOneBuffer() {
        let document = JSONWriter.encode { w in
            w.beginObject()
            w.field("id", "d1")
            w.field("url", nil as String?)
            w.endObject()
        }
        #expect(String(decoding: document, as: UTF8.self) == #"{"id":"d1","url":null}"#)
        let s = written { w in
            for id in ["a", "b"] {
                w.beginObject()
                w.field("id", id)
                w.key("document")
                w.encoded(document)
                w.key("list")
                w.beginArray()
                w.encoded(document)
                w.encoded(Array("7".utf8))
                w.endArray()
                w.endObject()
                w.endLine()
            }
        }
        #expect(s == #"""
            {"id":"a","document":{"id":"d1","url":null},"list":[{"id":"d1","url":null},7]}
            {"id":"b","document":{"id":"d1","url":null},"list":[{"id":"d1","url":null},7]}

            """#)
    }

    @Test func theLinesOfSeveralDocumentsWrittenWithACacheAreTheLinesWrittenWithout() {
        func mention(_ id: String, _ doc: String, story: String?) -> EventMention {
            EventMention(id: id, document: DocumentRef(id: doc, url: "https://a.example/\(doc)", outlet: "a.example",
                                                       published: Day(iso: "2021-08-12"), story: story),
                         type: .territoryTaken, actor: Actor(name: "Taliban", id: "taliban", kind: .nonStateArmedGroup),
                         target: nil, place: nil, date: EventDate(start: nil, end: nil, text: nil, precision: .unknown),
                         modality: .asserted, source: nil, evidence: Evidence(text: "They \"took\" it.", start: 0, end: 15),
                         confidence: 0.8, trigger: "took")
        }
        // the same id under another story is another document object
        let ms = [mention("1", "d1", story: nil), mention("2", "d1", story: nil), mention("3", "d2", story: nil),
                  mention("4", "d2", story: "d1"), mention("5", "d1", story: nil)]
        var cache = MentionJSONCache()
        let cached = written { w in for m in ms { m.writeJSON(to: &w, cache: &cache); w.endLine() } }
        let plain = written { w in for m in ms { m.writeJSON(to: &w); w.endLine() } }
        #expect(cached == plain)
        let lines = plain.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[3].contains(#""document":{"id":"d2","url":"https://a.example/d2","outlet":"a.example","published":"2021-08-12","story":"d1"}"#))
        #expect(lines[4].contains(#""document":{"id":"d1","url":"https://a.example/d1","outlet":"a.example","published":"2021-08-12","story":null}"#))
    }

    @Test func aDocumentReferenceIsWrittenWithItsFiveKeys() {
        let ref = DocumentRef(id: "x-1", url: "https://a.example/1", outlet: "a.example", published: Day(iso: "2021-08-12"),
                              story: nil)
        let s = written { ref.writeJSON(to: &$0) }
        #expect(s == #"{"id":"x-1","url":"https://a.example/1","outlet":"a.example","published":"2021-08-12","story":null}"#)
    }

    @Test func commasSurviveNestingDeeperThanTheBitStack() {
        let s = written { w in
            w.beginArray()
            w.int(0)
            for _ in 0..<70 { w.beginArray() }
            w.int(1)
            w.int(2)
            for _ in 0..<70 { w.endArray() }
            for _ in 0..<64 { w.beginArray() }
            w.beginObject()
            w.key("k")
            w.int(4)
            w.endObject()
            for _ in 0..<64 { w.endArray() }
            w.int(3)
            w.endArray()
        }
        #expect(s == "[0," + String(repeating: "[", count: 70) + "1,2" + String(repeating: "]", count: 70) + ","
                + String(repeating: "[", count: 64) + #"{"k":4}"# + String(repeating: "]", count: 64) + ",3]")
    }

    @Test func integersAndDays() {
        let s = written { w in
            w.beginArray()
            for v in [0, 7, -42, 1_234_567_890, Int.max, Int.min] { w.int(v) }
            w.int(nil)
            w.day(Day(year: 2021, month: 8, day: 5))
            w.day(Day(year: 987, month: 12, day: 31))
            w.day(nil)
            w.endArray()
        }
        #expect(s == #"[0,7,-42,1234567890,9223372036854775807,-9223372036854775808,null,"2021-08-05","0987-12-31",null]"#)
        #expect(Day(year: 2021, month: 8, day: 5).description == "2021-08-05")
    }

    @Test func doublesAreRoundedWithoutTrailingZeros() {
        #expect(JSONWriter.format(34.34817, digits: 4) == "34.3482")
        #expect(JSONWriter.format(0.85, digits: 2) == "0.85")
        #expect(JSONWriter.format(0.8, digits: 2) == "0.8")
        #expect(JSONWriter.format(62.2, digits: 4) == "62.2")
        #expect(JSONWriter.format(3.0, digits: 4) == "3")
        #expect(JSONWriter.format(-0.00001, digits: 4) == "0")
        #expect(JSONWriter.format(-70.05, digits: 4) == "-70.05")
        #expect(JSONWriter.format(0.0001, digits: 4) == "0.0001")
        #expect(JSONWriter.format(0.0105, digits: 3) == "0.011")
        #expect(JSONWriter.format(1e20, digits: 2) == "1e+20")
        let s = written { w in
            w.beginArray()
            w.double(.nan)
            w.double(.infinity)
            w.double(nil)
            w.double(12.5, digits: 0)
            w.endArray()
        }
        #expect(s == "[null,null,null,13]")
    }

    @Test func stringsAreEscaped() {
        let s = written { w in w.string("a \"quote\" \\ back\nline\ttab\u{1}é") }
        #expect(s == #""a \"quote\" \\ back\nline\ttab\u0001é""#)
    }

    @Test func aCopiedWriterWritesOnItsOwn() {
        var a = JSONWriter()
        a.beginArray()
        a.int(1)
        var b = a
        b.int(2)
        a.int(3)
        a.endArray()
        b.endArray()
        #expect(String(decoding: a.bytes, as: UTF8.self) == "[1,3]")
        #expect(String(decoding: b.bytes, as: UTF8.self) == "[1,2]")
        var out: [UInt8] = [65]
        b.append(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "A[1,2]")
        b.reset()
        b.string(String(repeating: "é\"", count: 2000))  // past the first capacity, escapes included
        #expect(b.bytes.count == 2 + 2000 * 4)
        #expect(String(decoding: a.bytes, as: UTF8.self) == "[1,3]")
    }

    @Test func escapesAreFoundWhereverTheyFallInAWord() {
        // every position of an 8-byte word, and the bytes beside the escaped ones (0x1F, 0x21, 0x5B, 0x5D, 0x7F, é)
        for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C] {
            for at in 0..<20 {
                var bytes = Array("abcdefgh\u{21}\u{5B}\u{5D}\u{7F}é abcdef".utf8)
                bytes.insert(special, at: at)
                let found = bytes.withUnsafeBufferPointer { JSONWriter.escapeIndex($0, from: 0) }
                #expect(found == at, "byte \(special) at \(at)")
            }
        }
        let clean = Array("no escapes here, only “quotes” of another kind \u{7F}".utf8)
        #expect(clean.withUnsafeBufferPointer { JSONWriter.escapeIndex($0, from: 0) } == clean.count)
        #expect(clean.withUnsafeBufferPointer { JSONWriter.escapeIndex($0, from: clean.count) } == clean.count)
    }
}
