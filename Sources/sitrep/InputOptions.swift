import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract
import SitrepIngest

/// The options of every command that reads documents.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files, folders (read recursively) or '-' (standard input): .txt, .html, .xml/.rss/.atom feeds, .jsonl, any of them .gz.")
    var paths: [String]

    @Option(help: "Publication date (YYYY-MM-DD) of documents that carry none.")
    var published: String?

    @Option(name: .customLong("input-format"),
            help: "Read every input as this format whatever its extension: text, html, feed or jsonl.")
    var inputFormat: String?

    func validate() throws {
        if let published, Day(iso: published) == nil {
            throw ValidationError("--published takes a date as YYYY-MM-DD, not '\(published)'.")
        }
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format takes one of: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    var reader: DocumentReader {
        DocumentReader(published: published.flatMap { Day(iso: $0) },
                       format: inputFormat.flatMap { InputFormat(rawValue: $0) },
                       warn: { StandardError.print($0) })
    }

    /// Fails before any output when an input does not exist.
    func checkPaths() throws {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw SitrepError(.missingFile, "no such file or folder", at: path, hint: "check the path")
        }
    }

    /// Every document of the inputs, with `story` set across them.
    func documents() throws -> [Document] {
        var docs: [Document] = []
        try reader.read(paths) { docs.append($0) }
        StoryDetector().assign(&docs)
        return docs
    }
}
