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

    /// `sitrep ingest` of `input`, or of its standard input (a pipe the test writes) when `input` is nil.
    func ingest(_ input: String?, _ db: String, stdin: Pipe? = nil, errorLog: String? = nil, batch: Int = 16) throws -> Process {
        let bin = try #require(Fixtures.binary, "the sitrep executable is built with the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["ingest", input ?? "-", "--db", db, "--batch", String(batch), "--jobs", "1"]
        if let stdin { p.standardInput = stdin }
        p.standardOutput = FileHandle.nullDevice
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
            p.standardError = FileHandle(forWritingAtPath: errorLog)
        } else {
            p.standardError = FileHandle.nullDevice
        }
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

        // the second ingest reads the first 200 lines from a pipe that stays open: it stores whole batches
        // of them, then waits for more, and is killed while it waits (however fast it is)
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
        let sent = 200
        let pipe = Pipe()
        signal(SIGPIPE, SIG_IGN)  // the writer gets an error, not a signal, if the ingest has died
        let log = killed + ".log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let b = try ingest(nil, killed, stdin: pipe, errorLog: log)
        let head = Data((lines.prefix(sent).joined(separator: "\n") + "\n").utf8)
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async { try? writer.write(contentsOf: head) }
        var stored = 0
        let deadline = Date().addingTimeInterval(300)
        while b.isRunning && Date() < deadline && stored < 16 {
            Thread.sleep(forTimeInterval: 0.05)
            if FileManager.default.fileExists(atPath: killed), let n = try? Store(path: killed).counts().documents {
                stored = n
            }
        }
        #expect(stored >= 16, "whole batches are stored while the input is still open")
        #expect(b.isRunning, "the ingest waits for the rest of its input: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        kill(b.processIdentifier, SIGKILL)
        b.waitUntilExit()
        try? writer.close()
        #expect(b.terminationReason == .uncaughtSignal)
        let partial = try Store(path: killed).counts()
        #expect(partial.documents >= stored && partial.documents <= sent)
        // whole batches, and the last partial one once the input paused
        #expect(partial.documents % 16 == 0 || partial.documents == sent)

        let c = try ingest(corpus, killed)
        c.waitUntilExit()
        #expect(c.terminationStatus == 0)
        let after = try Store(path: killed).counts()
        #expect(after == expected)
    }

    /// A stream that pauses is stored up to its last document, though the batch is far from full; the ingest
    /// then waits for more and ends with its input.
    @Test(.timeLimit(.minutes(5)))
    func aPausedStreamIsStoredBeforeItsBatchFills() throws {
        let corpus = try corpus()
        let db = Fixtures.tempPath("paused.sqlite")
        defer {
            try? FileManager.default.removeItem(atPath: corpus)
            Fixtures.remove(db)
        }
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
        let pipe = Pipe()
        signal(SIGPIPE, SIG_IGN)
        let p = try ingest(nil, db, stdin: pipe, batch: 1000)
        let writer = pipe.fileHandleForWriting
        try writer.write(contentsOf: Data((lines.prefix(5).joined(separator: "\n") + "\n").utf8))
        var stored = 0
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning && Date() < deadline && stored < 5 {
            Thread.sleep(forTimeInterval: 0.1)
            if FileManager.default.fileExists(atPath: db), let n = try? Store(path: db).counts().documents { stored = n }
        }
        #expect(stored == 5)
        #expect(p.isRunning, "the ingest waits for the rest of its input")
        try writer.write(contentsOf: Data((lines[5..<8].joined(separator: "\n") + "\n").utf8))
        try writer.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try Store(path: db).counts().documents == 8)
    }
}
