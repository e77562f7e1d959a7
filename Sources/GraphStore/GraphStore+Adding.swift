import Foundation
import GRDB
import KnowledgeGraph

/// An article's identity and metadata, as the store keeps it.
public struct ArticleRecord: Sendable, Hashable {
    public var document: String
    public var path: String
    public var title: String
    /// The publication day, as YYYY-MM-DD.
    public var date: String?
    /// Where the article is published, when its source said.
    public var url: String?
    /// A digest of the article's bytes: the same text is never added twice.
    public var digest: String

    public init(document: String, path: String, title: String, date: String?, url: String? = nil, text: [UInt8]) {
        self.document = document
        self.path = path
        self.title = title
        self.date = date
        self.url = url
        self.digest = ArticleRecord.digest(of: text)
    }

    /// Two independent 64-bit FNV-1a hashes and the length: enough to tell articles apart.
    static func digest(of bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
            second ^= second >> 31
        }
        return String(first, radix: 16) + String(second, radix: 16) + String(bytes.count, radix: 16)
    }
}

/// What the recognizer knows of a body beyond its graph: the lexicon's name for it, the key of
/// its name when many states' bodies share that name, and the country its name states ("Chinese
/// Foreign Ministry") or the lexicon gives it ("Congress").
///
/// - A body a lexicon names is the stored body of that lexicon name, however each article wrote
///   it ("China's commerce ministry", "Ministry of Commerce of China": MOFCOM).
/// - A body of a shared name ("the Foreign Ministry", "Ministry of Foreign Affairs of China") is
///   the stored body of the same key and country; with no one country it stays a node of its
///   own, since it may be any state's.
package struct BodyIdentity: Sendable, Hashable {
    /// The name a lexicon gives the body, the same in every article.
    package var lexiconName: String?
    /// The key of a name many states' bodies share ("foreign ministry"); nil for other names.
    package var sharedKey: String?
    /// The country the body's name or the lexicon ties it to, as the graph names countries.
    package var country: String?
    /// For a body of a shared name that states no country, the one its article's other evidence
    /// gives it (a "Senate" in an article about Brazil alone): its key's country, and its id's
    /// qualifier, as if the article tied it there.
    package var articleCountry: String?

    package init(lexiconName: String? = nil, sharedKey: String? = nil, country: String? = nil, articleCountry: String? = nil) {
        self.lexiconName = lexiconName
        self.sharedKey = sharedKey
        self.country = country
        self.articleCountry = articleCountry
    }
}

/// One article's graph with the article's record: what a batch is made of.
package struct ArticleGraph: Sendable {
    package let graph: Graph
    package let article: ArticleRecord
    /// The countries of the graph's entities (see `GraphStore.countries(in:)`), worked out when
    /// the batch is made, on the thread that made it, rather than by the store's single writer,
    /// with the country each body's identity states.
    let countries: [String: Set<String>]
    /// Per entity id, what the recognizer knows of an agency. A graph given without them (a
    /// caller of `add(_:article:)`) has no agency of a shared name.
    let bodies: [String: BodyIdentity]

    package init(_ graph: Graph, article: ArticleRecord, bodies: [String: BodyIdentity] = [:]) {
        self.graph = graph
        self.article = article
        self.bodies = bodies
        var countries = GraphStore.countries(in: graph)
        for (id, body) in bodies {
            if let country = body.country ?? body.articleCountry { countries[id, default: []].insert(NameFolding.fold(country)) }
        }
        self.countries = countries
    }

    /// The name that makes a body one across articles: the lexicon's name for it, else for a
    /// body of a shared name its country's and its key ("china foreign ministry"), the country
    /// being the one its name states, else the only one the article ties it to. Nil for a body
    /// of no lexicon name and no shared name, or of a shared name and no one country.
    func identityKey(of id: String) -> String? {
        guard let body = bodies[id] else { return nil }
        if let name = body.lexiconName { return name }
        guard let key = body.sharedKey else { return nil }
        let country: String
        if let stated = body.country {
            country = NameFolding.fold(stated)
        } else if let tied = countries[id], tied.count == 1 {
            country = tied.first!
        } else {
            return nil
        }
        return country + " " + key
    }

    /// What a body of a shared name adds to its id when its name states no country ("Foreign
    /// Ministry"): the one country the article ties it to ("foreign-ministry-japan"), else the
    /// first six hex digits of its article's digest ("foreign-ministry-3fa2c1"), since such a body
    /// is a node of its own article. Without it the id would be "foreign-ministry" or
    /// "foreign-ministry-4", by which of many such bodies came first; with it the id is the same
    /// whatever the order. Nil for every other body, whose name is its id.
    func idQualifier(of id: String) -> String? {
        guard let body = bodies[id], body.lexiconName == nil, body.sharedKey != nil, body.country == nil else { return nil }
        if let tied = countries[id], tied.count == 1 { return tied.first! }
        return String(article.digest.prefix(6))
    }
}

