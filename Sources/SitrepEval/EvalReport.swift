import SitrepCore

/// The figures of spec/eval.md, and the matches and misses behind them.
public struct EvalReport {
    public struct Match {
        public var article: String
        public var gold: GoldEvent
        public var mention: EventMention
    }

    public var gold = 0, system = 0, lenient = 0, strict = 0
    public var goldTerritory = 0, systemTerritory = 0, territory = 0
    public var modalityAgree = 0, dateAgree = 0
    public var goldPairs = 0, systemPairs = 0, pairAgree = 0
    public var matches: [Match] = []
    public var missed: [(String, GoldEvent)] = []
    public var spurious: [(String, EventMention)] = []

    public struct PRF: Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }

    static func prf(_ ok: Int, _ sys: Int, _ gold: Int) -> PRF {
        let p = sys == 0 ? 0 : Double(ok) / Double(sys)
        let r = gold == 0 ? 0 : Double(ok) / Double(gold)
        return PRF(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    public var lenientPRF: PRF { EvalReport.prf(lenient, system, gold) }
    public var strictPRF: PRF { EvalReport.prf(strict, system, gold) }
    public var territoryPRF: PRF { EvalReport.prf(territory, systemTerritory, goldTerritory) }
    public var modalityAccuracy: Double { lenient == 0 ? 0 : Double(modalityAgree) / Double(lenient) }
    public var dateAccuracy: Double { lenient == 0 ? 0 : Double(dateAgree) / Double(lenient) }
    public var duplicates: PRF { EvalReport.prf(pairAgree, systemPairs, goldPairs) }

    public func table() -> String {
        func f(_ v: Double) -> String { JSONWriter.format(v, digits: 3) }
        func row(_ name: String, _ x: PRF, _ detail: String) -> String {
            name.padding(toLength: 18, withPad: " ", startingAt: 0) + "P " + f(x.precision).padding(toLength: 7, withPad: " ", startingAt: 0)
                + "R " + f(x.recall).padding(toLength: 7, withPad: " ", startingAt: 0) + "F1 " + f(x.f1).padding(toLength: 7, withPad: " ", startingAt: 0) + detail + "\n"
        }
        var s = "gold events \(gold), system mentions \(system)\n"
        s += row("lenient", lenientPRF, "(\(lenient) matched)")
        s += row("strict", strictPRF, "(\(strict) exact)")
        s += row("territory", territoryPRF, "(\(territory) of \(goldTerritory) gold, \(systemTerritory) system)")
        s += "modality accuracy  \(f(modalityAccuracy))\n"
        s += "date accuracy      \(f(dateAccuracy))\n"
        s += row("duplicates", duplicates, "(\(pairAgree) pairs of \(goldPairs) gold, \(systemPairs) system)")
        return s
    }

    public func json() -> [UInt8] {
        var w = JSONWriter()
        func prf(_ k: StaticString, _ x: PRF) {
            w.key(k)
            w.beginObject()
            w.field("precision", x.precision, digits: 4)
            w.field("recall", x.recall, digits: 4)
            w.field("f1", x.f1, digits: 4)
            w.endObject()
        }
        w.beginObject()
        w.field("gold", gold)
        w.field("system", system)
        prf("lenient", lenientPRF)
        prf("strict", strictPRF)
        prf("territory", territoryPRF)
        w.field("modality_accuracy", modalityAccuracy, digits: 4)
        w.field("date_accuracy", dateAccuracy, digits: 4)
        prf("duplicates", duplicates)
        w.endObject()
        return w.bytes
    }
}
