import GRDB
import KnowledgeGraph

/// What the writer remembers of the store between batches: entity names, which aliases and edges
/// exist, and the answers to the identity rules' lookups. The same few thousand entities recur
/// through a corpus, so most lookups of a batch are answered here rather than asked of SQLite.
///
/// It holds only rows that exist, and they stay right while nothing but this writer changes the
/// store: the store forgets it when another connection has committed (SQLite's `data_version`
/// changes), when a correction writes through this store, and when a batch fails. When a batch
/// moves a surname's articles from one person to another (`GraphStore.resolveSurname`), the
/// entries about the entities involved are forgotten (`BatchCache.forget(_:)`).
struct StoreMemory {
    /// `PRAGMA data_version` when the memory was last right.
    var dataVersion: Int
    var names: [Int64: String] = [:]
    /// The stored spelling of each entity's alias, by the entity and the folded name.
    var knownAliases: [AliasKey: String] = [:]
    /// The same, by the alias as written, so that a name met again is not even folded.
    var knownWrittenAliases: Set<AliasKey> = []
    /// Folded forms of names, by name.
    var folded: [String: String] = [:]
    var edges: [EdgeKey: Int64] = [:]
    /// Answers to entity lookups by folded name (every id the query found, in its order), by
    /// name, then by query and type.
    var lookups: [String: [LookupKey: [Int64]]] = [:]
    /// The aliases of people whose surname (last word) is the key, with their folded form and
    /// that form without particles (`NameFolding.personKey`).
    var surnameAliases: [String: [PersonAlias]] = [:]
    /// The aliases of people whose surname starts with the key (the first two letters of a
    /// surname) and is longer than it, with that surname, indexed by the surnames a letter apart
    /// (`BatchCache.personAliases(surnamesAround:)`, `SurnameNeighbours`).
    var prefixAliases: [String: SurnameNeighbours] = [:]
    /// The most UTF-8 bytes of a key of `prefixAliases`.
    var longestPrefix = 0
    /// `NameFolding.personKey` of folded names.
    var personKeys: [String: String] = [:]
    /// The folded names of the countries each entity is affiliated with (`GraphStore.storedCountries`).
    var countries: [Int64: Set<String>] = [:]
    /// The countries of people as the articles naming them in full give them
    /// (`GraphStore.fullNameCountries`).
    var personCountries: [Int64: Set<String>] = [:]
    /// Whether an article naming a person in full also calls them by one word (the alias key's
    /// name); see `GraphStore.answersToSurname`.
    var answersTo: [AliasKey: Bool] = [:]
    /// For each surname, what its decisions depended on when every article naming a person by it
    /// alone was last decided and none had to move (see `GraphStore.resolveSurname`).
    var settledSurnames: [String: SurnameState] = [:]
    /// The folded names stored as aliases that go on past a shorter full name with a lineage
    /// particle, by that shorter name's key ("mohammed salman" to "mohammed bin salman bin
    /// abdulaziz al saud"; `NameFolding.lineagePrefixes`); nil until a batch first asks. Names
    /// only, not entities: a move changes which entity has a name, never which names are stored.
    var longerNames: [String: Set<String>]?
    /// `NameFolding.lineagePrefixes` of folded names that may have a lineage part.
    var lineagePrefixes: [String: [String]] = [:]

    struct LookupKey: Hashable {
        /// The query, by the address of its text: each is a literal, and hashing the address
        /// costs nothing next to hashing the text.
        var query: UInt
        var type: String?
    }

    /// An entity's alias, folded or as written.
    struct AliasKey: Hashable {
        var entity: Int64
        var name: String
    }

    /// The people a surname alone may mean, with what tells them apart, and the node of its
    /// own it has when it means no one of them.
    struct SurnameState: Equatable {
        var people: [Candidate]
        var bareNode: Int64?

        struct Candidate: Equatable {
            var id: Int64
            var countries: [String]
            var answers: Bool
        }
    }

    struct PrefixAlias {
        var entity: Int64
        var folded: String
        var surname: String
    }

    struct PersonAlias {
        var entity: Int64
        var folded: String
        var key: String
    }

    struct EdgeKey: Hashable {
        var source: Int64
        var type: RelationType
        var target: Int64
    }

    /// Past this many entries the memory starts over, so a build of millions of articles keeps
    /// its memory bounded.
    static let capacity = 500_000

    var isFull: Bool {
        names.count + knownAliases.count + knownWrittenAliases.count + folded.count + edges.count + lookups.count
            + surnameAliases.count + prefixAliases.count + personKeys.count + countries.count + personCountries.count + answersTo.count
            + settledSurnames.count + lineagePrefixes.count > StoreMemory.capacity
    }
}

