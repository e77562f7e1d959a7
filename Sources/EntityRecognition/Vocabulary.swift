/// Interns lowercase word forms as small integer IDs, hashing UTF-8 bytes directly.
///
/// Built once from the lexicons; during recognition tokens are only looked up, never added,
/// so a word no lexicon knows gets `Vocabulary.unknown` without any allocation.
struct Vocabulary: Sendable {
    static let unknown: Int32 = -1

    private var keyBytes: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    /// Each ID's word as a String, made once: stages after the tokenizer ask for words often.
    private var words: [String] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keyRanges.count }

    /// The word of an ID; empty for `unknown`.
    func word(_ id: Int32) -> String {
        guard id >= 0 else { return "" }
        return words[Int(id)]
    }

    /// The ID of a lowercase key, or `unknown`.
    func id<C: RandomAccessCollection>(of key: C) -> Int32 where C.Element == UInt8, C.Index == Int {
        var slot = Vocabulary.hash(key) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return Vocabulary.unknown }
            if equals(Int(candidate), key) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    /// The ID of the word `text[start..<end]`, lowercased, or `unknown`.
    func id(ofWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        if let id = id(ofASCIIWordIn: text, start, end) { return id }
        var key: [UInt8] = []
        Tokenizer.lowercaseKey(text, start, end, into: &key)
        return id(of: key)
    }

    /// The ID of `text[start..<end]` lowercased, folding ASCII capitals while hashing so no key is
    /// built; nil when the word has a non-ASCII byte, which needs full Unicode lowercasing.
    private func id(ofASCIIWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        var hash = Vocabulary.hashSeed
        for index in start..<end {
            let byte = text[index]
            if byte >= 0x80 { return nil }
            hash = Vocabulary.hash(hash, adding: byte)
        }
        return id(ofASCIIWordIn: text, start, end, hash: hash)
    }

    /// The FNV-1a hash state before any byte.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash state after one more byte, folded to lowercase: the tokenizer hashes words while it
    /// scans them.
    @inline(__always)
    static func hash(_ state: UInt64, adding byte: UInt8) -> UInt64 {
        (state ^ UInt64(byte.asciiLowercased)) &* 0x100_0000_01b3
    }

    /// The ID of the ASCII word `text[start..<end]`, lowercased, whose folded bytes hash to `hash`.
    func id(ofASCIIWordIn text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return Vocabulary.unknown }
            let range = keyRanges[Int(candidate)]
            if range.count == end - start {
                var stored = range.lowerBound
                var index = start
                while index < end {
                    let byte = text[index]
                    if keyBytes[stored] != byte.asciiLowercased { break }
                    stored += 1
                    index += 1
                }
                if index == end { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a lowercase key if it is new and returns its ID.
    mutating func intern<C: RandomAccessCollection>(_ key: C) -> Int32 where C.Element == UInt8, C.Index == Int {
        let existing = id(of: key)
        if existing != Vocabulary.unknown { return existing }
        if (keyRanges.count + 1) * 2 > slots.count { grow() }
        let newID = Int32(keyRanges.count)
        let start = keyBytes.count
        keyBytes.append(contentsOf: key)
        keyRanges.append(start..<keyBytes.count)
        words.append(String(decoding: keyBytes[start...], as: UTF8.self))
        insert(newID)
        return newID
    }

    private mutating func insert(_ id: Int32) {
        var slot = Vocabulary.hash(keyBytes[keyRanges[Int(id)]]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<keyRanges.count { insert(Int32(id)) }
    }

    private func equals<C: RandomAccessCollection>(_ id: Int, _ key: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let range = keyRanges[id]
        guard range.count == key.count else { return false }
        var index = range.lowerBound
        for byte in key {
            if keyBytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    private static func hash<C: Collection>(_ key: C) -> Int where C.Element == UInt8 {
        var value: UInt64 = hashSeed
        for byte in key {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }
}
