import Foundation
import Testing
@testable import SitrepGazetteer

/// A gazetteer of a few invented rows in a folder of its own, and a cache folder beside it.
struct SmallGazetteer {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var cache: GazetteerCache { GazetteerCache(directory: root.appendingPathComponent("cache")) }

    static let rows = [
        "C\t1\tAA\tAlphaland\tAlphaland\tAA\t\t\tPCLI\t5000000\t10.5\t20.25\tRepublic of Alphaland",
        "C\t2\tBB\tBetastan\tBetastan\tBB\t\t\tPCLI\t900000\t-5.125\t30.5\t",
        "A\t\tAA.01\tNorth Province\tNorth Province\tAA\t01\tNorth Province\tADM1\t40000\t11.0\t21.0\t",
        "A\t\tBB.07\tQal'eh-ye Sabz\tQal'eh-ye Sabz\tBB\t07\tQal'eh-ye Sabz\tADM1\t30000\t-5.0\t31.0\t",
        "P\t101\t\tQala-i-Sabz\tQala-i-Sabz\tBB\t07\tQal'eh-ye Sabz\tPPLA\t120000\t-5.01\t31.02\tQala-e-Sabz|Qalʿeh-ye Sabz",
        "P\t102\t\tPortville\tPortville\tAA\t01\tNorth Province\tPPLC\t800000\t10.9\t20.8\tPort Town|Portvil",
        "P\t103\t\tMazār-e Nur\tMazar-e Nur\tAA\t01\tNorth Province\tPPL\t2000\t10.1\t20.1\t",
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let table = "# invented rows\n" + SmallGazetteer.rows.joined(separator: "\n") + "\n"
        try Data(SmallGazetteer.gzipStored(Array(table.utf8))).write(to: data.appendingPathComponent("gazetteer.tsv.gz"))
        try aliases("PV\t102\n")
        try "Alphalander\tAA\n".write(to: data.appendingPathComponent("demonyms.tsv"), atomically: true, encoding: .utf8)
        try "portville\tword\n".write(to: data.appendingPathComponent("ambiguous-names.tsv"), atomically: true, encoding: .utf8)
    }

    func aliases(_ s: String) throws {
        try s.write(to: data.appendingPathComponent("place-aliases.tsv"), atomically: true, encoding: .utf8)
    }

    func load(cached: Bool = true) throws -> Gazetteer { try Gazetteer(directory: data, cache: cached ? cache : nil) }

    func cacheFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).filter { $0.hasSuffix(".bin") }.sorted()
            .map { cache.directory.appendingPathComponent($0) }
    }

    /// gzip with stored (uncompressed) deflate blocks: enough for a test, no compressor needed.
    static func gzipStored(_ d: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        var i = 0
        repeat {
            let n = min(65535, d.count - i)
            out.append(i + n == d.count ? 1 : 0)
            out += [UInt8(n & 255), UInt8(n >> 8), UInt8(~n & 255), UInt8((~n >> 8) & 255)]
            out += d[i..<(i + n)]
            i += n
        } while i < d.count
        var crc: UInt32 = 0xFFFF_FFFF
        for b in d {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc = ~crc
        for v in [crc, UInt32(truncatingIfNeeded: d.count)] { for k in 0..<4 { out.append(UInt8((v >> (8 * k)) & 255)) } }
        return out
    }
}

@Suite struct GazetteerCacheTests {
    /// Everything a look-up reads, for comparing two gazetteers.
    func same(_ a: Gazetteer, _ b: Gazetteer) -> Bool {
        a.places.map { "\($0.kind)|\($0.geonameid ?? -1)|\($0.key)|\($0.name)|\($0.country)|\($0.admin1Code)|\($0.admin1Name)|\($0.feature)|\($0.population)|\($0.lat)|\($0.lon)" }
            == b.places.map { "\($0.kind)|\($0.geonameid ?? -1)|\($0.key)|\($0.name)|\($0.country)|\($0.admin1Code)|\($0.admin1Name)|\($0.feature)|\($0.population)|\($0.lat)|\($0.lon)" }
            && a.nameBytes == b.nameBytes && a.nameStart == b.nameStart && a.namePlace == b.namePlace
            && a.exactIndex == b.exactIndex && a.skeletonIndex == b.skeletonIndex && a.maxWords == b.maxWords
            && a.countryByCode == b.countryByCode && a.divisionByKey == b.divisionByKey
    }

