import EntityRecognition
import KnowledgeGraph

/// Resolves the words that refer back to an actor named earlier: "he" and "she" to the last
/// person, "it" to the last body or country, "the department" to the last body whose name
/// holds "department", "the government" to the last country.
///
/// News names an actor once and then refers to it: a sanction's source is often "the
/// department" or "it" by the sentence that lists the targets.
struct ReferenceResolver {
    let analysis: ArticleAnalysis
    let words: RelationWords
    /// The named mentions seen so far, most recent last: (entity, first token).
    private var seen: [(entity: Int, token: Int)] = []

    /// Each entity's type, made once, and the lowercase names of bodies and organizations, made
    /// for each the first time a body noun asks ("the department": in few articles).
    private let types: [EntityType]
    private var bodyNames: [[String]?]

    init(analysis: ArticleAnalysis, words: RelationWords) {
        self.analysis = analysis
        self.words = words
        types = analysis.entities.map(\.type)
        bodyNames = Array(repeating: nil, count: types.count)
    }

    /// The lowercase names of an agency or organization (none for another entity).
    private mutating func lowercaseNames(of entity: Int) -> [String] {
        if let names = bodyNames[entity] { return names }
        let names = types[entity] == .agency || types[entity] == .organization
            ? ([analysis.entities[entity].name] + analysis.entities[entity].aliases).map { $0.lowercased() } : []
        bodyNames[entity] = names
        return names
    }

    /// Records a sentence's mentions as possible antecedents.
    mutating func note(_ mentions: ArraySlice<Mention>) {
        for index in mentions.indices where mentions[index].kind != .weak {
            seen.append((mentions[index].entity, mentions[index].tokens.lowerBound))
        }
        if seen.count > 64 { seen.removeFirst(seen.count - 32) }
    }

    /// Adds an actor for each reference in `range` that resolves, to `actors`.
    mutating func resolve(in range: Range<Int>, mentions: ArraySlice<Mention>, into actors: inout [Actor]) {
        for token in range {
            // A capital marks a name, except where the sentence starts ("He said").
            let value = analysis.tokens[token]
            guard value.kind == .word, !value.isCapitalized || token == range.lowerBound else { continue }
            // The word lists first: most words are in none of them, and need no look at the names.
            let isPersonPronoun = analysis.token(token, isIn: words.personPronouns)
            let isBodyPronoun = !isPersonPronoun && analysis.token(token, isIn: words.bodyPronouns)
            guard isPersonPronoun || isBodyPronoun || (token > range.lowerBound && analysis.token(token - 1, isIn: words.determiners)),
                !mentions.contains(where: { $0.phrase.contains(token) })
            else { continue }
            if isPersonPronoun {
                if let entity = latest(before: token, mentions: mentions, where: { $0 == .person }) {
                    actors.append(Actor(reference: token..<(token + 1), entity: entity))
                }
            } else if isBodyPronoun {
                // "It" rarely refers inside its own sentence: the antecedent comes from earlier ones.
                if let entity = latest(before: range.lowerBound, mentions: mentions, where: { $0 != .person }) {
                    actors.append(Actor(reference: token..<(token + 1), entity: entity))
                }
            } else {
                let noun = token..<(token + 1)
                if analysis.token(token, isIn: words.bodyNouns) {
                    let word = analysis.lowercaseWord(token)
                    if let entity = latest(before: token, mentions: mentions, where: { $0 == .agency || $0 == .organization },
                                           named: word)
                    {
                        actors.append(Actor(reference: (token - 1)..<noun.upperBound, entity: entity))
                    }
                } else if analysis.token(token, isIn: words.governmentNouns) {
                    if let entity = latest(before: token, mentions: mentions, where: { $0 == .country }) {
                        actors.append(Actor(reference: (token - 1)..<noun.upperBound, entity: entity))
                    }
                } else if analysis.token(token, isIn: words.companyNouns) {
                    if let entity = latest(before: token, mentions: mentions, where: { $0 == .organization }) {
                        actors.append(Actor(reference: (token - 1)..<noun.upperBound, entity: entity))
                    }
                }
            }
        }
        actors.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The entity of the latest named mention before `token` (in this sentence or earlier) whose
    /// type passes `accepts` and, when `named` is given, whose name or aliases hold that word.
    private mutating func latest(before token: Int, mentions: ArraySlice<Mention>, where accepts: (EntityType) -> Bool,
                                 named word: String? = nil) -> Int?
    {
        func fits(_ entity: Int) -> Bool {
            guard accepts(types[entity]) else { return false }
            guard let word else { return true }
            return lowercaseNames(of: entity).contains { ReferenceResolver.name($0, holds: word) }
        }
        for index in mentions.indices.reversed() where mentions[index].kind != .weak && mentions[index].tokens.upperBound <= token {
            if fits(mentions[index].entity) { return mentions[index].entity }
        }
        for (entity, _) in seen.reversed() where fits(entity) { return entity }
        return nil
    }

    /// `name.contains(word)`. Two ASCII strings are searched byte by byte: Foundation's search,
    /// which compares characters up to canonical equivalence, finds the same there.
    static func name(_ name: String, holds word: String) -> Bool {
        let found = name.utf8.withContiguousStorageIfAvailable { name in
            word.utf8.withContiguousStorageIfAvailable { word -> Bool? in
                guard !word.isEmpty, !name.contains(where: { $0 >= 0x80 }), !word.contains(where: { $0 >= 0x80 }) else { return nil }
                guard word.count <= name.count else { return false }
                for start in 0...(name.count - word.count) where name[start] == word[0] {
                    var index = 1
                    while index < word.count && name[start + index] == word[index] { index += 1 }
                    if index == word.count { return true }
                }
                return false
            } ?? nil
        } ?? nil
        return found ?? name.contains(word)
    }
}
