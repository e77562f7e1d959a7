/// The people of a surname's first letters (`BatchCache.personAliases(surnamesAround:)`), indexed
/// so that a new person is compared only with those whose surname could be theirs a letter apart.
///
/// `matchPerson` takes a stored alias from around the new surname for the same person only when
/// its surname (particles aside) is the new one or a variant of it (`GraphStore.isVariant`): one
/// edit apart by Unicode scalars, or one character (a doubled letter) more. Two such surnames
/// share a neighbour key: each surname is keyed by itself and by every string it gives with one
/// scalar or one character left out. A substitution leaves the same string out of both; an
/// insertion leaves the shorter one out of the longer. Checking only the aliases that share a key
/// with the new surname finds every alias the full scan would take, and the rules decide as
/// before among them; the full scan stays as the reference (`GraphStore.indexCandidates(from: .max)`).
///
/// With the benchmark's 100,000 people in 676 groups of first letters, the scan compared each new
/// person with about 150 stored ones; real news has far larger groups ("al", "ma").
struct SurnameNeighbours {
    /// The aliases, in the order they came (the query's order, then those added since).
    private(set) var aliases: [StoreMemory.PrefixAlias] = []
    /// Positions in `aliases` by neighbour key of their surname, particles aside; nil until a
    /// query finds the group large enough to index (`candidates(near:indexingFrom:)`).
    private var byKey: [String: [Int]]?

    /// The fewest aliases a group indexes by default: a group is read again after every batch
    /// that moves a surname's articles, and a small one costs less to scan than to index.
    static let defaultThreshold = 64

    mutating func append(_ alias: StoreMemory.PrefixAlias) {
        aliases.append(alias)
        if byKey != nil { index(aliases.count - 1) }
    }

    /// The aliases whose surname shares a neighbour key with `surname`, each once, in the order
    /// they came; every alias while the group has fewer than `threshold`, which is then indexed.
    mutating func candidates(near surname: String, indexingFrom threshold: Int) -> [StoreMemory.PrefixAlias] {
        if byKey == nil {
            guard aliases.count >= threshold else { return aliases }
            byKey = [:]
            for position in aliases.indices { index(position) }
        }
        var positions: [Int64] = []
        for key in SurnameNeighbours.keys(of: surname) {
            if let found = byKey![key] { positions.append(contentsOf: found.lazy.map(Int64.init)) }
        }
        return BatchCache.distinctAscending(positions).map { aliases[Int($0)] }
    }

    /// Files the alias at `position` under the keys of its surname, particles aside
    /// (`NameFolding.personKey`, as `matchPerson` compares it); one with none (its name is
    /// particles and one word) is nobody's variant.
    private mutating func index(_ position: Int) {
        let surname = NameFolding.surname(of: NameFolding.personKey(aliases[position].folded))
        guard !surname.isEmpty else { return }
        for key in SurnameNeighbours.keys(of: surname) { byKey![key, default: []].append(position) }
    }

    /// A surname, and every string it gives with one Unicode scalar or one character left out
    /// (some may repeat).
    static func keys(of surname: String) -> [String] {
        var keys = [surname]
        var copy = surname
        // In ASCII every character is one scalar and one byte: the strings are cut from the bytes.
        let ascii = copy.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer in
                for left in bytes.indices {
                    var count = 0
                    for index in bytes.indices where index != left {
                        buffer[count] = bytes[index]
                        count += 1
                    }
                    keys.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self))
                }
            }
            return true
        }
        if ascii { return keys }
        let scalars = Array(surname.unicodeScalars)
        for left in scalars.indices {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<left])
            view.append(contentsOf: scalars[(left + 1)...])
            keys.append(String(view))
        }
        let characters = Array(surname)
        for left in characters.indices {
            keys.append(String(characters[..<left]) + String(characters[(left + 1)...]))
        }
        return keys
    }
}
