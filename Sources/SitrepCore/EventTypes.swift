/// The ten event types of the ontology (spec/ontology.md).
public enum EventType: String, CaseIterable, Sendable, Codable {
    case territoryTaken = "territory_taken"
    case territoryHandover = "territory_handover"
    case withdrawal
    case armedClash = "armed_clash"
    case remoteViolence = "remote_violence"
    case evacuation
    case deployment
    case arrest
    case agreement
    case defection

    /// Taken and handover are one class when mentions are compared.
    public var typeClass: String {
        self == .territoryHandover ? EventType.territoryTaken.rawValue : rawValue
    }

    public var isTerritoryChange: Bool { self == .territoryTaken || self == .territoryHandover }

    public var cameo: String? {
        switch self {
        case .territoryTaken: return "192"
        case .territoryHandover, .withdrawal: return "0874"
        case .armedClash: return "190"
        case .remoteViolence: return "195"
        case .evacuation: return nil
        case .deployment: return "154"
        case .arrest: return "173"
        case .agreement: return "0871"
        case .defection: return nil
        }
    }

    /// ACLED event type and sub-event type; territory taken depends on who gains.
    public func acled(actorKind: ActorKind?) -> (String, String) {
        switch self {
        case .territoryTaken:
            return actorKind == .stateForces
                ? ("Battles", "Government regains territory") : ("Battles", "Non-state actor overtakes territory")
        case .territoryHandover: return ("Strategic developments", "Non-violent transfer of territory")
        case .withdrawal: return ("Strategic developments", "Other")
        case .armedClash: return ("Battles", "Armed clash")
        case .remoteViolence: return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        case .evacuation, .deployment: return ("Strategic developments", "Other")
        case .arrest: return ("Strategic developments", "Arrests")
        case .agreement: return ("Strategic developments", "Agreement")
        case .defection: return ("Strategic developments", "Change to group/activity")
        }
    }
}

public enum Modality: String, CaseIterable, Sendable, Codable {
    case asserted, claimed, denied, planned, possible, negated

    /// Only these move a place's control timeline.
    public var movesControl: Bool { self == .asserted || self == .claimed }
}

public enum ActorKind: String, CaseIterable, Sendable, Codable {
    case stateForces = "state_forces"
    case nonStateArmedGroup = "non_state_armed_group"
    case foreignState = "foreign_state"
    case internationalOrg = "international_org"
    case governmentOfficial = "government_official"
    case civilians
    case media
    case other
}

public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case official, party, witness, media, anonymous
}

public enum DatePrecision: String, CaseIterable, Sendable, Codable {
    case day, week, month, year, unknown
}
