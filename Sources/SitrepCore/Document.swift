/// A news document as the pipeline sees it after ingest.
public struct Document: Sendable {
    public var id: String
    public var url: String?
    public var outlet: String?
    public var title: String?
    public var published: Day?
    public var text: String
    public var story: String?
    /// Where it came from, for messages ("file.jsonl:12").
    public var origin: String
    /// The sampled shingle hashes of `text` (word 3-grams, one in eight), when the story detector has
    /// computed them already; the store keeps a subset of them.
    public var shingleSample: [UInt64]?

    public init(id: String, url: String? = nil, outlet: String? = nil, title: String? = nil, published: Day? = nil,
                text: String, story: String? = nil, origin: String? = nil) {
        self.id = id
        self.url = url
        self.outlet = outlet
        self.title = title
        self.published = published
        self.text = text
        self.story = story
        self.origin = origin ?? id
    }

    public var ref: DocumentRef {
        DocumentRef(id: id, url: url, outlet: outlet, published: published, story: story)
    }
}

/// The document fields every mention carries.
public struct DocumentRef: Hashable, Sendable {
    public var id: String
    public var url: String?
    public var outlet: String?
    public var published: Day?
    public var story: String?

    @inlinable public init(id: String, url: String?, outlet: String?, published: Day?, story: String?) {
        self.id = id
        self.url = url
        self.outlet = outlet
        self.published = published
        self.story = story
    }
}
