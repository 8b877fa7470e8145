import Foundation
import SitrepCore

/// JSON Lines input: one document a line; a bad line is skipped with a warning naming its number.
enum JSONLines {
    static func read(_ b: [UInt8], name: String, idBase: String, published: Day?, maxLine: Int,
                     warn: (String) -> Void, _ body: (Document) throws -> Void) throws {
        var lines = Lines(name: name, idBase: idBase, published: published, maxLine: maxLine)
        var start = 0
        while start < b.count {
            let end = newline(in: b, from: start) ?? b.count
            try lines.take(b[start..<end], warn: warn, body)
            start = end + 1
        }
        try lines.finish(warn: warn)
    }

    /// A file or pipe read in chunks of up to `chunk` bytes, line by line: memory holds a chunk and the longest
    /// line, not the file, and each line is read as soon as it has arrived.
    static func stream(_ source: inout ByteSource, name: String, idBase: String, published: Day?, maxLine: Int,
                       chunk: Int = 1 << 20, warn: (String) -> Void, _ body: (Document) throws -> Void) throws {
        var lines = Lines(name: name, idBase: idBase, published: published, maxLine: maxLine)
        var pending: [UInt8] = []
        var first = true
        while true {
            let data = try source.read(max: chunk)
            if data.isEmpty { break }
            if first {
                try InputCheck.rejectBinary(Array(data.prefix(8192)), name: name)
                first = false
            }
            pending.append(contentsOf: data)
            var start = 0
            while let nl = JSONLines.newline(in: pending, from: start) {
                try lines.take(pending[start..<nl], warn: warn, body)
                start = nl + 1
            }
            pending.removeFirst(start)
            if pending.count > maxLine {
                try lines.take(pending[...], warn: warn, body)  // refused as too long, named by its number
                pending.removeAll()
                // skip to the end of the overlong line
                while true {
                    let more = try source.read(max: chunk)
                    if more.isEmpty { break }
                    if let nl = more.firstIndex(of: 10) {
                        pending.append(contentsOf: more[(nl + 1)...])
                        break
                    }
                }
            }
        }
        if !pending.isEmpty { try lines.take(pending[...], warn: warn, body) }
        if lines.good == 0 && lines.bad == 0 {
            throw SitrepError(.emptyInput, "the file is empty", at: name, hint: "an article needs some text")
        }
        try lines.finish(warn: warn)
    }

    /// The index of the first line feed at or after `start`: `memchr`, many bytes a step (a byte loop was a
    /// tenth of reading the input).
    static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress, let p = memchr(base + start, 10, b.count - start) else { return nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The state of a JSON Lines read: line numbers, the first error, the warnings.
    struct Lines {
        let name: String, idBase: String, published: Day?, maxLine: Int
        var line = 0, good = 0, bad = 0
        var firstError: SitrepError? = nil
        var warnings: [String] = []

        init(name: String, idBase: String, published: Day?, maxLine: Int) {
            self.name = name
            self.idBase = idBase
            self.published = published
            self.maxLine = maxLine
        }

        mutating func take(_ slice: ArraySlice<UInt8>, warn: (String) -> Void, _ body: (Document) throws -> Void) throws {
            line += 1
            if slice.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
            do {
                guard slice.count <= maxLine else {
                    let limit = maxLine >= 1 << 20 ? "\(maxLine >> 20) MB" : "\(maxLine) bytes"
                    throw SitrepError(.tooLarge, "line \(line) is longer than \(limit), the most a document may have",
                                      at: "\(name):\(line)", hint: "split it into articles")
                }
                let doc: Document
                do {
                    doc = try JSONLines.parse(slice, name: name, line: line, idBase: idBase, published: published, warn: warn)
                } catch let e as SitrepError where e.code == .badJSON && String(validating: slice, as: UTF8.self) == nil {
                    // invalid UTF-8 is no reason to lose the line: replaced and reported, as in every other input
                    let repaired = InputCheck.decode(Array(slice), name: "\(name):\(line)", warn: warn)
                    doc = try JSONLines.parse(ArraySlice(repaired.utf8), name: name, line: line, idBase: idBase, published: published, warn: warn)
                }
                try body(doc)
                good += 1
            } catch let e as SitrepError {
                bad += 1
                if firstError == nil { firstError = e }
                warnings.append("sitrep: skipped: \(e)")
            }
        }

        func finish(warn: (String) -> Void) throws {
            if good == 0 {
                // the whole file is unusable: one error, not a warning per line
                guard var e = firstError else { throw SitrepError(.emptyInput, "no document in the file", at: name) }
                if bad > 1 { e.message += " (and so are the other \(bad - 1) lines: no line is a usable document)" }
                throw e
            }
            for w in warnings.prefix(20) { warn(w) }
            if warnings.count > 20 { warn("sitrep: skipped \(warnings.count - 20) more bad lines of \(name)") }
        }
    }

    static func parse(_ bytes: ArraySlice<UInt8>, name: String, line: Int, idBase: String, published: Day?,
                      warn: (String) -> Void) throws -> Document {
        let at = "\(name):\(line)"
        let o: [String: JSONObjectScanner.Value]
        do {
            o = try JSONObjectScanner.members(bytes)
        } catch .notAnObject {
            throw SitrepError(.badJSON, "a JSON value that is not an object", at: at, hint: "each line must be one JSON object")
        } catch {
            throw SitrepError(.badJSON, "not valid JSON", at: at, hint: "each line must be one JSON object")
        }
        func string(_ key: String) -> String? {
            if case .string(let s)? = o[key] { return s }
            return nil
        }
        guard let text = string("text") else {
            throw SitrepError(.missingField, "no \"text\" field", at: at, hint: "every document needs its article text in \"text\"")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw SitrepError(.emptyInput, "\"text\" is empty", at: at, hint: "every document needs its article text in \"text\"")
        }
        for key in ["url", "outlet", "title", "published", "story"] {
            switch o[key] {
            case nil, .null?, .string?: continue
            default: throw SitrepError(.badJSON, "\"\(key)\" is not a string", at: at, hint: "give it as a JSON string, or leave it out")
            }
        }
        var day = published
        if let p = string("published"), !p.isEmpty {
            guard let d = Day(iso: p) else {
                throw SitrepError(.badDate, "\"published\" is '\(p)', not a YYYY-MM-DD date", at: at)
            }
            day = d
        }
        var id = "\(idBase):\(line)"
        switch o["id"] {
        case .string(let s)? where !s.isEmpty: id = s
        case .int(let v)?: id = String(v)
        default: break
        }
        let url = string("url")
        var outlet = string("outlet")
        if outlet == nil, let u = url, let host = URL(string: u)?.host {
            outlet = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return Document(id: id, url: url, outlet: outlet, title: string("title"), published: day, text: text,
                        story: string("story"), origin: at)
    }
}
