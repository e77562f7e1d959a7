/// Table-by-table comparison of two lexicons, for the differential tests of the loading fast paths:
/// a lexicon loaded through a fast path must hold exactly what the general path builds.
extension Lexicon {
    /// The names of the tables in which this lexicon and `other` differ; empty when they hold the
    /// same words with the same IDs, entries, word classes and keys. (The trie and the entry checks
    /// are made from the entries in order, so equal entries make equal tries.)
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
        if genericBodies != other.genericBodies { differing.append("generic bodies") }
        if keys.nameSuffixes != other.keys.nameSuffixes || keys.particles != other.keys.particles || keys.fillers != other.keys.fillers
            || keys.genitives != other.keys.genitives
        {
            differing.append("keys")
        }
        return differing
    }

    /// The vocabulary's words by ID, for tests that compare what two ways of loading interned.
    package var vocabularyWords: [String] { vocabulary.words }
}
