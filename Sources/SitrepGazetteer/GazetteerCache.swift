import Foundation
import SitrepCore

/// The gazetteer's places, names and sorted indexes in one binary file, so a process starts without
/// inflating, parsing and indexing the GeoNames table again.
///
/// The file is named by a fingerprint of the data it was built from (`gazetteer.tsv.gz` and
/// `place-aliases.tsv`), so editing the data builds a new one. After loading, a sample of names is hashed
/// again and looked up: a cache made by a build whose name keys differ is refused and rebuilt. Anything
/// unreadable, truncated or inconsistent is ignored; the cache is never the only copy of anything.
///
/// Where: `$SITREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sitrep`, else `~/.cache/sitrep`;
/// `SITREP_CACHE_DIR=off` turns it off. Deleting the folder is always safe.
public struct GazetteerCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The cache the environment asks for; nil when it is turned off or there is no home to put it in.
    public static var standard: GazetteerCache? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["SITREP_CACHE_DIR"] {
            return dir == "off" || dir.isEmpty ? nil : GazetteerCache(directory: URL(fileURLWithPath: dir))
        }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            return GazetteerCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("sitrep"))
        }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return GazetteerCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/sitrep"))
    }

    /// Bump when the layout below changes.
    static let format: UInt64 = 1
    static let magic: UInt64 = 0x3147_4552_5449_5353  // "SSITREG1" little-endian

    func file(_ fingerprint: UInt64) -> URL {
        directory.appendingPathComponent("gazetteer-\(String(fingerprint, radix: 16)).bin")
    }

    /// A 64-bit hash of the source files and the layout version, eight bytes at a time.
    static func fingerprint(_ parts: [Data]) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ format
        func mix(_ x: UInt64) { h = (h ^ x) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31 }
        for d in parts {
            mix(UInt64(d.count))
            d.withUnsafeBytes { raw in
                var i = 0
                while i + 8 <= raw.count { mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
                var tail: UInt64 = 0
                while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
                mix(tail)
            }
        }
        return h
    }

    // MARK: writing

    /// Writes the file atomically (a temporary file renamed into place) and removes caches of other data.
    /// Failure is silent: the next start builds the indexes again.
    func save(_ g: Gazetteer, fingerprint: UInt64) {
        var w = CacheWriter()
        var strings: [String: UInt32] = [:]
        var table: [String] = []
        func id(_ s: String) -> UInt32 {
            if let k = strings[s] { return k }
            let k = UInt32(table.count)
            strings[s] = k
            table.append(s)
            return k
        }
        var refs: [UInt32] = []
        refs.reserveCapacity(g.places.count * 6)
        for p in g.places {
            refs.append(contentsOf: [
                id(p.key), id(p.name), id(p.country), id(p.admin1Code), id(p.admin1Name), id(p.feature),
            ])
        }
        var stringBytes: [UInt8] = []
        var stringEnds: [UInt32] = []
        for s in table {
            stringBytes.append(contentsOf: s.utf8)
            stringEnds.append(UInt32(stringBytes.count))
        }
        let header: [UInt64] = [
            GazetteerCache.magic, fingerprint, UInt64(g.places.count), UInt64(table.count),
            UInt64(stringBytes.count), UInt64(g.nameBytes.count), UInt64(g.namePlace.count),
            UInt64(g.exactIndex.count), UInt64(g.skeletonIndex.count), UInt64(g.maxWords),
        ]
        w.put(header)
        w.put(g.places.map { $0.kind.rawValue })
        w.put(g.places.map { Int64($0.geonameid ?? -1) })
        w.put(g.places.map { Int64($0.population) })
        w.put(g.places.map { $0.lat })
        w.put(g.places.map { $0.lon })
        w.put(refs)
        w.put(stringEnds)
        w.put(stringBytes)
        w.put(g.nameBytes)
        w.put(g.nameStart)
        w.put(g.namePlace)
        w.put(g.exactIndex)
        w.put(g.skeletonIndex)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let target = file(fingerprint)
            let temporary = directory.appendingPathComponent(
                ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(w.bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 { try? fm.removeItem(at: temporary); return }
            for other in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            where other.hasPrefix("gazetteer-") && other.hasSuffix(".bin") && other != target.lastPathComponent {
                try? fm.removeItem(at: directory.appendingPathComponent(other))
            }
        } catch {
            return
        }
    }

    // MARK: reading

    /// The gazetteer's tables from the file for `fingerprint`, or nil (no file, or one that fails a check).
    func load(fingerprint: UInt64) -> Gazetteer.Tables? {
        // read section by section into the arrays: a mapped or loaded copy of the whole file would double the
        // memory at start-up
        guard let r = CacheReader(path: file(fingerprint).path) else { return nil }
        do {
            guard let header = r.take(UInt64.self, 10), header[0] == GazetteerCache.magic, header[1] == fingerprint,
                header.dropFirst(2).allSatisfy({ $0 < 1 << 32 })
            else { return nil }
            let places = Int(header[2]), stringCount = Int(header[3]), stringByteCount = Int(header[4])
            let nameByteCount = Int(header[5]), names = Int(header[6])
            guard names < 1 << Gazetteer.entryBits,
                let kinds = r.take(UInt8.self, places), let ids = r.take(Int64.self, places),
                let populations = r.take(Int64.self, places), let lats = r.take(Double.self, places),
                let lons = r.take(Double.self, places), let refs = r.take(UInt32.self, places * 6),
                let stringEnds = r.take(UInt32.self, stringCount),
                let stringBytes = r.take(UInt8.self, stringByteCount),
                let nameBytes = r.take(UInt8.self, nameByteCount), let nameStart = r.take(Int32.self, names),
                let namePlace = r.take(Int32.self, names), let exact = r.take(UInt64.self, Int(header[7])),
                let skeleton = r.take(UInt64.self, Int(header[8])), r.atEnd
            else { return nil }
            // every offset and reference in range, so a damaged file cannot crash a look-up
            var previous: UInt32 = 0
            for e in stringEnds {
                guard e >= previous, Int(e) <= stringByteCount else { return nil }
                previous = e
            }
            guard refs.allSatisfy({ Int($0) < stringCount }), kinds.allSatisfy({ $0 <= 2 }),
                namePlace.allSatisfy({ $0 >= 0 && Int($0) < places }),
                exact.allSatisfy({ Int($0 & Gazetteer.entryMask) < names }),
                skeleton.allSatisfy({ Int($0 & Gazetteer.entryMask) < names })
            else { return nil }
            var last: Int32 = 0
            for s in nameStart {
                guard s >= last, Int(s) <= nameByteCount else { return nil }
                last = s
            }
            var table: [String] = []
            table.reserveCapacity(stringCount)
            var lo = 0
            stringBytes.withUnsafeBufferPointer { b in
                for e in stringEnds {
                    table.append(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<Int(e)]), as: UTF8.self))
                    lo = Int(e)
                }
            }
            var list: [Place] = []
            list.reserveCapacity(places)
            // feature codes repeat: each one's rank is worked out once
            var ranks = [Double?](repeating: nil, count: table.count)
            for k in 0..<places {
                let r = k * 6
                let f = Int(refs[r + 5])
                if ranks[f] == nil { ranks[f] = Place.rank(feature: table[f]) }
                list.append(
                    Place(
                        kind: Place.Kind(rawValue: kinds[k])!, geonameid: ids[k] < 0 ? nil : Int(ids[k]),
                        key: table[Int(refs[r])], name: table[Int(refs[r + 1])], country: table[Int(refs[r + 2])],
                        admin1Code: table[Int(refs[r + 3])], admin1Name: table[Int(refs[r + 4])],
                        feature: table[Int(refs[r + 5])],
                        population: Int(populations[k]), lat: lats[k], lon: lons[k], featureRank: ranks[f]))
            }
            return Gazetteer.Tables(
                places: list, nameBytes: nameBytes, nameStart: nameStart, namePlace: namePlace,
                exactIndex: exact, skeletonIndex: skeleton, maxWords: Int(header[9]))
        }
    }
}

/// Arrays of plain values back to back, each padded to eight bytes.
private struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func put<T>(_ values: [T]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
}

/// Sections of the cache file read straight into arrays.
private final class CacheReader {
    let fd: Int32
    let size: Int
    var offset = 0

    init?(path: String) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            return nil
        }
        size = Int(st.st_size)
    }

    deinit { close(fd) }

    var atEnd: Bool { offset == size }

    /// `count` values read, or nil when the file is too short for them.
    func take<T: BitwiseCopyable>(_: T.Type, _ count: Int) -> [T]? {
        let bytes = count * MemoryLayout<T>.stride
        guard count >= 0, offset + bytes <= size else { return nil }
        var ok = true
        let out = [T](unsafeUninitializedCapacity: count) { buf, n in
            var done = 0
            while done < bytes, let p = buf.baseAddress {
                let got = pread(fd, UnsafeMutableRawPointer(p) + done, bytes - done, off_t(offset + done))
                if got <= 0 {
                    ok = false
                    break
                }
                done += got
            }
            n = ok ? count : 0
        }
        guard ok else { return nil }
        offset += (bytes + 7) & ~7
        return out
    }
}
