import Testing
@testable import SitrepCore
@testable import SitrepFuse

/// Mentions written by hand: what is one event, what is two, and what the timeline makes of them.
@Suite struct EventFuserTests {
    static let rebels = Actor(name: "M23", id: "m23", kind: .nonStateArmedGroup)
    static let army = Actor(name: "Congolese government forces", id: "cd-state", kind: .stateForces)
    static let goma = PlaceRef(name: "Goma", matched: "Goma", geonameid: 216281, country: "CD", admin1: "North Kivu",
                               lat: -1.67, lon: 29.22, feature: "PPLA", key: "216281")
    static let sake = PlaceRef(name: "Sake", matched: "Sake", geonameid: 205450, country: "CD", admin1: "North Kivu",
                               lat: -1.57, lon: 29.04, feature: "PPL", key: "205450")

    static func m(_ id: String, doc: String, story: String? = nil, published: String, type: EventType = .territoryTaken,
                  place: PlaceRef? = goma, actor: Actor? = rebels, target: Actor? = army, day: String?,
                  modality: Modality = .asserted, confidence: Double = 0.8) -> EventMention {
        let d = day.flatMap { Day(iso: $0) }
        return EventMention(
            id: id, document: DocumentRef(id: doc, url: nil, outlet: nil, published: Day(iso: published), story: story ?? doc),
            type: type, actor: actor, target: target, place: place,
            date: EventDate(start: d, end: d, text: nil, precision: d == nil ? .unknown : .day), modality: modality,
            source: nil, evidence: Evidence(text: "evidence \(id)", start: 0, end: 10), confidence: confidence, trigger: "took")
    }

    @Test func reportsOfOneCaptureAreOneEventAndCopiesCountOnce() {
        let ms = [
            EventFuserTests.m("a1", doc: "a", published: "2012-11-21", day: "2012-11-20"),
            EventFuserTests.m("b1", doc: "b", story: "a", published: "2012-11-21", day: "2012-11-20"),  // a copy of a
            EventFuserTests.m("c1", doc: "c", published: "2012-11-22", type: .territoryHandover, day: "2012-11-20"),
            EventFuserTests.m("d1", doc: "d", published: "2012-11-23", day: nil),  // undated, published after
        ]
        let es = EventFuser().fuse(ms)
        #expect(es.count == 1)
        #expect(es[0].sources == 3)
        #expect(es[0].mentions.count == 4)
        #expect(es[0].type == .territoryTaken)
        #expect(es[0].date.start?.description == "2012-11-20")
        #expect(es[0].modality == .asserted)
        #expect(es[0].documents == ["a", "b", "c", "d"])
        #expect(es[0].confidence == 0.992)  // 1 - 0.2^3
    }

    @Test func theSameWeekdayInDifferentWeeksIsTwoEvents() {
        let ms = [
            EventFuserTests.m("a1", doc: "a", published: "2012-11-22", day: "2012-11-22"),
            EventFuserTests.m("b1", doc: "b", published: "2012-11-29", day: "2012-11-29"),
        ]
        #expect(EventFuser().fuse(ms).map { $0.date.start?.description } == ["2012-11-22", "2012-11-29"])
    }

    @Test func aRecaptureIsANewChangeAndAClaimDeniedIsContested() {
        let ms = [
            EventFuserTests.m("a1", doc: "a", published: "2012-11-21", day: "2012-11-20"),
            EventFuserTests.m("b1", doc: "b", published: "2012-12-02", actor: EventFuserTests.army,
                              target: EventFuserTests.rebels, day: "2012-12-01"),
            EventFuserTests.m("c1", doc: "c", published: "2012-12-05", place: EventFuserTests.sake, day: "2012-12-04",
                              modality: .claimed),
            EventFuserTests.m("d1", doc: "d", published: "2012-12-05", place: EventFuserTests.sake, actor: nil, target: nil,
                              day: nil, modality: .denied),
        ]
        let es = EventFuser().fuse(ms)
        #expect(es.map(\.modality) == [.asserted, .asserted, .contested])
        #expect(es[2].denials == 1)
        #expect(es[2].sources == 1)
        let t = ControlTimeline(events: es)
        #expect(t.changes.map { "\($0.place.name) \($0.date.start!) \($0.controller.id) from \($0.previous?.id ?? "-")" }
                == ["Goma 2012-11-20 m23 from cd-state", "Goma 2012-12-01 cd-state from m23"])
        #expect(t.control(asOf: Day(iso: "2012-11-25")).map(\.controller.id) == ["m23"])
        #expect(t.control(asOf: Day(iso: "2012-12-25")).map(\.controller.id) == ["cd-state"])
        #expect(t.control(asOf: Day(iso: "2012-11-01")).isEmpty)
    }

    @Test func aLaterReportOfTheSameHolderAddsEvidenceNotAChange() {
        let ms = [
            EventFuserTests.m("a1", doc: "a", published: "2012-11-21", day: "2012-11-20"),
            EventFuserTests.m("b1", doc: "b", published: "2012-11-30", day: "2012-11-28"),
        ]
        let t = ControlTimeline(events: EventFuser().fuse(ms))
        #expect(t.changes.count == 1)
        #expect(t.changes[0].sources == 2)
        #expect(t.changes[0].evidenceDocuments == ["a", "b"])
    }

    @Test func aHistoricalCaptureLandsAtItsOwnDate() {
        let old = EventFuserTests.m("a1", doc: "a", published: "2024-02-08", day: nil)
        var dated = old
        dated.date = EventDate(start: Day(iso: "2012-11-01"), end: Day(iso: "2012-11-30"), text: "in November 2012",
                               precision: .month)
        let t = ControlTimeline(events: EventFuser().fuse([dated]))
        #expect(t.changes.map { $0.date.start?.description } == ["2012-11-01"])
        #expect(t.changes[0].date.precision == .month)
    }

    @Test func mentionsWithoutAPlaceStayWithTheirStory() {
        let ms = [
            EventFuserTests.m("a1", doc: "a", published: "2021-08-12", type: .evacuation, place: nil, day: "2021-08-12",
                              modality: .planned),
            EventFuserTests.m("b1", doc: "b", published: "2021-08-12", type: .evacuation, place: nil, day: "2021-08-12",
                              modality: .planned),
        ]
        #expect(EventFuser().fuse(ms).count == 2)
    }
}
