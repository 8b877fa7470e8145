import Foundation

/// Paths of the repository's test fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }

    static func text(_ rel: String) throws -> String { try String(contentsOfFile: path(rel), encoding: .utf8) }

    /// Tab-separated rows without comments or the header.
    static func rows(_ rel: String, header: Bool = false) throws -> [[String]] {
        var lines = try text(rel).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        if header { lines.removeFirst() }
        return lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
