import Foundation
import Hummingbird
import Logging
import NIOCore
import SitrepCore
import SitrepGazetteer
import SitrepStore

/// `sitrep serve`: the HTTP API over a store, and the live situation page.
///
/// ```swift
/// var options = ServerOptions(database: "sitrep.sqlite")
/// options.token = "s3cret"
/// try await APIServer(options: options).run()
/// ```
///
/// Readers share the store's pool of read-only connections; every write goes through one `DocumentWriter`.
public struct APIServer: Sendable {
    public let options: ServerOptions
    let store: Store
    let assets: Assets

    public init(options: ServerOptions) throws {
        if !options.isLoopback && options.token == nil && !options.publicReads {
            throw SitrepError(.badArgument, "serving on \(options.host), beyond this machine, needs a token",
                              hint: "give --token (or SITREP_TOKEN), or --public-reads to let anyone read")
        }
        self.options = options
        store = try Store(path: options.database)
        assets = try Assets.load()
    }

    /// The router with every endpoint; the tests call it through a live server too.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let cache = ResponseCache(database: options.database)
        router.middlewares.add(APIMiddleware(options: options))
        EventRoutes(store: store, options: options, cache: cache).add(to: router)
        ControlRoutes(store: store, cache: cache).add(to: router)
        PlaceRoutes(cache: cache).add(to: router)
        ExportRoutes(store: store, cache: cache).add(to: router)
        DocumentRoutes(writer: DocumentWriter(store: store), options: options).add(to: router)
        PageRoutes(store: store, assets: assets, cache: cache).add(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM. `onRunning` gets the port (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "sitrep")
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .warning
        // the gazetteer loads while the server starts, not on the first place look-up
        Task.detached { _ = try? Gazetteer.shared() }
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "sitrep"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }
}
