/// Entity keys to entity indices for one article.
///
/// An article has a few dozen keys: they are scanned by a cheap fingerprint (the key's kind,
/// length and first byte) and compared only on a match, which costs less than hashing each key.
/// Past `scanLimit` keys a dictionary takes over, so a huge article stays linear.
struct KeyIndex {
    private var keys: [EntityKey] = []
    private var fingerprints: [UInt64] = []
    /// By position in `keys`; -1 once the key is removed.
    private var values: [Int] = []
    private var positions: [EntityKey: Int]?

    private static let scanLimit = 48

    mutating func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        fingerprints.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    subscript(key: EntityKey) -> Int? {
        get {
            guard let position = position(of: key, fingerprint: KeyIndex.fingerprint(key)) else { return nil }
            let value = values[position]
            return value < 0 ? nil : value
        }
        set {
            let fingerprint = KeyIndex.fingerprint(key)
            if let position = position(of: key, fingerprint: fingerprint) {
                values[position] = newValue ?? -1
                return
            }
            guard let newValue else { return }
            keys.append(key)
            fingerprints.append(fingerprint)
            values.append(newValue)
            if positions != nil {
                positions![key] = keys.count - 1
            } else if keys.count > KeyIndex.scanLimit {
                positions = Dictionary(uniqueKeysWithValues: keys.indices.map { (keys[$0], $0) })
            }
        }
    }

    private func position(of key: EntityKey, fingerprint: UInt64) -> Int? {
        if let positions { return positions[key] }
        for position in fingerprints.indices where fingerprints[position] == fingerprint && keys[position] == key {
            return position
        }
        return nil
    }

    private static func fingerprint(_ key: EntityKey) -> UInt64 {
        switch key {
        case .country(let name): fingerprint(1, name)
        case .body(let name): fingerprint(2, name)
        case .generic(let name, let country): fingerprint(3, name) ^ (country.map { fingerprint(4, $0) << 1 } ?? 0)
        case .organization(let name): fingerprint(5, name)
        case .person: 6
        case .titleReference(let title, let country): fingerprint(7, title) ^ (country.map { fingerprint(8, $0) << 1 } ?? 0)
        }
    }

    private static func fingerprint(_ kind: UInt64, _ text: String) -> UInt64 {
        kind | text.lengthAndFirstByte << 8
    }
}

extension String {
    /// The UTF-8 length and first byte: equal strings give equal values, and both are read at
    /// once, so they screen out most comparisons. (The last byte would tell more strings apart,
    /// but reaching it through the UTF-8 view costs more than the comparisons it saves.)
    var lengthAndFirstByte: UInt64 {
        let utf8 = utf8
        return UInt64(truncatingIfNeeded: utf8.count) << 8 | UInt64(utf8.first ?? 0)
    }
}
