import ArgumentParser
import Foundation
import SitrepCore
import SitrepServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store: an HTTP API (JSON, GeoJSON, CSV) and a live situation page at /.",
        discussion: """
        Reads are open on loopback; on another address they need the token unless --public-reads is given. \
        POST /api/documents ingests documents as `sitrep ingest` does and needs 'Authorization: Bearer TOKEN' \
        with the token of --token or SITREP_TOKEN (without one, writing over HTTP is off). The API is described \
        in /openapi.json. The page polls /healthz and reloads when the store changes.

        Examples:
          sitrep serve --db afghanistan.sqlite
          SITREP_TOKEN=s3cret sitrep serve --port 9000
          curl -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/x-ndjson' \\
               --data-binary @news.jsonl http://127.0.0.1:9000/api/documents
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on. Anything but loopback must be asked for.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port).")
    var port = 8080

    @Option(help: "The bearer token that allows POST /api/documents (default: $SITREP_TOKEN).")
    var token: String?

    @Flag(name: .customLong("public-reads"), help: "On an address other than loopback, let anyone read without the token.")
    var publicReads = false

    @Option(name: .customLong("max-body-mb"), help: "The largest request body, in MB.")
    var maxBodyMB = 32

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535, not \(port).") }
        guard maxBodyMB >= 1 else { throw ValidationError("--max-body-mb must be at least 1.") }
        if let token, token.count < 8 { throw ValidationError("--token must have at least 8 characters.") }
    }

    func run() throws {
        try runReportingErrors {
            var options = ServerOptions(database: store.path)
            options.host = host
            options.port = port
            options.token = token ?? ProcessInfo.processInfo.environment["SITREP_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            options.publicReads = publicReads
            options.maxBody = maxBodyMB << 20
            let isNew = !FileManager.default.fileExists(atPath: store.path)
            let server = try APIServer(options: options)
            final class Outcome: @unchecked Sendable { var error: Error? }
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            let host = self.host, path = store.path, writes = options.token != nil
            Task {
                do {
                    try await server.run { port in
                        let shown = host.contains(":") ? "[\(host)]" : host
                        StandardError.print("sitrep: serving http://\(shown):\(port)/ from \(path)\(isNew ? " (a new, empty store)" : "")"
                                            + (writes ? "; POST /api/documents takes the token" : "; writing over HTTP is off (no token)"))
                    }
                } catch { outcome.error = error }
                done.signal()
            }
            done.wait()
            if let e = outcome.error as? SitrepError { throw e }
            if let e = outcome.error {
                throw SitrepError(.unreadable, "the server stopped: \(e)", hint: "is the port taken? try another with --port")
            }
        }
    }
}
