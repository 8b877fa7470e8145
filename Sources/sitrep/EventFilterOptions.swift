import ArgumentParser
import SitrepCore
import SitrepStore

/// The event filters of `events` and `export`.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "Only this type (territory_taken, withdrawal, …); may be repeated.")
    var type: [String] = []

    @Option(help: "Events on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Events on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(name: .customLong("min-sources"), help: "Only events with at least this many independent sources.")
    var minSources: Int = 0

    @Option(name: .customLong("query"), help: "Only events stated in documents matching this full-text query (SQLite FTS5 syntax).")
    var text: String?

    func validateFilters() throws {
        for t in type where EventType(rawValue: t) == nil {
            throw ValidationError("--type takes one of: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")); not '\(t)'.")
        }
        _ = try day(since, "--since")
        _ = try day(until, "--until")
        guard minSources >= 0 else { throw ValidationError("--min-sources cannot be negative.") }
    }

    func apply(to filter: StoreFilter) throws -> StoreFilter {
        var f = filter
        f.types = type.compactMap(EventType.init(rawValue:))
        f.since = try day(since, "--since")
        f.until = try day(until, "--until")
        f.minSources = minSources
        f.query = text
        return f
    }
}
