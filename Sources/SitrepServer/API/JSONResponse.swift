import Hummingbird
import NIOCore
import SitrepCore

/// Responses built from bytes Sitrep already wrote (JSONWriter, SVG, CSV): no Codable on the way out.
enum JSONResponse {
    static func make(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, type: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func object(status: HTTPResponse.Status = .ok, _ body: (inout JSONWriter) -> Void) -> Response {
        make(bytes(body), status: status)
    }

    /// A JSON object written by `body`.
    static func bytes(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        body(&w)
        w.endObject()
        return w.bytes
    }
}
