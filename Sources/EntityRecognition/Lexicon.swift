import Foundation
import KnowledgeGraph

/// What a lexicon phrase names.
enum LexiconCategory: Hashable, Sendable {
    /// A country by one of its names.
    case country(String)
    /// A capital or seat of government ("Beijing", "the Kremlin") that may stand for a country.
    case seat(String)
    /// A country adjective ("Chinese").
    case demonym(String)
    /// A named body with a fixed name, and the country it belongs to where known.
    case body(name: String, type: EntityType, country: String?)
    /// A known person (from a user lexicon), with an optional affiliation.
    case person(name: String, affiliation: String?)
    /// A title or role; `target` is a body name, a generic body (`~Foreign Ministry`) or nil.
    case title(target: String?, honorific: Bool)
}

/// A lexicon phrase: its token IDs, which tokens must be capitalized, and what it names.
struct LexiconEntry: Sendable {
    var tokens: [Int32]
    /// Per token: 0 any case, 1 capitalized, 2 all caps, 3 spelled exactly ("DoD", "LeT").
    var caseRule: [UInt8]
    /// The exact spelling of tokens whose rule is 3.
    var exactSpelling: [[UInt8]?] = []
    var category: LexiconCategory
}

/// What a match of a lexicon entry checks, packed in one word so the hot match loop reads one
/// small array instead of each entry's rule arrays.
struct EntryCheck: Sendable {
    let rawValue: UInt64

    /// Phrases this long or with exactly spelled tokens are checked against their entry.
    static let maximumLength = 24

    init(_ entry: LexiconEntry) {
        var capitalized: UInt64 = 0
        var allCaps: UInt64 = 0
        var needsEntry = entry.caseRule.count > EntryCheck.maximumLength
        for (offset, rule) in entry.caseRule.prefix(EntryCheck.maximumLength).enumerated() {
            switch rule {
            case 1: capitalized |= 1 << offset
            case 2: allCaps |= 1 << offset
            case 3: needsEntry = true
            default: break
            }
        }
        rawValue = capitalized | allCaps << 24 | UInt64(EntryCheck.priority(of: entry.category)) << 48
            | (needsEntry ? 1 << 63 : 0)
    }

    /// Tokens (by offset) that must be capitalized or all caps.
    var capitalized: UInt64 { rawValue & 0xFF_FFFF }
    /// Tokens (by offset) that must be all caps.
    var allCaps: UInt64 { (rawValue >> 24) & 0xFF_FFFF }
    /// Which entry wins among phrases of one length: people, then bodies, countries, seats,
    /// demonyms and titles.
    var priority: Int { Int((rawValue >> 48) & 0x7) }
    var isTitle: Bool { priority == 1 }
    /// The rules need the entry itself: exact spellings, or a very long phrase.
    var needsEntry: Bool { rawValue >> 63 != 0 }

    private static func priority(of category: LexiconCategory) -> UInt64 {
        switch category {
        case .person: 6
        case .body: 5
        case .country: 4
        case .seat: 3
        case .demonym: 2
        case .title: 1
        }
    }
}

