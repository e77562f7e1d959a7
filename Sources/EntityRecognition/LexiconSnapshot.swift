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
        "possessiveID", "pairHeads", "regions", "partyShortNames", "genericForms",
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
        LexiconSnapshot.append(categories, to: &writer)
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
        writer.append(entryChecks)
        writer.append(trie.slots)
        writer.append(trie.used)
        // Each node's entries end to end, with their counts: most nodes have none.
        writer.append(trie.terminals.map { Int32($0.count) })
        writer.append(trie.terminals.flatMap { $0 })
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
        writer.append(regions.count)
        for (form, region) in regions.sorted(by: { $0.key < $1.key }) {
            writer.append(form)
            writer.append(region.name)
            writer.append(region.country)
        }
        writer.append(partyShortNames.count)
        for (shortName, party) in partyShortNames.sorted(by: { $0.key < $1.key }) {
            writer.append(shortName)
            writer.append(party.name)
            writer.append(party.country)
        }
        writer.append(genericForms.count)
        for (form, name) in genericForms.sorted(by: { $0.key < $1.key }) {
            writer.append(form)
            writer.append(name)
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
        let categories = try LexiconSnapshot.categories(from: &reader)
        let entryCategories = try reader.array(Int32.self)
        let lengths = try reader.array(Int32.self)
        let tokens = try reader.array(Int32.self)
        let rules = try reader.array(UInt8.self)
        guard lengths.count == entryCategories.count, tokens.count == rules.count,
            tokens.count == lengths.reduce(0, { $0 + Int($1) })
        else { throw SnapshotError() }
        // Entries of one length share one array of no exact spellings, as copies of an array do.
        var noSpellings: [[[UInt8]?]] = []
        // Case rules repeat ([1, 1] for most names): entries with one pattern share its array.
        var rulePatterns: [UInt64: [UInt8]] = [:]
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
                    caseRule: rules.withUnsafeBufferPointer { rules in
                        let pattern = UnsafeBufferPointer(rebasing: rules[range])
                        // Up to seven rules of two bits and their count make the key.
                        guard count <= 7, pattern.allSatisfy({ $0 < 4 }) else { return Array(pattern) }
                        let key = pattern.reduce(UInt64(count)) { $0 << 2 | UInt64($1) } | UInt64(count) << 32
                        if let shared = rulePatterns[key] { return shared }
                        let array = Array(pattern)
                        rulePatterns[key] = array
                        return array
                    },
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
        entryChecks = try reader.array(EntryCheck.self)
        trie.slots = try reader.array(PhraseTrie<Int32>.Slot.self)
        trie.used = try reader.int()
        let terminalCounts = try reader.array(Int32.self)
        let terminalEntries = try reader.array(Int32.self)
        guard terminalCounts.allSatisfy({ $0 >= 0 }), terminalCounts.reduce(0, { $0 + Int($1) }) == terminalEntries.count,
            terminalEntries.allSatisfy({ $0 >= 0 && Int($0) < entries.count })
        else { throw SnapshotError() }
        var terminals: [[Int32]] = []
        terminals.reserveCapacity(terminalCounts.count)
        terminalEntries.withUnsafeBufferPointer { flat in
            var start = 0
            for count in terminalCounts {
                if count == 0 {
                    terminals.append([])
                } else {
                    terminals.append(Array(UnsafeBufferPointer(rebasing: flat[start..<(start + Int(count))])))
                    start += Int(count)
                }
            }
        }
        trie.terminals = terminals
        trie.nodeCount = Int32(try reader.int())
        trie.rootChildren = try reader.array(Int32.self)
        guard entryChecks.count == entries.count, trie.slots.count.nonzeroBitCount == 1, terminals.count > 0,
            Int(trie.nodeCount) == terminals.count
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
        for _ in 0..<(try reader.int()) {
            let form = try reader.string()
            regions[form] = (try reader.string(), try reader.string())
        }
        for _ in 0..<(try reader.int()) {
            let shortName = try reader.string()
            partyShortNames[shortName] = (try reader.string(), try reader.string())
        }
        for _ in 0..<(try reader.int()) {
            let form = try reader.string()
            genericForms[form] = try reader.string()
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

/// How categories are written: a kind, a name, and one more value by number in a table of the
/// few strings categories share (countries, affiliations, title targets, entity types), so the
/// thousands of people of one country make one string of it, not thousands.
enum LexiconSnapshot {
    static func append(_ categories: [LexiconCategory], to writer: inout SnapshotWriter) {
        var table: [String] = []
        var numbers: [String: Int32] = [:]
        func number(_ string: String?) -> Int32 {
            guard let string else { return -1 }
            if let known = numbers[string] { return known }
            numbers[string] = Int32(table.count)
            table.append(string)
            return Int32(table.count - 1)
        }
        var kinds: [Int32] = []
        var names: [String] = []
        var extras: [Int32] = []
        var flags: [Int32] = []
        for category in categories {
            switch category {
            case .country(let name):
                kinds.append(0)
                names.append(name)
                extras.append(-1)
                flags.append(0)
            case .seat(let name):
                kinds.append(1)
                names.append(name)
                extras.append(-1)
                flags.append(0)
            case .demonym(let name):
                kinds.append(2)
                names.append(name)
                extras.append(-1)
                flags.append(0)
            case .body(let name, let type, let country):
                kinds.append(3)
                names.append(name)
                extras.append(number(country))
                flags.append(number(type.rawValue))
            case .person(let name, let affiliation):
                kinds.append(4)
                names.append(name)
                extras.append(number(affiliation))
                flags.append(0)
            case .title(let target, let honorific):
                kinds.append(5)
                names.append("")
                extras.append(number(target))
                flags.append(honorific ? 1 : 0)
            }
        }
        writer.append(strings: table)
        writer.append(strings: names)
        writer.append(kinds)
        writer.append(extras)
        writer.append(flags)
    }

    static func categories(from reader: inout SnapshotReader) throws(SnapshotError) -> [LexiconCategory] {
        let table = try reader.strings()
        let names = try reader.strings()
        let kinds = try reader.array(Int32.self)
        let extras = try reader.array(Int32.self)
        let flags = try reader.array(Int32.self)
        guard kinds.count == names.count, extras.count == names.count, flags.count == names.count,
            extras.allSatisfy({ $0 >= -1 && Int($0) < table.count })
        else { throw SnapshotError() }
        let types = table.map { EntityType(rawValue: $0) }
        var categories: [LexiconCategory] = []
        categories.reserveCapacity(names.count)
        for index in names.indices {
            let extra = extras[index] < 0 ? nil : table[Int(extras[index])]
            switch kinds[index] {
            case 0: categories.append(.country(names[index]))
            case 1: categories.append(.seat(names[index]))
            case 2: categories.append(.demonym(names[index]))
            case 3:
                guard flags[index] >= 0, Int(flags[index]) < types.count, let type = types[Int(flags[index])] else { throw SnapshotError() }
                categories.append(.body(name: names[index], type: type, country: extra))
            case 4: categories.append(.person(name: names[index], affiliation: extra))
            case 5: categories.append(.title(target: extra, honorific: flags[index] != 0))
            default: throw SnapshotError()
            }
        }
        return categories
    }
}
