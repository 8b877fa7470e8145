import SitrepCore

/// A gazetteer entry: a populated place, a first-order division or a country.
///
/// A class: look-ups hand places around by the thousand, and copying a struct of six strings retained each.
public final class Place: Sendable {
    public enum Kind: UInt8, Sendable {
        case town, division, country
    }

    public let kind: Kind
    public let geonameid: Int?
    /// "1140026", "AF.11" or "AF": unique in the gazetteer.
    public let key: String
    public let name: String
    public let country: String
    public let admin1Code: String
    public let admin1Name: String
    public let feature: String
    public let population: Int
    public let lat: Double
    public let lon: Double

    public init(kind: Kind, geonameid: Int?, key: String, name: String, country: String, admin1Code: String,
                admin1Name: String, feature: String, population: Int, lat: Double, lon: Double, featureRank: Double? = nil) {
        self.kind = kind
        self.geonameid = geonameid
        self.key = key
        self.name = name
        self.country = country
        self.admin1Code = admin1Code
        self.admin1Name = admin1Name
        self.feature = feature
        self.population = population
        self.lat = lat
        self.lon = lon
        self.featureRank = featureRank ?? Place.rank(feature: feature)
    }

    /// Capitals, seats of divisions, divisions and countries: what a bare name most often means in the news.
    public let featureRank: Double

    static func rank(feature: String) -> Double {
        switch feature {
        case "PCLI": return 7
        case "PPLC": return 4.5
        case "ADM1": return 3.5
        case "PPLA": return 3
        case "PPLA2": return 1.2
        case "PPLA3", "PPLA4": return 0.5
        default: return 0
        }
    }

    public var isStrong: Bool {
        kind != .town || feature == "PPLC" || feature == "PPLA" || population >= 100_000
    }

    public func ref(matched: String) -> PlaceRef {
        PlaceRef(name: name, matched: matched, geonameid: geonameid, country: country,
                 admin1: kind == .country ? nil : (admin1Name.isEmpty ? nil : admin1Name),
                 lat: lat, lon: lon, feature: feature, key: key)
    }
}
