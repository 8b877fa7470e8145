import Foundation
import Hummingbird
import SitrepCore
import SitrepStore

/// The query string of a request, decoded as browsers encode forms ('+' is a space), checked parameter by
/// parameter: a value the API cannot use is a 400 that names the parameter.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws {
        guard let raw = request.uri.query, !raw.isEmpty else { return }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]) else { throw APIError.badParameter(String(parts[0]), "not valid percent-encoding") }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            guard let value else { throw APIError.badParameter(key, "not valid percent-encoding") }
            guard allowed.contains(key) else {
                throw APIError.badParameter(key, "not a parameter of this endpoint",
                                            hint: "it takes: \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[key] == nil else { throw APIError.badParameter(key, "given twice") }
            values[key] = value
        }
    }

    static func decode(_ s: Substring) -> String? {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The value, or nil when absent. A parameter given empty is an error: leave it out instead.
    func string(_ key: String, maxLength: Int = 200) throws -> String? {
        guard let v = values[key] else { return nil }
        guard !v.isEmpty else { throw APIError.badParameter(key, "empty", hint: "leave the parameter out to not filter by it") }
        guard v.count <= maxLength else { throw APIError.badParameter(key, "longer than \(maxLength) characters") }
        return v
    }

    func day(_ key: String) throws -> Day? {
        guard let s = try string(key, maxLength: 10) else { return nil }
        guard let d = Day(iso: s) else { throw APIError.badParameter(key, "'\(s)' is not a date", hint: "YYYY-MM-DD") }
        return d
    }

    func country(_ key: String = "country") throws -> String? {
        guard let s = try string(key, maxLength: 2) else { return nil }
        guard s.count == 2, s.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else {
            throw APIError.badParameter(key, "'\(s)' is not a country code", hint: "two letters, ISO 3166-1, such as AF or SY")
        }
        return s.uppercased()
    }

    func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let s = try string(key, maxLength: 12) else { return value }
        guard let n = Int(s), range.contains(n) else {
            throw APIError.badParameter(key, "'\(s)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func types(_ key: String = "type") throws -> [EventType] {
        guard let s = try string(key, maxLength: 400) else { return [] }
        return try s.split(separator: ",").map { name in
            let t = name.trimmingCharacters(in: .whitespaces)
            guard let type = EventType(rawValue: t) else {
                throw APIError.badParameter(key, "'\(t)' is not an event type",
                                            hint: EventType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return type
        }
    }

    /// place, country, type, since, until, min_sources and q as a store filter.
    func eventFilter() throws -> StoreFilter {
        var f = try placeFilter()
        f.types = try types()
        f.since = try day("since")
        f.until = try day("until")
        f.minSources = try int("min_sources", default: 0, range: 0...1_000_000)
        f.query = try string("q", maxLength: 500)
        return f
    }

    func placeFilter() throws -> StoreFilter {
        do {
            return try StoreFilter.resolving(place: try string("place"), country: try country())
        } catch let e as SitrepError { throw APIError(e) }
    }

    static let eventFilterNames: Set<String> = ["place", "country", "type", "since", "until", "min_sources", "q"]
}
