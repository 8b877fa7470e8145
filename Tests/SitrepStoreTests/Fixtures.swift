import Foundation
import SitrepCore
import SitrepExtract
import SitrepIngest
import SitrepStore

enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ rel: String) -> String { repo.appendingPathComponent(rel).path }

    static func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-store-\(UUID().uuidString)-\(name)").path
    }

    static func remove(_ db: String) {
        Store.removeFiles(at: db)
    }

    /// The evaluation corpus of the south, its stories assigned, and the extractor.
    static func southCorpus() throws -> ([Document], @Sendable (Document) -> [EventMention]) {
        let extractor = try EventExtractor.shared()
        var docs: [Document] = []
        try DocumentReader().read([path("Tests/Fixtures/Eval/south.corpus.jsonl")]) { docs.append($0) }
        StoryDetector().assign(&docs)
        return (docs, { extractor.extract($0) })
    }

    /// The `sitrep` executable built with the tests.
    static let binary: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sitrep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = path(".build/debug/sitrep")
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()
}
