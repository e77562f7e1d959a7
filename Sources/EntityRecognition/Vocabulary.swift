/// Interns lowercase word forms as small integer IDs, hashing UTF-8 bytes directly.
///
/// The tables are internal (not private) for `LexiconSnapshot.swift`, which saves and restores them.
///
/// Built once from the lexicons; during recognition tokens are only looked up, never added,
/// so a word no lexicon knows gets `Vocabulary.unknown` without any allocation.
///
/// Keys are hashed and compared eight bytes at a time: most words fit in one or two loads, and an
/// ASCII word of the text is folded to lowercase inside the load (see `id(ofASCIIWordIn:_:_:)`).
package struct Vocabulary: Sendable {
    package static let unknown: Int32 = -1

    /// Every key's bytes, followed by eight zero bytes so a key's last load never leaves the array.
    var keyBytes: [UInt8] = Array(repeating: 0, count: 8)
    /// Each ID's key as start (high 32 bits) and length (low 32 bits) in `keyBytes`.
    var keySpans: [UInt64] = []
    /// Each ID's word as a String, made once: stages after the tokenizer ask for words often.
    var words: [String] = []
    /// Open addressing: 0 is empty, otherwise the key hash's high 32 bits and the ID plus one. The
    /// hash bits reject nearly every other key without touching its bytes.
    var slots: [UInt64]
    var mask: Int
    /// IDs of one-byte ASCII keys (punctuation marks), read directly.
    var asciiIDs: [Int32] = Array(repeating: Vocabulary.unknown, count: 128)

    package init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    package var count: Int { keySpans.count }

    /// The word of an ID; empty for `unknown`.
    func word(_ id: Int32) -> String {
        guard id >= 0 else { return "" }
        return words[Int(id)]
    }

    /// The ID of a lowercase key, or `unknown`.
    package func id<C: RandomAccessCollection>(of key: C) -> Int32 where C.Element == UInt8, C.Index == Int {
        var chunks = KeyChunks()
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        for byte in key {
            chunk |= UInt64(byte) << shift
            shift += 8
            if shift == 64 {
                chunks.append(chunk)
                chunk = 0
                shift = 0
            }
        }
        if shift > 0 { chunks.append(chunk) }
        return chunks.withChunks { find($0, length: key.count) }
    }

    /// The ID of a one-byte ASCII key such as a punctuation mark.
    func id(ofASCII byte: UInt8) -> Int32 {
        byte < 0x80 ? asciiIDs[Int(byte)] : Vocabulary.unknown
    }

    /// The ID of the word `text[start..<end]`, lowercased, or `unknown`.
    package func id(ofWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        if (start..<end).allSatisfy({ Vocabulary.foldsInPlace(text[$0]) }) { return id(ofASCIIWordIn: text, start, end) }
        var key: [UInt8] = []
        Tokenizer.lowercaseKey(text, start, end, into: &key)
        return id(of: key)
    }

    /// Whether setting bit 5 of `byte` is its ASCII lowercasing: letters, and the bytes 0x20...0x3F
    /// (digits, apostrophe, period, hyphen), which already have it set.
    @inline(__always)
    package static func foldsInPlace(_ byte: UInt8) -> Bool {
        Tokenizer.isASCIILetter(byte) || byte &- 0x20 < 0x20
    }

    /// The ID of the ASCII word `text[start..<end]` whose bytes all fold in place, lowercased.
    ///
    /// Setting bit 5 is then exactly ASCII lowercasing, so each eight-byte load is folded with one
    /// OR and no key is built.
    @inline(__always)
    package func id(ofASCIIWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let length = end - start
        if length <= 8 {
            let first = Vocabulary.load(text, start, length) | Vocabulary.lowercaseBits(length)
            return find(first, length: length)
        }
        if length <= 16 {
            let first = Vocabulary.load(text, start, 8) | Vocabulary.lowercaseBits(8)
            let second = Vocabulary.load(text, start + 8, length - 8) | Vocabulary.lowercaseBits(length - 8)
            return find(first, second, length: length)
        }
        var chunks = KeyChunks()
        var offset = start
        while offset < end {
            let count = min(8, end - offset)
            chunks.append(Vocabulary.load(text, offset, count) | Vocabulary.lowercaseBits(count))
            offset += count
        }
        return chunks.withChunks { find($0, length: length) }
    }

    /// Adds a lowercase key if it is new and returns its ID.
    package mutating func intern<C: RandomAccessCollection>(_ key: C) -> Int32 where C.Element == UInt8, C.Index == Int {
        let existing = id(of: key)
        if existing != Vocabulary.unknown { return existing }
        if (keySpans.count + 1) * 2 > slots.count { grow() }
        let newID = Int32(keySpans.count)
        let start = keyBytes.count - 8
        keyBytes.removeLast(8)
        keyBytes.append(contentsOf: key)
        keyBytes.append(contentsOf: repeatElement(0, count: 8))
        keySpans.append(UInt64(start) << 32 | UInt64(key.count))
        words.append(String(decoding: keyBytes[start..<(start + key.count)], as: UTF8.self))
        insert(newID)
        if key.count == 1, let byte = key.first, byte < 0x80 { asciiIDs[Int(byte)] = newID }
        return newID
    }

    /// Read-only access to the tables through raw pointers, for the tokenizer's per-token lookups:
    /// taken once per article, so a lookup costs no array bounds or reference checks.
    package struct Reader {
        fileprivate let slots: UnsafeBufferPointer<UInt64>
        fileprivate let spans: UnsafeBufferPointer<UInt64>
        fileprivate let keyBytes: UnsafeRawBufferPointer
        fileprivate let mask: Int

        /// The ID of an ASCII word of at most sixteen bytes that all fold in place, lowercased; nil
        /// for a longer word, which `Vocabulary.id(ofASCIIWordIn:_:_:)` handles.
        @inline(__always)
        package func id(ofShortASCIIWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
            let length = end &- start
            guard length <= 16 else { return nil }
            // Each chunk's byte mask is made once and serves the load, the folding and the compare.
            if length <= 8 {
                let mask = Vocabulary.byteMask(length)
                let first = Vocabulary.load(text, start, length, mask: mask) | (Vocabulary.lowercaseBits & mask)
                return find(first, 0, length: length, lastMask: mask)
            }
            let mask = Vocabulary.byteMask(length &- 8)
            let first = Vocabulary.load(text, start, 8, mask: ~0) | Vocabulary.lowercaseBits
            let second = Vocabulary.load(text, start &+ 8, length &- 8, mask: mask) | (Vocabulary.lowercaseBits & mask)
            return find(first, second, length: length, lastMask: mask)
        }

        /// Probes for a key of at most sixteen bytes, given as one or two chunks; `lastMask` keeps
        /// the bytes of the last chunk.
        @inline(__always)
        func find(_ first: UInt64, _ second: UInt64, length: Int, lastMask: UInt64) -> Int32 {
            var hash = Vocabulary.hash(Vocabulary.hashSeed(length: length), adding: first)
            if length > 8 { hash = Vocabulary.hash(hash, adding: second) }
            let tag = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = slots[slot]
                if stored == 0 { return Vocabulary.unknown }
                if stored >> 32 == tag {
                    let id = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) &- 1
                    assert(id >= 0 && id < spans.count, "vocabulary slot \(slot) names no key")
                    let span = spans[id]
                    if Int(span & 0xFFFF_FFFF) == length {
                        // A key's loads stay inside `keyBytes`: eight zero bytes follow the last key.
                        let keyStart = Int(span >> 32)
                        let head = keyBytes.word(at: keyStart)
                        if length <= 8 {
                            if head & lastMask == first { return Int32(truncatingIfNeeded: id) }
                        } else if head == first, keyBytes.word(at: keyStart &+ 8) & lastMask == second {
                            return Int32(truncatingIfNeeded: id)
                        }
                    }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    package func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            keySpans.withUnsafeBufferPointer { spans in
                keyBytes.withUnsafeBytes { keyBytes in
                    body(Reader(slots: slots, spans: spans, keyBytes: keyBytes, mask: mask))
                }
            }
        }
    }

    // MARK: Hashing and probing

    /// The chunks of a key longer than eight bytes; words that long are rare, and up to 32 bytes
    /// stay on the stack.
    private struct KeyChunks {
        private var inline: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var count = 0
        private var overflow: [UInt64] = []

        mutating func append(_ chunk: UInt64) {
            if count < 4 {
                withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: chunk, toByteOffset: count * 8, as: UInt64.self) }
            } else {
                if overflow.isEmpty { overflow = withUnsafeBytes(of: inline) { Array($0.bindMemory(to: UInt64.self)) } }
                overflow.append(chunk)
            }
            count += 1
        }

        func withChunks<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
            if count > 4 { return overflow.withUnsafeBufferPointer(body) }
            return withUnsafeBytes(of: inline) { body(UnsafeBufferPointer(start: $0.bindMemory(to: UInt64.self).baseAddress, count: count)) }
        }
    }

    /// Up to eight bytes of `text` from `start`, little-endian, zero above `count`.
    @inline(__always)
    private static func load(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        load(text, start, count, mask: byteMask(count))
    }

    /// `load` with the byte mask of `count` made by the caller.
    @inline(__always)
    private static func load(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, mask: UInt64) -> UInt64 {
        if start &+ 8 <= text.count { return text.word(at: start) & mask }
        var word: UInt64 = 0
        for offset in 0..<count { word |= UInt64(text[start + offset]) << UInt64(offset * 8) }
        return word
    }

    /// Bit 5 of every byte: OR'd into letters, it lowercases them.
    private static let lowercaseBits: UInt64 = 0x2020_2020_2020_2020

    /// Bit 5 of each of the first `count` bytes.
    @inline(__always)
    private static func lowercaseBits(_ count: Int) -> UInt64 {
        lowercaseBits & byteMask(count)
    }

    @inline(__always)
    private static func hashSeed(length: Int) -> UInt64 { UInt64(length) &* 0x9E37_79B9_7F4A_7C15 }

    @inline(__always)
    private static func hash(_ state: UInt64, adding chunk: UInt64) -> UInt64 {
        let mixed = (state ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ (mixed >> 32)
    }

    private static func hash(_ chunks: UnsafeBufferPointer<UInt64>, length: Int) -> UInt64 {
        // An empty key hashes like one zero chunk, as the short-key probe does.
        if chunks.isEmpty { return Vocabulary.hash(hashSeed(length: 0), adding: 0) }
        var hash = hashSeed(length: length)
        for chunk in chunks { hash = Vocabulary.hash(hash, adding: chunk) }
        return hash
    }

    private func find(_ first: UInt64, _ second: UInt64 = 0, length: Int) -> Int32 {
        let lastMask = Vocabulary.byteMask(length <= 8 ? length : length - 8)
        return withReader { $0.find(first, second, length: length, lastMask: lastMask) }
    }

    /// Ones in the first `count` bytes (`count` at most eight).
    @inline(__always)
    private static func byteMask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }

    private func find(_ chunks: UnsafeBufferPointer<UInt64>, length: Int) -> Int32 {
        if chunks.count <= 2 { return find(chunks.first ?? 0, chunks.count == 2 ? chunks[1] : 0, length: length) }
        let hash = Vocabulary.hash(chunks, length: length)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let stored = slots[slot]
                if stored == 0 { return Vocabulary.unknown }
                if stored >> 32 == tag {
                    let id = Int32(truncatingIfNeeded: stored) - 1
                    if matches(Int(id), chunks, length: length) { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func matches(_ id: Int, _ chunks: UnsafeBufferPointer<UInt64>, length: Int) -> Bool {
        let span = keySpans[id]
        guard Int(span & 0xFFFF_FFFF) == length else { return false }
        let start = Int(span >> 32)
        return keyBytes.withUnsafeBytes { bytes in
            for (index, chunk) in chunks.enumerated() {
                let stored = bytes.word(at: start + index * 8)
                let remaining = length - index * 8
                let mask: UInt64 = remaining >= 8 ? ~0 : (1 << UInt64(remaining * 8)) - 1
                if stored & mask != chunk { return false }
            }
            return true
        }
    }

    private mutating func insert(_ id: Int32) {
        let span = keySpans[Int(id)]
        let start = Int(span >> 32)
        let length = Int(span & 0xFFFF_FFFF)
        var chunks = KeyChunks()
        var offset = 0
        keyBytes.withUnsafeBytes { bytes in
            while offset < length {
                let count = min(8, length - offset)
                let word = bytes.word(at: start + offset)
                chunks.append(count == 8 ? word : word & ((1 << UInt64(count * 8)) - 1))
                offset += count
            }
        }
        let hash = chunks.withChunks { Vocabulary.hash($0, length: length) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
    }

    /// Makes room for `extra` more keys without growing, as adding them would grow the table.
    mutating func reserve(_ extra: Int) {
        while (keySpans.count + extra) * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<keySpans.count { insert(Int32(id)) }
    }
}
