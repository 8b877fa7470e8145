import Foundation
import Hummingbird
import HTTPTypes

/// What a read endpoint answers: bytes Sitrep wrote, and their type.
struct Payload: Sendable {
    var bytes: [UInt8]
    var type: String
    var headers: HTTPFields = [:]

    init(_ bytes: [UInt8], type: String = "application/json", headers: HTTPFields = [:]) {
        self.bytes = bytes
        self.type = type
        self.headers = headers
    }

    var response: Response {
        var r = JSONResponse.make(bytes, type: type)
        r.headers.append(contentsOf: headers)
        return r
    }
}

/// Answers to reads, kept until the store changes. The store's files tell when it does: every commit grows or
/// rewrites the WAL, and a checkpoint rewrites the database file, whoever wrote (this server or a `sitrep
/// ingest` beside it). Two `stat` calls a request instead of a query.
final class ResponseCache: @unchecked Sendable {
    private struct Token: Equatable {
        var db: timespec, dbSize: Int, wal: timespec, walSize: Int
        static func == (a: Token, b: Token) -> Bool {
            a.db.tv_sec == b.db.tv_sec && a.db.tv_nsec == b.db.tv_nsec && a.dbSize == b.dbSize
                && a.wal.tv_sec == b.wal.tv_sec && a.wal.tv_nsec == b.wal.tv_nsec && a.walSize == b.walSize
        }
    }

    private let database: String
    private let budget: Int
    private let lock = NSLock()
    private var token: Token?
    private var entries: [String: Payload] = [:]
    private var bytes = 0

    init(database: String, budget: Int = 64 << 20) {
        self.database = database
        self.budget = budget
    }

    private func currentToken() -> Token {
        var a = stat(), b = stat()
        let da = stat(database, &a) == 0, db = stat(database + "-wal", &b) == 0
        return Token(db: da ? a.st_mtim : timespec(), dbSize: da ? Int(a.st_size) : -1,
                     wal: db ? b.st_mtim : timespec(), walSize: db ? Int(b.st_size) : -1)
    }

    /// The cached answer for `key`, or `compute`'s, kept while the store stays as it is.
    func payload(_ key: String, compute: () throws -> Payload) throws -> Payload {
        let now = currentToken()
        lock.lock()
        if token != now {
            entries.removeAll()
            bytes = 0
            token = now
        }
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let fresh = try compute()
        lock.lock()
        defer { lock.unlock() }
        if token == now && fresh.bytes.count <= budget / 8 {
            if bytes + fresh.bytes.count > budget {
                entries.removeAll()
                bytes = 0
            }
            entries[key] = fresh
            bytes += fresh.bytes.count
        }
        return fresh
    }
}

extension Router where Context == BasicRequestContext {
    /// A read endpoint whose answers the cache keeps, by path and query.
    func cachedGet(_ path: RouterPath, cache: ResponseCache, _ body: @escaping @Sendable (Request, BasicRequestContext) throws -> Payload) {
        get(path) { request, context in
            try cache.payload(request.uri.string) { try body(request, context) }.response
        }
    }
}
