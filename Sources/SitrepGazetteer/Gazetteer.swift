import Foundation
import SitrepCore
import SitrepText

/// The world gazetteer: GeoNames towns (cities1000), first-order divisions and countries, with name indexes.
///
/// Loaded once per process from the bundled `gazetteer.tsv.gz` (see Scripts/build_gazetteer.py) plus the
/// hand-kept `place-aliases.tsv`. Names are indexed by the hash of their exact key and of their skeleton
/// (`NameKey`), in sorted arrays: a look-up is a binary search, and nothing is scanned.
public final class Gazetteer: @unchecked Sendable {
    public private(set) var places: [Place] = []
    /// Every name of every place, UTF-8, back to back.
    var nameBytes: [UInt8] = []
    var nameStart: [Int32] = []
    var namePlace: [Int32] = []
    var exactIndex: [UInt64] = []
    /// One bit per value of an exact key's top 23 bits (1 MB): the recognizer looks up every capitalized run,
    /// and most name nothing; the filter answers those without a binary search through the index.
    var exactFilter: [UInt64] = []
    /// Where each bucket of keys by their top sixteen bits begins in `exactIndex` (65,537 offsets): a look-up
    /// searches its bucket, a few keys in a cache line or two, not the whole index.
    var exactBuckets: [Int32] = []
    var skeletonIndex: [UInt64] = []
    public private(set) var countryByCode: [String: Int] = [:]
    public private(set) var divisionByKey: [String: Int] = [:]
    /// Demonyms and adjectives of countries ("Afghan", "Iraqi"), folded hash → country code.
    public private(set) var demonyms = HashMap<String>()
    /// Place names that are also English words or person names (folded hash).
    public private(set) var commonWords = HashSet()
    public private(set) var personNames = HashSet()
    /// The most words any indexed name has, after fillers are dropped.
    public private(set) var maxWords = 1
    let fuzzyCache = FuzzyCache()

    public static let dataDirectory: URL = {
        if let env = ProcessInfo.processInfo.environment["SITREP_GAZETTEER_DIR"] { return URL(fileURLWithPath: env) }
        return Bundle.module.resourceURL!.appendingPathComponent("Data")
    }()

    private static let instance = LoadOnce<Gazetteer>()

    /// The shared gazetteer, loaded on first use.
    public static func shared() throws -> Gazetteer {
        try instance.get { try Gazetteer(directory: dataDirectory) }
    }

    /// Loads the gazetteer of `directory`: from `cache` when it holds this data, else from the source files
    /// (then written to `cache` for the next process).
    public init(directory: URL, cache: GazetteerCache? = GazetteerCache.standard) throws {
        let gz = directory.appendingPathComponent("gazetteer.tsv.gz")
        guard let data = FileManager.default.contents(atPath: gz.path) else {
            throw SitrepError(.badData, "the gazetteer is missing", at: gz.path,
                              hint: "run python3 Scripts/build_gazetteer.py, or set SITREP_GAZETTEER_DIR")
        }
        let aliases = directory.appendingPathComponent("place-aliases.tsv")
        let fingerprint = GazetteerCache.fingerprint([data, FileManager.default.contents(atPath: aliases.path) ?? Data()])
        let t0 = Date()
        let cached = cache?.load(fingerprint: fingerprint).map { adopt($0) && namesIndexedAsNow() } ?? false
        if !cached {
            adopt(try Gazetteer.build(gz: data, origin: gz.path, aliases: aliases))
            cache?.save(self, fingerprint: fingerprint)
        }
        let t1 = Date()
        loadDemonyms(directory.appendingPathComponent("demonyms.tsv"))
        loadAmbiguous(directory.appendingPathComponent("ambiguous-names.tsv"))
        if ProcessInfo.processInfo.environment["SITREP_LOAD_TIMES"] != nil {
            FileHandle.standardError.write(Data("gazetteer: \(cached ? "cache" : "source") \(t1.timeIntervalSince(t0)) s, lexicons \(Date().timeIntervalSince(t1)) s\n".utf8))
        }
    }

