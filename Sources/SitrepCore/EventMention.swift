/// An actor as the ontology names it: canonical name, stable id, kind.
public struct Actor: Hashable, Sendable {
    public var name: String
    public var id: String
    public var kind: ActorKind
    /// ISO country the actor belongs to, when known (not part of the output schema).
    public var country: String?

    @inlinable public init(name: String, id: String, kind: ActorKind, country: String? = nil) {
        self.name = name
        self.id = id
        self.kind = kind
        self.country = country
    }
}

public struct PlaceRef: Hashable, Sendable {
    public var name: String
    public var matched: String
    public var geonameid: Int?
    public var country: String?
    public var admin1: String?
    public var lat: Double?
    public var lon: Double?
    public var feature: String?
    /// The gazetteer's own key for the place (geonameid, "CC.code" or "CC"); stable across runs.
    public var key: String

    @inlinable public init(name: String, matched: String, geonameid: Int?, country: String?, admin1: String?,
                lat: Double?, lon: Double?, feature: String?, key: String) {
        self.name = name
        self.matched = matched
        self.geonameid = geonameid
        self.country = country
        self.admin1 = admin1
        self.lat = lat
        self.lon = lon
        self.feature = feature
        self.key = key
    }
}

public struct EventDate: Hashable, Sendable {
    public var start: Day?
    public var end: Day?
    public var text: String?
    public var precision: DatePrecision

    @inlinable public init(start: Day?, end: Day?, text: String?, precision: DatePrecision) {
        self.start = start
        self.end = end
        self.text = text
        self.precision = precision
    }

    public static let unknown = EventDate(start: nil, end: nil, text: nil, precision: .unknown)
}

public struct SourceRef: Hashable, Sendable {
    public var speaker: String?
    public var channel: String?
    public var kind: SourceKind?

    @inlinable public init(speaker: String?, channel: String?, kind: SourceKind?) {
        self.speaker = speaker
        self.channel = channel
        self.kind = kind
    }
}

public struct Evidence: Hashable, Sendable {
    public var text: String
    /// Unicode code point offsets in the document text.
    public var start: Int
    public var end: Int

    @inlinable public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One statement of an event in one document: a line of `sitrep extract` output.
public struct EventMention: Sendable {
    public var id: String
    public var document: DocumentRef
    public var type: EventType
    public var actor: Actor?
    public var target: Actor?
    public var place: PlaceRef?
    public var date: EventDate
    public var modality: Modality
    public var source: SourceRef?
    public var evidence: Evidence
    public var confidence: Double
    /// The word or phrase that fired (kept for people reading a table; not in the schema).
    public var trigger: String

    @inlinable public init(id: String, document: DocumentRef, type: EventType, actor: Actor?, target: Actor?, place: PlaceRef?,
                date: EventDate, modality: Modality, source: SourceRef?, evidence: Evidence, confidence: Double,
                trigger: String) {
        self.id = id
        self.document = document
        self.type = type
        self.actor = actor
        self.target = target
        self.place = place
        self.date = date
        self.modality = modality
        self.source = source
        self.evidence = evidence
        self.confidence = confidence
        self.trigger = trigger
    }
}
