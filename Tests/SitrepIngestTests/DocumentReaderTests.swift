import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepIngest

@Suite struct DocumentReaderTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-ingest-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    func read(_ paths: [String], published: Day? = nil) throws -> ([Document], [String]) {
        var docs: [Document] = []
        var warnings: [String] = []
        try DocumentReader(published: published, warn: { warnings.append($0) }).read(paths) { docs.append($0) }
        return (docs, warnings)
    }

    func error(_ paths: [String]) -> SitrepError? {
        do { _ = try read(paths) } catch let e as SitrepError { return e } catch { return nil }
        return nil
    }

    @Test func plainTextTakesItsTitleLine() throws {
        let p = write("a.txt", Array("Herat falls\n\nThe city fell on Thursday.".utf8))
        let (docs, _) = try read([p], published: Day(iso: "2021-08-12"))
        #expect(docs.count == 1)
        #expect(docs[0].title == "Herat falls")
        #expect(docs[0].published?.description == "2021-08-12")
        #expect(docs[0].text == "Herat falls\n\nThe city fell on Thursday.")
    }

    @Test func jsonLinesSkipsBadLinesAndNamesThem() throws {
        let lines = """
        {"id":"a1","url":"https://www.wire.example/x","published":"2021-08-10","title":"T","text":"One."}
        not json
        {"id":"a3","title":"no text"}
        {"text":"Three.","published":"2021-08-11"}
        """
        let p = write("c.jsonl", Array(lines.utf8))
        let (docs, warnings) = try read([p])
        #expect(docs.map(\.id) == ["a1", "\(p):4"])
        #expect(docs[0].outlet == "wire.example")
        #expect(docs[1].published?.description == "2021-08-11")
        #expect(warnings.count == 2)
        #expect(warnings[0].contains("c.jsonl:2: not valid JSON"))
        #expect(warnings[1].contains("c.jsonl:3: no \"text\" field"))
    }

    @Test func aBadPublishedDateIsNamed() throws {
        let p = write("d.jsonl", Array(#"{"text":"x","published":"12/08/2021"}"#.utf8))
        let e = error([p])
        #expect(e?.code == .badDate)
        #expect(e?.exitCode == 2)
    }

    @Test func missingEmptyAndBinaryFilesAreErrorsWithExitCode2() {
        #expect(error([dir.appendingPathComponent("nope.txt").path])?.code == .missingFile)
        #expect(error([write("e.txt", [])])?.code == .emptyInput)
        #expect(error([write("f.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31])])?.code == .binaryInput)
        #expect(error([write("g.txt", [65, 66, 0, 1, 2])])?.code == .binaryInput)
        #expect(error([write("h.txt", [65, 66, 0, 1, 2])])?.exitCode == 2)
    }

    @Test func invalidUTF8IsReplacedWithAWarningNamingTheByte() throws {
        let p = write("i.txt", Array("Herat fell".utf8) + [0xFF] + Array(" on Thursday.".utf8))
        let (docs, warnings) = try read([p])
        #expect(docs[0].text == "Herat fell\u{FFFD} on Thursday.")
        #expect(warnings == ["sitrep: warning: \(p): invalid UTF-8 at byte 10 (1 bad sequence replaced with U+FFFD)"])
    }

    @Test func aHugeLineIsRefused() throws {
        var r = DocumentReader()
        r.maxDocumentBytes = 1000
        let p = write("j.txt", [UInt8](repeating: 65, count: 5000))
        #expect(throws: SitrepError.self) { try r.read([p]) { _ in } }
    }

    @Test func invalidUTF8InAJSONLineIsReplacedNotTheLineLost() throws {
        let p = write("k.jsonl", Array(#"{"id":"u1","text":"Herat fell"#.utf8) + [0xFF] + Array(#" on Thursday."}"#.utf8) + [10])
        let (docs, warnings) = try read([p])
        #expect(docs.map(\.text) == ["Herat fell\u{FFFD} on Thursday."])
        #expect(warnings == ["sitrep: warning: \(p):1: invalid UTF-8 at byte 29 (1 bad sequence replaced with U+FFFD)"])
    }

    /// JSON Lines are read in chunks: lines across chunk boundaries, a line longer than the limit skipped to its
    /// end, the lines after it read, and an empty or binary file refused as when read whole.
    @Test func jsonLinesStreamAcrossChunks() throws {
        let good = (1...5).map { #"{"id":"s\#($0)","text":"Report number \#($0) from the front."}"# }
        let long = #"{"id":"long","text":""# + String(repeating: "a", count: 3000) + #""}"#
        let text = ([good[0], good[1], long] + good[2...]).joined(separator: "\n") + "\n"
        let p = write("l.jsonl", Array(text.utf8))
        let handle = try #require(FileHandle(forReadingAtPath: p))
        var source = ByteSource(fd: handle.fileDescriptor, name: "l.jsonl")
        var docs: [Document] = []
        var warnings: [String] = []
        try JSONLines.stream(&source, name: "l.jsonl", idBase: "l", published: nil, maxLine: 1000, chunk: 64,
                             warn: { warnings.append($0) }) { docs.append($0) }
        #expect(docs.map(\.id) == ["s1", "s2", "s3", "s4", "s5"])
        #expect(warnings == ["sitrep: skipped: l.jsonl:3: line 3 is longer than 1000 bytes, the most a document may have (split it into articles)"])
        #expect(error([write("m.jsonl", [])])?.code == .emptyInput)
        #expect(error([write("n.jsonl", [0x7B, 0, 1, 2])])?.code == .binaryInput)
    }

    @Test func foldersAreReadRecursivelyInOrderSkippingBadFiles() throws {
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        _ = write("k1.txt", Array("First.".utf8))
        _ = write("sub/k2.txt", Array("Second.".utf8))
        _ = write("sub/k3.txt", [0, 0, 0])
        let (docs, warnings) = try read([dir.path])
        #expect(docs.map(\.id) == ["k1.txt", "sub/k2.txt"])
        #expect(warnings.count == 1)
    }

    @Test func gzipIsReadAndATruncatedArchiveIsAnError() throws {
        // "Hello.\n" gzip-compressed
        let gz: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xf3, 0x48, 0xcd, 0xc9, 0xc9,
                           0xd7, 0xe3, 0x02, 0x00, 0x51, 0xc4, 0xda, 0x37, 0x07, 0x00, 0x00, 0x00]
        let (docs, _) = try read([write("l.txt.gz", gz)])
        #expect(docs.first?.text == "Hello.")  // trailing white space trimmed
        #expect(error([write("m.txt.gz", Array(gz.prefix(14)))])?.code == .unreadable)
    }

    /// A pipe (standard input) of JSON Lines: each document is handed on as soon as its line has arrived. The
    /// next line is written only once the document before it has been read, so a reader that waited for the
    /// end of its input would never get one.
    @Test(.timeLimit(.minutes(1)))
    func jsonLinesFromAPipeArriveLineByLine() throws {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        func line(_ n: Int) -> Data { Data(#"{"id":"p\#(n)","text":"Report number \#(n) from the front."}"#.utf8 + [10]) }
        try writer.write(contentsOf: line(1))
        var docs: [Document] = []
        try DocumentReader().read(handle: pipe.fileHandleForReading, name: "-", idBase: "stdin") { doc in
            docs.append(doc)
            if docs.count < 3 { try writer.write(contentsOf: line(docs.count + 1)) } else { try writer.close() }
        }
        #expect(docs.map(\.id) == ["p1", "p2", "p3"])
        #expect(docs.map(\.text) == ["Report number 1 from the front.", "Report number 2 from the front.",
                                     "Report number 3 from the front."])
    }

    /// Anything else from a pipe is read whole and told apart by its first bytes, gzip included.
    @Test func pipesOfTextPagesAndGzipAreReadWhole() throws {
        func fromPipe(_ bytes: [UInt8]) throws -> [Document] {
            let pipe = Pipe()
            let writer = pipe.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: Data(bytes))
                try? writer.close()
            }
            var docs: [Document] = []
            try DocumentReader().read(handle: pipe.fileHandleForReading, name: "-", idBase: "stdin") { docs.append($0) }
            return docs
        }
        let text = try fromPipe(Array("Kandahar falls\n\nThe city fell overnight.".utf8))
        #expect(text.map(\.title) == ["Kandahar falls"])
        #expect(text.map(\.id) == ["stdin"])
        let page = try fromPipe(Array("<html><head><title>Siege</title></head><body><p>Shelling resumed at dawn.</p></body></html>".utf8))
        #expect(page.map(\.title) == ["Siege"])
        #expect(page.first?.text.contains("Shelling resumed at dawn.") == true)
        // "Hello.\n" gzip-compressed
        let gz: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xf3, 0x48, 0xcd, 0xc9, 0xc9,
                           0xd7, 0xe3, 0x02, 0x00, 0x51, 0xc4, 0xda, 0x37, 0x07, 0x00, 0x00, 0x00]
        #expect(try fromPipe(gz).map(\.text) == ["Hello."])
    }
}
