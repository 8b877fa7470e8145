import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SitrepCore

/// Runs around every request: refuses targets that are too long and unauthenticated reads where reads are
/// closed, turns every error into the API's JSON error, and sets the security headers.
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    let options: ServerOptions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await checked(request, context: context, next: next)
        } catch let e as APIError {
            response = try e.response(from: request, context: context)
        } catch let e as SitrepError {
            response = try APIError(e).response(from: request, context: context)
        } catch let e as HTTPResponseError {
            response = try Self.error(e.status).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            response = try Self.error(.contentTooLarge).response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(error)")
            response = try APIError(.internalServerError, "internal", "the server failed: \(error)")
                .response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = SecurityHeaders.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func checked(_ request: Request, context: Context,
                         next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.string.utf8.count <= options.maxTarget else {
            throw APIError(.uriTooLong, "too-long", "the request target is longer than \(options.maxTarget) bytes",
                           hint: "use fewer or shorter parameters")
        }
        if let allowed = Endpoints.methods(of: request.uri.path), !allowed.contains(request.method) {
            var e = APIError(.methodNotAllowed, "method-not-allowed", "\(request.uri.path) does not take \(request.method.rawValue)")
            e.headers[.allow] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            throw e
        }
        if !options.isLoopback && !options.publicReads && request.method != .post {
            try Auth.require(request, token: options.token)
        }
        return try await next(request, context)
    }

    /// The JSON error for a status Hummingbird raised (no route, wrong method, body too large).
    static func error(_ status: HTTPResponse.Status) -> APIError {
        switch status {
        case .notFound: return .notFound("no such endpoint; see /openapi.json")
        case .methodNotAllowed: return APIError(status, "method-not-allowed", "this endpoint does not take that method")
        case .contentTooLarge: return APIError(status, "too-large", "the request body is over the server's limit",
                                               hint: "send fewer documents per request")
        default: return APIError(status, "http", status.reasonPhrase)
        }
    }
}

/// The endpoints and their methods, for 405 answers with `Allow` (a test holds it to the OpenAPI file).
enum Endpoints {
    static func methods(of path: String) -> [HTTPRequest.Method]? {
        if path == "/api/documents" { return [.post] }
        if getPaths.contains(path) { return [.get] }
        if path.hasPrefix("/api/events/"), path.count > "/api/events/".count, !path.dropFirst(12).contains("/") { return [.get] }
        return nil
    }

    static let getPaths: Set<String> = [
        "/", "/app.js", "/app.css", "/openapi.json", "/healthz", "/api/events", "/api/control", "/api/timeline",
        "/api/places", "/api/events.geojson", "/api/export.csv", "/api/map.svg", "/api/changes.svg",
    ]
}

enum SecurityHeaders {
    /// Nothing but the server's own scripts, styles and data; no frames, no forms, no base.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

/// Bearer tokens, compared in constant time.
enum Auth {
    static func require(_ request: Request, token: String?) throws {
        guard let token else {
            throw APIError(.forbidden, "no-token", "writing over HTTP is off on this server",
                           hint: "start it with --token or SITREP_TOKEN set")
        }
        let given = request.headers[.authorization].flatMap { h -> Substring? in
            h.lowercased().hasPrefix("bearer ") ? h.dropFirst(7) : nil
        }
        guard let given, equal(Array(given.utf8), Array(token.utf8)) else {
            var e = APIError(.unauthorized, "unauthorized", given == nil ? "this needs a bearer token" : "wrong token",
                             hint: "send the header 'Authorization: Bearer TOKEN' with the server's token")
            e.headers[.wwwAuthenticate] = "Bearer realm=\"sitrep\""
            throw e
        }
    }

    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) { diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0) }
        return diff == 0
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
