import CZlib

/// gzip decompression through the system's zlib: whole small files, or a stream read a chunk at
/// a time (a news dump of many gigabytes never sits in memory).
enum Gzip {
    /// Whether `bytes` start with gzip's magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of a whole gzip file, refusing more than `limit` bytes.
    static func decompress(_ bytes: [UInt8], path: String, limit: Int) throws(NewsGraphError) -> [UInt8] {
        final class Source: ByteStream {
            let bytes: [UInt8]
            var consumed = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
            func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
                let count = min(buffer.count, bytes.count - consumed)
                bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + consumed, byteCount: count) }
                consumed += count
                return count
            }
        }
        let stream = try GzipStream(Source(bytes), path: path)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 262_144)
        while true {
            let count = try stream.read(into: &chunk)
            if count == 0 { return output }
            output.append(contentsOf: chunk[0..<count])
            if output.count > limit { throw .tooLarge(path, bytes: output.count, limit: limit) }
        }
    }
}

/// The decompressed bytes of a gzip stream. Files made of several gzip members one after
/// another (`cat a.gz b.gz`, as log rotation and parallel compressors write them) read as one.
final class GzipStream: ByteStream {
    private let source: any ByteStream
    private let path: String
    private var zlib = z_stream()
    /// zlib keeps a pointer into this buffer between calls, so it is allocated here, not an array.
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
    private var sourceEnded = false
    private var memberEnded = false

    init(_ source: any ByteStream, path: String) throws(NewsGraphError) {
        self.source = source
        self.path = path
        // 15 + 16: a gzip header and trailer around a deflate stream with the largest window.
        guard czlib_inflate_init(&zlib, 15 + 16) == Z_OK else {
            throw .unreadable(path, reason: "cannot start gzip decompression")
        }
    }

    deinit {
        inflateEnd(&zlib)
        input.deallocate()
    }

    var consumed: Int { source.consumed }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(NewsGraphError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if zlib.avail_in == 0 && !sourceEnded {
                let count = try source.read(into: input)
                if count == 0 { sourceEnded = true }
                zlib.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
                zlib.avail_in = UInt32(count)
            }
            if memberEnded {
                // Past the end of one member: another may follow.
                if zlib.avail_in == 0 && sourceEnded { return 0 }
                if zlib.avail_in == 0 { continue }
                memberEnded = false
                inflateReset(&zlib)
            }
            zlib.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            zlib.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
            let status = inflate(&zlib, Z_NO_FLUSH)
            let produced = (status, min(buffer.count, Int(UInt32.max)) - Int(zlib.avail_out))
            switch produced.0 {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK:
                break
            case Z_BUF_ERROR:
                // No progress: more input is needed, and there is none.
                if produced.1 == 0 && zlib.avail_in == 0 && sourceEnded {
                    throw .unreadable(path, reason: "the gzip data ends early (a truncated download?)")
                }
            default:
                let message = zlib.msg.map { String(cString: $0) } ?? "error \(produced.0)"
                throw .unreadable(path, reason: "not valid gzip data (\(message))")
            }
            if produced.1 > 0 { return produced.1 }
        }
    }
}
