import Foundation
import SitrepCore

/// Stage 1: turns paths (files, folders, "-" for standard input) into documents.
///
/// Plain text (the first line is the title when a blank line follows it) and JSON Lines
/// (`{"id","url","outlet","published","title","text"}`, only `text` required), either of them gzip-compressed.
/// Bad input fails with a `SitrepError` naming the file, line or byte; inside a folder or a JSON Lines file a
/// bad document is skipped with a warning and the rest is read.
public struct DocumentReader {
    public var published: Day?
    public var format: InputFormat?
    /// Documents above this size are refused (a runaway line or a wrong file).
    public var maxDocumentBytes = 32 << 20
    /// Where warnings go (standard error in the CLI).
    public var warn: (String) -> Void

    public init(published: Day? = nil, format: InputFormat? = nil, warn: @escaping (String) -> Void = { _ in }) {
        self.published = published
        self.format = format
        self.warn = warn
    }

    /// Calls `body` with each document of each path, in order.
    public func read(_ paths: [String], _ body: (Document) throws -> Void) throws {
        for path in paths {
            if path == "-" {
                try read(handle: FileHandle.standardInput, name: "-", idBase: "stdin", body)
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw SitrepError(.missingFile, "no such file or folder", at: path, hint: "check the path")
            }
            if isDir.boolValue {
                try readFolder(path, body)
            } else {
                try readFile(path, id: path, body)
            }
        }
    }

    /// Calls `body` with each document of bytes received whole (a request body): `name` is what messages call
    /// them, `idBase` what ids without one of their own start with.
    public func read(bytes: [UInt8], name: String, idBase: String, _ body: (Document) throws -> Void) throws {
        try readBytes(bytes, name: name, idBase: idBase, ext: nil, body)
    }

    private func readFolder(_ root: String, _ body: (Document) throws -> Void) throws {
        guard let e = FileManager.default.enumerator(atPath: root) else {
            throw SitrepError(.unreadable, "cannot list the folder", at: root)
        }
        var files: [String] = []
        while let rel = e.nextObject() as? String {
            let full = (root as NSString).appendingPathComponent(rel)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
               !(rel as NSString).lastPathComponent.hasPrefix(".") {
                files.append(rel)
            }
        }
        var read = 0
        for rel in files.sorted() {
            let full = (root as NSString).appendingPathComponent(rel)
            do {
                try readFile(full, id: rel, body)
                read += 1
            } catch let err as SitrepError where err.code != .badData {
                warn("sitrep: skipped: \(err)")
            }
        }
        if read == 0 && !files.isEmpty {
            throw SitrepError(.emptyInput, "no readable document in the folder", at: root)
        }
    }

    /// Calls `body` with each document of an open file or pipe (standard input): JSON Lines are read line by
    /// line as they arrive, so a document is handed on before its writer has written the next one.
    public func read(handle: FileHandle, name: String, idBase: String, _ body: (Document) throws -> Void) throws {
        var source = ByteSource(fd: handle.fileDescriptor, name: name)
        try read(&source, name: name, idBase: idBase, ext: nil, body)
    }

    private func readFile(_ path: String, id: String, _ body: (Document) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SitrepError(.unreadable, "cannot read the file", at: path, hint: "check its permissions")
        }
        defer { try? handle.close() }
        var source = ByteSource(fd: handle.fileDescriptor, name: path)
        try read(&source, name: path, idBase: id, ext: (path as NSString).pathExtension, body)
    }

    /// Looks at the first bytes: JSON Lines stream, chunk by chunk (a corpus of any size in bounded memory);
    /// anything else, or anything gzip-compressed, is read whole.
    private func read(_ source: inout ByteSource, name: String, idBase: String, ext: String?,
                      _ body: (Document) throws -> Void) throws {
        let named = format ?? ext.flatMap { InputFormat.from(extension: $0) }
        func isGzip(_ h: [UInt8]) -> Bool { h.count >= 2 && h[0] == 0x1f && h[1] == 0x8b }
        func isJSONLines(_ h: [UInt8]) -> Bool { (named ?? InputFormat.sniff(h)) == .jsonl }
        let head = try source.peek(2048) { h in h.count >= 2 && !isGzip(h) && isJSONLines(h) }
        if ext?.lowercased() == "gz" || isGzip(head) {
            var inner = ext
            if ext?.lowercased() == "gz" { inner = ((name as NSString).deletingPathExtension as NSString).pathExtension }
            let bytes = try Gzip.decompress(try source.readToEnd(), origin: name)
            return try readBytes(bytes, name: name, idBase: idBase, ext: inner, body)
        }
        if isJSONLines(head) {
            return try JSONLines.stream(&source, name: name, idBase: idBase, published: published,
                                        maxLine: maxDocumentBytes, warn: warn, body)
        }
        try readBytes(try source.readToEnd(), name: name, idBase: idBase, ext: ext, body)
    }

    private func checkSize(_ bytes: [UInt8], name: String) throws {
        guard bytes.count <= maxDocumentBytes else {
            throw SitrepError(.tooLarge, "the document is \(bytes.count >> 20) MB, more than the \(maxDocumentBytes >> 20) MB a document may have",
                              at: name, hint: "split it into articles, or give them as JSON Lines")
        }
    }

    func readBytes(_ bytes: [UInt8], name: String, idBase: String, ext: String?, formatOverride: InputFormat? = nil,
                   _ body: (Document) throws -> Void) throws {
        if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            throw SitrepError(.emptyInput, "the file is empty", at: name, hint: "an article needs some text")
        }
        try InputCheck.rejectBinary(bytes, name: name)
        let fmt = formatOverride ?? format ?? ext.flatMap { InputFormat.from(extension: $0) } ?? InputFormat.sniff(bytes)
        switch fmt {
        case .text:
            try checkSize(bytes, name: name)
            let text = InputCheck.decode(bytes, name: name, warn: warn)
            try body(PlainText.document(text, id: idBase, published: published, origin: name))
        case .html:
            try checkSize(bytes, name: name)
            try body(HTMLReader.document(bytes, id: idBase, name: name, published: published, warn: warn))
        case .feed:
            try checkSize(bytes, name: name)
            for doc in try FeedReader.documents(bytes, name: name, idBase: idBase, published: published, warn: warn) {
                try body(doc)
            }
        case .jsonl:
            try JSONLines.read(bytes, name: name, idBase: idBase, published: published,
                               maxLine: maxDocumentBytes, warn: warn, body)
        }
    }
}
