import EntityRecognition

/// The words the extractor's patterns look for, compared with tokens by vocabulary ID.
///
/// Made with the relation extractor, before the recognizer, so their words are in the vocabulary.
/// A class: its many sets are shared by every article's builders, which a copy would retain one
/// by one.
final class ScanWords: Sendable {
    /// Words before a cue that make it a noun ("the sanctions"), not a verb.
    let nounMarkers: WordSet
    /// What may stand between coordinated objects: "A, B and C", "Novak, his son Pavel".
    let coordination: WordSet
    /// What someone says, which can be rejected ("rejected Moscow's claims").
    let statementNouns: WordSet
    /// Nouns that stand for unnamed people of a place or body ("the governor of X", "members of X").
    let unnamedHolders: WordSet
    /// Adverbs between an auxiliary and its participle: "was also sanctioned".
    let passiveAdverbs: WordSet
    let prepositions: WordSet
    /// Cue phrases that end in their own preposition and take the object right after it.
    let objectlessCueEnds: WordSet
    /// Verbs that put someone on a list: "added X to the entity list".
    let listingVerbs: WordSet
    let intensifiers: WordSet
    let speechParticiples: WordSet
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

    init(lexicon: inout Lexicon) {
        func words(_ list: [String]) -> WordSet { WordSet(list, lexicon: &lexicon) }
        nounMarkers = words([
            "the", "a", "an", "new", "fresh", "further", "additional", "more", "these", "those", "its", "their", "his",
            "her", "any", "retaliatory", "such", "of", "'s",
        ])
        coordination = words([
            "and", ",", "or", "as", "well", "also", "his", "her", "its", "their", "the", "son", "wife", "daughter",
            "brother", "sister", "husband", "former",
        ])
        statementNouns = words([
            "claims", "claim", "remarks", "comments", "statement", "statements", "accusations", "allegations", "argument",
            "arguments", "position", "assertion", "assertions", "criticism", "charges", "version", "narrative", "rhetoric",
            "protest", "protests", "complaint", "complaints", "objections", "demands",
        ])
        unnamedHolders = words([
            "governor", "commander", "head", "chief", "leader", "leaders", "member", "members", "officials", "official",
            "director", "minister", "ministers", "spokesman", "spokesperson", "family", "son", "daughter", "wife", "citizens",
            "companies", "firms", "entities", "individuals", "residents", "people", "mayor", "staff", "employees", "units",
        ])
        passiveAdverbs = words(["also", "newly", "previously", "already", "recently", "then", "again", "since", "now", "later", "first", "once", "all"])
        prepositions = words([
            "in", "of", "for", "with", "at", "from", "on", "to", "by", "about", "against", "into", "over", "under", "between",
            "across", "toward", "towards", "within", "inside", "outside", "near",
        ])
        objectlessCueEnds = words(["of", "with", "at", "on", "to", "against", "by", "from", "targeting", "between"])
        listingVerbs = words([
            "targeted", "targets", "targeting", "hit", "hits", "add", "added", "adds", "adding", "place", "put", "puts",
            "placed", "places", "placing", "included", "includes",
        ])
        intensifiers = words(["very", "so", "too", "quite", "rather", "most", "more", "even", "still", "just", "being"])
        speechParticiples = words(["saying", "adding", "insisting", "noting", "stressing", "arguing", "warning"])
        afterObjectPronoun = words([
            "of", "for", "in", "on", "at", "with", "to", "over", "after", "before", "during", "and", "or", "but", "as",
            "about", "from", "by", "last", "this", "that", "yesterday", "today", "earlier", "again", "twice", "personally",
            "directly", "privately", "publicly", "repeatedly", "while", "when", "because", "since", "despite", "amid",
        ])
        pairNouns = words([
            "leaders", "presidents", "ministers", "premiers", "men", "women", "diplomats", "envoys", "counterparts", "officials",
            "chancellors", "monarchs",
        ])
        placePrepositions = words(["in", "near", "inside", "outside", "across", "within", "around", "throughout"])
        notCommonNouns = words(["and", "or", "of", "in", "on", "at", "by", "with", "to", "from", "'s"])
        sequenceAdverbs = words(["also", "then", "later", "subsequently"])
        pairAdverbs = words(["later", "also", "then", "first", "subsequently", "briefly"])
        sentenceOpeners = words(["but", "and", "however", ",", "yet", "so"])
        relativePronouns = words(["who", "which", "that"])
        participleObjects = words(["of", "for", "over"])
        objectPronouns = words(["it", "them", "him"])
        subjectPronouns = words(["he", "she"])
        conditionals = words(["if", "unless"])
        windowEnds = words(["by", "and", ","])
        coordinators = words(["and", ",", "or"])
        conjunctions = words(["and", ","])
        sentenceMarks = words([",", "."])
        quoteLeads = words([":", ","])
        perfectAuxiliaries = words(["has", "have"])
        comma = words([","])
        of = words(["of"])
        forWord = words(["for"])
        by = words(["by"])
        and = words(["and"])
        to = words(["to"])
        that = words(["that"])
        with = words(["with"])
        between = words(["between"])
        including = words(["including"])
        two = words(["two"])
        the = words(["the"])
        her = words(["her"])
        possessive = words(["'s"])
        copulas = words(["is", "was", "are", "remains"])
        partOpeners = words(["a", "an", "the", "one", "its", "now"])
        partNouns = words([
            "part", "parts", "arm", "unit", "branch", "division", "wing", "subsidiary", "affiliate", "component", "agency",
        ])
        party = words(["party"])
    }
}
