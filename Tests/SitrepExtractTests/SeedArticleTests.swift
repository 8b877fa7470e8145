import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest

/// spec/seed-expected.md: the ten events of the seed article, and none of its must-not-find list.
@Suite struct SeedArticleTests {
    static let extractor = try! EventExtractor.shared()

    func mentions(published: String?) throws -> [EventMention] {
        var docs: [Document] = []
        try DocumentReader(published: published.flatMap { Day(iso: $0) }).read([Fixtures.path("Samples/afghanistan-2021-08-12.txt")]) {
            docs.append($0)
        }
        return docs.flatMap { SeedArticleTests.extractor.extract($0) }
    }

    func find(_ ms: [EventMention], _ types: Set<EventType>, _ place: String?, actor: String? = nil, target: String? = nil,
              dates: Set<String?>, modalities: Set<Modality>) -> EventMention? {
        ms.first { m in
            types.contains(m.type) && m.place?.key == place && (actor == nil || m.actor?.id == actor)
                && (target == nil || m.target?.id == target) && dates.contains(m.date.start?.description)
                && modalities.contains(m.modality)
        }
    }

    @Test func findsTheTenEvents() throws {
        let ms = try mentions(published: "2021-08-12")
        let taken: Set<EventType> = [.territoryTaken, .territoryHandover]
        let day: Set<String?> = ["2021-08-12"]
        // 1 Herat handed over to the Taliban
        #expect(find(ms, taken, "1140026", actor: "taliban", target: "af-government", dates: day, modalities: [.asserted]) != nil)
        // 2 government forces withdrew from Herat
        #expect(find(ms, [.withdrawal], "1140026", actor: "af-government", dates: day, modalities: [.asserted]) != nil)
        // 3 Ghazni taken, reported by the interior ministry
        let ghazni = find(ms, [.territoryTaken], "1141269", actor: "taliban", target: "af-government", dates: day, modalities: [.asserted])
        #expect(ghazni?.source?.speaker == "the interior ministry")
        // 4 Qala-i-Naw surrendered, according to a security source
        let qala = find(ms, taken, "1129867", actor: "taliban", target: "af-government", dates: day, modalities: [.asserted])
        #expect(qala?.source?.speaker == "a security source")
        #expect(qala?.place?.matched == "Qala-i-Naw")
        // 5, 6 the US will send troops to evacuate embassy staff from Kabul
        #expect(find(ms, [.evacuation], "1138958", actor: "us", dates: [nil, "2021-08-12"], modalities: [.planned]) != nil)
        #expect(find(ms, [.deployment], "1138958", actor: "us", dates: [nil, "2021-08-12"], modalities: [.planned]) != nil)
        // 7 evacuation of interpreters (Afghanistan), planned
        #expect(find(ms, [.evacuation], "AF", actor: "us", dates: [nil], modalities: [.planned]) != nil)
        // 8 the governor of Ghazni arrested by Afghan security forces
        let arrest = find(ms, [.arrest], "1141269", actor: "af-government", dates: [nil, "2021-08-12"], modalities: [.asserted, .claimed])
        #expect(arrest?.target?.kind == .governmentOfficial)
        // 9 last month's truce in Badghis
        let truce = find(ms, [.agreement], "AF.02", target: "taliban", dates: ["2021-07-01"], modalities: [.asserted])
        #expect(truce?.date.end?.description == "2021-07-31")
        #expect(truce?.date.precision == .month)
        // 10 soldiers joined the Taliban, claimed by a Taliban spokesman on Twitter
        let defection = find(ms, [.defection], "1140026", actor: "af-government", target: "taliban", dates: [nil, "2021-08-12"],
                             modalities: [.claimed])
        #expect(defection?.source?.channel == "Twitter")
        #expect(defection?.source?.kind == .party)
    }

    @Test func findsNoneOfTheMustNotFindList() throws {
        let ms = try mentions(published: "2021-08-12")
        let allowed: Set<String> = ["1140026", "1141269", "1129867", "AF.02"]
        for m in ms where m.type.isTerritoryChange {
            #expect(allowed.contains(m.place?.key ?? "-"), "territory change at \(m.place?.name ?? "nowhere")")
        }
        #expect(!ms.contains { $0.type == .evacuation && $0.modality == .asserted })
        // the repeated paragraph and the open quotation add nothing twice
        var seen = Set<String>()
        for m in ms {
            let key = "\(m.type)|\(m.place?.key ?? "-")|\(m.modality)|\(m.date.start?.description ?? "-")"
            let fresh = seen.insert(key).inserted
            #expect(fresh, "\(key) twice")
        }
    }

    @Test func withoutAPublicationDateTheDatesAreNullAndKeepTheirText() throws {
        let ms = try mentions(published: nil)
        #expect(ms.allSatisfy { $0.date.start == nil })
        let ghazni = ms.first { $0.place?.key == "1141269" && $0.type == .territoryTaken }
        #expect(ghazni?.date.text == "earlier Thursday")
        #expect(ghazni?.date.precision == .unknown)
    }

    @Test func evidenceOffsetsAreCodePointsOfTheSentence() throws {
        let ms = try mentions(published: "2021-08-12")
        var text = ""
        try DocumentReader().read([Fixtures.path("Samples/afghanistan-2021-08-12.txt")]) { text = $0.text }
        #expect(text.hasPrefix("As the Taliban seize more provincial capitals"))  // the title line stays in the text
        #expect(ms.count >= 10)
        let scalars = Array(text.unicodeScalars)
        for m in ms {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[m.evidence.start..<m.evidence.end])
            #expect(String(s) == m.evidence.text)
        }
    }

    @Test func mentionIDsAreStable() throws {
        let a = try mentions(published: "2021-08-12").map(\.id)
        let b = try mentions(published: "2021-08-12").map(\.id)
        #expect(a == b)
        #expect(Set(a).count == a.count)
    }
}
