import Testing
@testable import SitrepCore
@testable import SitrepRecognize
@testable import SitrepText

@Suite struct DateResolverTests {
    /// Published on Thursday 12 August 2021.
    func resolve(_ s: String, published: String? = "2021-08-12") -> [String] {
        let t = AnalyzedText(s)
        return DateResolver().resolve(t, published: published.flatMap { Day(iso: $0) }).map { d in
            "\(d.date.text ?? "")=\(d.date.start?.description ?? "nil")/\(d.date.end?.description ?? "nil")/\(d.date.precision.rawValue)"
        }
    }

    @Test func weekdaysAreTheLatestSuchDayOnOrBeforePublication() {
        #expect(resolve("It fell on Thursday.") == ["on Thursday=2021-08-12/2021-08-12/day"])
        #expect(resolve("It fell earlier Thursday.") == ["earlier Thursday=2021-08-12/2021-08-12/day"])
        #expect(resolve("It fell on Monday night.") == ["on Monday night=2021-08-09/2021-08-09/day"])
        #expect(resolve("It fell last Thursday.") == ["last Thursday=2021-08-05/2021-08-05/day"])
    }

    @Test func explicitDates() {
        #expect(resolve("On 12 August 2021 the town fell.") == ["12 August 2021=2021-08-12/2021-08-12/day"])
        #expect(resolve("On Aug. 3 the town fell.") == ["Aug. 3=2021-08-03/2021-08-03/day"])
        #expect(resolve("By July 30, 2021, it was over.") == ["July 30, 2021=2021-07-30/2021-07-30/day"])
        #expect(resolve("Filed 2021-08-10.") == ["2021-08-10=2021-08-10/2021-08-10/day"])
        #expect(resolve("In December the town fell.") == ["In December=2020-12-01/2020-12-31/month"])
    }

    @Test func relativeDays() {
        #expect(resolve("Yesterday the army left.") == ["Yesterday=2021-08-11/2021-08-11/day"])
        #expect(resolve("Clashes erupted this morning.") == ["this morning=2021-08-12/2021-08-12/day"])
        #expect(resolve("It fell three days ago.") == ["three days ago=2021-08-09/2021-08-09/day"])
    }

    @Test func weeksMonthsAndYearsAreSpans() {
        #expect(resolve("Last month, a truce was agreed.") == ["Last month=2021-07-01/2021-07-31/month"])
        #expect(resolve("In the past week, ten towns fell.") == ["In the past week=2021-08-05/2021-08-12/week"])
        #expect(resolve("Three towns fell over the weekend.") == ["over the weekend=2021-08-07/2021-08-08/week"])
        #expect(resolve("The group has held it since May.") == ["since May=2021-05-01/2021-08-12/month"])
        #expect(resolve("The city fell in 2015.") == ["in 2015=2015-01-01/2015-12-31/year"])
    }

    @Test func mayTheVerbIsNoMonth() {
        #expect(resolve("The city may fall soon.") == [])
    }

    @Test func withoutAPublicationDateRelativeDatesStayOpen() {
        #expect(resolve("It fell on Thursday.", published: nil) == ["on Thursday=nil/nil/unknown"])
        #expect(resolve("On 12 August 2021 it fell.", published: nil) == ["12 August 2021=2021-08-12/2021-08-12/day"])
    }
}