/// Single-word classes, stored per vocabulary ID.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The classes of a word in a table indexed by vocabulary ID; none for unknown words.
    init(of id: Int32, in table: [UInt64]) {
        rawValue = id >= 0 && Int(id) < table.count ? table[Int(id)] : 0
    }

    static let givenName = WordClass(rawValue: 1 << 0)
    static let familyNameFirst = WordClass(rawValue: 1 << 1)
    static let nonEntity = WordClass(rawValue: 1 << 2)
    static let agencyHead = WordClass(rawValue: 1 << 3)
    static let organizationHead = WordClass(rawValue: 1 << 4)
    static let connector = WordClass(rawValue: 1 << 5)
    static let particle = WordClass(rawValue: 1 << 6)
    static let ofTaking = WordClass(rawValue: 1 << 7)
    static let governmentNoun = WordClass(rawValue: 1 << 8)
    static let locative = WordClass(rawValue: 1 << 9)
    static let speechVerb = WordClass(rawValue: 1 << 10)
    static let abbreviation = WordClass(rawValue: 1 << 11)
    static let lowercaseBodyHead = WordClass(rawValue: 1 << 12)
    static let bodyModifier = WordClass(rawValue: 1 << 13)
    static let groupNoun = WordClass(rawValue: 1 << 14)
    static let administration = WordClass(rawValue: 1 << 15)
    static let determiner = WordClass(rawValue: 1 << 16)
    static let publicModifier = WordClass(rawValue: 1 << 17)
    static let compass = WordClass(rawValue: 1 << 18)
    /// A family tie before a given name: "his son Pavel".
    static let kin = WordClass(rawValue: 1 << 19)
    /// A short word that title-case headlines leave lowercase ("to", "of", "with").
    static let headlineLowercase = WordClass(rawValue: 1 << 20)
    /// A lowercase word between a body and a title: "EU foreign policy chief", "Hamas political leader".
    static let roleModifier = WordClass(rawValue: 1 << 21)
    /// A rank before a title: "Deputy Treasury Secretary" is one title.
    static let rank = WordClass(rawValue: 1 << 22)
    /// Before a single capitalized word, a place: "the governor of Kandahar".
    static let placePreposition = WordClass(rawValue: 1 << 23)
    /// The second half of "state-owned", "state-run".
    static let stateOwnership = WordClass(rawValue: 1 << 24)
    /// A word that opens an apposition after a name: "X, the U.S. ambassador".
    static let appositionOpener = WordClass(rawValue: 1 << 25)
    /// "the": a determiner that some patterns need by itself ("the secretary of state").
    static let article = WordClass(rawValue: 1 << 26)
    /// "and": joins two names, or two parts of one body name ("Ministry of Trade and Industry").
    static let conjunction = WordClass(rawValue: 1 << 27)
    /// "of": ties a title or head word to what follows ("the president of Ghana").
    static let genitive = WordClass(rawValue: 1 << 28)
    /// A preposition after a body's head word: "Ministry of Finance", "Commission for Refugees".
    static let headComplement = WordClass(rawValue: 1 << 29)
    /// "to": whom a title serves ("Adviser to the President", "ambassador to Chile").
    static let recipient = WordClass(rawValue: 1 << 30)
    /// A preposition opening a title's portfolio: "Adviser on Energy", "Commissioner for Trade".
    static let portfolio = WordClass(rawValue: 1 << 31)
    /// "who" after a name and a comma: the name is a person's.
    static let relativePronoun = WordClass(rawValue: 1 << 32)
    /// "the country's president": a noun that stands for the country the text is about.
    static let anaphoricState = WordClass(rawValue: 1 << 33)
    /// "party" after an acronym: the acronym is a party ("ADP party").
    static let partyNoun = WordClass(rawValue: 1 << 34)
    /// "state" in "state-owned", "state-run".
    static let stateNoun = WordClass(rawValue: 1 << 35)
    /// A lowercase head that after a possessive reads as an adjective: "Iran's military leaders".
    static let adjectivalHead = WordClass(rawValue: 1 << 36)
    /// A word left out of a body's key: "Ministry of Foreign Affairs" and "Foreign Ministry" share one.
    static let keyFiller = WordClass(rawValue: 1 << 37)
    /// A lowercase noun for a kind of organization beside a name: "energy company Gazprom".
    static let organizationNoun = WordClass(rawValue: 1 << 38)
    /// A sector word that names coordinate: "Oil and Gas", "Science and Technology".
    static let trade = WordClass(rawValue: 1 << 39)
    /// A company's legal form: "Inc.", "Co. Ltd.", "S.A.".
    static let legalForm = WordClass(rawValue: 1 << 40)
    /// Share buttons and page furniture: "Facebook", "Print", "Icon".
    static let siteChrome = WordClass(rawValue: 1 << 41)
    /// A word of an organization's trade between its name and its noun: "the Wagner mercenary group".
    static let organizationModifier = WordClass(rawValue: 1 << 42)
    /// The last word of a place, law or event name: "Executive Order", "Bayan Palace".
    static let nonPersonHead = WordClass(rawValue: 1 << 43)
    /// "By" opening a line before the writer's name.
    static let byline = WordClass(rawValue: 1 << 44)
    /// A capitalized prefix whose lowercase rest after a hyphen is the same word: "Co-operation".
    static let hyphenPrefix = WordClass(rawValue: 1 << 45)
    /// The suffix that makes a number an ordinal: "th" after "27".
    static let ordinal = WordClass(rawValue: 1 << 46)
    /// A role that an organization gives, after its name: "Snap CEO Evan Spiegel", "Fuerza Popular leader X".
    static let organizationRole = WordClass(rawValue: 1 << 47)
    /// A verb of a media outlet's reporting: ", Trend reports", "reported by NewsMaker".
    static let reportVerb = WordClass(rawValue: 1 << 48)
    /// A head of organizations that a country's ownership makes a body of its state: "the Iranian
    /// Atomic Energy Organization", "National Development Fund of Iran".
    static let stateBodyHead = WordClass(rawValue: 1 << 49)
    /// A word of the bodies many states have, besides heads and portfolios: "Supreme Court",
    /// "National Assembly".
    static let sharedBodyWord = WordClass(rawValue: 1 << 50)
    /// A preposition before a platform that carries a message: "said on Twitter", "via Telegram".
    static let mediumPreposition = WordClass(rawValue: 1 << 51)
    /// A broadcaster's desk in one language: "Service" in "VOA's Russian Service".
    static let deskHead = WordClass(rawValue: 1 << 52)
    /// A lowercase noun after a platform that the message is on: "the President's X account".
    static let mediumNoun = WordClass(rawValue: 1 << 53)
    /// The members of an organization's board: "Directors" in "Board of Directors of X".
    static let boardMembers = WordClass(rawValue: 1 << 54)
    /// A lowercase body head that names a body only where it acts: "the French presidency said", not
    /// "his second U.S. presidency".
    static let actingHead = WordClass(rawValue: 1 << 55)
    /// "he", "his", "her": a person's pronoun shortly after a lone name ("Aliyev renewed his threats").
    static let personalPronoun = WordClass(rawValue: 1 << 56)
    /// A role only a company gives, after its name: "CEO" in "Discord CEO Jane Roe". Unlike
    /// "leader", no party adjective stands before it ("Republican leader X").
    static let companyRole = WordClass(rawValue: 1 << 57)
    /// "known" and "as" in "X, also known as Y": the name after them is another name of X.
    static let aliasCue = WordClass(rawValue: 1 << 58)
    /// "told" and "according" (to): the one unknown name after them, closed by a mark, is the
    /// outlet a report came from ("the source told Kestrelwire.").
    static let sourceCue = WordClass(rawValue: 1 << 59)

    /// Classes that only answer a single lookup ("is this a rank word?"); a word with only these is
    /// still an ordinary word where the builder asks whether a word has any class at all.
    static let lookups: WordClass = [
        .rank, .placePreposition, .stateOwnership, .appositionOpener, .article, .conjunction, .genitive, .headComplement,
        .recipient, .portfolio, .relativePronoun, .anaphoricState, .partyNoun, .stateNoun, .adjectivalHead, .keyFiller,
        .organizationNoun, .trade, .legalForm, .siteChrome, .organizationModifier, .nonPersonHead, .byline,
        .hyphenPrefix, .ordinal, .organizationRole, .reportVerb, .stateBodyHead, .sharedBodyWord,
        .mediumPreposition, .deskHead, .mediumNoun, .boardMembers, .actingHead, .personalPronoun,
        .companyRole, .aliasCue, .sourceCue,
    ]
}

