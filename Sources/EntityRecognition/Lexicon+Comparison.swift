import Foundation

/// Table-by-table comparison of two lexicons, for the differential tests of the loading fast paths:
/// a lexicon loaded through a fast path must hold exactly what the general path builds.
extension Lexicon {
    /// The names of the tables in which this lexicon and `other` differ; empty when they hold the
    /// same words with the same IDs, entries, trie, word classes, keys and lookups.
    package func tablesDiffering(from other: Lexicon) -> [String] {
        var differing: [String] = []
        if vocabulary.words != other.vocabulary.words { differing.append("vocabulary") }
        if entries.count != other.entries.count
            || !zip(entries, other.entries).allSatisfy({
                $0.tokens == $1.tokens && $0.caseRule == $1.caseRule && $0.exactSpelling == $1.exactSpelling && $0.category == $1.category
            })
        {
            differing.append("entries")
        }
        if entryChecks.map(\.rawValue) != other.entryChecks.map(\.rawValue) { differing.append("entry checks") }
        if wordClasses != other.wordClasses { differing.append("word classes") }
        if abbreviationIDs != other.abbreviationIDs || possessiveID != other.possessiveID { differing.append("abbreviations") }
        if pairHeads != other.pairHeads { differing.append("pair heads") }
        if boilerplatePrefixes != other.boilerplatePrefixes { differing.append("boilerplate") }
        if countryNames != other.countryNames { differing.append("countries") }
        if bodies.count != other.bodies.count
            || !bodies.allSatisfy({ other.bodies[$0.key]?.type == $0.value.type && other.bodies[$0.key]?.country == $0.value.country })
        {
            differing.append("bodies")
        }
        if genericBodies != other.genericBodies || ambiguousGenericBodies != other.ambiguousGenericBodies {
            differing.append("generic bodies")
        }
        if countryForms != other.countryForms { differing.append("country forms") }
        if genericForms != other.genericForms { differing.append("generic forms") }
        if regions.count != other.regions.count
            || !regions.allSatisfy({ other.regions[$0.key]?.name == $0.value.name && other.regions[$0.key]?.country == $0.value.country })
        {
            differing.append("regions")
        }
        let samePartyShortNames = partyShortNames.allSatisfy { shortName, party in
            other.partyShortNames[shortName].map { $0.name == party.name && $0.country == party.country } ?? false
        }
        if partyShortNames.count != other.partyShortNames.count || !samePartyShortNames {
            differing.append("party short names")
        }
        if trie.slots.map(\.key) != other.trie.slots.map(\.key) || trie.slots.map(\.child) != other.trie.slots.map(\.child)
            || trie.terminals != other.trie.terminals || trie.rootChildren != other.trie.rootChildren || trie.used != other.trie.used
            || trie.nodeCount != other.trie.nodeCount
        {
            differing.append("trie")
        }
        if vocabulary.keyBytes != other.vocabulary.keyBytes || vocabulary.keySpans != other.vocabulary.keySpans
            || vocabulary.slots != other.vocabulary.slots || vocabulary.asciiIDs != other.vocabulary.asciiIDs
        {
            differing.append("vocabulary tables")
        }
        if keys.nameSuffixes != other.keys.nameSuffixes || keys.particles != other.keys.particles || keys.fillers != other.keys.fillers
            || keys.genitives != other.keys.genitives || keys.adjectiveEndings != other.keys.adjectiveEndings
            || keys.maxParticleLength != other.keys.maxParticleLength || keys.patronymics != other.keys.patronymics
            || keys.spellings.map(\.variant) != other.keys.spellings.map(\.variant)
            || keys.spellings.map(\.key) != other.keys.spellings.map(\.key)
            || keys.synonyms.map(\.word) != other.keys.synonyms.map(\.word) || keys.synonyms.map(\.key) != other.keys.synonyms.map(\.key)
        {
            differing.append("keys")
        }
        return differing
    }

    /// The vocabulary's words by ID, for tests that compare what two ways of loading interned.
    package var vocabularyWords: [String] { vocabulary.words }
}

extension Lexicon {
    /// The snapshot's bytes, for the tests that damage them (`LexiconCache` writes them with a
    /// header and a checksum).
    package func snapshotBytes() -> [UInt8] { snapshot() }

    /// The lexicon restored from `snapshotBytes()`, or nil where the bytes are no whole snapshot.
    package static func restored(from bytes: [UInt8], words: [UInt8]) -> Lexicon? {
        guard let file = try? DataFile(name: "words.tsv", bytes: words) else { return nil }
        var reader = SnapshotReader(bytes: bytes)
        return try? Lexicon(snapshot: &reader, words: file)
    }

    /// The names of the stored properties, for the test that holds them to `snapshotProperties`.
    package var storedPropertyNames: Set<String> { Set(Mirror(reflecting: self).children.compactMap(\.label)) }
}

extension Lexicon {
    /// A shipped data file's bytes (words.tsv, for `restored(from:words:)`).
    package static func bundledFileBytes(_ name: String) -> [UInt8]? {
        guard let url = resourceURL(name), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }
}