/// What one batch of articles needs as it adds them: the store's memory, the pinned names, the
/// prepared inserts, and the counts to add up.
///
/// Every answer is exactly what the query it replaces would give at that moment: during a batch
/// the writer holds the store's write lock, nothing else changes the store, and the rows
/// remembered are only ever added to while it runs (pins and deletions come from corrections,
/// which never run inside a batch). Mention counts and edge weights are added up, and appearances
/// and evidence collected, and all are written when the batch ends, many rows per statement; the
/// one merge decision that reads appearances (`answersToSurname`) is kept up to date as they are
/// collected. Merging must add aliases through `addAlias` and edges through `edge` here, which
/// also forget the lookups a new alias or affiliation may change. What the batch writes outside
/// the cache once it is flushed (`GraphStore.resolveSurname`) is forgotten with `forget(_:)`.
struct BatchCache {
    private(set) var memory: StoreMemory
    private let pins: [String: Int64]
    private var pendingMentions: [Int64: Int] = [:]
    private var pendingWeights: [Int64: Int] = [:]
    private var pendingAppearances: [Appearance] = []
    /// Whether an affiliation's evidence joined `pendingEvidence` since the countries of bodies
    /// were last read (`storedCountries`).
    private var hasPendingAffiliations = false
    private var pendingEvidence: [EvidenceRow] = []
    /// The pending evidence of affiliations, by the relation's source: the article, the
    /// relation's target and the row's place in `pendingEvidence` (`storedCountries` and
    /// `fullNameCountries` read them in place of written rows).
    private var pendingAffiliations: [Int64: [PendingTie]] = [:]
    /// How many of the pending rows (appearances, evidence) the writer used to write before a
    /// read of a body's countries while affiliations were pending (the first ones: rows are
    /// written in the order they came). They are no longer written there: the reads of written
    /// appearances and evidence that follow (`fullNameCountries`, `answersToSurname`) count these
    /// rows as written, and only these, so they answer as they did. Nil when there are none.
    private var rowsReadAsWritten: (appearances: Int, evidence: Int)?
    /// Whether `storedCountries` writes the pending rows first, as the writer did before it read
    /// them in place (`GraphStore.flushesBeforeCountryReads`): the reference of the differential
    /// tests.
    private let flushesBeforeCountryReads: Bool
    /// People with an appearance among `pendingAppearances`.
    private var pendingPeople: Set<Int64> = []
    /// Every entity with an appearance among `pendingAppearances`.
    private var pendingEntities: Set<Int64> = []
    /// Entities whose rows a move changed since the last `forgetMoved()`.
    private var moved: Set<Int64> = []
    /// The row id of the batch's first article: the batch's articles are those from it on.
    private(set) var firstArticle: Int64?
    /// Entities the writer folded into another since `takeAbsorbed()`, with the one they are now.
    private var absorptions: [(absorbed: Int64, kept: Int64)] = []
    /// Surnames of people folded into others, to decide again when the batch ends.
    private var absorbedSurnames: Set<String> = []
    /// The fewest aliases of a surname's first letters that `personAliases(surnamesAround:)`
    /// indexes rather than gives all (`GraphStore.indexCandidates(from:)`).
    private let candidateIndexThreshold: Int
    private let insertAlias: RawStatement
    private let findArticle: RawStatement
    private let insertArticleRow: RawStatement
    private var lookupStatements: [UInt: RawStatement] = [:]
    private var surnameStatement: RawStatement?
    private var surnamesAroundStatement: RawStatement?
    private var appearancesStatement: RawStatement?
    private var findSentence: RawStatement?
    private var findRelation: RawStatement?
    private var insertRelation: RawStatement?
    private var findSlug: RawStatement?
    private var insertEntityRow: RawStatement?
    private var insertSentence: RawStatement?
    private var findName: RawStatement?
    private var findCountries: RawStatement?
    private var findCountriesByName: RawStatement?
    private var findPersonAppearances: RawStatement?
    /// The many-row statements of `flush`, by table and rows: a batch may flush several times
    /// (before a merge folds an entity into another, `GraphStore.absorb`, and before a common
    /// name's articles are read, `separateCommonNames`), and preparing a statement of 64 rows
    /// costs SQLite's parser about as much as running it.
    private var flushStatements: [FlushKey: RawStatement] = [:]

    /// Which name an article used for a stored entity (a row of `appearances`).
    private struct Appearance {
        var entity: Int64
        var article: Int64
        var name: String
        var folded: String
        var aliases: [String]
        var mentions: Int
        var isPerson: Bool
    }

    private struct EvidenceRow {
        var relation: Int64
        var article: Int64
        var evidence: Evidence
    }

    /// An affiliation's pending evidence, kept by the affiliation's source.
    private struct PendingTie {
        var article: Int64
        var target: Int64
        /// The evidence row's index in `pendingEvidence`.
        var index: Int
    }

    /// Rows per insert statement when the batch's rows are written.
    private static let rowsPerInsert = 64

    /// Starts a batch inside its transaction. Pins (names a user sent to an entity by hand) are
    /// few; they are read whole.
    init(_ db: Database, memory: StoreMemory, candidateIndexThreshold: Int = SurnameNeighbours.defaultThreshold,
         flushesBeforeCountryReads: Bool = false) throws
    {
        self.memory = memory
        self.candidateIndexThreshold = candidateIndexThreshold
        self.flushesBeforeCountryReads = flushesBeforeCountryReads
        var pins: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT folded, entity FROM pins") { pins[row["folded"]] = row["entity"] }
        self.pins = pins
        insertAlias = try RawStatement("INSERT OR IGNORE INTO aliases (entity, alias, folded, surname) VALUES (?, ?, ?, ?)", in: db)
        findArticle = try RawStatement("SELECT 1 FROM articles WHERE digest = ?", in: db)
        insertArticleRow = try RawStatement(
            "INSERT INTO articles (document, path, digest, title, date, url, added) VALUES (?, ?, ?, ?, ?, ?, ?)", in: db)
    }

    /// Adds the article's row and returns its id; nil when an article with its digest is stored.
    mutating func insertArticle(_ article: ArticleRecord, added: String, in db: Database) throws -> Int64? {
        if try findArticle.bind(article.digest).integer() != nil { return nil }
        try insertArticleRow.bind(article.document).bind(article.path).bind(article.digest).bind(article.title).bind(article.date)
            .bind(article.url).bind(added).run()
        let id = db.lastInsertedRowID
        if firstArticle == nil { firstArticle = id }
        return id
    }

    /// The entity a user pinned this folded name to.
    func pinnedEntity(_ folded: String) -> Int64? { pins[folded] }