extension GraphStore {
    public enum AddResult: Sendable, Equatable {
        case added
        case unchanged
    }

    /// Whether an article with this digest is already stored, so a resumed build can skip it
    /// before extracting anything.
    public func contains(digest: String) throws(StoreError) -> Bool {
        try !storedDigests(among: [digest]).isEmpty
    }

    /// The digests among `digests` of articles already stored, in one query. It reads without
    /// waiting for a build writing into this store from this process, so a pipeline can skip
    /// stored articles while the previous batch is being written.
    package func storedDigests(among digests: [String]) throws(StoreError) -> Set<String> {
        guard !digests.isEmpty else { return [] }
        return try readConcurrently { db in
            var found: Set<String> = []
            // SQLite takes at most 32,766 parameters per statement; a batch is far smaller, but
            // the chunks keep any caller safe.
            for start in stride(from: 0, to: digests.count, by: 500) {
                let chunk = digests[start..<min(start + 500, digests.count)]
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for digest in try String.fetchAll(db, sql: "SELECT digest FROM articles WHERE digest IN (\(placeholders))",
                                                  arguments: StatementArguments(Array(chunk)))
                {
                    found.insert(digest)
                }
            }
            return found
        }
    }

    /// Adds one article's graph in a single transaction. An article whose text is already in the
    /// store changes nothing.
    @discardableResult
    public func add(_ graph: Graph, article: ArticleRecord) throws(StoreError) -> AddResult {
        try add([ArticleGraph(graph, article: article)])[0]
    }

    /// Adds many articles' graphs in a single transaction: the batch is stored whole or not at
    /// all. Each article whose text is already stored (before or earlier in the batch) changes
    /// nothing. The results are in the batch's order.
    ///
    /// The articles are merged one after another, as separate `add` calls would merge them. A
    /// person named by a surname alone is decided again once the batch is written, for every
    /// surname the batch names someone by in full (see GraphStore+Identity.swift): those
    /// decisions do not depend on the order of the articles, so neither does the graph, and a
    /// batch gives the graph its articles added one by one give. The batch saves what repeats:
    /// one commit (and one sync to disk), each surname decided again once, and rows the writer has
    /// met before looked up in its memory (see `BatchCache`).
    @discardableResult
    package func add(_ batch: [ArticleGraph]) throws(StoreError) -> [AddResult] {
        guard !batch.isEmpty else { return [] }
        let added = GraphStore.timestamp()
        return try writeBatch { db, memory in
            var cache = try BatchCache(db, memory: memory, candidateIndexThreshold: candidateIndexThreshold.load(ordering: .relaxed),
                                       flushesBeforeCountryReads: flushesBeforeCountryReadsSetting.load(ordering: .relaxed))
            var results: [AddResult] = []
            results.reserveCapacity(batch.count)
            var surnames: Set<String> = []
            var fullNames: Set<String> = []
            for item in batch {
                let result = try GraphStore.add(item, added: added, cache: &cache, in: db)
                if result == .added {
                    GraphStore.namesNamedInFull(item.graph, surnames: &surnames, fullNames: &fullNames, cache: &cache)
                }
                results.append(result)
            }
            surnames.formUnion(cache.takeAbsorbedSurnames())
            try cache.flush(in: db)
            // A full name may be the start of one longer name that another article gives a person
            // ("Mohammed bin Salman", "... bin Abdulaziz Al Saud"): decided again on the written
            // rows, before the surnames alone, whose people it may join.
            surnames.formUnion(try GraphStore.resolveLongerNames(fullNames, in: db, cache: &cache))
            // A person named in full may be the one a surname alone means in other articles, or
            // make that surname ambiguous: those articles are decided again, on the written rows.
            for surname in surnames.sorted() { try GraphStore.resolveSurname(surname, in: db, cache: &cache) }
            cache.forgetMoved()
            memory = cache.memory
            return results
        }
    }

