import Foundation
import SitrepCore

/// ISO 3166-1 codes and names (`Data/countries.tsv`, built by `Scripts/build_countries.py`).
public struct CountryCodes: Sendable {
    public struct Entry: Sendable {
        public var alpha3: String
        public var numeric: Int
        public var name: String
    }

    private var byAlpha2: [String: Entry] = [:]

    public static let shared: CountryCodes = {
        guard let url = Bundle.module.url(forResource: "countries", withExtension: "tsv", subdirectory: "Data"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("sitrep: Data/countries.tsv is missing from the installation")
        }
        var c = CountryCodes()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let n = Int(f[2]) else { continue }
            c.byAlpha2[f[0]] = Entry(alpha3: f[1], numeric: n, name: f[3])
        }
        return c
    }()

    public subscript(_ alpha2: String?) -> Entry? { alpha2.flatMap { byAlpha2[$0] } }
}
