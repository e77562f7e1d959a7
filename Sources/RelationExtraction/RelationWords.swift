import EntityRecognition

/// The relation extractor's word classes, read from `relation-words.tsv`.
///
/// A class: its sets are shared by every article's scans, which a copy would retain one by one.
package final class RelationWords: Sendable {
    let personPronouns: WordSet
    let bodyPronouns: WordSet
    let bodyNouns: WordSet
    let governmentNouns: WordSet
    let companyNouns: WordSet
    let determiners: WordSet
    let listOpeners: WordSet
    let originPrepositions: WordSet
    let delegationNouns: WordSet
    let delegationHeadVerbs: WordSet
    let participantOpeners: WordSet

    /// Every class of `relation-words.tsv`: these and the sentence patterns' (`ScanWords`). The file
    /// must give each one words and use no other; `Scripts/validate_lexicons.py` checks it too.
    package static let classes = [
        "person-pronoun", "body-pronoun", "body-noun", "government-noun", "company-noun", "determiner", "list-opener",
        "origin-preposition", "delegation-noun", "delegation-head-verb", "participant-opener",
    ] + ScanWords.classes

    /// Reads `word<TAB>class` lines into the members of each class, in the file's order.
    package static func members(of bytes: [UInt8], file: String) throws(LexiconError) -> [String: [String]] {
        var members: [String: [String]] = [:]
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2 else {
                throw LexiconError(file: file, line: number + 1, reason: "expected word<TAB>class")
            }
            guard RelationWords.classes.contains(String(columns[1])) else {
                throw LexiconError(file: file, line: number + 1,
                                   reason: "unknown class '\(columns[1])' (\(RelationWords.classes.joined(separator: ", ")))")
            }
            members[String(columns[1]), default: []].append(String(columns[0]))
        }
        if let missing = RelationWords.classes.first(where: { members[$0] == nil }) {
            throw LexiconError(file: file, reason: "no words of class '\(missing)', which the extractor reads: give it its lines again")
        }
        return members
    }

    /// The words of one of `classes`.
    static func words(_ name: String, in members: [String: [String]]) -> [String] {
        assert(classes.contains(name), "'\(name)' is not in RelationWords.classes")
        return members[name] ?? []
    }

    init(members: [String: [String]], lexicon: inout Lexicon) {
        func set(_ name: String) -> WordSet { WordSet(RelationWords.words(name, in: members), lexicon: &lexicon) }
        personPronouns = set("person-pronoun")
        bodyPronouns = set("body-pronoun")
        bodyNouns = set("body-noun")
        governmentNouns = set("government-noun")
        companyNouns = set("company-noun")
        determiners = set("determiner")
        listOpeners = set("list-opener")
        originPrepositions = set("origin-preposition")
        delegationNouns = set("delegation-noun")
        delegationHeadVerbs = set("delegation-head-verb")
        participantOpeners = set("participant-opener")
    }
}