    /// Whether a user pinned any name to the entity (by a merge, a split or a rename).
    func hasPins(_ entity: Int64) -> Bool { pins.values.contains(entity) }

    /// Records that the writer folded `absorbed` into `kept` (`GraphStore.absorb`), for the
    /// article being added to move its entities stored under `absorbed` (`takeAbsorbed()`), and
    /// the one-word names of an absorbed person to be decided again when the batch ends.
    mutating func recordAbsorbed(_ absorbed: Int64, into kept: Int64, surname: String?) {
        absorptions.append((absorbed, kept))
        if let surname, !surname.isEmpty {
            absorbedSurnames.insert(surname)
            memory.settledSurnames[surname] = nil
        }
    }

    /// The entities folded into others since the last call, each with the one it is now, in
    /// the order they were folded. Taken right after each merge: a deleted row's id may be given
    /// to the next new entity.
    mutating func takeAbsorbed() -> [(absorbed: Int64, kept: Int64)] {
        defer { absorptions = [] }
        return absorptions
    }

    /// The surnames of the people folded into others since the last call.
    mutating func takeAbsorbedSurnames() -> Set<String> {
        defer { absorbedSurnames = [] }
        return absorbedSurnames
    }

    /// The entity's display name.
    mutating func name(of entity: Int64, in db: Database) throws -> String {
        if let name = memory.names[entity] { return name }
        let find = try findName ?? RawStatement("SELECT name FROM entities WHERE id = ?", in: db)
        findName = find
        let name = try find.bind(entity).string() ?? ""
        memory.names[entity] = name
        return name
    }

    mutating func rename(_ entity: Int64, to name: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE entities SET name = ? WHERE id = ?").execute(arguments: [name, entity])
        memory.names[entity] = name
    }

    mutating func addMentions(_ count: Int, to entity: Int64) { pendingMentions[entity, default: 0] += count }

    /// `GraphStore.addAlias`, skipped when the writer has already added or met the same alias of
    /// the same entity (the insert would be ignored). `type` is the stored entity's type, when the
    /// caller knows it.
    mutating func addAlias(_ alias: String, to entity: Int64, type: EntityType?, in db: Database) throws {
        guard memory.knownWrittenAliases.insert(StoreMemory.AliasKey(entity: entity, name: alias)).inserted else { return }
        let folded = fold(alias)
        guard !folded.isEmpty else { return }
        let key = StoreMemory.AliasKey(entity: entity, name: folded)
        if let stored = memory.knownAliases[key] {
            try respell(key, from: stored, to: alias, in: db)
            return
        }
        let surname = NameFolding.surname(of: folded)
        let inserted = try insertAlias.bind(entity).bind(alias).bind(folded).bind(surname).run() > 0
        memory.knownAliases[key] = alias
        if !inserted {
            // Stored before the writer remembered it, perhaps spelled otherwise.
            if let stored = try storedSpelling(key, in: db) {
                memory.knownAliases[key] = stored
                try respell(key, from: stored, to: alias, in: db)
            }
            return
        }
        // Lookups of this name, and of people of this surname, may find one more entity now.
        memory.lookups[folded] = nil
        if memory.longerNames != nil { noteLongerName(folded) }
        if !surname.isEmpty {
            memory.surnameAliases[surname] = nil
            // The people of a surname's first letters gain a row only from a person's new alias.
            switch type {
            case .person?: if inserted { addPrefixAlias(StoreMemory.PrefixAlias(entity: entity, folded: folded, surname: surname)) }
            case nil: forgetPrefixAliases(around: surname)
            default: break
            }
        }
    }

    /// Keeps `alias` as the spelling of the stored alias `key` when it is preferred over the
    /// stored one (`GraphStore.isPreferredSpelling`), so the spelling kept is the same whatever
    /// order the spellings came in.
    private mutating func respell(_ key: StoreMemory.AliasKey, from stored: String, to alias: String, in db: Database) throws {
        guard GraphStore.isPreferredSpelling(alias, over: stored) else { return }
        try db.cachedStatement(sql: "UPDATE aliases SET alias = ? WHERE entity = ? AND folded = ?")
            .execute(arguments: [alias, key.entity, key.name])
        memory.knownAliases[key] = alias
        // A query comparing aliases with names may answer otherwise.
        memory.lookups[key.name] = nil
    }

