import Foundation

/// How `sitrep serve` runs: where it listens, which store it reads, who may write.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (the tests' way); `onRunning` learns which.
    public var port = 8080
    public var database: String
    /// The bearer token `POST /api/documents` needs; without one, ingest over HTTP is off.
    public var token: String?
    /// On an address other than loopback, reads need the token too unless this is set.
    public var publicReads = false
    /// The largest request body (a batch of documents), in bytes.
    public var maxBody = 32 << 20
    /// The longest request target (path and query), in bytes.
    public var maxTarget = 4096
    /// Events a page of `GET /api/events` holds at most.
    public var maxPage = 1000
    /// Server log messages below this level are dropped (default: warning, or $LOG_LEVEL).
    public var logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "warning"

    public init(database: String) { self.database = database }

    /// 127.0.0.0/8, ::1 and "localhost".
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
