import EntityRecognition

/// The words the extractor's patterns look for, compared with tokens by vocabulary ID: classes of
/// `relation-words.tsv`.
///
/// Made with the relation extractor, before the recognizer, so their words are in the vocabulary.
/// A class: its many sets are shared by every article's builders, which a copy would retain one
/// by one.
final class ScanWords: Sendable {
    /// Words before a cue that make it a noun ("the sanctions"), not a verb.
    let nounMarkers: WordSet
    /// What may stand between coordinated objects: "A, B and C", "Novak, his son Pavel" (the kin words).
    let coordination: WordSet
    /// What someone says, which can be rejected ("rejected Moscow's claims").
    let statementNouns: WordSet
    /// Nouns that stand for unnamed people of a place or body ("the governor of X", "members of X",
    /// and the kin words: "the son of X").
    let unnamedHolders: WordSet
    /// Nouns for a person's post ("ambassador", "spokesman"): an office named before its holder's
    /// name ("Syria's interim leader, Ahmed al-Sharaa") or after it ("X, a spokesman for Y").
    let roleNouns: WordSet
    /// Adverbs between an auxiliary and its participle: "was also sanctioned".
    let passiveAdverbs: WordSet
    let prepositions: WordSet
    /// Cue phrases that end in their own preposition and take the object right after it.
    let objectlessCueEnds: WordSet
    /// Verbs that put someone on a list: "added X to the entity list".
    let listingVerbs: WordSet
    let intensifiers: WordSet
    let speechParticiples: WordSet
    /// Words of strongly negative judgement ("illegal", "reckless"): criticism said without a
    /// criticism verb.
    let negativeJudgements: WordSet
    /// Words that may follow an object pronoun; before any other word "her" is a determiner.
    let afterObjectPronoun: WordSet
    /// "the two leaders met".
    let pairNouns: WordSet
    /// "met in Tokyo": a place after these is where, not whom.
    let placePrepositions: WordSet
    /// Small words that are no common noun of a name's description.
    let notCommonNouns: WordSet
    /// Adverbs before a verb that repeats the subject ("also", "then").
    let sequenceAdverbs: WordSet
    /// Adverbs before "the two leaders".
    let pairAdverbs: WordSet
    /// Words that open a sentence before its subject ("But", "However").
    let sentenceOpeners: WordSet
    let relativePronouns: WordSet
    /// "of", "for", "over" after a participle cue: "accused of", "sanctioned for".
    let participleObjects: WordSet
    let objectPronouns: WordSet
    /// "he", "she": the same class as the references' person pronouns.
    let subjectPronouns: WordSet
    let conditionals: WordSet
    /// Clause ends in a cue's window: "by", "and", ",".
    let windowEnds: WordSet
    let coordinators: WordSet
    let conjunctions: WordSet
    let sentenceMarks: WordSet
    let quoteLeads: WordSet
    let perfectAuxiliaries: WordSet
    let comma: WordSet
    let of: WordSet
    let forWord: WordSet
    let by: WordSet
    let and: WordSet
    let to: WordSet
    let that: WordSet
    let with: WordSet
    let between: WordSet
    let including: WordSet
    let two: WordSet
    let the: WordSet
    let her: WordSet
    let possessive: WordSet
    // The affiliation patterns' words.
    let copulas: WordSet
    let partOpeners: WordSet
    let partNouns: WordSet
    let party: WordSet
    /// Words that open an apposition after a name ("X, the party's secretary"): the recognizer's
    /// `apposition-opener` class (words.tsv), which reads the same construction.
    let appositionOpeners: WordSet

    /// The classes these sets are read from (besides "person-pronoun", which `subjectPronouns`
    /// shares with the references' `RelationWords.personPronouns`).
    static let classes = [
        "noun-marker", "coordination-gap", "statement-noun", "unnamed-holder", "role-noun", "passive-adverb", "preposition",
        "objectless-cue-end", "listing-verb", "intensifier", "speech-participle", "after-object-pronoun", "pair-noun",
        "place-preposition", "not-common-noun", "sequence-adverb", "pair-adverb", "sentence-opener", "relative-pronoun",
        "participle-object", "object-pronoun", "conditional", "window-end", "coordinator", "conjunction",
        "sentence-mark", "quote-lead", "perfect-auxiliary", "comma", "genitive", "purpose-preposition",
        "agent-preposition", "verb-coordinator", "infinitive-marker", "that-clause", "partner-preposition",
        "pair-preposition", "inclusion-marker", "pair-number", "article", "object-or-determiner", "possessive-marker",
        "copula", "part-opener", "part-noun", "party-noun",
    ]

    /// `kin` are the recognizer's kin words (`words.tsv`), which coordination and unnamed holders take
    /// too; `appositionOpeners` its words that open an apposition.
    init(members: [String: [String]], kin: [String], appositionOpeners: [String], judgements: [String], lexicon: inout Lexicon) {
        func set(_ name: String, adding extra: [String] = []) -> WordSet {
            WordSet(RelationWords.words(name, in: members) + extra, lexicon: &lexicon)
        }
        nounMarkers = set("noun-marker")
        coordination = set("coordination-gap", adding: kin)
        statementNouns = set("statement-noun")
        unnamedHolders = set("unnamed-holder", adding: kin)
        roleNouns = set("role-noun")
        passiveAdverbs = set("passive-adverb")
        prepositions = set("preposition")
        objectlessCueEnds = set("objectless-cue-end")
        listingVerbs = set("listing-verb")
        intensifiers = set("intensifier")
        speechParticiples = set("speech-participle")
        afterObjectPronoun = set("after-object-pronoun")
        pairNouns = set("pair-noun")
        placePrepositions = set("place-preposition")
        notCommonNouns = set("not-common-noun")
        sequenceAdverbs = set("sequence-adverb")
        pairAdverbs = set("pair-adverb")
        sentenceOpeners = set("sentence-opener")
        relativePronouns = set("relative-pronoun")
        participleObjects = set("participle-object")
        objectPronouns = set("object-pronoun")
        subjectPronouns = set("person-pronoun")
        conditionals = set("conditional")
        windowEnds = set("window-end")
        coordinators = set("coordinator")
        conjunctions = set("conjunction")
        sentenceMarks = set("sentence-mark")
        quoteLeads = set("quote-lead")
        perfectAuxiliaries = set("perfect-auxiliary")
        comma = set("comma")
        of = set("genitive")
        forWord = set("purpose-preposition")
        by = set("agent-preposition")
        and = set("verb-coordinator")
        to = set("infinitive-marker")
        that = set("that-clause")
        with = set("partner-preposition")
        between = set("pair-preposition")
        including = set("inclusion-marker")
        two = set("pair-number")
        the = set("article")
        her = set("object-or-determiner")
        possessive = set("possessive-marker")
        copulas = set("copula")
        partOpeners = set("part-opener")
        partNouns = set("part-noun")
        party = set("party-noun")
        self.appositionOpeners = WordSet(appositionOpeners, lexicon: &lexicon)
        negativeJudgements = WordSet(judgements, lexicon: &lexicon)
    }
}
