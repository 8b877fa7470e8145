import Foundation
import GRDB
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

    /// A stream that pauses is stored up to its last document, though the batch is far from full, and its
    /// events and timelines are fused while the ingest waits for more; it ends with its input, with the events
    /// and changes of control an ingest of the same documents in one go makes.
    @Test(.timeLimit(.minutes(5)))
    func aPausedStreamIsStoredAndFusedBeforeItsBatchFills() throws {
        let corpus = try corpus()
        let db = Fixtures.tempPath("paused.sqlite")
        let whole = Fixtures.tempPath("paused-whole.sqlite")
        let eight = Fixtures.tempPath("eight.jsonl")
        defer {
            for f in [corpus, eight] { try? FileManager.default.removeItem(atPath: f) }
            Fixtures.remove(db)
            Fixtures.remove(whole)
        }
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
        let pipe = Pipe()
        signal(SIGPIPE, SIG_IGN)
        let p = try ingest(nil, db, stdin: pipe, batch: 1000)
        let writer = pipe.fileHandleForWriting
        try writer.write(contentsOf: Data((lines.prefix(5).joined(separator: "\n") + "\n").utf8))
        var seen = (documents: 0, mentions: 0, events: 0, changes: 0)
        var waiting = -1
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning && Date() < deadline && (seen.documents < 5 || waiting != 0) {
            Thread.sleep(forTimeInterval: 0.1)
            guard FileManager.default.fileExists(atPath: db), let s = try? Store(path: db) else { continue }
            if let c = try? s.counts() { seen = c }
            waiting = (try? s.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dirty_groups") }) ?? -1
        }
        #expect(seen.documents == 5)
        #expect(waiting == 0, "the stored documents' groups are fused during the pause")
        #expect(seen.events > 0 && seen.changes > 0)
        #expect(p.isRunning, "the ingest waits for the rest of its input")
        try writer.write(contentsOf: Data((lines[5..<8].joined(separator: "\n") + "\n").utf8))
        try writer.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try Store(path: db).counts().documents == 8)

        // the same eight documents in one go: the same events and changes of control
        try (lines.prefix(8).joined(separator: "\n") + "\n").write(toFile: eight, atomically: true, encoding: .utf8)
        let q = try ingest(eight, whole, batch: 1000)
        q.waitUntilExit()
        #expect(q.terminationStatus == 0)
        let events = "SELECT * FROM events ORDER BY id"
        // a change's row id counts the rows ever written
        let changes = """
            SELECT place_key, date_start, controller_id, previous_id, modality, confidence, sources, events, evidence
            FROM control_changes ORDER BY place_key, date_start, controller_id
            """
        for sql in [events, changes] {
            let streamed = try Store(path: db).read { db in try Row.fetchAll(db, sql: sql) }
            let oneGo = try Store(path: whole).read { db in try Row.fetchAll(db, sql: sql) }
            #expect(!streamed.isEmpty)
            #expect(streamed == oneGo, "\(sql)")
        }
    }
}
