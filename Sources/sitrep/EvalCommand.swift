import ArgumentParser
import Foundation
import SitrepCore
import SitrepEval
import SitrepExtract
import SitrepFuse
import SitrepGazetteer
import SitrepIngest

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Sitrep's extraction against hand-annotated gold (spec/eval.md).",
        discussion: """
        Runs the extractor on CORPUS (JSON Lines articles) and compares its mentions with the gold file: \
        lenient, strict and territory precision/recall/F1, modality and date accuracy, duplicate pairs.

        Examples:
          sitrep eval --gold gold.jsonl corpus.jsonl
          sitrep eval --gold gold.jsonl corpus.jsonl --json
          sitrep eval --gold gold.jsonl corpus.jsonl --errors   # list misses and false alarms
        """)

    @Option(help: "The gold file (JSON Lines, one article a line).")
    var gold: String?

    @Option(name: .customLong("control-gold"),
            help: "A control table (CSV: place,province,country,lat,lon,taken_by,date,source_urls,note) to score the timeline against.")
    var controlGold: String?

    @Argument(help: "The corpus: JSON Lines files or folders.")
    var corpus: [String]

    @Option(help: "Score these mentions (JSON Lines, e.g. another tool's output) instead of running the extractor.")
    var mentions: String?

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Flag(help: "List the gold events missed and the mentions the gold does not have.")
    var errors = false

    func validate() throws {
        guard gold != nil || controlGold != nil else {
            throw ValidationError("Give --gold (events), --control-gold (changes of control), or both.")
        }
    }

    func run() throws {
        try runReportingErrors {
            let goldArticles = try gold.map { try GoldFile.read($0) } ?? []
            var mentions: [String: [EventMention]] = [:]
            var docs: [Document] = []
            try DocumentReader(format: .jsonl, warn: { StandardError.print($0) }).read(corpus) { docs.append($0) }
            // another tool's mentions are scored on its own grouping (none), not on Sitrep's
            if self.mentions == nil { StoryDetector().assign(&docs) }
            var stories: [String: String] = [:]
            for doc in docs {
                mentions[doc.id] = self.mentions == nil ? try EventExtractor.shared().extract(doc) : []
                stories[doc.id] = doc.story
            }
            if let file = self.mentions {
                for (k, v) in try MentionFile.read(file) where mentions[k] != nil { mentions[k] = v }
            }
            for a in goldArticles where mentions[a.id] == nil {
                throw SitrepError(.badData, "the gold names article '\(a.id)', which the corpus lacks", at: gold ?? "",
                                  hint: "give the corpus the gold was made for")
            }
            let evaluator = Evaluator(gazetteer: try Gazetteer.shared())
            var out = OutputStream()
            if let controlGold {
                // the timeline the corpus gives: all its mentions fused, as the store would
                let changes = ControlTimeline(events: EventFuser().fuse(docs.flatMap { mentions[$0.id] ?? [] })).changes
                let c = evaluator.evaluateControl(gold: try ControlGold.read(controlGold), changes: changes)
                let f = c.prf
                out.write(String(format: "control           P %.3f  R %.3f  F1 %.3f  (%d of %d gold changes within a day, %d on the day; %d system)\n",
                                 f.precision, f.recall, f.f1, c.matched, c.gold, c.exactDay, c.system))
                if errors {
                    for g in c.missed { out.write("MISSED   control  \(g.place)  \(g.date)  \(g.takenBy ?? "—")\n") }
                }
            }
            guard gold != nil else { return out.flush() }
            let report = evaluator.evaluate(gold: goldArticles, mentions: mentions, stories: stories)
            if json {
                out.write(report.json() + [10])
            } else {
                out.write(report.table())
            }
            if errors {
                for (a, g) in report.missed {
                    out.write("MISSED   \(a)  \(g.type.rawValue)  \(g.place ?? "—")  \(g.date?.description ?? "—")  \(g.modality.rawValue)  | \(g.quote ?? "")\n")
                }
                for (a, m) in report.spurious {
                    out.write("SPURIOUS \(a)  \(m.type.rawValue)  \(m.place?.name ?? "—")  \(m.date.start?.description ?? "—")  \(m.modality.rawValue)  [\(m.trigger)] | \(m.evidence.text.prefix(140))\n")
                }
                for x in report.matches where x.gold.modality != x.mention.modality || x.gold.date != (x.mention.date.precision == .day ? x.mention.date.start : nil) {
                    out.write("DIFFERS  \(x.article)  \(x.gold.type.rawValue)  \(x.gold.place ?? "—")  gold \(x.gold.date?.description ?? "—")/\(x.gold.modality.rawValue)  sys \(x.mention.date.start?.description ?? "—")(\(x.mention.date.precision.rawValue))/\(x.mention.modality.rawValue)  | \(x.gold.quote ?? "")\n")
                }
            }
            out.flush()
        }
    }
}
