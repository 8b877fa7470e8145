import Foundation
import SitrepCore
import SitrepGazetteer
import SitrepText

/// An event trigger: the type it signals and where its arguments stand (see `Data/triggers.tsv`).
public struct Trigger: Sendable {
    public enum Frame: String, Sendable {
        case capture, fall, nominal, handover, withdraw, attack, strike, evacuate, deploy, arrest, agree, defect
    }

    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let recapture = Options(rawValue: 1)
        public static let near = Options(rawValue: 2)
        public static let actor = Options(rawValue: 4)
        public static let objectActor = Options(rawValue: 8)
        public static let people = Options(rawValue: 16)
        public static let force = Options(rawValue: 32)
        public static let negated = Options(rawValue: 64)
        public static let intransitive = Options(rawValue: 128)
        public static let hands = Options(rawValue: 256)
        public static let weapon = Options(rawValue: 512)
        /// "pulled a contingent of troops out of Libya": the place follows a later "out of".
        public static let outOf = Options(rawValue: 1024)
        /// "would push on to Manbij", "plans to march on Kinshasa": a capture only as an intention or a risk.
        public static let intent = Options(rawValue: 2048)

        static let names: [String: Options] = [
            "recapture": .recapture, "near": .near, "actor": .actor, "object-actor": .objectActor, "people": .people,
            "force": .force, "negated": .negated, "intransitive": .intransitive, "hands": .hands, "weapon": .weapon,
            "out-of": .outOf, "intent": .intent,
        ]
    }

    public var type: EventType
    public var frame: Frame
    public var options: Options
    /// A verb (or verb phrase) rather than a noun: weighs in the confidence.
    public var isVerb: Bool
}

/// The trigger phrases and the word classes the extractor reads, loaded once from data files.
public final class TriggerLexicon: @unchecked Sendable {
    public let triggers = PhraseMatcher<Trigger>()
    /// Words by class (`Data/word-classes.tsv`): negation, planned, possible, people, force, adverb ...
    public let classes: WordClasses
    public let negation, planned, possible, priorOK, people, force, person, skip, adverb, aux, clause, weapon, motion, notAfterFall, placePlural: UInt32

    public static let dataDirectory: URL = Bundle.module.resourceURL!.appendingPathComponent("Data")

    public init(directory: URL = TriggerLexicon.dataDirectory) throws {
        let file = directory.appendingPathComponent("triggers.tsv")
        for (c, line) in TSV.rows(file) {
            guard c.count >= 3, let type = EventType(rawValue: c[1]), let frame = Trigger.Frame(rawValue: c[2]) else {
                throw SitrepError(.badData, "line \(line): expected phrase, event type, frame", at: file.path,
                                  hint: "types are those of the ontology; frames are listed at the top of the file")
            }
            var opts: Trigger.Options = []
            if c.count >= 4 {
                for o in c[3].split(separator: ",") {
                    guard let v = Trigger.Options.names[String(o)] else {
                        throw SitrepError(.badData, "line \(line): unknown option '\(o)'", at: file.path)
                    }
                    opts.insert(v)
                }
            }
            let isVerb = c[0].hasSuffix("ed") || c[0].hasSuffix("ing") || ["fell", "took", "overran", "retook", "withdrew",
                                                                           "fought", "sent", "seize", "capture"].contains(c[0])
            triggers.add(c[0], Trigger(type: type, frame: frame, options: opts, isVerb: isVerb))
        }
        let c = WordClasses(rows: TSV.rows(directory.appendingPathComponent("word-classes.tsv")).map(\.0))
        classes = c
        negation = c.mask("negation")
        planned = c.mask("planned")
        possible = c.mask("possible")
        priorOK = c.mask("prior-ok")
        people = c.mask("people")
        force = c.mask("force")
        person = c.mask("person")
        skip = c.mask("skip")
        adverb = c.mask("adverb")
        aux = c.mask("aux")
        clause = c.mask("clause")
        weapon = c.mask("weapon")
        motion = c.mask("motion")
        notAfterFall = c.mask("not-after-fall")
        placePlural = c.mask("place-plural")
    }

    @inline(__always)
    public func isA(_ t: Token, _ mask: UInt32) -> Bool { classes.has(t, mask) }
}
