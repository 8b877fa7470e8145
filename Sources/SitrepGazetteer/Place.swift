import SitrepCore

/// A gazetteer entry: a populated place, a first-order division or a country.
public struct Place: Sendable {
    public enum Kind: UInt8, Sendable {
        case town, division, country
    }

    public var kind: Kind
    public var geonameid: Int?
    /// "1140026", "AF.11" or "AF": unique in the gazetteer.
    public var key: String
    public var name: String
    public var country: String
    public var admin1Code: String
    public var admin1Name: String
    public var feature: String
    public var population: Int
    public var lat: Double
    public var lon: Double

    /// Capitals, seats of divisions, divisions and countries: what a bare name most often means in the news.
    public var featureRank: Double {
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
