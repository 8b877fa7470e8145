import Foundation
import SitrepCore

/// JSON Lines input: one document a line; a bad line is skipped with a warning naming its number.
enum JSONLines {
    static func read(_ b: [UInt8], name: String, idBase: String, published: Day?, maxLine: Int,
                     warn: (String) -> Void, _ body: (Document) throws -> Void) throws {
        var start = 0
        var line = 0
        var good = 0
        var bad = 0
        var firstError: SitrepError? = nil
        var warnings: [String] = []
        while start < b.count {
            var end = start
            while end < b.count && b[end] != 10 { end += 1 }
            line += 1
            defer { start = end + 1 }
            let slice = b[start..<end]
            if slice.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                guard slice.count <= maxLine else {
                    throw SitrepError(.tooLarge, "line \(line) is \(slice.count >> 20) MB, more than \(maxLine >> 20) MB",
                                      at: "\(name):\(line)")
                }
                let doc = try parse(Data(slice), name: name, line: line, idBase: idBase, published: published, warn: warn)
                try body(doc)
                good += 1
            } catch let e as SitrepError {
                bad += 1
                if firstError == nil { firstError = e }
                warnings.append("sitrep: skipped: \(e)")
            }
        }
        if good == 0 {
            // the whole file is unusable: one error, not a warning per line
            guard var e = firstError else { throw SitrepError(.emptyInput, "no document in the file", at: name) }
            if bad > 1 { e.message += " (and so are the other \(bad - 1) lines: no line is a usable document)" }
            throw e
        }
        for w in warnings.prefix(20) { warn(w) }
        if warnings.count > 20 { warn("sitrep: skipped \(warnings.count - 20) more bad lines of \(name)") }
    }

    static func parse(_ data: Data, name: String, line: Int, idBase: String, published: Day?,
                      warn: (String) -> Void) throws -> Document {
        let at = "\(name):\(line)"
        let obj: Any
        do {
            obj = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SitrepError(.badJSON, "not valid JSON", at: at, hint: "each line must be one JSON object")
        }
        guard let o = obj as? [String: Any] else {
            throw SitrepError(.badJSON, "a JSON value that is not an object", at: at, hint: "each line must be one JSON object")
        }
        guard let text = o["text"] as? String else {
            throw SitrepError(.missingField, "no \"text\" field", at: at, hint: "every document needs its article text in \"text\"")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw SitrepError(.emptyInput, "\"text\" is empty", at: at, hint: "every document needs its article text in \"text\"")
        }
        for key in ["url", "outlet", "title", "published", "story"] {
            if let v = o[key], !(v is NSNull), !(v is String) {
                throw SitrepError(.badJSON, "\"\(key)\" is not a string", at: at, hint: "give it as a JSON string, or leave it out")
            }
        }
        var day = published
        if let p = o["published"] as? String, !p.isEmpty {
            guard let d = Day(iso: p) else {
                throw SitrepError(.badDate, "\"published\" is '\(p)', not a YYYY-MM-DD date", at: at)
            }
            day = d
        }
        let id = (o["id"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? (o["id"] as? Int).map(String.init) ?? "\(idBase):\(line)"
        let url = o["url"] as? String
        var outlet = o["outlet"] as? String
        if outlet == nil, let u = url, let host = URL(string: u)?.host {
            outlet = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return Document(id: id, url: url, outlet: outlet, title: o["title"] as? String, published: day, text: text,
                        story: o["story"] as? String, origin: at)
    }
}
