import KnowledgeGraph
import Synchronization

/// One part of a feature's name ("criticized", "order", "aTb"), with its hash computed once.
///
/// A feature is a few parts joined by `|` ("criticized|order|aTb"). Its hash combines the
/// parts' hashes, so scoring never builds the name: the parts a feature is made of are made
/// once (the templates below, a cue's phrase when the cue is loaded), and training, which
/// spells the name out, and the model's loader, which splits it, reach the same hash.
///
/// A part holds no string: its name stands in `FeatureNames`, by number, so parts are copied
/// and passed around with no reference counting (every feature of every pair reads several).
/// Parts made while scoring from the text (a gap's shape, a preposition) are only hashed
/// (`FeatureSet.part(_:)`); training names them.
struct FeaturePart: Sendable, Hashable, ExpressibleByStringLiteral {
    let hash: UInt64
    /// The name's number in `FeatureNames`, or `FeaturePart.unnamed` for a part known by its hash.
    private let id: UInt32

    private static let unnamed = UInt32.max

    init(_ name: String) {
        let clean = FeaturePart.clean(name)
        // Over the string's buffer: some 6,000 parts are made at every start, and the UTF-8
        // view's iterator cost several times more than the hashing.
        hash = clean.utf8.withContiguousStorageIfAvailable { FeaturePart.hash(of: $0) } ?? FeaturePart.hash(of: clean.utf8)
        id = FeatureNames.shared.number(of: clean, hash: hash)
    }

    /// A part with the hash `FeaturePart(name)` has, whose name is not kept.
    init(unnamed name: String) {
        var name = name
        hash = name.withUTF8 { FeaturePart.hash(ofName: $0) } ?? FeaturePart.hash(of: FeaturePart.clean(name).utf8)
        id = FeaturePart.unnamed
    }

    /// A part with the hash `FeaturePart(String(decoding: bytes, as: UTF8.self))` has, whose name
    /// is not kept: a part made while scoring from bytes is hashed with no string made.
    init(unnamedBytes bytes: UnsafeBufferPointer<UInt8>) {
        let fast = FeaturePart.isValidUTF8(bytes) ? FeaturePart.hash(ofName: bytes) : nil
        hash = fast ?? FeaturePart.hash(of: FeaturePart.clean(String(decoding: bytes, as: UTF8.self)).utf8)
        id = FeaturePart.unnamed
    }

    /// FNV-1a of a name's bytes in one pass, as `hash(of: clean(name).utf8)` gives it for a string
    /// of these bytes; nil when the name holds a "|" (rare: a mark of the text), which `clean`
    /// replaces character by character.
    static func hash(ofName bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            if byte == UInt8(ascii: "|") { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Whether a string made of these bytes holds them as they are: ASCII, or valid UTF-8
    /// (a string repairs other bytes).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The separator cannot stand inside a part ("|" as a token of the text).
    static func clean(_ name: String) -> String {
        let bar = UInt8(ascii: "|")
        let hasBar = name.utf8.withContiguousStorageIfAvailable { $0.contains(bar) } ?? name.utf8.contains(bar)
        return hasBar ? String(name.map { $0 == "|" ? "¦" : $0 }) : name
    }

    /// The part's name; a part made with `init(unnamed:)` has none.
    var name: String {
        precondition(id != FeaturePart.unnamed, "a feature part made for scoring has no name")
        return FeatureNames.shared.name(id)
    }

    /// FNV-1a of a part's bytes.
    static func hash(of bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    init(stringLiteral name: String) { self.init(name) }

    /// Two named parts are equal when their names are (a name has one number); a part known by
    /// its hash alone is equal to any with its hash.
    static func == (lhs: FeaturePart, rhs: FeaturePart) -> Bool {
        lhs.hash == rhs.hash && (lhs.id == rhs.id || lhs.id == FeaturePart.unnamed || rhs.id == FeaturePart.unnamed)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// A whole feature's hash is folded from its parts' hashes, in order.
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func fold(_ state: UInt64, _ part: FeaturePart) -> UInt64 { fold(state, hash: part.hash) }

    @inline(__always)
    static func fold(_ state: UInt64, hash: UInt64) -> UInt64 {
        (state ^ hash) &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB
    }

    @inline(__always)
    static func finish(_ state: UInt64) -> UInt64 { state ^ (state >> 31) }

    static func relation(_ relation: RelationType) -> FeaturePart {
        switch relation {
        case .sanctioned: .sanctioned
        case .metWith: .metWith
        case .criticized: .criticized
        case .affiliatedWith: .affiliatedWith
        default: FeaturePart(relation.rawValue)
        }
    }

    static let sanctioned: FeaturePart = "sanctioned"
    static let metWith: FeaturePart = "met_with"
    static let criticized: FeaturePart = "criticized"
    static let affiliatedWith: FeaturePart = "affiliated_with"

    static func type(_ type: EntityType) -> FeaturePart {
        switch type {
        case .person: .person
        case .agency: .agency
        case .country: .country
        case .organization: .organization
        }
    }

    static let person: FeaturePart = "person"
    static let agency: FeaturePart = "agency"
    static let country: FeaturePart = "country"
    static let organization: FeaturePart = "organization"

    /// Distances and counts in buckets, so a feature says "near" or "far" rather than a number.
    static func bucket(_ count: Int) -> FeaturePart {
        switch count {
        case ..<1: buckets[0]
        case 1...2: buckets[1]
        case 3...5: buckets[2]
        case 6...10: buckets[3]
        default: buckets[4]
        }
    }

    private static let buckets: [FeaturePart] = ["0", "1-2", "3-5", "6-10", "11+"]
}

/// The features of one candidate edge: hashed for scoring and, when training, spelled out.
struct FeatureSet {
    private(set) var hashes: [UInt64] = []
    /// The spelled-out features, kept only when training asks for them.
    private(set) var names: [String]?

    init(recordingNames: Bool) {
        names = recordingNames ? [] : nil
    }

    var isRecordingNames: Bool { names != nil }

    /// A part made from the text while the features are found: named when training spells
    /// the features out, only hashed when scoring.
    func part(_ name: String) -> FeaturePart {
        names != nil ? FeaturePart(name) : FeaturePart(unnamed: name)
    }

    /// `part(String(decoding: bytes, as: UTF8.self))`, with no string made when scoring.
    func part(bytes: UnsafeBufferPointer<UInt8>) -> FeaturePart {
        names != nil ? FeaturePart(String(decoding: bytes, as: UTF8.self)) : FeaturePart(unnamedBytes: bytes)
    }

    var count: Int { hashes.count }

    @inline(__always)
    mutating func add(_ first: FeaturePart, _ second: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name }
    }

    @inline(__always)
    mutating func add(_ first: FeaturePart, _ second: FeaturePart, _ third: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second), third)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name + "|" + third.name }
    }