    /// Stores one article inside the caller's transaction; its surnames are decided again by the
    /// caller (`resolveSurname`).
    private static func add(_ item: ArticleGraph, added: String, cache: inout BatchCache, in db: Database) throws -> AddResult {
        let graph = item.graph
        guard let articleID = try cache.insertArticle(item.article, added: added, in: db) else { return .unchanged }
        var rowIDs: [String: Int64] = [:]
        rowIDs.reserveCapacity(graph.entities.count)
        let countries = item.countries
        for entity in graph.entities {
            var entity = entity
            let key = item.identityKey(of: entity.id)
            // The key is one of the body's names, so a later article's body of that key finds it.
            if let key, key != entity.name, !entity.aliases.contains(key) { entity.aliases.append(key) }
            let rowID = try GraphStore.merge(entity, countries: countries[entity.id] ?? [], identityKey: key,
                                             isShared: item.bodies[entity.id]?.sharedKey != nil,
                                             idQualifier: item.idQualifier(of: entity.id), in: db, cache: &cache)
            // Entities of this article stored under a node the merge folded into another are
            // under that one now.
            for (absorbed, kept) in cache.takeAbsorbed() {
                for (id, row) in rowIDs where row == absorbed { rowIDs[id] = kept }
            }
            rowIDs[entity.id] = rowID
            cache.recordAppearance(of: entity, as: rowID, in: articleID)
        }
        var supported: Set<Int64> = []
        for relation in graph.relations {
            guard let source = rowIDs[relation.source], let target = rowIDs[relation.target], source != target else { continue }
            let relationID = try cache.edge(source, relation.type, target, in: db)
            // Affiliations are directed: the row's source and target are the edge's.
            let affiliation = relation.type == .affiliatedWith ? (source: source, target: target) : nil
            for evidence in relation.evidence { cache.addEvidence(evidence, to: relationID, in: articleID, affiliation: affiliation) }
            supported.insert(relationID)
        }
        // This article is new, so each edge it supports gains exactly one article.
        for relationID in supported { cache.addArticle(to: relationID) }
        return .added
    }

    /// When an article was added, as ISO 8601 in UTC ("2026-03-04T10:15:00Z"), made without a
    /// date formatter (creating one per article cost a sixth of a build).
    static func timestamp(_ seconds: time_t = time(nil)) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// The folded names of the countries each entity of an article is affiliated with, directly
    /// or through a body ("Blinken -> State Department -> United States").
    static func countries(in graph: Graph) -> [String: Set<String>] {
        var countryNames: [String: String] = [:]
        for entity in graph.entities where entity.type == .country { countryNames[entity.id] = NameFolding.fold(entity.name) }
        var affiliations: [String: [String]] = [:]
        for relation in graph.relations where relation.type == .affiliatedWith {
            affiliations[relation.source, default: []].append(relation.target)
        }
        var result: [String: Set<String>] = [:]
        for (source, targets) in affiliations {
            for target in targets {
                if let name = countryNames[target] { result[source, default: []].insert(name) }
                for second in affiliations[target] ?? [] {
                    if let name = countryNames[second] { result[source, default: []].insert(name) }
                }
            }
        }
        return result
    }