    /// Byte offset of the first place's population in the cache file (header, kinds, geonameids).
    func populationOffset(places: Int) -> Int { 80 + (places + 7) / 8 * 8 + 8 * places }

    @Test func theFirstLoadWritesTheCacheAndTheNextReadsIt() throws {
        let g = try SmallGazetteer()
        let fromSource = try g.load(cached: false)
        #expect(!FileManager.default.fileExists(atPath: g.cache.directory.path))
        let first = try g.load()
        #expect(same(first, fromSource))
        let files = try g.cacheFiles()
        #expect(files.count == 1)
        // the next load reads the file: a value changed in it shows
        var bytes = try [UInt8](Data(contentsOf: files[0]))
        let at = populationOffset(places: fromSource.places.count)
        #expect(bytes[at..<(at + 8)].elementsEqual(withUnsafeBytes(of: Int64(5_000_000).littleEndian, Array.init)))
        bytes.replaceSubrange(at..<(at + 8), with: withUnsafeBytes(of: Int64(42).littleEndian, Array.init))
        try Data(bytes).write(to: files[0])
        let second = try g.load()
        #expect(second.places[0].population == 42)
        #expect(second.places[0].name == "Alphaland")
        #expect(second.places.count == 7)
        // names, aliases and spellings are found as from the source
        #expect(Set(keys(second, "Qala-e-Sabz")) == ["101"])
        #expect(Set(keys(second, "Qal'eh-ye Sabz")) == ["101", "BB.07"])
        #expect(keys(second, "PV") == ["102"])
        #expect(second.country("BB")?.name == "Betastan")
        #expect(second.division(country: "AA", code: "01")?.name == "North Province")
    }

    /// The places a name's exact key finds.
    func keys(_ g: Gazetteer, _ name: String) -> [String] {
        var scratch = NameKey.Scratch()
        guard let h = NameKey.hashes(of: ArraySlice(name.utf8), scratch: &scratch) else { return [] }
        return g.exactEntries(h.exact).map { g.places[g.place(ofEntry: $0)].key }
    }

    @Test func aDamagedCacheIsIgnoredAndWrittenAgain() throws {
        let g = try SmallGazetteer()
        let fromSource = try g.load(cached: false)
        _ = try g.load()
        let file = try g.cacheFiles()[0]
        let whole = try Data(contentsOf: file)
        // cut short, then an index entry pointing past the names: each is refused, and the file made again
        try whole.prefix(whole.count - 16).write(to: file)
        #expect(same(try g.load(), fromSource))
        #expect(try Data(contentsOf: file) == whole)
        var bytes = [UInt8](whole)
        for k in 0..<8 { bytes[bytes.count - 8 + k] = 0xFF }
        try Data(bytes).write(to: file)
        #expect(same(try g.load(), fromSource))
        #expect(try Data(contentsOf: file) == whole)
    }

    @Test func aCacheWhoseNameKeysDifferFromThisBuildsIsRefused() throws {
        let g = try SmallGazetteer()
        let fromSource = try g.load(cached: false)
        _ = try g.load()
        let file = try g.cacheFiles()[0]
        let whole = try Data(contentsOf: file)
        // the indexes are the file's last sections: keep every entry number, change every hash
        var bytes = [UInt8](whole)
        let entries = (fromSource.exactIndex.count + fromSource.skeletonIndex.count)
        for e in 0..<entries {
            let at = bytes.count - 8 * (entries - e)
            bytes[at + 7] ^= 0x5A
        }
        try Data(bytes).write(to: file)
        #expect(same(try g.load(), fromSource))
        #expect(try Data(contentsOf: file) == whole)
    }

    @Test func editedDataMakesANewCacheAndTheOldOneGoes() throws {
        let g = try SmallGazetteer()
        _ = try g.load()
        let before = try g.cacheFiles()
        try g.aliases("PV\t102\nNP\tAA.01\n")
        let edited = try g.load()
        let after = try g.cacheFiles()
        #expect(after.count == 1 && after != before)
        #expect(keys(edited, "NP") == ["AA.01"])
        #expect(same(edited, try g.load(cached: false)))
    }
}