    /// Everything the look-ups read, as the source files or the cache give it.
    struct Tables {
        var places: [Place]
        var nameBytes: [UInt8]
        var nameStart: [Int32]
        var namePlace: [Int32]
        var exactIndex: [UInt64]
        var skeletonIndex: [UInt64]
        var maxWords: Int
    }

    private init(building: Void) {}

    /// Inflates and parses the GeoNames table, adds the aliases and builds the indexes.
    static func build(gz: Data, origin: String, aliases: URL) throws -> Tables {
        let g = Gazetteer(building: ())
        try g.parse(try Gzip.decompress([UInt8](gz), origin: origin), origin: origin)
        g.loadAliases(aliases)
        g.buildIndexes()
        return Tables(places: g.places, nameBytes: g.nameBytes, nameStart: g.nameStart, namePlace: g.namePlace,
                      exactIndex: g.exactIndex, skeletonIndex: g.skeletonIndex, maxWords: g.maxWords)
    }

    /// Always true: a step of the cache's condition.
    @discardableResult
    private func adopt(_ t: Tables) -> Bool {
        places = t.places
        nameBytes = t.nameBytes
        nameStart = t.nameStart
        namePlace = t.namePlace
        exactIndex = t.exactIndex
        skeletonIndex = t.skeletonIndex
        maxWords = t.maxWords
        exactFilter = [UInt64](repeating: 0, count: 1 << 17)
        var buckets = [Int32](repeating: 0, count: (1 << 16) + 1)
        for k in exactIndex {
            let top = Int(truncatingIfNeeded: k >> 41)
            exactFilter[top >> 6] |= 1 << UInt64(top & 63)
            buckets[Int(truncatingIfNeeded: k >> 48) + 1] += 1
        }
        for b in 0..<(1 << 16) { buckets[b + 1] += buckets[b] }
        exactBuckets = buckets
        countryByCode = [:]
        divisionByKey = [:]
        for i in places.indices where places[i].kind != .town {
            if places[i].kind == .country { countryByCode[places[i].key] = i } else { divisionByKey[places[i].key] = i }
        }
        return true
    }

    /// A sample of names, hashed by this build's `NameKey`, finds its place in both indexes: false for tables
    /// indexed by a build whose keys differ.
    func namesIndexedAsNow(samples: Int = 256) -> Bool {
        var scratch = NameKey.Scratch()
        let step = max(1, namePlace.count / samples)
        for i in stride(from: 0, to: namePlace.count, by: step) {
            guard let h = NameKey.hashes(of: nameSlice(i), scratch: &scratch) else { continue }
            let p = namePlace[i]
            guard Gazetteer.range(exactIndex, h.exact).contains(where: { namePlace[Int($0)] == p }),
                  Gazetteer.range(skeletonIndex, h.skeleton).contains(where: { namePlace[Int($0)] == p }) else { return false }
        }
        return true
    }

    // MARK: loading

