import Foundation
import Testing
@testable import SitrepCore
@testable import SitrepExtract
@testable import SitrepIngest
@testable import SitrepStore

/// The seed article stored, then exported: ACLED-style CSV and GeoJSON compared with the expected files.
/// `SITREP_WRITE_EXPECTED=1` rewrites them (read the diff before committing).
@Suite struct ExportTests {
    func store() throws -> (Store, String) {
        let db = Fixtures.tempPath("export.sqlite")
        var docs: [Document] = []
        try DocumentReader(published: Day(iso: "2021-08-12")).read([Fixtures.path("Samples/afghanistan-2021-08-12.txt")]) {
            var d = $0
            d.id = "afghanistan-2021-08-12.txt"  // ids (and the ids of events) must not depend on where the checkout is
            docs.append(d)
        }
        let s = try Store(path: db)
        let extractor = try EventExtractor.shared()
        _ = try s.ingest(docs, extract: { extractor.extract($0) })
        return (s, db)
    }

    func compare(_ got: String, _ name: String) throws {
        let path = Fixtures.path("Tests/Fixtures/Export/\(name)")
        if ProcessInfo.processInfo.environment["SITREP_WRITE_EXPECTED"] == "1" {
            try got.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(got == (try String(contentsOfFile: path, encoding: .utf8)), "\(name)")
    }

    @Test func acledCSV() throws {
        let (s, db) = try store()
        defer { Fixtures.remove(db) }
        let csv = ACLEDExport.csv(ACLEDExport.rows(try s.events(StoreFilter()), outlets: try s.outletsByEvent()))
        try compare(csv, "seed.acled.csv")
        let rows = csv.split(separator: "\r\n")
        #expect(rows.first?.split(separator: ",").count == 31)
        // every row has the 31 fields once quoting is read
        let parsed = csv.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(ACLEDExport.columns.count == 31 && parsed.contains("\"Qala-i-Naw, the capital of Badghis province"))
        #expect(rows.contains { $0.hasPrefix("AFG") && $0.contains(",Political violence,Battles,Non-state actor overtakes territory,Taliban,,2,Afghan government forces,,1,12,,4,,Afghanistan,Ghazni,,,Ghazni,33.5539,68.4210,1,") })
    }

    @Test func geoJSON() throws {
        let (s, db) = try store()
        defer { Fixtures.remove(db) }
        let events = GeoJSONExport.events(try s.events(StoreFilter()))
        try compare(String(decoding: events.json, as: UTF8.self), "seed.events.geojson")
        let control = GeoJSONExport.control(try s.control(asOf: nil, StoreFilter()))
        try compare(String(decoding: control.json, as: UTF8.self), "seed.control.geojson")
        let fc = try #require(try JSONSerialization.jsonObject(with: Data(control.json)) as? [String: Any])
        #expect(fc["type"] as? String == "FeatureCollection")
        let features = try #require(fc["features"] as? [[String: Any]])
        #expect(features.count == 3)
        let herat = try #require(features.first { ($0["properties"] as? [String: Any])?["place"] as? String == "Herat" })
        let coords = (herat["geometry"] as? [String: Any])?["coordinates"] as? [Double]
        #expect(coords == [62.1997, 34.3482])  // longitude first (RFC 7946)
    }

    /// With GDAL installed (Debian `gdal-bin`; `.ci/run` installs it), ogrinfo reads both files as GeoJSON.
    @Test func gdalReadsTheGeoJSON() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") else { return }
        for name in ["seed.events.geojson", "seed.control.geojson"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/ogrinfo")
            p.arguments = ["-ro", "-so", "-al", Fixtures.path("Tests/Fixtures/Export/\(name)")]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            #expect(text.contains("using driver `GeoJSON'"), "\(name)")
            #expect(text.contains("Geometry: Point"), "\(name)")
        }
        let control = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/Export/seed.control.geojson"), encoding: .utf8)
        #expect(control.contains("\"type\":\"FeatureCollection\""))
    }
}