    /// The row of the edge `source -type-> target`, created if missing; symmetric edges are kept
    /// with the smaller row id first.
    static func relationID(_ source: Int64, _ type: RelationType, _ target: Int64, in db: Database) throws -> Int64 {
        var (from, to) = (source, target)
        if type.isSymmetric && to < from { swap(&from, &to) }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM relations WHERE source = ? AND type = ? AND target = ?"),
                                       arguments: [from, type.rawValue, to])
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO relations (source, type, target) VALUES (?, ?, ?)").execute(arguments: [from, type.rawValue, to])
        return db.lastInsertedRowID
    }

    /// Adds an alias, or respells the entity's alias of the same folded name when this spelling
    /// is preferred (`isPreferredSpelling`).
    static func addAlias(_ alias: String, to rowID: Int64, in db: Database) throws {
        let folded = NameFolding.fold(alias)
        guard !folded.isEmpty else { return }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO aliases (entity, alias, folded, surname) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rowID, alias, folded, NameFolding.surname(of: folded)])
        guard db.changesCount == 0,
            let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT alias FROM aliases WHERE entity = ? AND folded = ?"),
                                             arguments: [rowID, folded]),
            isPreferredSpelling(alias, over: stored)
        else { return }
        try db.cachedStatement(sql: "UPDATE aliases SET alias = ? WHERE entity = ? AND folded = ?").execute(arguments: [alias, rowID, folded])
    }

    /// Whether `spelling` is the one to keep rather than `other`, for two spellings of one folded
    /// name ("U.S." and "US", "Chinese Embassy" and "Chinese embassy"): the longer (it keeps the
    /// dots and hyphens the other drops), then one with a small letter over one in capitals only
    /// (a dateline's "WASHINGTON" or a headline's "UNITED NATIONS" is not how the name is written
    /// in running text), then the first in code-point order, which puts a capital before its
    /// small letter. It is a strict total order on spellings, so the spelling kept is the greatest
    /// of all the spellings seen, whatever order they came in; and it is `isFuller` on names of
    /// one folded form, so a person's alias of their name's folded form is spelled as their name
    /// is.
    package static func isPreferredSpelling(_ spelling: String, over other: String) -> Bool {
        if spelling.count != other.count { return spelling.count > other.count }
        let hasSmallLetter = hasSmallLetter(spelling)
        if hasSmallLetter != self.hasSmallLetter(other) { return hasSmallLetter }
        return spelling < other
    }

    /// Whether a spelling has a small letter, looked for byte by byte in ASCII: a person's name is
    /// compared with their stored one at every article that names them.
    static func hasSmallLetter(_ spelling: String) -> Bool {
        var isASCII = true
        for byte in spelling.utf8 {
            if byte >= 0x61 && byte <= 0x7A { return true }
            if byte >= 0x80 { isASCII = false }
        }
        return !isASCII && spelling.contains(where: \.isLowercase)
    }

    /// Whether a body's name (agency, organization, country), given folded, says more than
    /// another: more words, then more letters, then the first in alphabetical order. It compares
    /// folded names only, so which name a body takes depends on the set of names its articles gave
    /// it; how that name is spelled is then its alias's (`isPreferredSpelling`). Like people's
    /// (`isFuller`), "Lockheed Martin Corp" names the body that articles also call "Lockheed
    /// Martin", whichever came first.
    package static func isFullerBodyName(_ folded: String, than other: String) -> Bool {
        let words = folded.utf8.count { $0 == 0x20 }
        let otherWords = other.utf8.count { $0 == 0x20 }
        if words != otherWords { return words > otherWords }
        if folded.utf8.count != other.utf8.count { return folded.utf8.count > other.utf8.count }
        return folded < other
    }

    static func slugIsFree(_ slug: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM entities WHERE slug = ?"), arguments: [slug]) != true
    }

    /// Whether a person's name says more than another (both also given folded): more words, then
    /// the spelling rule (`isPreferredSpelling`: more letters, then not in capitals only, then the
    /// first in code-point order), so the choice does not depend on which article came first.
    static func isFuller(_ name: String, folded: String, than current: String, folded currentFolded: String) -> Bool {
        let words = folded.utf8.count { $0 == 0x20 }
        let currentWords = currentFolded.utf8.count { $0 == 0x20 }
        if words != currentWords { return words > currentWords }
        return isPreferredSpelling(name, over: current)
    }

    /// A free id for a new entity named `name`: its slug, or the slug with a number.
    static func freeSlug(for name: String, in db: Database) throws -> String {
        let slug = Entity.slug(for: name)
        if try slugIsFree(slug, in: db) { return slug }
        var suffix = 2
        while try !slugIsFree("\(slug)-\(suffix)", in: db) { suffix += 1 }
        return "\(slug)-\(suffix)"
    }

    /// Finds the stored entity this one is (a name the user pinned, the same person, or the same
    /// body of a compatible country; see GraphStore+Identity.swift), or creates it; returns its
    /// row id. `idQualifier` follows the name in the id of a body created or renamed here
    /// (`ArticleGraph.idQualifier`).
    static func merge(_ entity: Entity, countries: Set<String> = [], identityKey: String? = nil, isShared: Bool = false,
                      idQualifier: String? = nil, in db: Database,
                      cache: inout BatchCache) throws -> Int64
    {
        let names = ([entity.name] + entity.aliases).filter { !cache.fold($0).isEmpty }
        let fullName = cache.fold(entity.name)
        // A pinned name is where the user decided it belongs.
        var match = cache.pinnedEntity(fullName)
        if match == nil {
            let matches: [Int64]
            if entity.type == .person {
                matches = try matchPerson(fullName: fullName, aliases: entity.aliases, countries: countries, in: db, cache: &cache)
            } else {
                matches = try matchBody(entity, names: names, fullName: fullName, countries: countries, identityKey: identityKey,
                                        isShared: isShared, in: db, cache: &cache)
            }
            match = matches.first
            // An entity that is two stored ones makes them one, as it would have had it come
            // before the second of them.
            if let kept = match, matches.count > 1 {
                let folded = Set(names.map { cache.fold($0) })
                for other in matches.dropFirst()
                where try canAbsorb(other, into: kept, type: entity.type, names: folded, in: db, cache: &cache) {
                    try absorb(other, into: kept, type: entity.type, in: db, cache: &cache)
                }
            }
        }
        let rowID: Int64
        if let match {
            rowID = match
            let current = try cache.name(of: match, in: db)
            // The fullest name wins: "Blinken" becomes "Antony Blinken", and "Bashar al-Assad"
            // stands for "Bashar Assad" whichever came first.
            if entity.type == .person && isFuller(entity.name, folded: fullName, than: current, folded: cache.fold(current)) {
                try rename(match, to: entity.name, in: db, cache: &cache)
            }
            cache.addMentions(entity.mentions, to: match)
        } else {
            rowID = try cache.insertEntity(slug: cache.freeSlug(for: entity.name, qualifier: idQualifier, in: db), name: entity.name,
                                           type: entity.type,
                                           mentions: entity.mentions, in: db)
        }
        // A pinned name's entity may be of another type; every other match is of the entity's.
        let storedType = cache.pinnedEntity(fullName) == nil ? entity.type : nil
        for name in names { try cache.addAlias(name, to: rowID, type: storedType, in: db) }
        if match != nil && entity.type != .person && storedType != nil {
            try nameBody(rowID, given: fullName, idQualifier: idQualifier, in: db, cache: &cache)
        }
        if entity.type == .organization && storedType != nil && names.count > 1 {
            try separateCommonNames(of: rowID, names: names, in: db, cache: &cache)
        }
        return rowID
    }

    /// Whether the writer may fold the stored entity `other` into `kept`, both found to be one
    /// new article's entity. Not when a user pinned a name to either: a merge, a split or a
    /// rename by hand says where that entity ends, and the writer does not undo it (the article
    /// joins `kept` alone, as before). Not countries: two of them found by one name ("Congo")
    /// are more likely two countries than one written two ways. Bodies only when the article
    /// names both by their own names (`names`, folded: "Lockheed Martin Corp", also called
    /// "Lockheed Martin"): one found by an alias of a common name ("Communist Party", an alias
    /// of China's and of Vietnam's) may be another body. Not two agencies whose own countries
    /// disagree: an agency tied to two countries may match each country's body of its name,
    /// which stay two.
    private static func canAbsorb(_ other: Int64, into kept: Int64, type: EntityType, names: Set<String>, in db: Database,
                                  cache: inout BatchCache) throws -> Bool
    {
        guard type != .country, !cache.hasPins(kept), !cache.hasPins(other) else { return false }
        guard type != .person else { return true }
        let keptName = try cache.fold(cache.name(of: kept, in: db))
        let otherName = try cache.fold(cache.name(of: other, in: db))
        guard names.contains(keptName), names.contains(otherName) else { return false }
        guard type == .agency else { return true }
        return try countriesAgree(cache.storedCountries(of: kept, in: db), cache.storedCountries(of: other, in: db),
                                  sameName: keptName == otherName)
    }

    /// Folds the stored entity `absorbed` into `kept`, as `newsgraph merge` does but pinning
    /// nothing (no user decided it): its aliases, appearances, mentions, edges and their
    /// evidence move to `kept`, and `kept` takes the fuller of the two names (its id following
    /// when free), so the node is the one the articles would have made in another order. The
    /// batch's pending rows are written first, since the move works on written rows.
    private static func absorb(_ absorbed: Int64, into kept: Int64, type: EntityType, in db: Database, cache: inout BatchCache) throws {
        try cache.flush(in: db)
        let absorbedName = try cache.name(of: absorbed, in: db)
        for row in try Row.fetchAll(db, sql: "SELECT alias FROM aliases WHERE entity = ?", arguments: [absorbed]) {
            try addAlias(row["alias"], to: kept, in: db)
        }
        try moveRows(of: absorbed, into: kept, in: db)
        // Names, aliases, edges and every lookup of the two are asked of the store again.
        cache.forget([absorbed, kept])
        cache.forgetMoved()
        let folded = cache.fold(absorbedName)
        if type == .person {
            let current = try cache.name(of: kept, in: db)
            if isFuller(absorbedName, folded: folded, than: current, folded: cache.fold(current)) {
                try rename(kept, to: absorbedName, in: db, cache: &cache)
            }
        } else {
            try nameBody(kept, given: folded, in: db, cache: &cache)
        }
        cache.recordAbsorbed(absorbed, into: kept,
                             surname: type == .person ? NameFolding.surname(of: cache.personKey(folded)) : nil)
    }

    /// Names a body by the fuller of its stored name and the name an article gives it
    /// (`isFullerBodyName`), spelled as its alias of that folded name is (`isPreferredSpelling`),
    /// so that the name is the same whatever order the articles came in. As for people, the id
    /// follows the name when that id is free; otherwise it stays (an id another entity holds is
    /// not taken from it). Edges, evidence, appearances and pins refer to the row, not the
    /// name, so they stay with it.
    private static func nameBody(_ rowID: Int64, given folded: String, idQualifier: String? = nil, in db: Database,
                                 cache: inout BatchCache) throws
    {
        let current = try cache.name(of: rowID, in: db)
        let currentFolded = cache.fold(current)
        let chosen = isFullerBodyName(folded, than: currentFolded) ? folded : currentFolded
        guard let spelling = try cache.aliasSpelling(of: rowID, folded: chosen, in: db), spelling != current else { return }
        // A body of a shared name is one of its country (`matchBody`), so the article's qualifier
        // is the stored body's too.
        try rename(rowID, to: spelling, idQualifier: idQualifier, in: db, cache: &cache)
        // Queries that compare an alias with the entity's name ask again for both names.
        cache.forgetLookups(of: [currentFolded, chosen])
    }

    /// Renames a stored entity, for people and bodies alike; its id follows the new name (with
    /// `idQualifier` after it, when given) when that id is free (an id another entity holds, or
    /// its own, is not taken again).
    static func rename(_ rowID: Int64, to name: String, idQualifier: String? = nil, in db: Database,
                               cache: inout BatchCache) throws
    {
        try cache.rename(rowID, to: name, in: db)
        let slug = Entity.slug(for: idQualifier.map { name + " " + $0 } ?? name)
        if try cache.slugIsFree(slug, in: db) {
            try db.cachedStatement(sql: "UPDATE entities SET slug = ? WHERE id = ?").execute(arguments: [slug, rowID])
        }
    }
}

