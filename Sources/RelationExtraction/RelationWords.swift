import EntityRecognition

/// The relation extractor's word classes, read from `relation-words.tsv`.
///
/// A class: its sets are shared by every article's scans, which a copy would retain one by one.
final class RelationWords: Sendable {
    let personPronouns: WordSet
    let bodyPronouns: WordSet
    let bodyNouns: WordSet
    let governmentNouns: WordSet
    let companyNouns: WordSet
    let determiners: WordSet
    let listOpeners: WordSet
    let roleNouns: WordSet
    let originPrepositions: WordSet

    static let classes = ["person-pronoun", "body-pronoun", "body-noun", "government-noun", "company-noun", "determiner", "list-opener", "role-noun", "origin-preposition"]

    /// Reads `word<TAB>class` lines into the members of each class.
    static func members(of bytes: [UInt8], file: String) throws(LexiconError) -> [String: [String]] {
        var members: [String: [String]] = [:]
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2, RelationWords.classes.contains(String(columns[1])) else {
                throw LexiconError(file: file, line: number + 1,
                                   reason: "expected word<TAB>class (\(RelationWords.classes.joined(separator: ", ")))")
            }
            members[String(columns[1]), default: []].append(String(columns[0]))
        }
        return members
    }

    init(members: [String: [String]], lexicon: inout Lexicon) {
        func set(_ name: String) -> WordSet { WordSet(members[name] ?? [], lexicon: &lexicon) }
        personPronouns = set("person-pronoun")
        bodyPronouns = set("body-pronoun")
        bodyNouns = set("body-noun")
        governmentNouns = set("government-noun")
        companyNouns = set("company-noun")
        determiners = set("determiner")
        listOpeners = set("list-opener")
        roleNouns = set("role-noun")
        originPrepositions = set("origin-preposition")
    }
}
