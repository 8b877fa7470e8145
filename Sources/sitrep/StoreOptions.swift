import ArgumentParser
import Foundation
import SitrepCore
import SitrepStore

/// `--db FILE`, else `SITREP_DB`, else `sitrep.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store (SQLite). Default: $SITREP_DB, else sitrep.sqlite in the current folder.")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["SITREP_DB"] ?? "sitrep.sqlite" }

    /// Opens the store; the query commands ask for an existing one rather than create an empty file.
    func open(create: Bool = false) throws -> Store {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw SitrepError(.missingFile, "no store here", at: path,
                              hint: "run 'sitrep ingest PATH' first, or name the store with --db or SITREP_DB")
        }
        return try Store(path: path)
    }
}