    @inline(__always)
    mutating func add(_ first: FeaturePart, _ second: FeaturePart, _ third: FeaturePart, _ fourth: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second), third), fourth)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name + "|" + third.name + "|" + fourth.name }
    }

    /// Adds again the features in `range`, in their order: features already found for one place
    /// that another place shares.
    mutating func repeatFeatures(_ range: Range<Int>) {
        // Element by element: a slice of the array would share its buffer, and the append copy it.
        for index in range { hashes.append(hashes[index]) }
        if names != nil {
            for index in range { names!.append(names![index]) }
        }
    }

    /// A feature added twice counts twice (a word twice between two names), in training as in
    /// scoring: no set is kept.
    @inline(__always)
    private mutating func insert(_ hash: UInt64, name: () -> String) {
        hashes.append(hash)
        names?.append(name())
    }
}

/// The names of the feature parts, by number: made once for the templates, the cues and the
/// model's words, and while training for the words of the text. Read only to spell features
/// out (training) and to cite a cue.
final class FeatureNames: Sendable {
    static let shared = FeatureNames()

    /// The names by number, and their numbers in an open-addressing table keyed by the names'
    /// hashes (FNV-1a, already made for the part): some 25,000 parts are made at every start, and
    /// hashing each name again for a dictionary cost more than the rest of loading the cues.
    private struct Table {
        var names: [String] = []
        var hashes: [UInt64] = []
        /// Numbers (`UInt32.max` where empty), at the slot a hash's low bits give or the next ones.
        var slots = [UInt32](repeating: .max, count: 1 << 12)

        mutating func number(of name: String, hash: UInt64) -> UInt32 {
            var mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != .max {
                let number = slots[slot]
                if hashes[Int(number)] == hash && names[Int(number)] == name { return number }
                slot = (slot + 1) & mask
            }
            let number = UInt32(names.count)
            names.append(name)
            hashes.append(hash)
            if names.count * 2 > slots.count {
                // Twice the size, every number placed again.
                slots = [UInt32](repeating: .max, count: slots.count * 2)
                mask = slots.count - 1
                for (placed, placedHash) in hashes.enumerated() {
                    var free = Int(truncatingIfNeeded: placedHash) & mask
                    while slots[free] != .max { free = (free + 1) & mask }
                    slots[free] = UInt32(placed)
                }
            } else {
                slots[slot] = number
            }
            return number
        }
    }

    private let table = Mutex(Table())

    /// The number of `name` (whose part hash is `hash`), given it if it has none yet.
    func number(of name: String, hash: UInt64) -> UInt32 {
        table.withLock { $0.number(of: name, hash: hash) }
    }

    func name(_ number: UInt32) -> String {
        table.withLock { $0.names[Int(number)] }
    }
}
