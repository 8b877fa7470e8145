import SitrepCore

/// One change of control of a place: who took it from whom, when, on what evidence.
public struct ControlChange: Sendable {
    public var place: PlaceRef
    public var date: EventDate
    public var controller: Actor
    public var previous: Actor?
    public var modality: FusedModality
    public var confidence: Double
    public var sources: Int
    /// The fused events behind the change (a later report of the same capture adds to it).
    public var events: [String]
    public var evidence: [Evidence]
    public var evidenceDocuments: [String]

    public init(place: PlaceRef, date: EventDate, controller: Actor, previous: Actor?, modality: FusedModality,
                confidence: Double, sources: Int, events: [String], evidence: [Evidence], evidenceDocuments: [String]) {
        self.place = place
        self.date = date
        self.controller = controller
        self.previous = previous
        self.modality = modality
        self.confidence = confidence
        self.sources = sources
        self.events = events
        self.evidence = evidence
        self.evidenceDocuments = evidenceDocuments
    }
}