    private func parse(_ b: [UInt8], origin: String) throws {
        places.reserveCapacity(180_000)
        nameBytes.reserveCapacity(b.count / 2)
        var i = 0
        let n = b.count
        var fields: [Range<Int>] = []
        fields.reserveCapacity(13)
        var pool: [UInt64: String] = [:]
        var line = 0
        while i < n {
            var j = i
            while j < n && b[j] != 10 { j += 1 }
            line += 1
            defer { i = j + 1 }
            if b[i] == 35 { continue }   // comment
            fields.removeAll(keepingCapacity: true)
            var s = i
            for k in i..<j where b[k] == 9 {
                fields.append(s..<k)
                s = k + 1
            }
            fields.append(s..<j)
            guard fields.count >= 13 else {
                throw SitrepError(.badData, "line \(line) has \(fields.count) columns, 13 expected", at: origin)
            }
            func str(_ f: Int) -> String { String(decoding: b[fields[f]], as: UTF8.self) }
            // countries, divisions and feature codes repeat: one String each
            func interned(_ f: Int) -> String {
                let h = TokenHash.of(b[fields[f]])
                if let s = pool[h] { return s }
                let s = str(f)
                pool[h] = s
                return s
            }
            func double(_ f: Int) -> Double {
                var v = 0.0, scale = 0.0, neg = false
                for k in fields[f] {
                    let c = b[k]
                    if c == 45 { neg = true } else if c == 46 { scale = 1 } else if c >= 48 && c <= 57 {
                        v = v * 10 + Double(c - 48)
                        if scale > 0 { scale *= 10 }
                    }
                }
                if scale > 0 { v /= scale }
                return neg ? -v : v
            }
            func int(_ f: Int) -> Int {
                var v = 0
                for k in fields[f] where b[k] >= 48 && b[k] <= 57 { v = v * 10 + Int(b[k] - 48) }
                return v
            }
            let kind: Place.Kind = b[fields[0].lowerBound] == 80 ? .town : (b[fields[0].lowerBound] == 65 ? .division : .country)
            let idx = places.count
            let key = fields[2].isEmpty ? str(1) : str(2)
            // the ASCII name reads as English copy does ("Herat", not "Herāt")
            places.append(Place(kind: kind, geonameid: fields[1].isEmpty ? nil : int(1), key: key,
                                name: fields[4].isEmpty ? str(3) : str(4),
                                country: interned(5), admin1Code: interned(6), admin1Name: interned(7), feature: interned(8),
                                population: int(9), lat: double(10), lon: double(11)))
            if kind == .country { countryByCode[key] = idx }
            if kind == .division { divisionByKey[key] = idx }
            addName(b[fields[3]], place: idx)
            if !fields[4].isEmpty { addName(b[fields[4]], place: idx) }
            var a = fields[12].lowerBound
            for k in fields[12].lowerBound...fields[12].upperBound where k == fields[12].upperBound || b[k] == 124 {
                if k > a { addName(b[a..<k], place: idx) }
                a = k + 1
            }
        }
    }

    private func addName(_ name: ArraySlice<UInt8>, place: Int) {
        nameStart.append(Int32(nameBytes.count))
        nameBytes.append(contentsOf: name)
        namePlace.append(Int32(place))
    }

    public func name(_ entry: Int) -> String {
        let lo = Int(nameStart[entry])
        let hi = entry + 1 < nameStart.count ? Int(nameStart[entry + 1]) : nameBytes.count
        return String(decoding: nameBytes[lo..<hi], as: UTF8.self)
    }

    func nameSlice(_ entry: Int) -> ArraySlice<UInt8> {
        let lo = Int(nameStart[entry])
        let hi = entry + 1 < nameStart.count ? Int(nameStart[entry + 1]) : nameBytes.count
        return nameBytes[lo..<hi]
    }

    /// `alias<TAB>place key` lines: short forms and English names the data lacks ("U.S." → US).
    private func loadAliases(_ url: URL) {
        for (cols, _) in TSV.rows(url) where cols.count >= 2 {
            if let p = index(ofKey: cols[1]) { addName(ArraySlice(cols[0].utf8), place: p) }
        }
    }

    private func loadDemonyms(_ url: URL) {
        for (cols, _) in TSV.rows(url) where cols.count >= 2 {
            demonyms[TokenHash.of(word: cols[0])] = cols[1]
        }
    }

    private func loadAmbiguous(_ url: URL) {
        for (cols, _) in TSV.rows(url) where cols.count >= 2 {
            let h = TokenHash.of(cols[0].utf8)
            if cols[1] == "name" { personNames.insert(h) } else { commonWords.insert(h) }
        }
    }

    /// A place by its key: a geonameid, "CC.code" for a division, or "CC" for a country.
    public func index(ofKey key: String) -> Int? {
        if let c = countryByCode[key] { return c }
        if let d = divisionByKey[key] { return d }
        if let id = Int(key) { return town(id: id) }
        return nil
    }

    /// Towns come last in the file, in geonameid order: a binary search finds one by id.
    private func town(id: Int) -> Int? {
        guard let first = places.firstIndex(where: { $0.kind == .town }) else { return nil }
        var lo = first, hi = places.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if (places[mid].geonameid ?? 0) < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < places.count && places[lo].geonameid == id ? lo : nil
    }

