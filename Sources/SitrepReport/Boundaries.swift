import Foundation
import SitrepCore

/// Country and province outlines for the report's map (`Data/boundaries.json.gz`, Natural Earth 4.1, public
/// domain, built by `Scripts/build_boundaries.py`): polygons of rings of [lon, lat].
public final class Boundaries: @unchecked Sendable {
    public typealias Polygon = [[[Double]]]
    public struct Outline: Sendable {
        public var name: String
        public var polygons: [Polygon]
    }

    public private(set) var countries: [String: Outline] = [:]
    public private(set) var provinces: [String: [Outline]] = [:]

    private static let once = LoadOnce<Boundaries>()

    public static func shared() throws -> Boundaries { try once.get { try Boundaries() } }

    init() throws {
        guard let url = Bundle.module.url(forResource: "boundaries.json", withExtension: "gz", subdirectory: "Data"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw SitrepError(.unreadable, "the map outlines are missing from the installation", at: "Data/boundaries.json.gz")
        }
        let json = try Gzip.decompress([UInt8](data), origin: url.path)
        guard let root = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            throw SitrepError(.badData, "the map outlines are not JSON", at: url.path)
        }
        func polygons(_ v: Any?) -> [Polygon] {
            (v as? [[[[NSNumber]]]])?.map { $0.map { $0.map { $0.map(\.doubleValue) } } } ?? []
        }
        for (cc, v) in root["countries"] as? [String: [String: Any]] ?? [:] {
            countries[cc] = Outline(name: v["name"] as? String ?? cc, polygons: polygons(v["polygons"]))
        }
        for p in root["provinces"] as? [[String: Any]] ?? [] {
            guard let cc = p["country"] as? String else { continue }
            provinces[cc, default: []].append(Outline(name: p["name"] as? String ?? "", polygons: polygons(p["polygons"])))
        }
    }
}
