import KnowledgeGraph

/// One part of a feature's name ("criticized", "order", "aTb"), with its hash computed once.
///
/// A feature is a few parts joined by `|` ("criticized|order|aTb"). Its hash combines the
/// parts' hashes, so scoring never builds the name: the parts a feature is made of are made
/// once (the templates below, a cue's phrase when the cue is loaded), and training, which
/// spells the name out, and the model's loader, which splits it, reach the same hash.
struct FeaturePart: Sendable, Hashable, ExpressibleByStringLiteral {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        // The separator cannot stand inside a part ("|" as a token of the text).
        let clean = name.utf8.contains(UInt8(ascii: "|")) ? String(name.map { $0 == "|" ? "¦" : $0 }) : name
        self.name = clean
        hash = FeaturePart.hash(of: clean.utf8)
    }

    /// FNV-1a of a part's bytes.
    static func hash(of bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    init(stringLiteral name: String) { self.init(name) }

    /// Parts are compared by hash first: most parts compared differ, and the hashes say so at once.
    static func == (lhs: FeaturePart, rhs: FeaturePart) -> Bool { lhs.hash == rhs.hash && lhs.name == rhs.name }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
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

    var count: Int { hashes.count }

    mutating func add(_ first: FeaturePart, _ second: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name }
    }

    mutating func add(_ first: FeaturePart, _ second: FeaturePart, _ third: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second), third)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name + "|" + third.name }
    }

    mutating func add(_ first: FeaturePart, _ second: FeaturePart, _ third: FeaturePart, _ fourth: FeaturePart) {
        let state = FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.fold(FeaturePart.seed, first), second), third), fourth)
        insert(FeaturePart.finish(state)) { first.name + "|" + second.name + "|" + third.name + "|" + fourth.name }
    }

    /// A feature added twice counts twice (a word twice between two names), in training as in
    /// scoring: no set is kept.
    private mutating func insert(_ hash: UInt64, name: () -> String) {
        hashes.append(hash)
        names?.append(name())
    }
}
