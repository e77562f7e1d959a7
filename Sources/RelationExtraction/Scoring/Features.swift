/// The features of one candidate edge: hashed for scoring and, when training, spelled out.
///
/// A feature is a few parts joined by `|` ("criticized|order|aTb"). Its hash is FNV-1a over
/// those bytes, computed part by part, so scoring never builds the string and training, which
/// spells it out, hashes to the same value.
struct FeatureSet {
    private(set) var hashes: [UInt64] = []
    /// The spelled-out features, kept only when training asks for them.
    private(set) var names: [String]?

    init(recordingNames: Bool) {
        names = recordingNames ? [] : nil
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    static func hash(_ name: String) -> UInt64 {
        var hash = offsetBasis
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    private static func mix(_ hash: inout UInt64, _ part: String) {
        for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
    }

    private static let separator = UInt64(UInt8(ascii: "|"))

    mutating func add(_ first: String, _ second: String) {
        var hash = FeatureSet.offsetBasis
        FeatureSet.mix(&hash, first)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, second)
        insert(hash) { first + "|" + second }
    }

    mutating func add(_ first: String, _ second: String, _ third: String) {
        var hash = FeatureSet.offsetBasis
        FeatureSet.mix(&hash, first)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, second)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, third)
        insert(hash) { first + "|" + second + "|" + third }
    }

    mutating func add(_ first: String, _ second: String, _ third: String, _ fourth: String) {
        var hash = FeatureSet.offsetBasis
        FeatureSet.mix(&hash, first)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, second)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, third)
        hash = (hash ^ FeatureSet.separator) &* FeatureSet.prime
        FeatureSet.mix(&hash, fourth)
        insert(hash) { first + "|" + second + "|" + third + "|" + fourth }
    }

    /// Adds every feature of `other` (a candidate seen again in another sentence).
    mutating func formUnion(_ other: FeatureSet) {
        for (index, hash) in other.hashes.enumerated() {
            insert(hash) { other.names?[index] ?? "" }
        }
    }

    private mutating func insert(_ hash: UInt64, name: () -> String) {
        // Candidates hold a few dozen features: a scan beats hashing into a set.
        if hashes.contains(hash) { return }
        hashes.append(hash)
        names?.append(name())
    }
}
