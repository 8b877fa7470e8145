import Foundation

/// Minimal reader for the project's tab-separated data files (comments start with #).
public enum TSV {
    public static func rows(_ url: URL) -> [([String], Int)] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var out: [([String], Int)] = []
        var n = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }, n))
        }
        return out
    }
}
