import Testing
import SitrepRecognize

@Suite struct StateActorTests {
    @Test func aCountryCodeGivesItsGovernmentAtHomeAndTheStateAbroad() throws {
        let lexicon = try ActorLexicon.shared()
        let home = lexicon.state("SD", home: true), abroad = lexicon.state("SD", home: false)
        #expect([home.name, home.id, home.country] == ["Sudanese government forces", "sd-government", "SD"])
        #expect(home.kind == .stateForces)
        #expect([abroad.name, abroad.id] == ["Sudan", "sd"])
        #expect(abroad.kind == .foreignState)
        #expect(lexicon.state("AF", home: true).name == "Afghan government forces")
        #expect(lexicon.state("ZW", home: false).name == "Zimbabwe")
        // a code the gazetteer lacks is named by itself
        #expect([lexicon.state("QQ", home: true).name, lexicon.state("QQ", home: true).id] == ["QQ government forces", "qq-government"])
        #expect(lexicon.state("Q", home: false).id == "q")
    }
}