    /// Each index is one sorted [UInt64] of keys packing the name hash's top 44 bits with the name entry
    /// (20 bits): a plain integer sort, done for the two halves of the names on two cores.
    private func buildIndexes() {
        let count = namePlace.count
        precondition(count < 1 << 20, "more names than the index packs")
        let chunks = 2
        var exactParts = [[UInt64]](repeating: [], count: chunks)
        var skeletonParts = [[UInt64]](repeating: [], count: chunks)
        var words = [Int](repeating: 1, count: chunks)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            var e: [UInt64] = [], k: [UInt64] = []
            e.reserveCapacity(hi - lo)
            k.reserveCapacity(hi - lo)
            var scratch = NameKey.Scratch()
            var maxW = 1
            var lastE: UInt64 = 0, lastS: UInt64 = 0, lastPlace: Int32 = -1
            for i in lo..<hi {
                guard let h = NameKey.hashes(of: nameSlice(i), scratch: &scratch) else { continue }
                maxW = max(maxW, min(h.words, 8))
                let p = namePlace[i]
                // the same place under the same key once is enough
                if !(p == lastPlace && h.exact == lastE) { e.append(Gazetteer.pack(h.exact, i)) }
                if !(p == lastPlace && h.skeleton == lastS) { k.append(Gazetteer.pack(h.skeleton, i)) }
                lastE = h.exact
                lastS = h.skeleton
                lastPlace = p
            }
            e.sortIntegers()
            k.sortIntegers()
            lock.lock()
            exactParts[c] = e
            skeletonParts[c] = k
            words[c] = maxW
            lock.unlock()
        }
        maxWords = words.max() ?? 1
        exactIndex = Gazetteer.merge(exactParts[0], exactParts[1])
        skeletonIndex = Gazetteer.merge(skeletonParts[0], skeletonParts[1])
    }

    static let entryBits: UInt64 = 20
    static let entryMask: UInt64 = (1 << 20) - 1

    @inline(__always) static func pack(_ h: UInt64, _ entry: Int) -> UInt64 { (h & ~entryMask) | UInt64(entry) }

    static func merge(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] <= b[j] { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    // MARK: look-up

    /// Name entries whose exact key hashes to `h`.
    public func exactEntries(_ h: UInt64) -> NameEntries {
        let top = Int(truncatingIfNeeded: h >> 41)
        guard exactFilter[top >> 6] & (1 << UInt64(top & 63)) != 0 else { return NameEntries(keys: [], range: 0..<0) }
        let b = Int(truncatingIfNeeded: h >> 48)
        return Gazetteer.range(exactIndex, h, from: Int(exactBuckets[b]), to: Int(exactBuckets[b + 1]))
    }

    public func skeletonEntries(_ h: UInt64) -> NameEntries { Gazetteer.range(skeletonIndex, h) }

    public func hasExact(_ h: UInt64) -> Bool { !exactEntries(h).isEmpty }

    public func place(ofEntry e: Int32) -> Int { Int(namePlace[Int(e)]) }

    /// Name entries whose key hash agrees with `h` in its top 44 bits: a range of the sorted keys, no array
    /// made (the recognizer looks up every capitalized run, and most find nothing).
    /// `from`..<`to`: where to search (a bucket of `exactBuckets`), the whole index by default.
    static func range(_ keys: [UInt64], _ h: UInt64, from start: Int = 0, to limit: Int? = nil) -> NameEntries {
        let lo = h & ~entryMask
        var a = start, b = limit ?? keys.count
        while a < b {
            let mid = (a + b) >> 1
            if keys[mid] < lo { a = mid + 1 } else { b = mid }
        }
        var end = a
        while end < keys.count && keys[end] & ~entryMask == lo { end += 1 }
        return NameEntries(keys: keys, range: a..<end)
    }

    public var nameCount: Int { namePlace.count }

    public func country(_ code: String) -> Place? { countryByCode[code].map { places[$0] } }

    public func division(country: String, code: String) -> Place? { divisionByKey["\(country).\(code)"].map { places[$0] } }
}

/// The name entries of one key hash: a range of a sorted index of packed keys.
public struct NameEntries: RandomAccessCollection, Sendable {
    let keys: [UInt64]
    let range: Range<Int>

    public var startIndex: Int { range.lowerBound }
    public var endIndex: Int { range.upperBound }
    public subscript(i: Int) -> Int32 { Int32(truncatingIfNeeded: keys[i] & Gazetteer.entryMask) }
}
