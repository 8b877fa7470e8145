import ArgumentParser
import Foundation
import SitrepCore
import SitrepReport
import SitrepStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a situation report from the store: report.md and a self-contained report.html.",
        discussion: """
        The report says what changed in the window (--since to --as-of), who holds each place, and shows a map \
        of control (Natural Earth outlines), a chart of the changes of control and one of events per day, and \
        the events with their evidence. The HTML page needs nothing from the network.

        Examples:
          sitrep report --country AF --out report/
          sitrep report --as-of 2021-08-15 --since 2021-08-06 --out report/
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("as-of"), help: "The last day of the window (default: the latest event in the store).")
    var asOf: String?

    @Option(help: "The first day of the window (default: a week before --as-of).")
    var since: String?

    @Option(help: "A two-letter ISO country code: its map and its events only.")
    var country: String?

    @Option(help: "The folder to write report.md and report.html into (made if missing).")
    var out: String

    func validate() throws {
        _ = try day(asOf, "--as-of")
        _ = try day(since, "--since")
        try checkCountry(country)
    }

    func run() throws {
        try runReportingErrors {
            let db = try store.open()
            let end = try day(asOf, "--as-of") ?? db.latestDay() ?? Day(ordinal: Int(Date().timeIntervalSince1970 / 86_400))
            let start = try day(since, "--since") ?? Day(ordinal: end.ordinal - 7)
            guard start <= end else { throw SitrepError(.badArgument, "--since \(start) is after --as-of \(end)") }
            let report = try ReportWriter(country: country?.uppercased(), since: start, asOf: end).write(store: db)
            let dir = URL(fileURLWithPath: out)
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try Data(report.markdown.utf8).write(to: dir.appendingPathComponent("report.md"), options: .atomic)
                try Data(report.html.utf8).write(to: dir.appendingPathComponent("report.html"), options: .atomic)
            } catch {
                throw SitrepError(.unreadable, "cannot write the report: \(error.localizedDescription)", at: out)
            }
            StandardError.print("report: \(dir.appendingPathComponent("report.html").path) and report.md (\(start) to \(end))")
        }
    }
}