/// The recognizer's knowledge: countries, bodies, titles and word lists, as a token trie.
///
/// Built from the data files shipped in the package's resources, plus any user lexicon files.
package struct Lexicon: Sendable {
    var vocabulary = Vocabulary()
    var entries: [LexiconEntry] = []
    /// Per entry, what a match checks.
    var entryChecks: [EntryCheck] = []
    var trie = PhraseTrie<Int32>()
    var wordClasses: [UInt64] = []
    /// Boilerplate line openings, lowercased, bucketed by first byte: a line is checked against a
    /// handful, not all of them.
    var boilerplatePrefixes: [[[UInt8]]] = Array(repeating: [], count: 256)
    /// Country canonical names, for affiliation and coreference.
    var countryNames: Set<String> = []
    /// Known body names to their type and country.
    var bodies: [String: (type: EntityType, country: String?)] = [:]
    /// States and provinces with governments of their own (regions.tsv), by each name as written
    /// ("Gujarat", "Gujarāt"): their canonical name and country. Not phrases of the trie: a region
    /// is read from a name run, so "California National Guard" stays one body's name.
    var regions: [String: (name: String, country: String)] = [:]
    var abbreviationIDs: Set<Int32> = []
    /// The words that shape name, body and title keys.
    package internal(set) var keys = NameKeys()
    /// Known agencies of a country by the generic key of their names without the country words,
    /// as "key|country": "China's Ministry of Commerce" finds MOFCOM, "Sudan's army" the Sudanese
    /// Armed Forces. A key that two bodies of one country share is left out.
    var genericBodies: [String: String] = [:]
    var ambiguousGenericBodies: Set<String> = []
    /// Lowercase names, aliases and adjectives of countries, to strip from body names.
    var countryForms: Set<String> = []
    /// Whether every lexicon phrase goes through the tokenizer: set only by
    /// `bundled(tokenizingPhrasesInGeneral:)`, for the test that compares the two paths.
    var tokenizesPhrasesInGeneral = false
    // A table added here is added to `LexiconSnapshot.swift` too (its test fails until it is).
    /// The ID of the possessive "'s", looked up once.
    var possessiveID = Vocabulary.unknown
    /// Two-word heads that type a body against its last word alone: "News Agency" and "Press
    /// Agency" are media outlets although "Agency" is an agency's head. Keyed by both word IDs.
    var pairHeads: [UInt64: EntityType] = [:]
    /// Parties that news also calls by one word of another body's name: "Congress", from the
    /// Indian National Congress's alias "Congress party", is the U.S. Congress's name too. Each
    /// short name to the party and its country (`MentionBuilder.readPartyShortNames`).
    var partyShortNames: [String: (name: String, country: String)] = [:]
    /// The forms of a country's body that many states' bodies bear (bodies.tsv's fifth column:
    /// "Senate", "Foreign Office"), lowercased, to the body's name. An article that calls the
    /// body only so may mean another state's (`ArticleAnalysis.genericLexiconBodies`).
    package internal(set) var genericForms: [String: String] = [:]

    /// The type a two-word head gives a body ending in these two words, if any.
    func pairHeadType(_ first: Int32, _ second: Int32) -> EntityType? {
        guard !pairHeads.isEmpty, first >= 0, second >= 0 else { return nil }
        return pairHeads[UInt64(UInt32(first)) << 32 | UInt64(UInt32(second))]
    }

    /// The lexicon shipped with NewsGraph.
    package static func bundled() throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        try lexicon.loadBundledFiles()
        return lexicon
    }

    /// The shipped lexicon built with every phrase through the tokenizer, none through the
    /// fast path for plain phrases: for the differential test of that path.
    package static func bundled(tokenizingPhrasesInGeneral: Bool) throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        lexicon.tokenizesPhrasesInGeneral = tokenizingPhrasesInGeneral
        try lexicon.loadBundledFiles()
        return lexicon
    }

    /// The shipped lexicon plus the user's own files (TSV: `name`, `type`, `country`, `aliases`).
    package static func bundled(adding userFiles: [String]) throws(LexiconError) -> Lexicon {
        var lexicon = try bundled()
        for path in userFiles { try lexicon.addUserFile(atPath: path) }
        return lexicon
    }

    func classes(of id: Int32) -> WordClass {
        WordClass(of: id, in: wordClasses)
    }

    var tokenizer: Tokenizer { Tokenizer(vocabulary: vocabulary, abbreviations: abbreviationIDs, possessiveID: possessiveID) }

    // MARK: Loading

    static func resourceURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/\(name)")
    }

    static func readResource(_ name: String) throws(LexiconError) -> DataFile {
        guard let url = resourceURL(name), let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError(file: name, reason: "bundled lexicon is missing; reinstall NewsGraph")
        }
        return try DataFile(name: name, bytes: [UInt8](data))
    }

    mutating func loadBundledFiles() throws(LexiconError) {
        let words = try Lexicon.readResource("words.tsv")
        try loadWordClasses(words)
        for (file, wordClass) in [
            ("given-names.txt", WordClass.givenName), ("phoenix-given-names.txt", .givenName),
            ("family-names-east-asian.txt", .familyNameFirst), ("capitalized-non-entities.txt", .nonEntity),
        ] {
            let list = try Lexicon.readResource(file)
            for row in list.rows { mark(String(row.columns[0]).trimmingSpacesString(), as: wordClass) }
        }
        keepParticlesThatAreNoGivenNames()
        let heads = try Lexicon.readResource("heads.tsv")
        for row in heads.rows {
            guard row.columns.count >= 2 else { throw LexiconError(file: heads.name, line: row.line, reason: "expected word<TAB>type") }
            let word = row.columns[0].trimmingSpaces()
            let type: EntityType
            switch row.columns[1].trimmingSpaces() {
            case "agency": type = .agency
            case "organization": type = .organization
            case let other: throw LexiconError(file: heads.name, line: row.line, reason: "unknown type '\(other)' (agency or organization)")
            }
            let ids = tokenIDs(of: word).ids
            switch ids.count {
            case 1: mark(word, as: type == .agency ? .agencyHead : .organizationHead)
            case 2: pairHeads[UInt64(UInt32(ids[0])) << 32 | UInt64(UInt32(ids[1]))] = type
            default: throw LexiconError(file: heads.name, line: row.line, reason: "a head is one or two words")
            }
        }
        let boilerplate = try Lexicon.readResource("boilerplate.txt")
        for row in boilerplate.rows {
            let prefix = Array(String(row.columns[0]).lowercased().utf8)
            if let first = prefix.first { boilerplatePrefixes[Int(first)].append(prefix) }
        }
        try loadCountries(try Lexicon.readResource("countries.tsv"))
        try loadBodies(try Lexicon.readResource("bodies.tsv"))
        try loadTitles(try Lexicon.readResource("titles.tsv"))
        // World knowledge generated from the event-data dictionaries (Scripts/make_actor_lexicons.py).
        try loadBodies(try Lexicon.readResource("phoenix-bodies.tsv"))
        try loadPeople(try Lexicon.readResource("phoenix-people.tsv"))
        try loadRegions(try Lexicon.readResource("regions.tsv"))
        // The stages after the recognizer put their own words in the vocabulary (the relation
        // extractor some 3,900): room made now is kept in the cached snapshot, so that a program
        // loading it does not rebuild the table's index for them.
        vocabulary.reserve(Lexicon.laterStageWords)
    }

    /// How many words the stages after the recognizer may add to the vocabulary before its table
    /// grows: a capacity, not a count of anything the files hold.
    static let laterStageWords = 8192

    /// Regions: `name<TAB>country<TAB>aliases` (generated by Scripts/make_regions.py).
    private mutating func loadRegions(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            let name = row.columns[0].trimmingSpaces()
            guard !name.isEmpty else { throw LexiconError(file: file.name, line: row.line, reason: "empty name") }
            let country = row.columns.count > 1 ? row.columns[1].trimmingSpaces() : ""
            guard countryNames.contains(country) else {
                throw LexiconError(file: file.name, line: row.line, reason: "unknown country '\(country)'")
            }
            for form in [name] + DataFile.values(row.columns.count > 2 ? row.columns[2] : nil) {
                regions[form] = (name, country)
            }
        }
    }

    /// "Ben" and "Abu" are given names too: a name keeps them when compared.
    mutating func keepParticlesThatAreNoGivenNames() {
        let classTable = wordClasses
        let known = vocabulary
        keys.filterParticles { !WordClass(of: known.id(of: Array($0.utf8)), in: classTable).contains(.givenName) }
    }

    /// The classes of `words.tsv` by name.
    private static let wordClassNames: [String: WordClass] = [
            "connector": .connector, "particle": .particle, "of-taking": .ofTaking, "government": .governmentNoun,
            "locative": .locative, "speech": .speechVerb, "abbreviation": .abbreviation,
            "lowercase-body-head": .lowercaseBodyHead, "body-modifier": .bodyModifier, "group": .groupNoun,
            "administration": .administration, "determiner": .determiner,
            "public-modifier": .publicModifier, "compass": .compass, "kin": .kin,
            "headline-lowercase": .headlineLowercase, "role-modifier": .roleModifier, "rank": .rank,
            "place-preposition": .placePreposition, "state-ownership": .stateOwnership, "apposition-opener": .appositionOpener,
            "article": .article, "conjunction": .conjunction, "genitive": .genitive, "head-complement": .headComplement,
            "recipient": .recipient, "portfolio": .portfolio, "relative-pronoun": .relativePronoun,
            "anaphoric-state": .anaphoricState, "party-noun": .partyNoun, "state-noun": .stateNoun,
            "adjectival-head": .adjectivalHead, "key-filler": .keyFiller, "organization-noun": .organizationNoun,
            "trade": .trade, "legal-form": .legalForm, "site-chrome": .siteChrome,
            "organization-modifier": .organizationModifier, "non-person-head": .nonPersonHead, "byline": .byline,
            "hyphen-prefix": .hyphenPrefix, "ordinal": .ordinal, "organization-role": .organizationRole,
            "report-verb": .reportVerb, "state-body-head": .stateBodyHead, "shared-body-word": .sharedBodyWord,
            "medium-preposition": .mediumPreposition, "desk-head": .deskHead, "medium-noun": .mediumNoun,
            "board-members": .boardMembers, "acting-head": .actingHead,
            "personal-pronoun": .personalPronoun, "company-role": .companyRole, "alias-cue": .aliasCue,
            "source-cue": .sourceCue,
    ]

    /// The words of a class of `words.tsv` ("kin"), for a later stage that reads the same list: the
    /// relation extractor's coordination takes the kin words ("Novak, his son Pavel").
    package func words(ofClass name: String) -> [String] {
        guard let wordClass = Lexicon.wordClassNames[name] else { preconditionFailure("words.tsv has no class '\(name)'") }
        return wordClasses.indices.filter { wordClasses[$0] & wordClass.rawValue != 0 }.map { vocabulary.word(Int32($0)) }
    }

    mutating func loadWordClasses(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            guard row.columns.count >= 2 else {
                throw LexiconError(file: file.name, line: row.line, reason: "expected word<TAB>class")
            }
            let word = row.columns[0].trimmingSpaces()
            // Classes that only shape keys: the words are kept as strings, not as vocabulary.
            switch row.columns[1].trimmingSpaces() {
            case "name-suffix":
                keys.addNameSuffix(word)
                continue
            case "patronymic":
                keys.addPatronymic(word)
                continue
            case "adjective-ending":
                keys.addAdjectiveEnding(word)
                continue
            case "key-synonym":
                guard row.columns.count >= 3, case let key = row.columns[2].trimmingSpaces(), !key.isEmpty else {
                    throw LexiconError(file: file.name, line: row.line, reason: "expected word<TAB>key-synonym<TAB>words keys use")
                }
                keys.addSynonym(word, key: key)
                continue
            case "spelling":
                guard row.columns.count >= 3, case let key = row.columns[2].trimmingSpaces(), !key.isEmpty else {
                    throw LexiconError(file: file.name, line: row.line, reason: "expected variant<TAB>spelling<TAB>spelling keys use")
                }
                keys.addSpelling(word, key: key)
                continue
            default:
                break
            }
            guard let wordClass = Lexicon.wordClassNames[row.columns[1].trimmingSpaces()] else {
                throw LexiconError(file: file.name, line: row.line, reason: "expected word<TAB>class with a known class")
            }
            if wordClass == .keyFiller { keys.addFiller(word) }
            if wordClass == .particle { keys.addParticle(word) }
            if wordClass == .genitive { keys.addGenitive(word) }
            if wordClass == .abbreviation {
                let id = vocabulary.intern(Array(word.lowercased().utf8))
                abbreviationIDs.insert(id)
                setClass(id, .abbreviation)
            } else {
                mark(word, as: wordClass)
            }
        }
        possessiveID = vocabulary.intern(Tokenizer.possessiveKey)
    }

    private mutating func mark(_ word: String, as wordClass: WordClass) {
        for id in tokenIDs(of: word).ids { setClass(id, wordClass) }
    }

    private mutating func setClass(_ id: Int32, _ wordClass: WordClass) {
        if wordClasses.count <= Int(id) { wordClasses.append(contentsOf: repeatElement(0, count: Int(id) + 1 - wordClasses.count)) }
        wordClasses[Int(id)] |= wordClass.rawValue
    }

    /// Tokenizes a lexicon phrase and interns its words.
    private mutating func tokenIDs(of phrase: String) -> (ids: [Int32], caseRule: [UInt8], exact: [[UInt8]?]) {
        if !tokenizesPhrasesInGeneral, let plain = plainTokenIDs(of: phrase) { return plain }
        return generalTokenIDs(of: phrase)
    }

    /// `tokenIDs(of:)` through the tokenizer, for any phrase.
    private mutating func generalTokenIDs(of phrase: String) -> (ids: [Int32], caseRule: [UInt8], exact: [[UInt8]?]) {
        let bytes = Array(phrase.utf8)
        let tokens = tokenizer.tokenize(bytes)
        var ids: [Int32] = []
        var rules: [UInt8] = []
        var exact: [[UInt8]?] = []
        ids.reserveCapacity(tokens.count)
        rules.reserveCapacity(tokens.count)
        exact.reserveCapacity(tokens.count)
        var key: [UInt8] = []
        for token in tokens {
            let spelling = bytes[Int(token.start)..<Int(token.end)]
            let mixedCase = token.kind == .word && token.isCapitalized && !token.isAllCaps
                && spelling.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A })
                && spelling.contains(where: { $0 >= 0x61 && $0 <= 0x7A })
            exact.append(mixedCase ? Array(spelling) : nil)
            Tokenizer.key(of: token, in: bytes, into: &key)
            ids.append(vocabulary.intern(key))
            let length = Int(token.end - token.start)
            if mixedCase {
                rules.append(3)
            } else if token.isAllCaps && length <= 6 {
                rules.append(2)
            } else if token.isCapitalized {
                rules.append(1)
            } else {
                rules.append(0)
            }
        }
        return (ids, rules, exact)
    }

    /// `tokenIDs(of:)` for a phrase of ASCII letters and spaces, the most common shape (every
    /// start tokenizes some 60,000 phrases, and the tokenizer's buffers and a key array per word
    /// cost more than the words): the words are split on spaces and looked up on the phrase's own
    /// bytes. Nil for any other phrase, and for a word the tokenizer would split ("SandovalMaria":
    /// a capital after four lowercase letters), which the general path takes.
    /// `FastPathTests` holds the tables built this way to those of the general path.
    mutating func plainTokenIDs(of phrase: String) -> (ids: [Int32], caseRule: [UInt8], exact: [[UInt8]?])? {
        Lexicon.plainTokenIDs(of: phrase, vocabulary: &vocabulary, keepingCaseRules: true)
    }

    /// The IDs alone of `plainTokenIDs(of:)`, for phrases that keep no case rules (cues).
    mutating func plainWordIDs(of phrase: String) -> [Int32]? {
        Lexicon.plainTokenIDs(of: phrase, vocabulary: &vocabulary, keepingCaseRules: false)?.ids
    }

    /// The work of `plainTokenIDs(of:)` on the vocabulary alone: a closure that captured the whole
    /// lexicon cost more than the phrase.
    private static func plainTokenIDs(of phrase: String, vocabulary: inout Vocabulary, keepingCaseRules: Bool)
        -> (ids: [Int32], caseRule: [UInt8], exact: [[UInt8]?])?
    {
        let result = phrase.utf8.withContiguousStorageIfAvailable { bytes -> (ids: [Int32], caseRule: [UInt8], exact: [[UInt8]?])? in
            var words = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte == 0x20 {
                    previous = byte
                    continue
                }
                guard Tokenizer.isASCIILetter(byte) else { return nil }
                if previous == 0x20 { words += 1 }
                previous = byte
            }
            var ids: [Int32] = []
            var rules: [UInt8] = []
            var exact: [[UInt8]?] = []
            ids.reserveCapacity(words)
            if keepingCaseRules {
                rules.reserveCapacity(words)
                exact.reserveCapacity(words)
            }
            var start = 0
            while start < bytes.count {
                if bytes[start] == 0x20 {
                    start += 1
                    continue
                }
                var end = start
                var upper = 0
                var lower = 0
                var lowercaseRun = 0
                let capitalized = bytes[start] &- 0x41 < 26
                while end < bytes.count && bytes[end] != 0x20 {
                    if bytes[end] &- 0x41 < 26 {
                        if capitalized && lowercaseRun >= 4 { return nil }
                        upper += 1
                        lowercaseRun = 0
                    } else {
                        lower += 1
                        lowercaseRun += 1
                    }
                    end += 1
                }
                // The tokenizer's shape: capitalized by the first letter, all caps for two or more
                // capitals and no lowercase; a mixed-case word ("DoD") is spelled exactly.
                let isAllCaps = upper >= 2 && lower == 0
                let mixedCase = capitalized && !isAllCaps && upper >= 2 && lower > 0
                if keepingCaseRules { exact.append(mixedCase ? Array(bytes[start..<end]) : nil) }
                // Setting bit 5 lowercases a letter: the key is the word's bytes folded on the way.
                ids.append(vocabulary.intern(bytes[start..<end].lazy.map { $0 | 0x20 }))
                if !keepingCaseRules {
                    // Cue phrases keep IDs only.
                } else if mixedCase {
                    rules.append(3)
                } else if isAllCaps && end - start <= 6 {
                    rules.append(2)
                } else if capitalized {
                    rules.append(1)
                } else {
                    rules.append(0)
                }
                start = end
            }
            return (ids, rules, exact)
        }
        return result ?? nil
    }

    private mutating func addPhrase(_ phrase: String, _ category: LexiconCategory, caseInsensitive: Bool = false) {
        var (ids, rules, exact) = tokenIDs(of: phrase)
        guard !ids.isEmpty else { return }
        if caseInsensitive { rules = rules.map { $0 >= 2 ? $0 : 0 } }
        let index = entries.count
        entries.append(LexiconEntry(tokens: ids, caseRule: rules, exactSpelling: exact, category: category))
        entryChecks.append(EntryCheck(entries[index]))
        trie.insert(ids, entry: Int32(index))
    }

    private mutating func loadCountries(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            let name = row.columns[0].trimmingSpaces()
            guard !name.isEmpty else { throw LexiconError(file: file.name, line: row.line, reason: "empty country name") }
            countryNames.insert(name)
            countryForms.insert(name.lowercased())
            for column in 1..<min(row.columns.count, 4) {
                for form in DataFile.values(row.columns[column]) { countryForms.insert(form.lowercased().replacingApostrophes()) }
            }
            addPhrase(name, .country(name))
            for alias in DataFile.values(row.columns.count > 1 ? row.columns[1] : nil) { addPhrase(alias, .country(name)) }
            for demonym in DataFile.values(row.columns.count > 2 ? row.columns[2] : nil) { addPhrase(demonym, .demonym(name)) }
            for seat in DataFile.values(row.columns.count > 3 ? row.columns[3] : nil) { addPhrase(seat, .seat(name)) }
        }
    }

    private mutating func loadBodies(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            guard row.columns.count >= 2 else {
                throw LexiconError(file: file.name, line: row.line, reason: "expected name<TAB>type<TAB>country<TAB>aliases")
            }
            let name = row.columns[0].trimmingSpaces()
            guard !name.isEmpty else { throw LexiconError(file: file.name, line: row.line, reason: "empty name") }
            let typeName = row.columns[1].trimmingSpaces()
            guard let type = EntityType(rawValue: typeName) else {
                throw LexiconError(file: file.name, line: row.line,
                                   reason: "unknown type '\(typeName)' (person, agency, country or organization)")
            }
            let countryColumn = row.columns.count > 2 ? row.columns[2].trimmingSpaces() : ""
            let country: String? = countryColumn.isEmpty ? nil : countryColumn
            if let country, !countryNames.contains(country) {
                throw LexiconError(file: file.name, line: row.line, reason: "unknown country '\(country)'")
            }
            let aliases = DataFile.values(row.columns.count > 3 ? row.columns[3] : nil)
            let category: LexiconCategory
            switch type {
            case .country:
                countryNames.insert(name)
                category = .country(name)
            case .person:
                category = .person(name: name, affiliation: country)
            case .agency, .organization:
                bodies[name] = (type, country)
                category = .body(name: name, type: type, country: country)
                if type == .organization, let country {
                    for alias in aliases { indexPartyShortName(alias, name: name, country: country) }
                }
                if type == .agency, let country {
                    for form in [name] + aliases { indexGenericBody(form, name: name, country: country) }
                }
            }
            addPhrase(name, category)
            for alias in aliases { addPhrase(alias, category) }
            for form in DataFile.values(row.columns.count > 4 ? row.columns[4] : nil) {
                guard type == .agency || type == .organization, country != nil, form == name || aliases.contains(form) else {
                    throw LexiconError(file: file.name, line: row.line,
                                       reason: "generic form '\(form)' is not a name or alias of a body with a country")
                }
                genericForms[form.lowercased()] = name
            }
        }
    }

    /// The plural of a title written in full ("Prime Ministers", "Secretaries of State" is left
    /// out): its last word with "s", "ies" for a final consonant and "y", or "men" for "man".
    static func plural(of title: String) -> String? {
        guard !title.contains(" of "), let last = title.split(separator: " ").last, last.count >= 4,
            last.allSatisfy(\.isLetter), !last.hasSuffix("s")
        else { return nil }
        let stem = title.dropLast(last.count)
        // "Congressmen", "Chairwomen": a title ending in "man" makes its plural in "men".
        if last.hasSuffix("man") { return stem + last.dropLast(3) + "men" }
        if last.hasSuffix("y"), let before = last.dropLast().last, !"aeiou".contains(before) {
            return stem + last.dropLast() + "ies"
        }
        return stem + last + "s"
    }

    /// People: `name<TAB>country<TAB>aliases`.
    private mutating func loadPeople(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            let name = row.columns[0].trimmingSpaces()
            guard !name.isEmpty else { throw LexiconError(file: file.name, line: row.line, reason: "empty name") }
            let countryColumn = row.columns.count > 1 ? row.columns[1].trimmingSpaces() : ""
            if !countryColumn.isEmpty && !countryNames.contains(countryColumn) {
                throw LexiconError(file: file.name, line: row.line, reason: "unknown country '\(countryColumn)'")
            }
            let category = LexiconCategory.person(name: name, affiliation: countryColumn.isEmpty ? nil : countryColumn)
            addPhrase(name, category)
            for alias in DataFile.values(row.columns.count > 2 ? row.columns[2] : nil) { addPhrase(alias, category) }
        }
    }

    private mutating func loadTitles(_ file: DataFile) throws(LexiconError) {
        for row in file.rows {
            let title = row.columns[0].trimmingSpaces()
            guard !title.isEmpty else { throw LexiconError(file: file.name, line: row.line, reason: "empty title") }
            let target = row.columns.count > 1 ? row.columns[1].trimmingSpaces() : ""
            let honorific = row.columns.count > 2 && row.columns[2].trimmingSpaces() == "honorific"
            let category = LexiconCategory.title(target: target.isEmpty ? nil : target, honorific: honorific)
            addPhrase(title, category, caseInsensitive: true)
            // "former Prime Ministers X and Y", "Senators A and B": the plural of a role.
            if !honorific, let plural = Lexicon.plural(of: title) { addPhrase(plural, category, caseInsensitive: true) }
        }
    }

    /// "Congress party" of the Indian National Congress: "Congress" is the party's short name.
    private mutating func indexPartyShortName(_ alias: String, name: String, country: String) {
        let words = alias.splitOnSpaces()
        guard words.count == 2, let first = words.first, let last = words.last,
            classes(of: vocabulary.id(of: Array(last.lowercased().utf8))).contains(.partyNoun)
        else { return }
        partyShortNames[String(first)] = (name, country)
    }

    /// Records an agency's name under the generic key of its words after any country words.
    private mutating func indexGenericBody(_ form: String, name: String, country: String) {
        var words = form.lowercased().replacingApostrophes().splitOnSpaces().map(String.init)
        // "Chinese Ministry of Commerce", "China's Ministry of Commerce", "U.S. Treasury".
        for length in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            var prefix = words[0..<length].joined(separator: " ")
            if prefix.hasSuffix("'s") { prefix.removeLast(2) }
            if countryForms.contains(prefix) {
                words.removeFirst(length)
                break
            }
        }
        guard !words.isEmpty else { return }
        let key = keys.genericKey(words.joined(separator: " ")) + "|" + country
        if ambiguousGenericBodies.contains(key) { return }
        if let known = genericBodies[key], known != name {
            genericBodies[key] = nil
            ambiguousGenericBodies.insert(key)
        } else {
            genericBodies[key] = name
        }
    }

    /// The known agency of `country` whose generic key is `key`, if one.
    func genericBody(key: String, country: String) -> String? {
        genericBodies[key + "|" + country]
    }

    /// Adds a user lexicon file: `name<TAB>type<TAB>country<TAB>aliases`, type one of the entity types.
    package mutating func addUserFile(atPath path: String) throws(LexiconError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, reason: "cannot read the lexicon file")
        }
        try loadBodies(try DataFile(name: path, bytes: [UInt8](data)))
    }

    /// Whether a line (as lowercase bytes) begins with a boilerplate phrase.
    /// Whether `text[start..<end]` opens with a boilerplate phrase, ignoring ASCII case.
    func isBoilerplate(_ text: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let first = text[start]
        candidates: for prefix in boilerplatePrefixes[Int(first.asciiLowercased)] where end - start >= prefix.count {
            for offset in 1..<prefix.count {
                let byte = text[start + offset]
                if byte.asciiLowercased != prefix[offset] { continue candidates }
            }
            return true
        }
        return false
    }

}

