import KnowledgeGraph

// The shipped lexicon's tables as bytes, and back: `LexiconCache` keeps them on disk so that a
// start reads them instead of tokenizing some 60,000 phrases (most of what a one-article
// `newsgraph extract` cost). Restoring gives the very tables `Lexicon.bundled()` builds: the
// vocabulary (so every word keeps its ID), the entries in order, the trie's own tables, and the
// lookups made from the rows. The name keys, made from words.tsv alone, are made again from it
// rather than saved, so their rules have one home. `LexiconSnapshotTests` compares a restored
// lexicon with a built one table by table, and holds the list of stored properties to the list
// saved here: a table added to `Lexicon` fails that test until it is saved too.

extension Lexicon {
    /// The stored properties a snapshot covers, by name (`keys` is made again from words.tsv,
    /// `tokenizesPhrasesInGeneral` only steers loading).
    package static let snapshotProperties: Set<String> = [
        "vocabulary", "entries", "entryChecks", "trie", "wordClasses", "boilerplatePrefixes", "countryNames", "bodies",
        "abbreviationIDs", "keys", "genericBodies", "ambiguousGenericBodies", "countryForms", "tokenizesPhrasesInGeneral",
        "possessiveID", "pairHeads",
    ]

    /// The tables as bytes.
    func snapshot() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.append(vocabulary.keyBytes)
        writer.append(vocabulary.keySpans)
        writer.append(vocabulary.slots)
        writer.append(vocabulary.mask)
        writer.append(vocabulary.asciiIDs)
        // Aliases share their name's category: each category is written once and entries
        // point to it by number, which also lets the restored entries share its strings.
        var categoryNumbers: [LexiconCategory: Int] = [:]
        var categories: [LexiconCategory] = []
        var entryCategories: [Int32] = []
        entryCategories.reserveCapacity(entries.count)
        for entry in entries {
            if let number = categoryNumbers[entry.category] {
                entryCategories.append(Int32(number))
            } else {
                categoryNumbers[entry.category] = categories.count
                entryCategories.append(Int32(categories.count))
                categories.append(entry.category)
            }
        }
        writer.append(categories.count)
        for category in categories { writer.append(category) }
        writer.append(entryCategories)
        // The entries' token IDs and case rules end to end, with each entry's length.
        writer.append(entries.map { Int32($0.tokens.count) })
        writer.append(entries.flatMap(\.tokens))
        writer.append(entries.flatMap(\.caseRule))
        // Exact spellings are rare ("DoD"): entry, offset and bytes of each.
        var spelled: [(entry: Int, offset: Int, bytes: [UInt8])] = []
        for (index, entry) in entries.enumerated() {
            for (offset, spelling) in entry.exactSpelling.enumerated() {
                if let spelling { spelled.append((index, offset, spelling)) }
            }
        }
        writer.append(spelled.count)
        for (entry, offset, bytes) in spelled {
            writer.append(entry)
            writer.append(offset)
            writer.append(bytes)
        }
        writer.append(trie.slots)
        writer.append(trie.used)
        writer.append(trie.terminals.count)
        for terminal in trie.terminals { writer.append(terminal) }
        writer.append(Int(trie.nodeCount))
        writer.append(trie.rootChildren)
        writer.append(wordClasses)
        for bucket in boilerplatePrefixes {
            writer.append(bucket.count)
            for prefix in bucket { writer.append(prefix) }
        }
        writer.append(strings: countryNames.sorted())
        writer.append(bodies.count)
        for (name, body) in bodies.sorted(by: { $0.key < $1.key }) {
            writer.append(name)
            writer.append(body.type.rawValue)
            writer.append(optional: body.country)
        }
        writer.append(abbreviationIDs.sorted())
        writer.append(genericBodies.count)
        for (key, name) in genericBodies.sorted(by: { $0.key < $1.key }) {
            writer.append(key)
            writer.append(name)
        }
        writer.append(strings: ambiguousGenericBodies.sorted())
        writer.append(strings: countryForms.sorted())
        writer.append(Int(possessiveID))
        writer.append(pairHeads.count)
        for (key, type) in pairHeads.sorted(by: { $0.key < $1.key }) {
            writer.append(Int(bitPattern: UInt(key)))
            writer.append(type.rawValue)
        }
        return writer.bytes
    }

    /// The lexicon whose `snapshot()` gave the reader's bytes; `words` is the bundled words.tsv,
    /// from which the name keys are made again.
    init(snapshot reader: inout SnapshotReader, words: DataFile) throws(SnapshotError) {
        self.init()
        vocabulary.keyBytes = try reader.array(UInt8.self)
        vocabulary.keySpans = try reader.array(UInt64.self)
        vocabulary.slots = try reader.array(UInt64.self)
        vocabulary.mask = try reader.int()
        vocabulary.asciiIDs = try reader.array(Int32.self)
        // The vocabulary's own invariants, which its lookups rely on without checks.
        guard vocabulary.slots.count == vocabulary.mask + 1, vocabulary.slots.count.nonzeroBitCount == 1,
            vocabulary.asciiIDs.count == 128, vocabulary.keyBytes.count >= 8
        else { throw SnapshotError() }
        let keyBytes = vocabulary.keyBytes
        var spellings: [String] = []
        spellings.reserveCapacity(vocabulary.keySpans.count)
        let spans = vocabulary.keySpans
        let spansFit = keyBytes.withUnsafeBufferPointer { keyBytes in
            for span in spans {
                let start = Int(span >> 32)
                let end = start + Int(span & 0xFFFF_FFFF)
                guard end + 8 <= keyBytes.count else { return false }
                spellings.append(String(decoding: UnsafeBufferPointer(rebasing: keyBytes[start..<end]), as: UTF8.self))
            }
            return true
        }
        guard spansFit else { throw SnapshotError() }
        vocabulary.words = spellings
        let categoryCount = try reader.int()
        var categories: [LexiconCategory] = []
        categories.reserveCapacity(categoryCount)
        for _ in 0..<categoryCount { categories.append(try reader.category()) }
        let entryCategories = try reader.array(Int32.self)
        let lengths = try reader.array(Int32.self)
        let tokens = try reader.array(Int32.self)
        let rules = try reader.array(UInt8.self)
        guard lengths.count == entryCategories.count, tokens.count == rules.count,
            tokens.count == lengths.reduce(0, { $0 + Int($1) })
        else { throw SnapshotError() }
        // Entries of one length share one array of no exact spellings, as copies of an array do.
        var noSpellings: [[[UInt8]?]] = []
        entries.reserveCapacity(lengths.count)
        var start = 0
        for (index, length) in lengths.enumerated() {
            let count = Int(length)
            let category = Int(entryCategories[index])
            guard count >= 0, start + count <= tokens.count, category >= 0, category < categories.count else { throw SnapshotError() }
            while noSpellings.count <= count { noSpellings.append(Array(repeating: nil, count: noSpellings.count)) }
            // Copied from the buffers: an array made from an array slice goes through a generic
            // path that cost several times more.
            let range = start..<(start + count)
            entries.append(
                LexiconEntry(
                    tokens: tokens.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) },
                    caseRule: rules.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) },
                    exactSpelling: noSpellings[count], category: categories[category]))
            start += count
        }
        for _ in 0..<(try reader.int()) {
            let entry = try reader.int()
            let offset = try reader.int()
            let spelling = try reader.array(UInt8.self)
            guard entry >= 0, entry < entries.count, offset >= 0, offset < entries[entry].exactSpelling.count else {
                throw SnapshotError()
            }
            entries[entry].exactSpelling[offset] = spelling
        }
        // Each entry's check is made from the entry, as loading makes it.
        entryChecks = entries.map(EntryCheck.init)
        trie.slots = try reader.array(PhraseTrie<Int32>.Slot.self)
        trie.used = try reader.int()
        let nodeTerminals = try reader.int()
        guard nodeTerminals > 0, nodeTerminals <= reader.remaining else { throw SnapshotError() }
        var terminals: [[Int32]] = []
        terminals.reserveCapacity(nodeTerminals)
        for _ in 0..<nodeTerminals { terminals.append(try reader.array(Int32.self)) }
        trie.terminals = terminals
        trie.nodeCount = Int32(try reader.int())
        trie.rootChildren = try reader.array(Int32.self)
        guard entryChecks.count == entries.count, trie.slots.count.nonzeroBitCount == 1, Int(trie.nodeCount) == terminals.count,
            terminals.allSatisfy({ $0.allSatisfy { $0 >= 0 && Int($0) < entries.count } })
        else { throw SnapshotError() }
        wordClasses = try reader.array(UInt64.self)
        for first in 0..<256 {
            for _ in 0..<(try reader.int()) { boilerplatePrefixes[first].append(try reader.array(UInt8.self)) }
        }
        countryNames = Set(try reader.strings())
        for _ in 0..<(try reader.int()) {
            let name = try reader.string()
            guard let type = EntityType(rawValue: try reader.string()) else { throw SnapshotError() }
            bodies[name] = (type, try reader.optionalString())
        }
        abbreviationIDs = Set(try reader.array(Int32.self))
        for _ in 0..<(try reader.int()) {
            let key = try reader.string()
            genericBodies[key] = try reader.string()
        }
        ambiguousGenericBodies = Set(try reader.strings())
        countryForms = Set(try reader.strings())
        possessiveID = Int32(try reader.int())
        for _ in 0..<(try reader.int()) {
            let key = UInt64(UInt(bitPattern: try reader.int()))
            guard let type = EntityType(rawValue: try reader.string()) else { throw SnapshotError() }
            pairHeads[key] = type
        }
        guard reader.remaining == 0 else { throw SnapshotError() }
        // The name keys from words.tsv, as loading made them. Its words are in the vocabulary
        // and their classes in the table already: marking them again changes neither.
        do {
            try loadWordClasses(words)
        } catch {
            throw SnapshotError()
        }
        keepParticlesThatAreNoGivenNames()
    }
}

extension SnapshotWriter {
    mutating func append(_ category: LexiconCategory) {
        switch category {
        case .country(let name):
            append(0)
            append(name)
        case .seat(let name):
            append(1)
            append(name)
        case .demonym(let name):
            append(2)
            append(name)
        case .body(let name, let type, let country):
            append(3)
            append(name)
            append(type.rawValue)
            append(optional: country)
        case .person(let name, let affiliation):
            append(4)
            append(name)
            append(optional: affiliation)
        case .title(let target, let honorific):
            append(5)
            append(optional: target)
            append(honorific ? 1 : 0)
        }
    }
}

extension SnapshotReader {
    mutating func category() throws(SnapshotError) -> LexiconCategory {
        switch try int() {
        case 0: return .country(try string())
        case 1: return .seat(try string())
        case 2: return .demonym(try string())
        case 3:
            let name = try string()
            guard let type = EntityType(rawValue: try string()) else { throw SnapshotError() }
            return .body(name: name, type: type, country: try optionalString())
        case 4:
            let name = try string()
            return .person(name: name, affiliation: try optionalString())
        case 5:
            let target = try optionalString()
            return .title(target: target, honorific: try int() != 0)
        default:
            throw SnapshotError()
        }
    }
}
