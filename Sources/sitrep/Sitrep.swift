import ArgumentParser
import Foundation
import SitrepCore

@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turn conflict news into events: who took which place, when, and who says so.",
        discussion: """
        Sitrep reads news articles (plain text, web pages, feeds or JSON Lines), recognizes places with a world gazetteer \
        (GeoNames), actors and dates, and extracts conflict events with their modality, source and the \
        sentence that states them.

        Examples:
          sitrep extract article.txt --published 2021-08-12
          sitrep extract corpus.jsonl --format table
          sitrep places "Qala-e-Naw" --country AF
          sitrep demo
        """,
        subcommands: [ExtractCommand.self, TextCommand.self, IngestCommand.self, EventsCommand.self, ControlCommand.self,
                      TimelineCommand.self, ExportCommand.self, ReportCommand.self, ServeCommand.self, PlacesCommand.self, RecognizeCommand.self, EvalCommand.self, DemoCommand.self])

    /// Bad usage exits with 2, as spec/cli.md says (ArgumentParser's own code for it is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardError.print(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Runs a command body, turning `SitrepError` into a message on standard error and its exit code.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as SitrepError {
        StandardError.print("sitrep: error: \(e)")
        throw ExitCode(e.exitCode)
    }
}

enum StandardError {
    static func print(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

/// Buffered standard output for large outputs.
struct OutputStream {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(_ s: String) { write(Array(s.utf8)) }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