    private func storedSpelling(_ key: StoreMemory.AliasKey, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT alias FROM aliases WHERE entity = ? AND folded = ?"),
                            arguments: [key.entity, key.name])
    }

    /// The stored spelling of an entity's alias of a folded name; nil when it has none.
    mutating func aliasSpelling(of entity: Int64, folded: String, in db: Database) throws -> String? {
        let key = StoreMemory.AliasKey(entity: entity, name: folded)
        if let known = memory.knownAliases[key] { return known }
        let stored = try storedSpelling(key, in: db)
        if let stored { memory.knownAliases[key] = stored }
        return stored
    }

    /// Forgets the lookups by these folded names (after a body is renamed: the queries that
    /// compare an alias with the entity's name may answer otherwise).
    mutating func forgetLookups(of folded: [String]) {
        for name in folded { memory.lookups[name] = nil }
    }

    /// `NameFolding.fold`, remembered: the same names recur from article to article.
    mutating func fold(_ name: String) -> String {
        if let folded = memory.folded[name] { return folded }
        let folded = NameFolding.fold(name)
        memory.folded[name] = folded
        return folded
    }

    /// The entity ids a query by folded name finds (`sql` takes the name, then `type` when given),
    /// remembered until an alias with that folded name is added. The query's answer must depend
    /// only on the aliases with that folded name, on entity types, and on the names of entities
    /// other than people, none of which a batch changes otherwise.
    ///
    /// The ids come in ascending order, each once, whatever order and repeats the query gives: its
    /// SQL leaves both to this (`BatchCache.distinctAscending`), since SQLite sorted and removed
    /// repeats with a temporary b-tree for every query, about a quarter of each lookup.
    mutating func entityIDs(sql: StaticString, folded: String, type: String? = nil, in db: Database) throws -> [Int64] {
        let query = UInt(bitPattern: sql.utf8Start)
        let key = StoreMemory.LookupKey(query: query, type: type)
        if let known = memory.lookups[folded]?[key] { return known }
        let statement = try lookupStatements[query] ?? RawStatement("\(sql)", in: db)
        lookupStatements[query] = statement
        statement.bind(folded)
        if let type { statement.bind(type) }
        let ids = BatchCache.distinctAscending(try statement.integers())
        memory.lookups[folded, default: [:]][key] = ids
        return ids
    }

    /// The ids in ascending order, each once: what `SELECT DISTINCT id ... ORDER BY id` gives.
    static func distinctAscending(_ ids: [Int64]) -> [Int64] {
        // Most lookups find no entity or one.
        guard ids.count > 1 else { return ids }
        var sorted = ids.sorted()
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The aliases of people whose surname is `surname` (`aliases.surname`), remembered until an
    /// alias with that surname is added.
    mutating func personAliases(surname: String, in db: Database) throws -> [StoreMemory.PersonAlias] {
        if let known = memory.surnameAliases[surname] { return known }
        // In no order: sorted here, as `ORDER BY a.entity, a.folded` would (SQLite sorted the rows
        // of every query in a temporary b-tree).
        let statement = try surnameStatement ?? RawStatement("""
            SELECT a.entity, a.folded FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE a.surname = ? AND e.type = \(StoreSQL.person)
            """, in: db)
        surnameStatement = statement
        var aliases: [StoreMemory.PersonAlias] = []
        for (entity, folded) in BatchCache.byEntityAndName(try statement.bind(surname).integersAndStrings()) {
            aliases.append(StoreMemory.PersonAlias(entity: entity, folded: folded, key: personKey(folded)))
        }
        memory.surnameAliases[surname] = aliases
        return aliases
    }

    /// Rows of (entity, folded name) in the order `ORDER BY entity, folded` gives them: by entity,
    /// then by the name's bytes (SQLite's binary collation, which is not `String`'s order past ASCII).
    static func byEntityAndName(_ rows: [(Int64, String)]) -> [(Int64, String)] {
        guard rows.count > 1 else { return rows }
        return rows.sorted { first, second in
            first.0 != second.0 ? first.0 < second.0 : first.1.utf8.lexicographicallyPrecedes(second.1.utf8)
        }
    }

    /// The aliases of people (entity, folded) whose surname shares the first two letters of
    /// `surname` but is another: where a surname a letter apart is. Remembered by those two
    /// letters until an alias with a surname that starts with them is added: a name met for the
    /// first time asks, and most new names share their first letters with a stored surname.
    ///
    /// Only those whose surname, particles aside, is `surname` or shares a neighbour key with it
    /// (`SurnameNeighbours`) are given once the group has `candidateIndexThreshold` aliases: the
    /// others cannot be the same person by `matchPerson`'s rules. A smaller group gives all.
    mutating func personAliases(surnamesAround surname: String, in db: Database) throws -> [(Int64, String)] {
        let prefix = String(surname.prefix(2))
        if memory.prefixAliases[prefix] == nil {
            // Every surname of which `prefix` is the first bytes and which is longer: as SQLite
            // compares text byte by byte, those between the prefix and the prefix followed by the
            // last code point.
            let statement = try surnamesAroundStatement ?? RawStatement("""
                SELECT a.entity, a.folded, a.surname FROM aliases a JOIN entities e ON e.id = a.entity
                WHERE a.surname > ? AND a.surname < ? AND e.type = \(StoreSQL.person)
                """, in: db)
            surnamesAroundStatement = statement
            var group = SurnameNeighbours()
            for (entity, folded, stored) in try statement.bind(prefix).bind(prefix + "\u{10FFFF}").integersAndStringPairs() {
                group.append(StoreMemory.PrefixAlias(entity: entity, folded: folded, surname: stored))
            }
            memory.prefixAliases[prefix] = group
            memory.longestPrefix = max(memory.longestPrefix, prefix.utf8.count)
        }
        let aliases = memory.prefixAliases[prefix]!.candidates(near: surname, indexingFrom: candidateIndexThreshold)
        return aliases.compactMap { $0.surname == surname ? nil : ($0.entity, $0.folded) }
    }

    /// Forgets the remembered `personAliases(surnamesAround:)` that a new alias of this surname
    /// may belong to: those of every prefix of its bytes.
    private mutating func forgetPrefixAliases(around surname: String) {
        guard !memory.prefixAliases.isEmpty else { return }
        let bytes = Array(surname.utf8)
        for length in 1...min(bytes.count, memory.longestPrefix) {
            memory.prefixAliases[String(decoding: bytes[..<length], as: UTF8.self)] = nil
        }
    }

    /// Adds a person's new alias to the remembered `personAliases(surnamesAround:)` whose query
    /// would now find it: those of each prefix of its surname's bytes that the surname is longer
    /// than (and that the last code point does not follow, the query's upper bound).
    private mutating func addPrefixAlias(_ alias: StoreMemory.PrefixAlias) {
        guard !memory.prefixAliases.isEmpty else { return }
        let bytes = Array(alias.surname.utf8)
        let last: [UInt8] = [0xF4, 0x8F, 0xBF, 0xBF]
        for length in 1..<max(1, min(bytes.count, memory.longestPrefix + 1)) {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            // A cut through a character decodes to a replacement character, another prefix.
            guard memory.prefixAliases[prefix] != nil, prefix.utf8.elementsEqual(bytes[..<length]),
                !bytes[length...].starts(with: last)
            else { continue }
            memory.prefixAliases[prefix]!.append(alias)
        }
    }

    /// The stored names (folded) that go on past a full name of key `key` with a lineage part
    /// (`StoreMemory.longerNames`), in order. The first call reads every stored name with a
    /// lineage particle inside it; `addAlias` adds the new ones after that.
    mutating func longerNames(of key: String, in db: Database) throws -> [String] {
        try hasLongerNames(key, in: db) ? memory.longerNames![key]!.sorted() : []
    }

    /// Whether a stored name goes on past a full name of key `key` with a lineage part.
    mutating func hasLongerNames(_ key: String, in db: Database) throws -> Bool {
        if memory.longerNames == nil {
            memory.longerNames = [:]
            let inside = NameFolding.lineageParticles.sorted().map { "folded LIKE '% \($0) %'" }.joined(separator: " OR ")
            guard !inside.isEmpty else { return false }
            for folded in try String.fetchAll(db, sql: "SELECT DISTINCT folded FROM aliases WHERE \(inside)") { noteLongerName(folded) }
        }
        return memory.longerNames![key] != nil
    }

    /// `NameFolding.lineagePrefixes`, remembered for the names that may have some (splitting,
    /// joining and keying their words cost tens of thousands of instructions each, callgrind).
    mutating func lineagePrefixes(of folded: String) -> [String] {
        guard NameFolding.mayHaveLineagePart(folded) else { return [] }
        if let known = memory.lineagePrefixes[folded] { return known }
        let prefixes = NameFolding.lineagePrefixes(of: folded)
        memory.lineagePrefixes[folded] = prefixes
        return prefixes
    }

    /// Files a stored name under the keys of the shorter full names it goes on past.
    private mutating func noteLongerName(_ folded: String) {
        for key in lineagePrefixes(of: folded) { memory.longerNames![key, default: []].insert(folded) }
    }

    /// The written articles (row id, and the name as written) that call `entity` by `folded`,
    /// from the article `since` on.
    mutating func appearances(of entity: Int64, as folded: String, since: Int64, in db: Database) throws -> [(Int64, String)] {
        let statement = try appearancesStatement ?? RawStatement(
            "SELECT article, name FROM appearances WHERE entity = ? AND folded = ? AND article >= ?", in: db)
        appearancesStatement = statement
        return try statement.bind(entity).bind(folded).bind(since).integersAndStrings()
    }

    /// Whether an article of the store or of the batch calls `entity` by `folded`.
    mutating func hasAppearance(of entity: Int64, as folded: String, in db: Database) throws -> Bool {
        if pendingAppearances.contains(where: { $0.entity == entity && $0.folded == folded }) { return true }
        return try !appearances(of: entity, as: folded, since: 0, in: db).isEmpty
    }

    /// `NameFolding.personKey`, remembered.
    mutating func personKey(_ folded: String) -> String {
        if let key = memory.personKeys[folded] { return key }
        let key = NameFolding.personKey(folded)
        memory.personKeys[folded] = key
        return key
    }

    /// `GraphStore.storedCountries` as it would answer with the batch's pending rows written,
    /// remembered until the batch adds an affiliation. The written rows answer through the query,
    /// the pending affiliations through `pendingCountries`.
    ///
    /// The writer used to write every pending row here when affiliations were pending: the reads
    /// that come later and depend on written appearances or evidence (`fullNameCountries`,
    /// `answersToSurname`) count those rows as written (`rowsReadAsWritten`).
    mutating func storedCountries(of entity: Int64, in db: Database) throws -> Set<String> {
        if hasPendingAffiliations {
            if flushesBeforeCountryReads {
                try flush(in: db)
            } else {
                // The rows that write would have written, and the answers it would have forgotten.
                rowsReadAsWritten = (pendingAppearances.count, pendingEvidence.count)
                memory.personCountries = [:]
                hasPendingAffiliations = false
            }
            memory.countries = [:]
        }
        if let known = memory.countries[entity] { return known }
        let find = try findCountries ?? RawStatement(GraphStore.storedCountriesSQL, in: db)
        findCountries = find
        var countries = Set(try find.bind(entity).strings().map { fold($0) })
        try pendingCountries(of: entity, into: &countries, in: db)
        memory.countries[entity] = countries
        return countries
    }

    /// Adds to `countries` what `GraphStore.storedCountries`' second half would find in the
    /// pending evidence: the countries of the bodies `entity` is affiliated with in an article
    /// that states both ties. An article's evidence is pending or written all at once (it is
    /// collected after all its entities are merged, and nothing writes between), so the two ties
    /// of one article are both here or both written. The first half reads relations, which are
    /// written at once.
    private mutating func pendingCountries(of entity: Int64, into countries: inout Set<String>, in db: Database) throws {
        guard let ties = pendingAffiliations[entity] else { return }
        for tie in ties {
            guard let second = pendingAffiliations[tie.target] else { continue }
            for other in second where other.article == tie.article {
                let name = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ? AND type = \(StoreSQL.country)"),
                    arguments: [other.target])
                if let name { countries.insert(NameFolding.fold(name)) }
            }
        }
    }

    /// What `GraphStore.affiliationCountriesByName` would add from the pending rows read as
    /// written (`rowsReadAsWritten`): for each of the person's affiliations stated there, the
    /// country it is or the countries of the body it is (whose ties are written relations), with
    /// the names the person's appearances in that article have. An article's appearances are all
    /// recorded before its evidence, so they are among those rows or written.
    private func affiliationCountriesReadAsWritten(of person: Int64, in db: Database) throws -> [(String, String)] {
        guard let counted = rowsReadAsWritten, let ties = pendingAffiliations[person] else { return [] }
        var found: [(String, String)] = []
        for tie in ties where tie.index < counted.evidence {
            var names = try String.fetchAll(db.cachedStatement(sql: "SELECT folded FROM appearances WHERE entity = ? AND article = ?"),
                                            arguments: [person, tie.article])
            for appearance in pendingAppearances[..<counted.appearances] where appearance.entity == person && appearance.article == tie.article {
                names.append(appearance.folded)
            }
            guard !names.isEmpty else { continue }
            let countries = try String.fetchAll(db.cachedStatement(sql: """
                SELECT name FROM entities WHERE id = ?1 AND type = \(StoreSQL.country)
                UNION ALL
                SELECT c.name FROM relations r JOIN entities c ON c.id = r.target
                WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
                """), arguments: [tie.target])
            for country in countries {
                let folded = NameFolding.fold(country)
                for name in names { found.append((folded, name)) }
            }
        }
        return found
    }

    /// The countries of a person that articles naming them in full give (`GraphStore.fullNameCountries`),
    /// remembered until the batch adds an affiliation, writes its evidence, or reads a body's
    /// countries while affiliations are pending (which used to write the evidence).
    mutating func fullNameCountries(of person: Int64, in db: Database) throws -> Set<String> {
        if let known = memory.personCountries[person] { return known }
        var countries: Set<String> = []
        let find = try findCountriesByName ?? RawStatement(GraphStore.affiliationCountriesByNameSQL, in: db)
        findCountriesByName = find
        for (country, folded) in try find.bind(person).stringPairs() where personKey(folded).utf8.contains(0x20) {
            countries.insert(fold(country))
        }
        for (country, folded) in try affiliationCountriesReadAsWritten(of: person, in: db) where personKey(folded).utf8.contains(0x20) {
            countries.insert(country)
        }
        memory.personCountries[person] = countries
        return countries
    }

    /// Whether an article that names the person in full also calls them by `word` alone, counting
    /// the articles of this batch not yet written (`recordAppearance` keeps the answer up to date).
    /// A store from before articles' names were kept answers by the person's aliases.
    mutating func answersToSurname(_ person: Int64, _ word: String, in db: Database) throws -> Bool {
        let key = StoreMemory.AliasKey(entity: person, name: word)
        if let known = memory.answersTo[key] { return known }
        let find = try findPersonAppearances ?? RawStatement("SELECT folded, aliases FROM appearances WHERE entity = ?", in: db)
        findPersonAppearances = find
        var rows = try find.bind(person).stringPairs().map { (folded: $0.0, aliases: $0.1) }
        // The pending rows read as written (`rowsReadAsWritten`) count as the store's; the person
        // is pending when an appearance after them is.
        var isPending = pendingPeople.contains(person)
        if let counted = rowsReadAsWritten?.appearances, pendingEntities.contains(person) {
            for appearance in pendingAppearances[..<counted] where appearance.entity == person {
                rows.append((appearance.folded, appearance.aliases.joined(separator: "\n")))
            }
            isPending = pendingAppearances[counted...].contains { $0.entity == person && $0.isPerson }
        }
        if rows.isEmpty && !isPending {
            return try String.fetchAll(db.cachedStatement(sql: "SELECT folded FROM aliases WHERE entity = ?"), arguments: [person])
                .contains { personKey($0) == word }
        }
        // An answer of this batch's articles is remembered as they come (see `recordAppearance`):
        // the store's rows say the rest.
        var answers = false
        for row in rows where personKey(row.folded).utf8.contains(0x20) {
            for alias in row.aliases.split(separator: "\n") where personKey(fold(String(alias))) == word {
                answers = true
                break
            }
            if answers { break }
        }
        memory.answersTo[key] = answers
        return answers
    }

    /// Remembers which name this article used for the stored entity, so that the merge can be
    /// undone (`split`); written when the batch ends.
    mutating func recordAppearance(of entity: Entity, as rowID: Int64, in article: Int64) {
        let folded = fold(entity.name)
        pendingAppearances.append(Appearance(entity: rowID, article: article, name: entity.name, folded: folded,
                                             aliases: entity.aliases, mentions: entity.mentions, isPerson: entity.type == .person))
        pendingEntities.insert(rowID)
        guard entity.type == .person else { return }
        pendingPeople.insert(rowID)
        // An article naming the person in full and calling them by one word: they answer to it.
        guard personKey(folded).utf8.contains(0x20) else { return }
        for alias in entity.aliases {
            let word = personKey(fold(alias))
            if !word.isEmpty && !word.utf8.contains(0x20) {
                memory.answersTo[StoreMemory.AliasKey(entity: rowID, name: word)] = true
            }
        }
    }

    /// A sentence stating the edge, written when the batch ends; `affiliation` is the edge's source
    /// and target when it is an affiliation.
    mutating func addEvidence(_ evidence: Evidence, to relation: Int64, in article: Int64,
                              affiliation: (source: Int64, target: Int64)? = nil)
    {
        if let affiliation {
            pendingAffiliations[affiliation.source, default: []]
                .append(PendingTie(article: article, target: affiliation.target, index: pendingEvidence.count))
        }
        pendingEvidence.append(EvidenceRow(relation: relation, article: article, evidence: evidence))
    }

    /// `GraphStore.relationID`: the edge's row, created if missing, looked up once.
    mutating func edge(_ source: Int64, _ type: RelationType, _ target: Int64, in db: Database) throws -> Int64 {
        let key = StoreMemory.EdgeKey(source: source, type: type, target: target)
        // Its evidence, pending until the next flush, may tie an entity to a country through a
        // body in one article (`storedCountries`, `pendingCountries`).
        if type == .affiliatedWith { hasPendingAffiliations = true }
        if let id = memory.edges[key] { return id }
        // The edge may be new: an affiliation changes the countries of its source, and of what
        // is affiliated with its source.
        if type == .affiliatedWith {
            memory.countries = [:]
            memory.personCountries = [:]
        }
        let id = try relationID(source, type, target, in: db)
        memory.edges[key] = id
        return id
    }

    /// `GraphStore.relationID` through prepared statements.
    private mutating func relationID(_ source: Int64, _ type: RelationType, _ target: Int64, in db: Database) throws -> Int64 {
        var (from, to) = (source, target)
        if type.isSymmetric && to < from { swap(&from, &to) }
        let find = try findRelation ?? RawStatement("SELECT id FROM relations WHERE source = ? AND type = ? AND target = ?", in: db)
        findRelation = find
        if let id = try find.bind(from).bind(type.rawValue).bind(to).integer() { return id }
        let insert = try insertRelation ?? RawStatement("INSERT INTO relations (source, type, target) VALUES (?, ?, ?)", in: db)
        insertRelation = insert
        try insert.bind(from).bind(type.rawValue).bind(to).run()
        return db.lastInsertedRowID
    }

    /// `GraphStore.slugIsFree` through a prepared statement.
    mutating func slugIsFree(_ slug: String, in db: Database) throws -> Bool {
        let find = try findSlug ?? RawStatement("SELECT 1 FROM entities WHERE slug = ?", in: db)
        findSlug = find
        return try find.bind(slug).integer() != 1
    }

    /// `GraphStore.freeSlug` through a prepared statement; a qualifier follows the name in the
    /// id (`ArticleGraph.idQualifier`).
    mutating func freeSlug(for name: String, qualifier: String? = nil, in db: Database) throws -> String {
        let slug = Entity.slug(for: qualifier.map { name + " " + $0 } ?? name)
        if try slugIsFree(slug, in: db) { return slug }
        var suffix = 2
        while try !slugIsFree("\(slug)-\(suffix)", in: db) { suffix += 1 }
        return "\(slug)-\(suffix)"
    }

    /// Adds an entity's row and returns its id, remembering its name.
    mutating func insertEntity(slug: String, name: String, type: EntityType, mentions: Int, in db: Database) throws -> Int64 {
        let insert = try insertEntityRow ?? RawStatement("INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, ?, ?)", in: db)
        insertEntityRow = insert
        try insert.bind(slug).bind(name).bind(type.rawValue).bind(mentions).run()
        let id = db.lastInsertedRowID
        memory.names[id] = name
        return id
    }

    /// Counts one more article behind the edge.
    mutating func addArticle(to relation: Int64) { pendingWeights[relation, default: 0] += 1 }

    /// Writes the appearances and evidence collected during the batch, in the order they came,
    /// and the mention counts and edge weights added up.
    mutating func flush(in db: Database) throws {
        try insert(pendingAppearances, into: "appearances (entity, article, name, folded, aliases, mentions)", columns: 6,
                              in: db) { statement, row in
            statement.bind(row.entity).bind(row.article).bind(row.name).bind(row.folded)
                .bind(row.aliases.joined(separator: "\n")).bind(row.mentions)
        }
        let sentences = try sentenceRows(in: db)
        try insert(Array(zip(pendingEvidence, sentences)), into: "evidence (relation, article, sentence, start, \"end\", date)",
                              columns: 6, in: db) { statement, pair in
            let (row, sentence) = pair
            statement.bind(row.relation).bind(row.article).bind(sentence).bind(row.evidence.start)
                .bind(row.evidence.end).bind(row.evidence.date)
        }
        pendingAppearances = []
        pendingEvidence = []
        pendingPeople = []
        pendingEntities = []
        pendingAffiliations = [:]
        rowsReadAsWritten = nil
        hasPendingAffiliations = false
        // In row order, so the updates walk each table once from start to end.
        try addCounts(pendingMentions, to: "entities SET mentions = mentions", in: db)
        try addCounts(pendingWeights, to: "relations SET weight = weight", in: db)
        pendingMentions = [:]
        pendingWeights = [:]
        // A person's countries come from evidence and appearances, which are written only now.
        memory.personCountries = [:]
    }

    /// The sentence row of each pending evidence, in their order: the stored row of the same
    /// UTF-8 bytes (not `String` equality, which takes "é" written as one scalar or as two for
    /// the same text), found by its digest, or a new one.
    private mutating func sentenceRows(in db: Database) throws -> [Int64] {
        let find = try findSentence ?? RawStatement("SELECT id, text FROM sentences WHERE digest = ?", in: db)
        let insert = try insertSentence ?? RawStatement("INSERT INTO sentences (digest, text) VALUES (?, ?)", in: db)
        findSentence = find
        insertSentence = insert
        var rows: [SentenceBytes: Int64] = [:]
        var ids: [Int64] = []
        ids.reserveCapacity(pendingEvidence.count)
        for pending in pendingEvidence {
            let text = pending.evidence.sentence
            let sentence = SentenceBytes(text)
            if let id = rows[sentence] {
                ids.append(id)
                continue
            }
            let id: Int64
            if let (stored, _) = try find.bind(sentence.digest).integersAndStrings().first(where: { $0.1.utf8.elementsEqual(sentence.bytes) }) {
                id = stored
            } else {
                try insert.bind(sentence.digest).bind(text).run()
                id = db.lastInsertedRowID
            }
            rows[sentence] = id
            ids.append(id)
        }
        return ids
    }

    /// A sentence's UTF-8 bytes as a dictionary key, hashed by its digest: the digest is needed
    /// anyway to find the stored row, and hashing the bytes one by one cost more than the
    /// inserts.
    private struct SentenceBytes: Hashable {
        let bytes: [UInt8]
        let digest: Int64

        init(_ text: String) {
            bytes = Array(text.utf8)
            digest = SentenceDigest.of(text)
        }

        static func == (first: SentenceBytes, second: SentenceBytes) -> Bool { first.bytes == second.bytes }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// Forgets what a move outside the cache changed (`GraphStore.resolveSurname`): the names,
    /// aliases and edges of `entities` (which may have been deleted, their row ids taken again),
    /// and every lookup an alias, an edge or a deletion can change. The writer's sets of known
    /// aliases and edges are large; entries of the moved entities leave them in `forgetMoved()`,
    /// once, before anything reads them again. Only after `flush`: pending rows are not moved.
    mutating func forget(_ entities: Set<Int64>) {
        moved.formUnion(entities)
        for entity in entities { memory.names[entity] = nil }
        memory.lookups = [:]
        memory.surnameAliases = [:]
        memory.prefixAliases = [:]
        memory.countries = [:]
        memory.personCountries = [:]
        memory.answersTo = [:]
    }

    /// Records that every article naming a person by `surname` alone agrees with `state` (nil:
    /// not known to).
    mutating func settle(_ surname: String, _ state: StoreMemory.SurnameState?) {
        memory.settledSurnames[surname] = state
    }

    /// Takes the entities passed to `forget` out of the sets of known aliases and edges.
    mutating func forgetMoved() {
        guard !moved.isEmpty else { return }
        let moved = self.moved
        // Removed in place: the entries of a few entities, out of thousands that `filter` built
        // again (rehashing each kept name) after every batch that moved an article (callgrind).
        for key in memory.knownAliases.keys.filter({ moved.contains($0.entity) }) { memory.knownAliases[key] = nil }
        for key in memory.knownWrittenAliases.filter({ moved.contains($0.entity) }) { memory.knownWrittenAliases.remove(key) }
        for key in memory.edges.keys.filter({ moved.contains($0.source) || moved.contains($0.target) }) { memory.edges[key] = nil }
        self.moved = []
    }

    /// `INSERT OR IGNORE` of `rows` in statements of up to `rowsPerInsert` rows each: one
    /// statement runs the table's and indexes' cursors once for all its rows.
    private mutating func insert<Row>(_ rows: [Row], into table: String, columns: Int, in db: Database,
                                      bind: (RawStatement, Row) -> Void) throws
    {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        try writeInChunks(rows, key: table, in: db, bind: bind) { size in
            "INSERT OR IGNORE INTO \(table) VALUES " + Array(repeating: tuple, count: size).joined(separator: ", ")
        }
    }

    /// Adds each count to its row's column (`update` is "TABLE SET column = column"), in row
    /// order, many rows per statement (`UPDATE … FROM (VALUES …)`).
    private mutating func addCounts(_ counts: [Int64: Int], to update: String, in db: Database) throws {
        let table = update.prefix { $0 != " " }
        try writeInChunks(counts.sorted { $0.key < $1.key }, key: update, in: db, bind: { $0.bind($1.key).bind($1.value) }) { size in
            "UPDATE \(update) + counts.column2 FROM (VALUES " + Array(repeating: "(?, ?)", count: size).joined(separator: ", ")
                + ") AS counts WHERE \(table).id = counts.column1"
        }
    }

    /// Runs `rows` through statements of `chunkSizes` rows each, in order: `sql` makes the
    /// statement of a size, prepared once a batch under `key` (`flushStatement`).
    private mutating func writeInChunks<Row>(_ rows: [Row], key: String, in db: Database, bind: (RawStatement, Row) -> Void,
                                             sql: (Int) -> String) throws
    {
        var start = 0
        for size in BatchCache.chunkSizes(rows.count) {
            let statement = try flushStatement(key, rows: size, sql(size), in: db)
            for row in rows[start..<start + size] { bind(statement, row) }
            try statement.run()
            start += size
        }
    }

    /// The prepared statement that writes `rows` rows into `table`, made from `sql` once a batch.
    private mutating func flushStatement(_ table: String, rows: Int, _ sql: @autoclosure () -> String,
                                         in db: Database) throws -> RawStatement
    {
        let key = FlushKey(table: table, rows: rows)
        if let statement = flushStatements[key] { return statement }
        let statement = try RawStatement(sql(), in: db)
        flushStatements[key] = statement
        return statement
    }

    private struct FlushKey: Hashable {
        var table: String
        var rows: Int
    }

    /// The sizes of the statements that write `count` rows in order: `rowsPerInsert` rows each,
    /// then the rest in powers of two, largest first, so that a batch's many flushes share a few
    /// prepared statements (eight sizes at most) rather than one for every remainder.
    static func chunkSizes(_ count: Int) -> [Int] {
        var sizes = Array(repeating: rowsPerInsert, count: count / rowsPerInsert)
        var rest = count % rowsPerInsert
        var size = rowsPerInsert / 2
        while rest > 0 {
            if rest >= size {
                sizes.append(size)
                rest -= size
            }
            size /= 2
        }
        return sizes
    }
}
