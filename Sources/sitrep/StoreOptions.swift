import ArgumentParser
import Foundation
import SitrepStore

/// `--db FILE`, else `SITREP_DB`, else `sitrep.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store (SQLite). Default: $SITREP_DB, else sitrep.sqlite in the current folder.")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["SITREP_DB"] ?? "sitrep.sqlite" }

    func open() throws -> Store { try Store(path: path) }
}
