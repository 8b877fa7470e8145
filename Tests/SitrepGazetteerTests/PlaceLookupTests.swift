import Testing
@testable import SitrepGazetteer
@testable import SitrepText

@Suite struct PlaceLookupTests {
    let gazetteer = try! Gazetteer.shared()
    var resolver: PlaceResolver { PlaceResolver(gazetteer: gazetteer) }

    func top(_ name: String, country: String? = nil) -> String? {
        var ctx = PlaceContext()
        if let country { ctx.requiredCountry = country; ctx.countries[country] = 1 }
        return resolver.candidates(name, context: ctx).first.map { gazetteer.places[$0.place].key }
    }

    @Test func theSeedsPlacesResolve() throws {
        for row in try Fixtures.rows("Gazetteer/seed-places.tsv") {
            #expect(top(row[0], country: row[1].isEmpty ? nil : row[1]) == row[2], "\(row[0])")
        }
    }

    @Test func spellingVariantsResolveToTheirPlace() throws {
        let rows = try Fixtures.rows("Gazetteer/variants.tsv", header: true)
        #expect(rows.count >= 60)
        #expect(Set(rows.map { $0[1] }).count >= 10)
        var wrong: [String] = []
        for r in rows where top(r[0], country: r[1]) != r[2] { wrong.append("\(r[0]) (\(r[1])) → \(top(r[0], country: r[1]) ?? "nothing"), expected \(r[2]) \(r[3])") }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "; "))")
    }

    @Test func theBestReadingIsTheFirstOfTheRanking() throws {
        // names with many readings (towns and divisions of one name in several countries), in several contexts
        var names = ["Herat", "Ghazni", "Springfield", "San Jose", "Georgia", "Tripoli", "Victoria", "Santa Cruz",
                     "Alexandria", "Hamilton", "Kandahar", "Punjab", "Khartoum", "Saint George", "Paris"]
        names += try Fixtures.rows("Gazetteer/variants.tsv", header: true).map { $0[0] }
        var contexts = [PlaceContext()]
        var c = PlaceContext()
        c.countries["AF"] = 1
        c.countries["US"] = 0.4
        contexts.append(c)
        c.wantsDivision = true
        contexts.append(c)
        c = PlaceContext()
        c.wantsTown = true
        c.statedCountry = "LY"
        c.divisions = ["AF.11", "US.CA"]
        contexts.append(c)
        var compared = 0
        for name in names {
            var scratch = NameKey.Scratch()
            let h = try #require(NameKey.hashes(of: ArraySlice(name.utf8), scratch: &scratch))
            let cands = resolver.collect(exact: h.exact, skeleton: h.skeleton, exactKey: NameKey.exact(name),
                                         skeletonKey: NameKey.skeleton(name))
            for ctx in contexts {
                let ranked = resolver.rank(cands, context: ctx)
                let best = resolver.best(cands, context: ctx)
                #expect(best?.place == ranked.first?.place, "\(name)")
                #expect(best?.score == ranked.first?.score, "\(name)")
                for n in [1, 2, 4] {
                    let head = resolver.rank(cands, context: ctx, first: n)
                    #expect(head.map(\.place) == ranked.prefix(n).map(\.place), "\(name) \(n)")
                    #expect(head.map(\.score) == ranked.prefix(n).map(\.score), "\(name) \(n)")
                }
                if cands.count > 1 { compared += 1 }
            }
        }
        #expect(compared >= 40)
    }

    @Test func countriesAndTheirShortForms() {
        #expect(top("US") == "US")
        #expect(top("U.S.") == "US")
        #expect(top("Britain") == "GB")
        #expect(top("UK") == "GB")
        #expect(top("Syria") == "SY")
    }

    @Test func aBareNameThatIsATownAndADivisionMeansTheTown() {
        #expect(top("Herat") == "1140026")
        var ctx = PlaceContext()
        ctx.wantsDivision = true
        #expect(resolver.candidates("Herat", context: ctx).first.map { gazetteer.places[$0.place].key } == "AF.11")
    }

    @Test func transliterationVariantsNotInGeoNames() {
        // skeleton matches: vowels, connectives, doubled letters, kh/h
        #expect(top("Taliqan", country: "AF") == "1123004")
        #expect(top("Pol-e Khomri", country: "AF") == "1130490")
        #expect(top("Shebarghan", country: "AF") == "1125444")
    }

    @Test func nameKeysFoldConnectivesAndArticles() {
        #expect(NameKey.exact("Qala-i-Naw") == "qalanaw")
        #expect(NameKey.exact("Qala e Naw") == "qalanaw")
        #expect(NameKey.exact("Deir ez-Zor") == "deirzor")
        #expect(NameKey.exact("al-Qaim") == "qaim")
        #expect(NameKey.skeleton("Taloqan") == NameKey.skeleton("Taluqan"))
        #expect(NameKey.skeleton("Qal'eh-ye Now") == NameKey.skeleton("Qala Naw"))
        #expect(NameKey.skeleton("Lashkar Gah") == NameKey.skeleton("Lashkargah"))
    }
}

@Suite struct CountryWeightsTests {
    @Test func weightsAreSetReplacedAndRemovedByCode() {
        var w = CountryWeights()
        #expect(w.isEmpty)
        w["AF"] = 0.5
        w["PK"] = 1
        w["AF"] = 0.75
        #expect(w["AF"] == 0.75)
        #expect(w["PK"] == 1)
        #expect(w["IR"] == nil)
        #expect(w.count == 2)
        w["AF"] = nil
        #expect(w["AF"] == nil)
        #expect(w["PK"] == 1)
        #expect(w.count == 1)
        w.add("PK", 0.5)
        w.add("IR", 1.5)
        #expect(w["PK"] == 1.5)
        #expect(w.maximum == 1.5)
        #expect(w.heaviest == "IR")  // equal weights: the first code in alphabetical order
        var seen: [String] = []
        w.forEach { c, _ in seen.append(c) }
        #expect(seen == ["PK", "IR"])
        #expect(CountryWeights().heaviest == nil)
        #expect(CountryWeights().maximum == nil)
        let literal: CountryWeights = ["SY": 1, "IQ": 0.4]
        #expect(literal["IQ"] == 0.4)
        #expect(!literal.isEmpty)
    }

    @Test func theNameEntriesOfAHashAreItsRangeOfTheIndex() throws {
        let g = try Gazetteer.shared()
        var scratch = NameKey.Scratch()
        let h = try #require(NameKey.hashes(of: ArraySlice("Herat".utf8), scratch: &scratch))
        let entries = g.exactEntries(h.exact)
        #expect(!entries.isEmpty)
        #expect(entries.contains { g.places[g.place(ofEntry: $0)].key == "1140026" })
        #expect(entries.allSatisfy { NameKey.exact(g.name(Int($0))) == NameKey.exact("Herat") })
        let none = try #require(NameKey.hashes(of: ArraySlice("Zzqxjvwk".utf8), scratch: &scratch))
        #expect(g.exactEntries(none.exact).isEmpty)
        #expect(!g.hasExact(none.exact))
    }
}
