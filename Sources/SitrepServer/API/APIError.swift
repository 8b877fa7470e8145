import Foundation
import Hummingbird
import SitrepCore

/// What every failed request answers: `{"error":{"status","code","message","hint"}}` with the HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var hint: String?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, hint: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
    }

    static func badParameter(_ name: String, _ message: String, hint: String? = nil) -> APIError {
        APIError(.badRequest, "bad-parameter", "\(name): \(message)", hint: hint)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, "not-found", what) }

    /// A Sitrep error as the API answers it: bad input in a well-formed body is 422, a body that cannot be read
    /// at all is 400, too much is 413.
    init(_ e: SitrepError) {
        let message = e.location.map { "\($0): \(e.message)" } ?? e.message
        switch e.code {
        case .tooLarge: self.init(.contentTooLarge, e.code.rawValue, message, hint: e.hint)
        case .badJSON, .binaryInput, .emptyInput, .badMarkup, .badFeed, .badArchive, .badArgument, .badDate:
            self.init(e.code == .badArgument ? .badRequest : .unprocessableContent, e.code.rawValue, message, hint: e.hint)
        case .missingField: self.init(.unprocessableContent, e.code.rawValue, message, hint: e.hint)
        default: self.init(.internalServerError, e.code.rawValue, e.message)  // no file names of the server
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var w = JSONWriter()
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.field("status", Int(status.code))
        w.field("code", code)
        w.field("message", message)
        if let hint { w.field("hint", hint) }
        w.endObject()
        w.endObject()
        var response = JSONResponse.make(w.bytes, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
