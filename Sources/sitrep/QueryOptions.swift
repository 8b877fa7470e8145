import ArgumentParser
import SitrepCore
import SitrepGazetteer
import SitrepStore

/// Filters shared by `events`, `control` and `timeline`.
struct QueryOptions: ParsableArguments {
    @Option(help: "A place, spelled any way the gazetteer knows (\"Qala-e-Naw\", \"Badghis province\").")
    var place: String?

    @Option(help: "A two-letter ISO country code.")
    var country: String?

    @Option(help: "Output format: table (default), jsonl or csv.")
    var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, jsonl, csv }

    func validateCommon() throws {
        try checkCountry(country)
    }

    /// The filter, with the place resolved to the gazetteer keys its name may stand for.
    func filter() throws -> StoreFilter { try QueryOptions.filter(place: place, country: country) }

    static func filter(place: String?, country: String?) throws -> StoreFilter {
        try StoreFilter.resolving(place: place, country: country)
    }
}

/// `--country` takes a two-letter ISO code.
func checkCountry(_ country: String?) throws {
    if let country, country.count != 2 || !country.allSatisfy({ $0.isLetter }) {
        throw ValidationError("--country takes a two-letter ISO code such as AF or SY, not '\(country)'.")
    }
}

func day(_ s: String?, _ option: String) throws -> Day? {
    guard let s else { return nil }
    guard let d = Day(iso: s) else { throw ValidationError("\(option) takes a date as YYYY-MM-DD, not '\(s)'.") }
    return d
}

/// One CSV field, quoted when it must be.
func csv(_ s: String?) -> String {
    guard let s else { return "" }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
}
