import KnowledgeGraph

/// How a candidate mention finds its entity.
enum EntityKey: Hashable, Sendable {
    case country(String)
    case body(String)
    /// A body known by its head word ("Foreign Ministry"), normalized, with its country where stated.
    case generic(String, country: String?)
    case organization(String)
    case person
    /// A title standing for a person ("the secretary of state"), with the country adjective if any.
    case titleReference(String, country: String?)
}

/// The names a candidate gives its entity: nearly always one, which is kept without an array.
/// (No array literal: its variadic array would be allocated for every candidate.)
struct Aliases: Sequence {
    private var first: String?
    private var rest: [String] = []

    init() {}

    init(_ name: String) {
        first = name
    }

    mutating func append(_ name: String) {
        if first == nil { first = name } else { rest.append(name) }
    }

    struct Iterator: IteratorProtocol {
        fileprivate var first: String?
        fileprivate var rest: IndexingIterator<[String]>

        mutating func next() -> String? {
            if let name = first {
                first = nil
                return name
            }
            return rest.next()
        }
    }

    func makeIterator() -> Iterator {
        Iterator(first: first, rest: rest.makeIterator())
    }
}

/// A mention before entities are resolved.
struct Candidate {
    var tokens: Range<Int>
    var phrase: Range<Int>
    var kind: Mention.Kind
    var type: EntityType
    var key: EntityKey
    var name: String
    var aliases = Aliases()
    var lexiconName: String?
    var knownCountry: String?
    /// Index of the candidate this one belongs to ("Chinese" for "Chinese Foreign Ministry").
    var owner: Int?
    var title: String?
    var titleTarget: String?
    /// Lowercase name parts of a person ("yun", "byung-se").
    var nameParts: [String] = []
    /// A person named by one word only may start an entity only with some evidence (a title, a
    /// speech verb after it); otherwise it must match a person named in full.
    var canStartEntity = true
    var vouchesForSurname = false
    /// A single name that opens a sentence before a speech verb ("Kurti claimed ..."): it starts a
    /// person when the article also uses the name alone mid-sentence.
    var startsIfVouched = false
    /// The body an apposition names: "X, chairman of the Y" (set once Y is built).
    var appositionBody: Int?
    /// The generic key of a body named by its kind, also when the lexicon knows the body by it.
    var genericName: String?
    /// Whether the name stands in a headline, whose capitals prove nothing: it may only name a
    /// person the article names elsewhere.
    var inHeadline = false
    /// A nickname the name gives in quotes ("CZ" of "Changpeng “CZ” Zhao"), lowercase.
    var nickname: String?
}
