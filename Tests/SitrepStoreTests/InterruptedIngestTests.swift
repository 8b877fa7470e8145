import Foundation
import Testing
@testable import SitrepStore

/// `kill -9` during an ingest leaves a consistent store; running the command again completes the work with the
/// same counts as an uninterrupted run.
@Suite struct InterruptedIngestTests {
    func corpus() throws -> String {
        let out = Fixtures.tempPath("bench.jsonl")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Fixtures.path("Benchmarks/make_bench_corpus.py"), "--mb", "2.5",
                       "--seed-file", Fixtures.path("Samples/afghanistan-2021-08-12.txt"), "--out", out]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "python3 makes the benchmark corpus")
        return out
    }

    func ingest(_ corpus: String, _ db: String) throws -> Process {
        let bin = try #require(Fixtures.binary, "the sitrep executable is built with the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["ingest", corpus, "--db", db, "--batch", "16", "--jobs", "1"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(.timeLimit(.minutes(10)))
    func aKilledIngestCompletesOnTheNextRun() throws {
        let corpus = try corpus()
        let whole = Fixtures.tempPath("whole.sqlite")
        let killed = Fixtures.tempPath("killed.sqlite")
        defer {
            try? FileManager.default.removeItem(atPath: corpus)
            Fixtures.remove(whole)
            Fixtures.remove(killed)
        }
        let a = try ingest(corpus, whole)
        a.waitUntilExit()
        #expect(a.terminationStatus == 0)
        let expected = try Store(path: whole).counts()
        #expect(expected.documents == 826)

        // kill once the first batches are in, well before the end (ingest is fast: wait for no more)
        let b = try ingest(corpus, killed)
        var stored = 0
        let deadline = Date().addingTimeInterval(300)
        while b.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            if FileManager.default.fileExists(atPath: killed),
               let n = try? Store(path: killed).counts().documents {
                stored = n
                if n >= 16 { break }
            }
        }
        #expect(b.isRunning, "the ingest ended before it could be killed")
        kill(b.processIdentifier, SIGKILL)
        b.waitUntilExit()
        #expect(b.terminationReason == .uncaughtSignal)
        let partial = try Store(path: killed).counts()
        #expect(partial.documents >= stored && partial.documents < 826)
        #expect(partial.documents % 16 == 0)  // whole batches only

        let c = try ingest(corpus, killed)
        c.waitUntilExit()
        #expect(c.terminationStatus == 0)
        let after = try Store(path: killed).counts()
        #expect(after == expected)
    }
}
