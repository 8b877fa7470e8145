import Foundation
import SitrepCore
import SitrepGazetteer
import SitrepText

/// The actor lexicons, loaded once: named actors with aliases (`actors.tsv`), generic references
/// (`generic-actors.tsv`), force words and group-name heads. All are data files a user can extend.
public final class ActorLexicon: @unchecked Sendable {
    public enum GenericRole: String, Sendable { case armedGroup = "armed-group", state }

    public let named = PhraseMatcher<Actor>()
    public let generic = PhraseMatcher<GenericRole>()
    public private(set) var forceWords = HashMap<String>()
    public private(set) var groupHeads = HashSet()
    /// Country code → its first demonym ("AF" → "Afghan"), for naming state forces.
    public private(set) var demonymOf: [String: String] = [:]
    public let gazetteer: Gazetteer

    public static let dataDirectory: URL = Bundle.module.resourceURL!.appendingPathComponent("Data")

    private static let instance = LoadOnce<ActorLexicon>()

    public static func shared() throws -> ActorLexicon {
        try instance.get { try ActorLexicon(directory: dataDirectory, gazetteer: try Gazetteer.shared()) }
    }

    public init(directory: URL, gazetteer: Gazetteer) throws {
        self.gazetteer = gazetteer
        let actorsFile = directory.appendingPathComponent("actors.tsv")
        for (cols, line) in TSV.rows(actorsFile) {
            guard cols.count >= 5 else {
                throw SitrepError(.badData, "line \(line) has \(cols.count) columns, 5 expected (id, name, kind, country, aliases)",
                                  at: actorsFile.path)
            }
            guard let kind = ActorKind(rawValue: cols[2]) else {
                throw SitrepError(.badData, "line \(line): unknown actor kind '\(cols[2])'", at: actorsFile.path,
                                  hint: "use one of \(ActorKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let actor = Actor(name: cols[1], id: cols[0], kind: kind, country: cols[3].isEmpty ? nil : cols[3])
            named.add(cols[1], actor)
            for a in cols[4].split(separator: "|") where !a.isEmpty { named.add(String(a), actor) }
        }
        for (cols, _) in TSV.rows(directory.appendingPathComponent("generic-actors.tsv")) where cols.count >= 2 {
            if let r = GenericRole(rawValue: cols[1]) { generic.add(cols[0], r) }
        }
        for (cols, _) in TSV.rows(directory.appendingPathComponent("force-words.tsv")) where cols.count >= 2 {
            forceWords[TokenHash.of(cols[0].utf8)] = cols[1]
        }
        for (cols, _) in TSV.rows(directory.appendingPathComponent("group-heads.tsv")) where cols.count >= 1 {
            groupHeads.insert(TokenHash.of(cols[0].utf8))
        }
        for (cols, _) in TSV.rows(Gazetteer.dataDirectory.appendingPathComponent("demonyms.tsv")) where cols.count >= 2 {
            if demonymOf[cols[1]] == nil { demonymOf[cols[1]] = cols[0] }
        }
        states = Array(repeating: nil, count: 26 * 26)
        for cc in gazetteer.countryByCode.keys {
            let both = (ActorLexicon.makeState(cc, home: true, gazetteer: gazetteer, demonymOf: demonymOf),
                        ActorLexicon.makeState(cc, home: false, gazetteer: gazetteer, demonymOf: demonymOf))
            if let k = ActorLexicon.slot(cc) { states[k] = both }
        }
    }

    /// The state of a country as an actor: its forces in its own conflicts, a foreign state elsewhere.
    public func state(_ cc: String, home: Bool) -> Actor {
        if let k = ActorLexicon.slot(cc), let both = states[k] { return home ? both.home : both.foreign }
        return ActorLexicon.makeState(cc, home: home, gazetteer: gazetteer, demonymOf: demonymOf)
    }

    /// Every country's two state actors, made once: the recognizer asks for them at every mention of a state.
    /// By the code's two capitals (AA…ZZ), not in a dictionary, which hashed the code at every mention; any
    /// other code is made when asked for.
    private var states: [(home: Actor, foreign: Actor)?] = []

    /// The index of a code of two capitals.
    private static func slot(_ cc: String) -> Int? {
        var u = cc.utf8.makeIterator()
        guard let a = u.next(), let b = u.next(), u.next() == nil, a &- 65 < 26, b &- 65 < 26 else { return nil }
        return Int(a - 65) * 26 + Int(b - 65)
    }

    private static func makeState(_ cc: String, home: Bool, gazetteer: Gazetteer, demonymOf: [String: String]) -> Actor {
        let countryName = gazetteer.country(cc)?.name ?? cc
        if home {
            let dem = demonymOf[cc] ?? countryName
            return Actor(name: "\(dem) government forces", id: "\(cc.lowercased())-government", kind: .stateForces, country: cc)
        }
        return Actor(name: countryName, id: cc.lowercased(), kind: .foreignState, country: cc)
    }
}
