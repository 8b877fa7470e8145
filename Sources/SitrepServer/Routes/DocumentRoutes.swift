import Foundation
import Hummingbird
import SitrepCore
import SitrepExtract
import SitrepIngest
import SitrepStore

/// `POST /api/documents`: a document or a batch, ingested as `sitrep ingest` does. Needs the bearer token.
/// All or nothing: a batch with one unreadable document is refused whole (422, naming the line).
struct DocumentRoutes {
    let writer: DocumentWriter
    let options: ServerOptions

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/documents") { request, _ in try await post(request) }
    }

    func post(_ request: Request) async throws -> Response {
        try Auth.require(request, token: options.token)
        let q = try QueryParameters(request, allowed: ["published"])
        let published = try q.day("published")
        var request = request
        let body = Array(buffer: try await request.collectBody(upTo: options.maxBody))
        let (format, bytes) = try Self.prepare(body, contentType: request.headers[.contentType])
        var problems: [String] = []
        let reader = DocumentReader(published: published, format: format, warn: { w in
            if w.hasPrefix("sitrep: skipped") { problems.append(String(w.dropFirst("sitrep: skipped: ".count))) }
        })
        var docs: [Document] = []
        var hash = StableHash()
        hash.add(bytes)
        try reader.read(bytes: bytes, name: "body", idBase: "post-" + String(hash.value, radix: 16)) { docs.append($0) }
        if !problems.isEmpty {
            throw APIError(.unprocessableContent, "bad-document", problems.prefix(5).joined(separator: "; ")
                           + (problems.count > 5 ? "; and \(problems.count - 5) more" : ""),
                           hint: "nothing was stored; fix these documents and send the batch again")
        }
        let result = try await writer.ingest(docs)
        return JSONResponse.object(status: result.added > 0 ? .created : .ok) { w in
            w.field("read", result.read)
            w.field("added", result.added)
            w.field("skipped", result.skipped)
            w.field("mentions", result.mentions)
            w.field("events_touched", result.eventsTouched)
            w.key("documents")
            w.beginArray()
            for d in docs { w.string(d.id) }
            w.endArray()
        }
    }

    /// The input format a content type names, and the bytes to read: a JSON object or array becomes JSON Lines.
    static func prepare(_ body: [UInt8], contentType: String?) throws -> (InputFormat?, [UInt8]) {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/json":
            let value: Any
            do { value = try JSONSerialization.jsonObject(with: Data(body)) } catch {
                throw APIError(.badRequest, "bad-json", "the body is not valid JSON", hint: "send one document object, an array of them, or JSON Lines as application/x-ndjson")
            }
            let objects = (value as? [Any]) ?? [value]
            guard !objects.isEmpty else { throw APIError(.unprocessableContent, "empty-input", "an empty array: no document") }
            var lines: [UInt8] = []
            for (i, o) in objects.enumerated() {
                guard let object = o as? [String: Any] else {
                    throw APIError(.unprocessableContent, "bad-json", "item \(i + 1) is not a JSON object", hint: "each document is an object with at least \"text\"")
                }
                if let id = object["id"], !(id is String), !(id is NSNull) {
                    throw APIError(.unprocessableContent, "bad-json", "item \(i + 1): \"id\" is not a string")
                }
                lines += try JSONSerialization.data(withJSONObject: o) + [10]
            }
            return (.jsonl, lines)
        case "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines":
            return (.jsonl, body)
        case "text/html", "application/xhtml+xml": return (.html, body)
        case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml": return (.feed, body)
        case "text/plain": return (.text, body)
        case "", "application/octet-stream": return (nil, body)
        default:
            throw APIError(.unsupportedMediaType, "unsupported-type", "cannot read a body of type '\(type)'",
                           hint: "application/json, application/x-ndjson, text/html, application/rss+xml or text/plain")
        }
    }
}

/// The one writer: requests that ingest wait their turn on one queue, off the threads that answer reads.
final class DocumentWriter: Sendable {
    let store: Store
    private let queue = DispatchQueue(label: "sitrep.writer")

    init(store: Store) { self.store = store }

    func ingest(_ docs: [Document]) async throws -> IngestResult {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    let extractor = try EventExtractor.shared()
                    var docs = docs
                    StoryDetector().assign(&docs)
                    return try store.ingest(docs, batchSize: 256, jobs: 1, extract: { extractor.extract($0) })
                })
            }
        }
    }
}
