import KnowledgeGraph
import Synchronization

/// Who held which office in which country: the office holders of the Phoenix actor dictionaries
/// (`office-holders.tsv`, generated) and the project's own list of the heads of state and
/// government, foreign and defence ministers news names most (`office-holders-curated.tsv`).
///
/// An article that names "President Vladimir Putin" and, elsewhere, Russia, ties the two even
/// where no sentence says "Russian President".
///
/// Package-visible for the test that checks its lookups against a plain dictionary of the rows.
package struct OfficeHolders: Sendable {
    package struct Holding: Sendable, Hashable {
        /// A country name of countries.tsv, or empty for an intergovernmental body.
        package var country: String
        /// The body of an intergovernmental office ("United Nations"), or Phoenix's agent code.
        package var agent: String
        package var role: String
        package var curated: Bool

        package init(country: String, agent: String, role: String, curated: Bool) {
            self.country = country
            self.agent = agent
            self.role = role
            self.curated = curated
        }
    }

    // The tables are internal (not private) for CueLexiconSnapshot.swift, which saves them.
    /// The files' bytes, in the order added; rows and names are ranges of them.
    var files: [(bytes: [UInt8], curated: Bool)] = []
    /// Each row's holding, as byte ranges of its file: made into strings only when a name asks.
    var rows: [Row] = []
    /// Every name of every row, in file order, with its key's hash. Tens of thousands of rows are
    /// read at every start, and an article asks for a few names: a dictionary of strings cost
    /// more to build than all the articles of a small run.
    var names: [Name] = []
    /// The names of each key hash, chained in file order through `Name.next`.
    var chains = HashChains()

    struct Row {
        var file: Int32
        var country: Range<Int32>
        var agent: Range<Int32>
        var role: Range<Int32>

        /// Whether `other` has this row's bytes in each field and the same curation.
        func hasFields(of other: Row, in files: [(bytes: [UInt8], curated: Bool)]) -> Bool {
            let mine = files[Int(file)]
            let theirs = files[Int(other.file)]
            func same(_ a: Range<Int32>, _ b: Range<Int32>) -> Bool {
                mine.bytes[Int(a.lowerBound)..<Int(a.upperBound)].elementsEqual(theirs.bytes[Int(b.lowerBound)..<Int(b.upperBound)])
            }
            return mine.curated == theirs.curated && same(country, other.country) && same(agent, other.agent) && same(role, other.role)
        }
    }

    struct Name {
        var keyHash: UInt64
        var row: Int32
        var bytes: Range<Int32>
        /// The next name with the same key hash, or -1.
        var next: Int32 = -1
    }

    /// Open addressing from a key hash to the first and last of its names.
    struct HashChains {
        var slots = [(hash: UInt64, first: Int32, last: Int32)](repeating: (0, -1, -1), count: 1024)
        var count = 0

        func first(_ hash: UInt64) -> Int32 {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].first >= 0 {
                if slots[slot].hash == hash { return slots[slot].first }
                slot = (slot + 1) & mask
            }
            return -1
        }

        /// Appends `name` to its hash's chain; returns the name it follows, or -1 for a new chain.
        mutating func append(_ name: Int32, hash: UInt64) -> Int32 {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].first >= 0 {
                if slots[slot].hash == hash {
                    let previous = slots[slot].last
                    slots[slot].last = name
                    return previous
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = (hash, name, name)
            count += 1
            if count * 2 > slots.count { grow() }
            return -1
        }

        private mutating func grow() {
            let old = slots
            slots = Array(repeating: (0, -1, -1), count: old.count * 2)
            let mask = slots.count - 1
            for entry in old where entry.first >= 0 {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while slots[slot].first >= 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }

    package static let empty = OfficeHolders()

    package init() {}

    /// A name folded for lookup: lowercase, Latin diacritics removed, hyphens and dots as spaces.
    package static func key(_ name: String) -> String {
        // Most names are ASCII: folded byte by byte, without Character properties.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(name.utf8) }
        // Another is folded through Foundation and Character properties (some 24,000 instructions):
        // once per process, then looked up.
        if let known = foldedKeys.withLock({ $0[name] }) { return known }
        let folded = foldedKey(name)
        foldedKeys.withLock { keys in
            if keys.count < maximumFoldedKeys { keys[name] = folded }
        }
        return folded
    }

    /// The keys of the names past ASCII folded so far, at most `maximumFoldedKeys` of them (the
    /// others are folded every time: a stream of distinct names does not grow the table for ever).
    private static let foldedKeys = Mutex<[String: String]>([:])
    static let maximumFoldedKeys = 1 << 16

    /// `key(_:)` of a name past ASCII, folded anew.
    package static func foldedKey(_ name: String) -> String {
        var result = ""
        var space = true
        for character in name.foldingLatinDiacritics.lowercased() {
            if character.isLetter || character.isNumber || character == "'" {
                result.append(character)
                space = false
            } else if !space {
                result.append(" ")
                space = true
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The offices a person of this full name held; one-word names are never looked up.
    package func holdings(of fullName: String) -> [Holding] {
        // The bytes in an array: folded, hashed and compared byte by byte, which a string's
        // UTF-8 view does several times slower.
        let name = Array(fullName.utf8)
        // A one-word name is never looked up: no space, no lookup.
        guard name.contains(0x20) || name.contains(UInt8(ascii: "-")) else { return [] }
        // An ASCII name is folded as it is compared and hashed; another name is folded once.
        let isASCII = name.allSatisfy { $0 < 0x80 }
        let key = isASCII ? nil : OfficeHolders.key(fullName)
        let hash: UInt64
        if let key {
            guard key.utf8.contains(0x20) else { return [] }
            hash = OfficeHolders.hash(key.utf8)
        } else {
            guard let asciiHash = OfficeHolders.keyHash(name) else { return [] }
            hash = asciiHash
        }
        // Names in file order, each row's holding once, as the rows were added.
        var result: [Holding] = []
        var keptRows: [Int32] = []
        var index = chains.first(hash)
        while index >= 0 {
            let found = names[Int(index)]
            index = found.next
            let row = rows[Int(found.row)]
            let bytes = files[Int(row.file)].bytes
            let rowName = bytes[Int(found.bytes.lowerBound)..<Int(found.bytes.upperBound)]
            let sameKey = if let key { OfficeHolders.key(rowName) == key } else { OfficeHolders.sameASCIIKey(rowName, name) }
            guard sameKey else { continue }
            // A row whose fields are byte for byte those of a holding kept is that holding: its
            // strings are not made. (Different bytes may still make equal strings: those compare.)
            let curated = files[Int(row.file)].curated
            if keptRows.contains(where: { rows[Int($0)].hasFields(of: row, in: files) }) { continue }
            func string(_ range: Range<Int32>) -> String {
                String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
            }
            let holding = Holding(country: string(row.country), agent: string(row.agent), role: string(row.role), curated: curated)
            if !result.contains(holding) {
                result.append(holding)
                keptRows.append(found.row)
            }
        }
        return result
    }

    /// Whether a name (of any bytes) has the lookup key of the ASCII name `ascii`.
    private static func sameASCIIKey(_ name: ArraySlice<UInt8>, _ ascii: [UInt8]) -> Bool {
        guard name.allSatisfy({ $0 < 0x80 }) else { return key(name) == asciiKey(ascii) }
        // Folded over the buffers: over an array slice, each byte read retained its storage.
        return name.withUnsafeBufferPointer { name in
            ascii.withUnsafeBufferPointer { ascii in
                var expected = FoldedASCIIKey(ascii)
                for byte in FoldedASCIIKey(name) where expected.next() != byte { return false }
                return expected.next() == nil
            }
        }
    }

    /// Adds the rows of an office-holder file: `name aliases country agent from to role`.
    package mutating func add(tsv bytes: [UInt8], curated: Bool, file: String) throws(ModelError) {
        let lines = DataLines(bytes: bytes)
        let fileIndex = Int32(files.count)
        files.append((bytes, curated))
        func narrow(_ range: Range<Int>) -> Range<Int32> { Int32(range.lowerBound)..<Int32(range.upperBound) }
        for line in lines {
            guard line.fields.count == 7 else {
                throw ModelError(line: line.number, reason: "expected name, aliases, country, agent, from, to, role")
            }
            let fields = line.fields
            let row = Int32(rows.count)
            rows.append(Row(file: fileIndex, country: narrow(fields[2]), agent: narrow(fields[3]), role: narrow(fields[6])))
            // The name, then each alias of the `|`-separated list.
            func addName(_ range: Range<Int>) {
                guard let keyHash = OfficeHolders.keyHash(bytes[range]) else { return }
                let name = Int32(names.count)
                names.append(Name(keyHash: keyHash, row: row, bytes: narrow(range)))
                let previous = chains.append(name, hash: keyHash)
                if previous >= 0 { names[Int(previous)].next = name }
            }
            addName(fields[0])
            var start = fields[1].lowerBound
            for index in fields[1] where bytes[index] == UInt8(ascii: "|") {
                addName(start..<index)
                start = index + 1
            }
            if !fields[1].isEmpty { addName(start..<fields[1].upperBound) }
        }
    }

    /// The hash of a name's lookup key, or nil when the key is one word (never looked up).
    /// ASCII names are folded and hashed byte by byte, without making the key.
    private static func keyHash<Name: Collection<UInt8>>(_ name: Name) -> UInt64? {
        guard name.allSatisfy({ $0 < 0x80 }) else {
            let key = key(String(decoding: name, as: UTF8.self))
            return key.utf8.contains(0x20) ? hash(key.utf8) : nil
        }
        // The bytes `FoldedASCIIKey` gives, folded into the hash as they are made (over the
        // name's buffer where it has one: some 40,000 names are hashed at every start).
        func fold(_ bytes: some Sequence<UInt8>) -> UInt64? {
            var hash = hashSeed
            var started = false
            var pendingSpace = false
            var sawSpace = false
            for byte in bytes {
                let lower = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                    started = true
                    if pendingSpace {
                        pendingSpace = false
                        sawSpace = true
                        hash = mix(hash, 0x20)
                    }
                    hash = mix(hash, lower)
                } else if started {
                    pendingSpace = true
                }
            }
            return sawSpace ? hash : nil
        }
        return name.withContiguousStorageIfAvailable { fold($0) } ?? fold(name)
    }

    /// FNV-1a of a key's bytes.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = hashSeed
        for byte in bytes { hash = mix(hash, byte) }
        return hash
    }

    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The lookup key of a name given as bytes: ASCII names are folded byte by byte.
    static func key(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return asciiKey(bytes) }
        return key(String(decoding: bytes, as: UTF8.self))
    }

    private static func asciiKey(_ name: some Collection<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.count)
        for byte in name {
            let lower = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
            if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                bytes.append(lower)
            } else if let last = bytes.last, last != 0x20 {
                bytes.append(0x20)
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of an ASCII name's lookup key (`asciiKey`), made one at a time: letters
    /// lowercased, digits and apostrophes kept, and each run of other bytes between them one space.
    private struct FoldedASCIIKey<Name: Collection<UInt8>>: Sequence, IteratorProtocol {
        private var bytes: Name.Iterator
        private var started = false
        private var pendingSpace = false
        /// A kept byte met after a run of others: the space is given first, then this byte.
        private var held: UInt8?

        init(_ name: Name) { bytes = name.makeIterator() }

        mutating func next() -> UInt8? {
            if let byte = held {
                held = nil
                return byte
            }
            while let byte = bytes.next() {
                let lower = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                    started = true
                    if pendingSpace {
                        pendingSpace = false
                        held = lower
                        return 0x20
                    }
                    return lower
                } else if started {
                    pendingSpace = true
                }
            }
            return nil
        }
    }

    package struct ModelError: Error {
        package var line: Int
        package var reason: String
    }
}
