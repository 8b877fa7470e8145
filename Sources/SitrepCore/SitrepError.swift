/// The one error type users see: what went wrong, where, and how to fix it.
///
/// `location` names the file and, where known, the line or byte ("feed.jsonl:12", "page.html: byte 3071").
public struct SitrepError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case missingFile = "missing-file"
        case unreadable = "unreadable"
        case emptyInput = "empty-input"
        case binaryInput = "binary-input"
        case badJSON = "bad-json"
        case missingField = "missing-field"
        case badDate = "bad-date"
        case badArgument = "bad-argument"
        case badData = "bad-data"
        case tooLarge = "too-large"
        case badMarkup = "bad-markup"
        case badFeed = "bad-feed"
        case badArchive = "bad-archive"
        case badStore = "bad-store"
    }

    public var code: Code
    public var location: String?
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, at location: String? = nil, hint: String? = nil) {
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Bad input and bad usage exit with 2 (spec/cli.md); the rest are runtime failures.
    public var exitCode: Int32 { code == .badData ? 1 : 2 }

    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += message
        if let hint { s += " (\(hint))" }
        return s
    }
}
