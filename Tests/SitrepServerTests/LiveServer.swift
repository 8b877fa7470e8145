import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SitrepCore
import SitrepExtract
import SitrepIngest
import SitrepServer
import SitrepStore

/// A server on a free loopback port over a fresh store of the fixture documents, and a small client.
final class LiveServer: @unchecked Sendable {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let token = "test-token-0123456789"

    let port: Int
    let database: String
    private let task: Task<Void, Error>

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// Starts a server over the documents of `fixture` (a path in the repository); `configure` changes options.
    static func start(fixture: String? = "Tests/Fixtures/Server/store.jsonl",
                      configure: (inout ServerOptions) -> Void = { _ in }) async throws -> LiveServer {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-serve-\(UUID().uuidString).sqlite").path
        if let fixture {
            var docs: [Document] = []
            try DocumentReader().read([repo.appendingPathComponent(fixture).path]) { docs.append($0) }
            StoryDetector().assign(&docs)
            let x = try EventExtractor.shared()
            _ = try Store(path: db).ingest(docs, extract: { x.extract($0) })
        }
        var options = ServerOptions(database: db)
        options.port = 0
        options.token = token
        options.logLevel = "critical"  // a cancelled server logs its closing channels as errors
        configure(&options)
        let server = try APIServer(options: options)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run { port in continuation.yield(port) } }
        var it = ports.makeAsyncIterator()
        guard let port = await it.next() else { throw CancellationError() }
        return LiveServer(port: port, database: db, task: task)
    }

    private init(port: Int, database: String, task: Task<Void, Error>) {
        self.port = port
        self.database = database
        self.task = task
    }

    func stop() {
        task.cancel()
        Store.removeFiles(at: database)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func get(_ path: String) async throws -> Reply { try await send("GET", path) }

    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: http.statusCode, headers: h, body: data)
    }

    func post(_ body: String, type: String = "application/json", token: String? = LiveServer.token, query: String = "") async throws -> Reply {
        var headers = ["Content-Type": type]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return try await send("POST", "/api/documents" + query, body: Data(body.utf8), headers: headers)
    }
}
