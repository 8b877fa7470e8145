import Foundation
import Testing

/// The `sitrep` executable on bad input: a message naming the file, exit code 2, no crash.
@Suite struct CommandLineTests {
    static let binary: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sitrep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = Fixtures.path(".build/debug/sitrep")
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()

    func run(_ args: [String], stdin: Data? = nil) throws -> (Int32, String, String) {
        let bin = try #require(CommandLineTests.binary, "the sitrep executable is built with the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func temp(_ name: String, _ bytes: [UInt8]) -> String {
        let p = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-cli-\(UUID().uuidString)-\(name)").path
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    @Test func aMissingFileIsNamedAndExitsWith2() throws {
        let (code, out, err) = try run(["extract", "/nonexistent/article.txt"])
        #expect(code == 2)
        #expect(out.isEmpty)
        #expect(err == "sitrep: error: /nonexistent/article.txt: no such file or folder (check the path)\n")
    }

    @Test func emptyAndBinaryFilesExitWith2() throws {
        let empty = temp("empty.txt", [])
        let (c1, _, e1) = try run(["extract", empty])
        #expect(c1 == 2)
        #expect(e1 == "sitrep: error: \(empty): the file is empty (an article needs some text)\n")
        let bin = temp("bin.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0])
        let (c2, _, e2) = try run(["extract", bin])
        #expect(c2 == 2)
        #expect(e2 == "sitrep: error: \(bin): this is a PNG image, not text (give Sitrep the article's text)\n")
    }

    @Test func aBadDateOptionIsBadUsage() throws {
        let (code, _, err) = try run(["extract", "x.txt", "--published", "2021-13-45"])
        #expect(code == 2)
        #expect(err.contains("--published takes a date as YYYY-MM-DD, not '2021-13-45'."))
    }

    @Test func aFiftyMegabyteLineIsRefusedWithoutACrash() throws {
        var big = [UInt8](repeating: 97, count: 50 << 20)
        big[0] = 65
        let p = temp("big.txt", big)
        let (code, _, err) = try run(["extract", p])
        #expect(code == 2)
        #expect(err.hasPrefix("sitrep: error: \(p): the document is 50 MB"))
    }

    @Test func standardInputIsADocument() throws {
        let text = "KABUL - Taliban fighters captured Kunduz on Sunday, officials said."
        let (code, out, _) = try run(["extract", "-", "--published", "2021-08-09"], stdin: Data(text.utf8))
        #expect(code == 0)
        #expect(out.contains(#""type":"territory_taken""#))
        #expect(out.contains(#""geonameid":1135689"#))
        #expect(out.contains(#""start":"2021-08-08""#))
    }

    @Test func parallelJobsKeepTheDocumentOrder() throws {
        let samples = Fixtures.path("Samples")
        let (c1, one, _) = try run(["extract", samples, "--jobs", "1", "--published", "2021-08-12"])
        let (c2, two, _) = try run(["extract", samples, "--jobs", "2", "--published", "2021-08-12"])
        #expect(c1 == 0 && c2 == 0)
        #expect(one.split(separator: "\n").count > 20)
        #expect(one == two)
    }
}