extension String {
    func trimmingSpacesString() -> String { self[...].trimmingSpaces() }
}

/// A trie over token IDs: a dense table for the root's children, one hash table of (node, token) → child
/// below it. The tables are internal for `LexiconSnapshot.swift`, which saves and restores them.
struct PhraseTrie<Entry: Sendable>: Sendable {
    /// A key and its child side by side, so a probe touches one cache line.
    struct Slot {
        var key: Int64
        var child: Int32
    }

    /// (node, token) → child in one open-addressing table with a multiplicative hash: matching
    /// probes it at every token, where the standard library's seeded hashing costs several times
    /// more.
    var slots: [Slot] = Array(repeating: Slot(key: PhraseTrie.empty, child: 0), count: 1 << 12)
    var used = 0
    /// The entries ending at each node, indexed by node (most are empty, which costs nothing).
    var terminals: [[Entry]] = [[]]
    var nodeCount: Int32 = 1
    /// The root's children by token ID (0 where none): nearly every lookup is at the root, and a
    /// dense table answers it with one load instead of a probe.
    var rootChildren: [Int32] = []

    private static var empty: Int64 { -1 }

    /// Adds a phrase and returns the node where it ends.
    @discardableResult
    mutating func insert(_ tokens: [Int32], entry: Entry) -> Int32 {
        var node: Int32 = 0
        for token in tokens {
            if let child = child(of: node, token) {
                node = child
            } else {
                if node == 0 && token >= 0 {
                    if rootChildren.count <= Int(token) {
                        rootChildren.append(contentsOf: repeatElement(0, count: Int(token) + 1 - rootChildren.count))
                    }
                    rootChildren[Int(token)] = nodeCount
                } else {
                    store(PhraseTrie.key(node, token), nodeCount)
                }
                node = nodeCount
                nodeCount += 1
                terminals.append([])
            }
        }
        terminals[Int(node)].append(entry)
        return node
    }

