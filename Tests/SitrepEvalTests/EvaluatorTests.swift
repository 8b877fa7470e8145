import Testing
@testable import SitrepCore
@testable import SitrepEval
@testable import SitrepGazetteer

@Suite struct EvaluatorTests {
    let evaluator = Evaluator(gazetteer: try! Gazetteer.shared())

    func mention(_ type: EventType, _ place: PlaceRef?, _ day: String?, _ mod: Modality) -> EventMention {
        let d = day.flatMap { Day(iso: $0) }
        return EventMention(id: "m", document: DocumentRef(id: "a", url: nil, outlet: nil, published: nil, story: nil),
                            type: type, actor: nil, target: nil, place: place,
                            date: EventDate(start: d, end: d, text: nil, precision: d == nil ? .unknown : .day),
                            modality: mod, source: nil, evidence: Evidence(text: "", start: 0, end: 0), confidence: 0.5,
                            trigger: "")
    }

    func place(_ name: String, _ key: String, _ lat: Double, _ lon: Double) -> PlaceRef {
        PlaceRef(name: name, matched: name, geonameid: Int(key), country: "AF", admin1: nil, lat: lat, lon: lon,
                 feature: "PPLA", key: key)
    }

    @Test func matchesByTypeClassAndPlaceOneToOne() {
        let gold = [GoldArticle(id: "a", duplicateOf: nil, events: [
            GoldEvent(type: .territoryTaken, place: "Qala-e-Naw", country: "AF", date: Day(iso: "2021-08-12"), modality: .asserted, quote: nil),
            GoldEvent(type: .withdrawal, place: "Herat", country: "AF", date: nil, modality: .asserted, quote: nil),
            GoldEvent(type: .agreement, place: "Badghis Province", country: "AF", date: nil, modality: .asserted, quote: nil),
        ])]
        let ms = [
            mention(.territoryHandover, place("Qala i Naw", "1129867", 34.98, 63.13), "2021-08-12", .asserted),
            mention(.territoryTaken, place("Qala i Naw", "1129867", 34.98, 63.13), "2021-08-12", .claimed),
            mention(.withdrawal, place("Herat", "1140026", 34.35, 62.2), "2021-08-12", .asserted),
            mention(.agreement, PlaceRef(name: "Badghis", matched: "the province", geonameid: nil, country: "AF", admin1: "Badghis",
                                         lat: 35.2, lon: 63.4, feature: "ADM1", key: "AF.02"), "2021-07-01", .asserted),
        ]
        let r = evaluator.evaluate(gold: gold, mentions: ["a": ms])
        #expect(r.lenient == 3)
        #expect(r.system == 4)
        // best first: the claimed capture (same type and date) wins over the asserted handover, so no
        // match is strict (modality, then the withdrawal's and the agreement's dates differ)
        #expect(r.strict == 0)
        #expect(r.territory == 1)
        #expect(r.goldTerritory == 1)
        #expect(r.systemTerritory == 2)
        #expect(r.dateAgree == 1)
        #expect(r.modalityAgree == 2)
    }

    @Test func placesWithin40KilometresAgree() {
        let gold = [GoldArticle(id: "a", duplicateOf: nil, events: [
            GoldEvent(type: .armedClash, place: "Herat", country: "AF", date: nil, modality: .asserted, quote: nil)])]
        let near = mention(.armedClash, place("Somewhere", "1", 34.5, 62.3), nil, .asserted)
        let far = mention(.armedClash, place("Elsewhere", "2", 36.0, 64.0), nil, .asserted)
        #expect(evaluator.evaluate(gold: gold, mentions: ["a": [near]]).lenient == 1)
        #expect(evaluator.evaluate(gold: gold, mentions: ["a": [far]]).lenient == 0)
    }
}
