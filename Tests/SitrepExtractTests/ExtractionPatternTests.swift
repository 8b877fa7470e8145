import Testing
@testable import SitrepCore
@testable import SitrepExtract

/// The phrasings of the extraction issue, one sentence each (written for these tests), published on
/// Sunday 15 August 2021.
@Suite struct ExtractionPatternTests {
    static let extractor = try! EventExtractor.shared()

    /// "type place actor date modality" for each mention.
    func run(_ text: String) -> [String] {
        let doc = Document(id: "t", published: Day(iso: "2021-08-15"), text: "KABUL (Wire) - Afghan officials spoke.\n\n" + text)
        return ExtractionPatternTests.extractor.extract(doc).map {
            "\($0.type.rawValue) \($0.place?.name ?? "-") \($0.actor?.id ?? "-") \($0.date.start?.description ?? "-") \($0.modality.rawValue)"
        }
    }

    /// A place the gazetteer lacks, named with a place noun, is kept by its name, in the document's country,
    /// located by the province after it; "the town" later refers back to it, not to the last known place.
    @Test func aPlaceTheGazetteerLacks() {
        let doc = Document(id: "t", published: Day(iso: "2021-08-15"), text: """
            KABUL (Wire) - Taliban fighters captured Nerkh district in Maidan Wardak province on Tuesday, officials said.

            Government forces recaptured the district on Saturday, a spokesman said.
            """)
        let ms = ExtractionPatternTests.extractor.extract(doc).filter { $0.type.isTerritoryChange }
        #expect(ms.first.map { "\($0.place?.name ?? "-") \($0.place?.geonameid.map(String.init) ?? "-") \($0.place?.country ?? "-") \($0.place?.admin1 ?? "-") \($0.place?.key ?? "-")" }
                == "Nerkh - AF Vardak unresolved:AF:nerkh")
        #expect(ms.first?.place?.lat != nil)  // the province's coordinates
        #expect(ms.first.map { "\($0.actor?.id ?? "-") \($0.date.start?.description ?? "-")" } == "taliban 2021-08-10")
        let names = run("Rebels seized the village of Kafr Zeta, residents said. Troops later took the village back.")
        #expect(names.first == "territory_taken Kafr Zeta unidentified-armed-group - asserted")
    }

    @Test func aListOfTownsThatFellIsOneEventEach() {
        #expect(run("Kunduz, Sar-e-Pul and Taloqan fell to the Taliban over the weekend, officials said.") == [
            "territory_taken Kunduz taliban 2021-08-14 asserted",
            "territory_taken Sar-e Pul taliban 2021-08-14 asserted",
            "territory_taken Taloqan taliban 2021-08-14 asserted",
        ])
    }

    @Test func inTalibanHandsAndEnteredAfterTheArmyWithdrew() {
        #expect(run("Jalalabad is now in Taliban hands, a resident said on Sunday.")
                == ["territory_taken Jalalabad taliban 2021-08-15 asserted"])
        #expect(run("The Taliban entered Mazar-i-Sharif after the army withdrew.")
                == ["territory_taken Mazar-e Sharif taliban - asserted", "withdrawal Mazar-e Sharif af-government - asserted"])
    }

    @Test func handoversAndRecaptures() {
        #expect(run("Elders negotiated the handover of Ghazni to the Taliban on Saturday.")
                == ["territory_handover Ghazni taliban 2021-08-14 asserted"])
        #expect(run("Government forces regained control of Lashkar Gah on Friday, the defence ministry said.")
                == ["territory_taken Lashkar Gah af-government 2021-08-13 asserted"])
    }

    @Test func aClaimAnsweredByADenial() {
        #expect(run("The Taliban claimed they had captured Pul-e-Khumri, but officials denied the city had fallen.")
                == ["territory_taken Pul-e Khumri taliban - claimed", "territory_taken Pul-e Khumri taliban - denied"])
    }

    @Test func repelledFearedAndPlanned() {
        #expect(run("A Taliban attack on Kandahar was repelled, police said.").contains("territory_taken Kandahar taliban - negated"))
        #expect(run("Analysts warned that the Taliban could take Kabul within days.") == ["territory_taken Kabul taliban - possible"])
        #expect(run("The US will evacuate its embassy and plans to send 3,000 troops to Kabul.")
                == ["evacuation Kabul us - planned", "deployment Kabul us - planned"])
    }

    @Test func euphemismsForWithdrawal() {
        #expect(run("Troops moved to more advantageous positions outside Gardez, the army said.")
                == ["withdrawal Gardez af-government - asserted"])
    }

    @Test func historicalDatesStayTheirOwn() {
        #expect(run("Herat fell to the Taliban in 2015 and was retaken in May.")
                == ["territory_taken Herat taliban 2015-01-01 asserted", "territory_taken Herat af-government 2021-05-01 asserted"])
    }
}