    /// Whether any phrase starts with `token`: one load.
    @inline(__always)
    func startsPhrase(_ token: Int32) -> Bool {
        token >= 0 && Int(token) < rootChildren.count && rootChildren[Int(token)] != 0
    }

    func child(of node: Int32, _ token: Int32) -> Int32? {
        if node == 0 && token >= 0 {
            guard Int(token) < rootChildren.count else { return nil }
            let child = rootChildren[Int(token)]
            return child == 0 ? nil : child
        }
        let key = PhraseTrie.key(node, token)
        let mask = slots.count - 1
        var slot = PhraseTrie.slot(key, mask)
        while true {
            let stored = slots[slot]
            if stored.key == key { return stored.child }
            if stored.key == PhraseTrie.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    func entries(at node: Int32) -> [Entry]? {
        let entries = terminals[Int(node)]
        return entries.isEmpty ? nil : entries
    }

    /// How many entries end at a node; with `entry(_:at:)`, reads them without copying the list.
    func entryCount(at node: Int32) -> Int { terminals[Int(node)].count }

    func entry(_ index: Int, at node: Int32) -> Entry { terminals[Int(node)][index] }

    private static func key(_ node: Int32, _ token: Int32) -> Int64 {
        Int64(node) << 32 | Int64(UInt32(bitPattern: token))
    }

    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        let mixed = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    private mutating func store(_ key: Int64, _ child: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = PhraseTrie.slot(key, mask)
        while slots[slot].key != PhraseTrie.empty { slot = (slot + 1) & mask }
        slots[slot] = Slot(key: key, child: child)
        used += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: PhraseTrie.empty, child: 0), count: old.count * 2)
        used = 0
        for slot in old where slot.key != PhraseTrie.empty { store(slot.key, slot.child) }
    }
}
