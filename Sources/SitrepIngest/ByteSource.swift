#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SitrepCore

/// The bytes of an open file as they arrive: a pipe or standard input gives what its writer has written so far,
/// so a stream of JSON Lines is read line by line while it is being written (`tail -f … | sitrep ingest -`).
/// The first bytes can be looked at before the format is known, then read again.
struct ByteSource {
    let fd: Int32
    let name: String
    /// Bytes read ahead (by `peek`) and not yet given out.
    private var ahead: [UInt8] = []
    private(set) var atEnd = false

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Up to `max` bytes, at least one unless the input has ended; empty at the end.
    mutating func read(max: Int) throws -> [UInt8] {
        if !ahead.isEmpty {
            defer { ahead = [] }
            return ahead
        }
        return try readFile(max: max)
    }

    /// Reads ahead until the first `count` bytes are in, the input ends, or `enough` says the bytes read are
    /// enough to decide; returns them (they are read again by `read`).
    mutating func peek(_ count: Int, enough: ([UInt8]) -> Bool = { _ in false }) throws -> [UInt8] {
        while ahead.count < count && !enough(ahead) {
            let more = try readFile(max: count - ahead.count)
            if more.isEmpty { break }
            ahead += more
        }
        return ahead
    }

    /// Everything left.
    mutating func readToEnd() throws -> [UInt8] {
        var all = ahead
        ahead = []
        while true {
            let more = try readFile(max: 1 << 20)
            if more.isEmpty { return all }
            all += more
        }
    }

    private mutating func readFile(max: Int) throws -> [UInt8] {
        if atEnd { return [] }
        var buf = [UInt8](repeating: 0, count: max)
        while true {
            let n = buf.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, max) }
            if n > 0 {
                buf.removeLast(max - n)
                return buf
            }
            if n == 0 {
                atEnd = true
                return []
            }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw SitrepError(.unreadable, "cannot read: \(reason)", at: name, hint: "check the file or the pipe")
        }
    }
}

/// `read(2)`, named apart from `ByteSource.read`.
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Darwin.read(fd, buf, count)
    #endif
}
