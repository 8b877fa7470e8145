import CZlib

/// gzip (and zlib) decompression through the system zlib.
public enum Gzip {
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Inflates a whole gzip stream (concatenated members too). Throws on a truncated or corrupt stream.
    public static func decompress(_ input: [UInt8], origin: String) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // 15 + 32: any window size, gzip or zlib header detected.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw SitrepError(.unreadable, "zlib could not start", at: origin)
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            repeat {
                try chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    if status == Z_STREAM_END && stream.avail_in > 0 {
                        // another gzip member follows
                        let produced = outBuf.count - Int(stream.avail_out)
                        out.append(contentsOf: outBuf[0..<produced])
                        inflateReset(&stream)
                        status = Z_OK
                        return
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw SitrepError(.unreadable, "corrupt gzip data near byte \(Int(stream.total_in))",
                                          at: origin, hint: "the archive is damaged; decompress it with gunzip to see")
                    }
                    let produced = outBuf.count - Int(stream.avail_out)
                    out.append(contentsOf: outBuf[0..<produced])
                    if status == Z_BUF_ERROR && stream.avail_in == 0 && produced == 0 {
                        throw SitrepError(.unreadable, "truncated gzip data after \(input.count) bytes", at: origin,
                                          hint: "the file was cut short; fetch or copy it again")
                    }
                }
            } while status != Z_STREAM_END
        }
        return out
    }
}
