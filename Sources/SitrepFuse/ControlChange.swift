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
}
