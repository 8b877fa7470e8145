import Foundation

enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ rel: String) -> String { repo.appendingPathComponent(rel).path }
}