/// Case, accent and punctuation folding for name lookups: "U.S." and "US", "Erdoğan" and "erdogan".
package enum NameFolding {
    package static func fold(_ name: String) -> String {
        if let folded = foldASCII(name) { return folded }
        var out = ""
        var pendingSpace = false
        for scalar in name.foldingLatinDiacritics.lowercased().unicodeScalars {
            if scalar == "." || scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }

    /// `fold` for an ASCII name (a right single quotation mark, as in "Xi’s", is allowed too),
    /// byte by byte and without Unicode tables: most names are ASCII, and a build folds every
    /// name of every article. Nil for any other name.
    static func foldASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var isASCII = true
            let folded = String(unsafeUninitializedCapacity: max(1, bytes.count)) { out -> Int in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x2E || byte == 0x27 { continue }  // "." and "'"
                    if byte >= 0x80 {
                        // U+2019 is dropped like "'"; anything else takes the Unicode path.
                        if byte == 0xE2 && index + 1 < bytes.count && bytes[index] == 0x80 && bytes[index + 1] == 0x99 {
                            index += 2
                            continue
                        }
                        isASCII = false
                        return 0
                    }
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                        if pendingSpace && count > 0 {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = lower
                        count += 1
                    } else {
                        pendingSpace = true
                    }
                }
                // "the united states" is "united states".
                if count > 4 && out[0] == 0x74 && out[1] == 0x68 && out[2] == 0x65 && out[3] == 0x20 {
                    for index in 4..<count { out[index - 4] = out[index] }
                    count -= 4
                }
                return count
            }
            return isASCII ? folded : nil
        }
    }

    /// A folded person's name without its particles ("bashar assad" of "bashar al assad"), so
    /// "al-Assad" and "Assad" are one surname; the particles come from name-particles.txt. A name
    /// of particles alone is kept whole.
    package static func personKey(_ folded: String) -> String {
        // An ASCII name splits at its space bytes, without grapheme breaking (which cost most of
        // this function); any other name splits character by character. Most names have no
        // particle, which their bytes tell without making a string of each word.
        let particle: Bool? = folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? hasParticle(bytes) : nil
        } ?? nil
        switch particle {
        case false?: return folded
        case true?: return personKey(folded, words: folded.utf8.split(separator: 0x20).map(Substring.init))
        case nil: return personKey(folded, words: folded.split(separator: " "))
        }
    }

    /// Whether a word of an ASCII name (words are separated by spaces) is a particle.
    private static func hasParticle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !word.isEmpty {
                if let key = packedWord(word) {
                    if shortParticles.contains(key) { return true }
                } else if word.count <= longestParticle && particles.contains(String(decoding: word, as: UTF8.self)) {
                    return true
                }
            }
            start = end + 1
        }
        return false
    }

    /// A word of at most seven bytes as one number: its bytes, and its length in the top byte.
    static func packedWord<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64? {
        guard word.count <= 7 else { return nil }
        var key = UInt64(word.count) << 56
        for (index, byte) in word.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    /// The particles of seven bytes or fewer, packed (`packedWord`), and the most bytes of any.
    private static let shortParticles = Set(particles.compactMap { packedWord($0.utf8) })
    private static let longestParticle = particles.map(\.utf8.count).max() ?? 0

    /// `personKey` splitting any name character by character.
    package static func personKeyByCharacters(_ folded: String) -> String {
        personKey(folded, words: folded.split(separator: " "))
    }

    private static func personKey(_ folded: String, words: [Substring]) -> String {
        guard words.contains(where: { particles.contains(String($0)) }) else { return folded }
        let kept = words.filter { !particles.contains(String($0)) }
        return kept.isEmpty ? folded : kept.joined(separator: " ")
    }

    /// Lowercase particles of people's names ("al", "bin", "von", "de").
    static let particles = Set(resourceLines("name-particles"))

    /// Particles that open the lineage part of a name ("bin", "al"), from lineage-particles.txt.
    static let lineageParticles = Set(resourceLines("lineage-particles"))

    /// Each form of a given name (folded) and the number of the name it is a form of
    /// ("bob" and "robert"), from given-name-forms.txt.
    static let givenNameForms: [String: Int] = {
        var forms: [String: Int] = [:]
        for (number, line) in resourceLines("given-name-forms").enumerated() {
            for form in line.split(separator: " ") { forms[String(form)] = number }
        }
        return forms
    }()

    /// The lines of a text file of the module's resources, trimmed, without blank lines and
    /// `#` comments; none when the file cannot be read.
    private static func resourceLines(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.resourceURL.map({ $0.appendingPathComponent("Resources/\(name).txt") }),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Whether two folded given names are forms of one name ("mike", "michael").
    package static func isSameGivenName(_ first: Substring, _ second: Substring) -> Bool {
        guard first != second else { return true }
        guard let name = givenNameForms[String(first)] else { return false }
        return givenNameForms[String(second)] == name
    }

    /// The last word of a folded name of several words ("blinken" of "antony blinken"); empty
    /// for a single word, which is no surname of anything by itself.
    package static func surname(of folded: String) -> String {
        // In ASCII every byte is a character of its own (but "\r\n", which has no space), so the
        // last space byte is the last space character: the common case needs no grapheme
        // breaking, which cost more than the rest of matching a person.
        let surname = folded.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var last: Int?
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == 0x20 { last = index }
            }
            guard let last else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(last + 1)...]), as: UTF8.self)
        }
        return (surname ?? nil) ?? surnameByCharacters(of: folded)
    }

    /// `surname(of:)` for any name, character by character: a space followed by a combining mark
    /// is no space.
    package static func surnameByCharacters(of folded: String) -> String {
        guard let space = folded.lastIndex(of: " ") else { return "" }
        return String(folded[folded.index(after: space)...])
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
