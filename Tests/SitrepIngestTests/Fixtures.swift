import Foundation

enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ rel: String) -> String { repo.appendingPathComponent(rel).path }
    static func bytes(_ rel: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path(rel)) ?? Data()) }

    /// Files below a folder of the repository, sorted; empty when the folder is not there.
    static func files(under rel: String, extensions: Set<String>) -> [String] {
        let root = path(rel)
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let f = e.nextObject() as? String {
            if extensions.contains((f as NSString).pathExtension.lowercased()) {
                out.append((root as NSString).appendingPathComponent(f))
            }
        }
        return out.sorted()
    }
}
