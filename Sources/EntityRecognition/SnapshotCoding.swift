// Bytes in and out for the lexicon's snapshot (LexiconSnapshot.swift): integers as eight bytes,
// arrays of plain values (no references: `BitwiseCopyable`) copied whole, strings as their UTF-8
// bytes. Reading checks every length against the bytes left and throws on any mismatch, so a
// damaged file is an error the cache recovers from, never a read outside the buffer. The
// copies are the only unsafe code here; `LexiconSnapshotTests` runs them (and `make sanitize`
// runs those tests under AddressSanitizer).

/// Raised when bytes are no snapshot of the expected format; a cache then builds the tables.
package struct SnapshotError: Error {
    package init() {}
}

/// Appends values to a byte array.
package struct SnapshotWriter {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func append(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func append<Element: BitwiseCopyable>(_ array: [Element]) {
        append(array.count)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ string: String) {
        append(Array(string.utf8))
    }

    package mutating func append(optional string: String?) {
        if let string {
            append(1)
            append(string)
        } else {
            append(0)
        }
    }

    package mutating func append(strings: [String]) {
        append(strings.count)
        for string in strings { append(string) }
    }
}

/// Reads what a `SnapshotWriter` appended, in the same order.
package struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset = 0

    package init(bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(max(0, offset), bytes.count)
    }

    package var remaining: Int { bytes.count - offset }

    package mutating func int() throws(SnapshotError) -> Int {
        guard remaining >= 8 else { throw SnapshotError() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    package mutating func array<Element: BitwiseCopyable>(_ type: Element.Type) throws(SnapshotError) -> [Element] {
        let count = try int()
        let stride = MemoryLayout<Element>.stride
        guard count >= 0, count <= remaining / stride else { throw SnapshotError() }
        let byteCount = count * stride
        let start = offset
        let array = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[start..<(start + byteCount)]))
            }
            initialized = count
        }
        offset += byteCount
        return array
    }

    package mutating func string() throws(SnapshotError) -> String {
        let count = try int()
        guard count >= 0, count <= remaining else { throw SnapshotError() }
        // Decoded from the buffer: from an array slice the same call goes through a generic path
        // that cost several times more (snapshots hold some 100,000 strings).
        let start = offset
        let string = bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self)
        }
        offset += count
        return string
    }

    package mutating func optionalString() throws(SnapshotError) -> String? {
        try int() == 0 ? nil : try string()
    }

    package mutating func strings() throws(SnapshotError) -> [String] {
        let count = try int()
        guard count >= 0, count <= remaining / 8 else { throw SnapshotError() }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try string()) }
        return strings
    }
}

/// A 64-bit hash of bytes, eight at a time: the cache's key (of the data files and the program)
/// and its check that a snapshot file came back whole. Not cryptographic: it guards against
/// stale and damaged files, not against anyone.
package struct SnapshotHasher {
    package private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    package init() {}

    /// Combines `bytes[start...]`: four independent lanes of 32 bytes a step (a start hashes
    /// some 15 MB of data files and snapshots), each step a bijection of its lane (xor, multiply
    /// by an odd number, rotate), so any one changed word changes the result; the lanes are mixed
    /// at the end.
    package mutating func combine(_ bytes: [UInt8], from start: Int = 0) {
        combine(UInt64(bytes.count - start))
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        bytes.withUnsafeBytes { raw in
            var lanes = (value, value ^ 0x5851_F42D_4C95_7F2D, value ^ 0x1405_7B7E_F767_814F, value ^ 0xD6E8_FEB8_6659_FD93)
            var offset = start
            while offset + 32 <= raw.count {
                lanes.0 = ((lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier).rotated(by: 29)
                lanes.1 = ((lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* multiplier).rotated(by: 29)
                lanes.2 = ((lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* multiplier).rotated(by: 29)
                lanes.3 = ((lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* multiplier).rotated(by: 29)
                offset += 32
            }
            combine(lanes.0)
            combine(lanes.1)
            combine(lanes.2)
            combine(lanes.3)
            while offset + 8 <= raw.count {
                combine(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << UInt64((index - offset) * 8) }
            combine(tail)
        }
    }

    package mutating func combine(_ word: UInt64) {
        let mixed = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 32
    }
}

extension UInt64 {
    /// The bits rotated left by `count` (1...63).
    fileprivate func rotated(by count: UInt64) -> UInt64 {
        self << count | self >> (64 - count)
    }
}
