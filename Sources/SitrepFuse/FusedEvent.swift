import SitrepCore

/// One real event, fused from the mentions of it in many documents.
public struct FusedEvent: Sendable {
    /// Stable for the same mentions: derived from the type class, place and first mention.
    public var id: String
    public var type: EventType
    public var place: PlaceRef?
    public var actor: Actor?
    public var target: Actor?
    public var date: EventDate
    /// asserted, claimed, contested (claimed, then denied), denied, planned, possible or negated.
    public var modality: FusedModality
    /// Independent sources: copies of one wire story count once.
    public var sources: Int
    /// Independent sources that deny it.
    public var denials: Int
    public var confidence: Double
    public var mentions: [EventMention]

    /// Ids of the documents that state it, in order of publication.
    public var documents: [String] {
        // indexes sorted, through the buffer: sorting the mentions themselves copied each one
        mentions.withUnsafeBufferPointer { ms in
            let far = Day(ordinal: Int.max / 2)
            let order = ms.indices.sorted { a, b in
                let pa = ms[a].document.published ?? far, pb = ms[b].document.published ?? far
                return pa != pb ? pa < pb : ms[a].document.id < ms[b].document.id
            }
            var seen = Set<String>()
            return order.compactMap { seen.insert(ms[$0].document.id).inserted ? ms[$0].document.id : nil }
        }
    }
}

/// The modality of a fused event (the mention modalities plus `contested`).
public enum FusedModality: String, Sendable, CaseIterable {
    case asserted, claimed, contested, denied, planned, possible, negated

    /// Only asserted and claimed changes of territory move control (ontology.md).
    public var movesControl: Bool { self == .asserted || self == .claimed }
}
