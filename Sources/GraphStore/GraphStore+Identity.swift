import Foundation
import GRDB
import KnowledgeGraph

/// When an entity of a new article is one the store already holds.
///
/// - A body the recognizer keys (`BodyIdentity`) is the stored body with that key among its
///   names: the lexicon's name for it, or for a name many states' bodies share ("Foreign
///   Ministry") its country's and its key ("china foreign ministry"). A body of a shared name and
///   no one country joins nothing: it may be any state's.
/// - A body (agency, organization, country) is the stored body of that type whose names include
///   its name, or whose name is one of its aliases, when their countries agree: an agency tied to
///   a country never joins an agency tied only to others ("Japan's Foreign Ministry" and "South
///   Korea's Foreign Ministry" stay two, though both are "the Foreign Ministry"), and one whose
///   country is unknown joins only a body of its very name.
/// - A person named in full is the stored person with the same name once particles are dropped
///   ("Bashar al-Assad", "Bashar Assad").
/// - A person named by one word ("Assad", "al-Assad") is the one person named in full with that
///   surname, told apart by country where several share it; when no one person fits, the word
///   stays a node of its own. These decisions are taken again for every surname a batch names in
///   full, once the batch is written (`resolveSurname`), so they do not depend on the order of
///   the articles.
///
/// Merging asks through the batch's `BatchCache`, which remembers the answers between batches and
/// sees the rows of the batch not yet written.
extension GraphStore {
    // MARK: Bodies

    /// The stored bodies that `entity` is, the one to join first (see `merge`); empty for none.
    static func matchBody(_ entity: Entity, names: [String], fullName: String, countries: Set<String>, identityKey: String? = nil,
                          isShared: Bool = false, in db: Database, cache: inout BatchCache) throws -> [Int64]
    {
        // A body many states have, of no one known country, may be any state's: it stays a node
        // of its own rather than gather the "Foreign Ministry" of every article.
        if isShared && identityKey == nil { return [] }
        // Every body of a key has it among its names: the lexicon's name ("MOFCOM" of "China's
        // commerce ministry") or its country's and its shared name's ("china foreign ministry").
        // A key may also be a plain alias of another state's body ("Senate", the lexicon's name of
        // the U.S. Senate, is an alias of a "Haitian Senate" whose article also said "the
        // Senate"): a body named otherwise and tied to other countries only is not the keyed
        // one. Its countries are its own articles', there from the moment it is stored, so this
        // holds in any order; a body named by the key is the keyed one whatever its countries.
        if let identityKey {
            let folded = cache.fold(identityKey)
            for keyed in try cache.entityIDs(sql: bodiesNamed, folded: folded, type: entity.type.rawValue, in: db) {
                if try cache.fold(cache.name(of: keyed, in: db)) == folded { return [keyed] }
                let stored = try cache.storedCountries(of: keyed, in: db)
                if countries.isEmpty || stored.isEmpty || !countries.isDisjoint(with: stored) { return [keyed] }
            }
        }
        let type = entity.type.rawValue
        // The new name among stored names and aliases.
        var candidates = try cache.entityIDs(sql: bodiesNamed, folded: fullName, type: type, in: db)
        // A common name ("Communist Party") that is no stored organization's own name but an alias
        // of several ("Communist Party of China", "Vietnam's Communist Party") may be any of
        // them: it joins none (see `separateCommonNames`).
        if entity.type == .organization && candidates.count > 1 {
            var exact = false
            for id in candidates where try cache.fold(cache.name(of: id, in: db)) == fullName { exact = true }
            if !exact { return [] }
        }
        // A stored name among the new aliases; two aliases alone ("Foreign Ministry") make no match.
        for alias in names.dropFirst() {
            let folded = cache.fold(alias)
            for id in try cache.entityIDs(sql: """
                SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity AND a.alias = e.name
                WHERE a.folded = ? AND e.type = ?
                """, folded: folded, type: type, in: db)
            where !candidates.contains(id) {
                // The node of a common name that another organization also has as an alias may
                // be that one's: the name stays a node of its own (`separateCommonNames`).
                if entity.type == .organization, try isCommonName(folded, type: type, in: db, cache: &cache) { continue }
                candidates.append(id)
            }
        }
        if candidates.count <= 1 && entity.type != .agency && !isShared { return candidates }
        // The body with this very name first, then by name: the same choice whatever the order
        // the candidates were stored in.
        var named: [(id: Int64, name: String, exact: Bool)] = []
        for id in candidates {
            let name = try cache.name(of: id, in: db)
            named.append((id, name, cache.fold(name) == fullName))
        }
        named.sort { first, second in
            if first.exact != second.exact { return first.exact }
            return (first.name, first.id) < (second.name, second.id)
        }
        var matches: [Int64] = []
        for candidate in named {
            guard entity.type == .agency || isShared else {
                matches.append(candidate.id)
                continue
            }
            let stored = try cache.storedCountries(of: candidate.id, in: db)
            // A body of a shared name joins only a body tied to one of its countries.
            if isShared ? !stored.isDisjoint(with: countries) : countriesAgree(countries, stored, sameName: candidate.exact) {
                matches.append(candidate.id)
            }
        }
        return matches
    }

    /// Whether some stored body of `type` has `folded` as an alias but not as its name: then a
    /// body called only that ("Communist Party") may be that one or another.
    private static func isCommonName(_ folded: String, type: String, in db: Database, cache: inout BatchCache) throws -> Bool {
        for id in try cache.entityIDs(sql: bodiesNamed, folded: folded, type: type, in: db)
        where try cache.fold(cache.name(of: id, in: db)) != folded {
            return true
        }
        return false
    }

    /// Keeps a common organization's name a node of its own once two organizations have it as an
    /// alias: "Communist Party" alone may be China's or Vietnam's. A bare "Communist Party" joins
    /// the one organization that has the name as an alias (`matchBody`); when an organization
    /// with that alias is stored besides the one the bare name joined, the articles that call
    /// it only by that name leave it for a node of that name (made if missing), with the edges
    /// those articles gave it. With `matchBody`, which lets a bare name join no organization and
    /// no organization join a bare name's node once two have the alias, the outcome depends on
    /// the set of names only: one organization with the alias holds the bare name's articles,
    /// two or more leave them to a node of their own, whatever order they came in.
    static func separateCommonNames(of rowID: Int64, names: [String], in db: Database, cache: inout BatchCache) throws {
        let type = EntityType.organization.rawValue
        let own = try cache.fold(cache.name(of: rowID, in: db))
        // A name the user pinned, or a node they merged or split, is where they decided it is.
        for name in Set(names.map { cache.fold($0) }).sorted() where name != own && cache.pinnedEntity(name) == nil {
            for other in try cache.entityIDs(sql: bodiesNamed, folded: name, type: type, in: db)
            where other != rowID && !cache.hasPins(other) {
                guard try cache.fold(cache.name(of: other, in: db)) != name else { continue }
                try cache.flush(in: db)
                let articles = try cache.appearances(of: other, as: name, since: 0, in: db)
                guard !articles.isEmpty else { continue }
                var target: Int64?
                for id in try cache.entityIDs(sql: bodiesNamed, folded: name, type: type, in: db)
                where try cache.fold(cache.name(of: id, in: db)) == name {
                    target = id
                    break
                }
                if target == nil {
                    try db.cachedStatement(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, ?, 0)")
                        .execute(arguments: [try freeSlug(for: articles[0].1, in: db), articles[0].1, type])
                    target = db.lastInsertedRowID
                }
                for (article, _) in articles {
                    if try sharesArticle(other, article, besides: name, in: db) {
                        try copyAppearance(of: other, in: article, folded: name, to: target!, db: db)
                    } else {
                        try moveAppearance(of: other, in: article, folded: name, to: target!, db: db)
                    }
                }
                cache.forget([other, target!])
                cache.forgetMoved()
            }
        }
    }

    /// The entities of a type with `folded` among their names (a query of `BatchCache.entityIDs`,
    /// which puts them in row id order, each once).
    static let bodiesNamed: StaticString = """
        SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity
        WHERE a.folded = ? AND e.type = ?
        """

    /// Whether two agencies' countries allow them to be one: both known and shared, both unknown,
    /// or one unknown where the two have the very same name ("State Department").
    static func countriesAgree(_ new: Set<String>, _ stored: Set<String>, sameName: Bool) -> Bool {
        if !new.isEmpty && !stored.isEmpty { return !new.isDisjoint(with: stored) }
        if new.isEmpty && stored.isEmpty { return true }
        return sameName
    }

    /// The folded names of the countries a stored entity is affiliated with, directly or through
    /// the body it belongs to, in one article: a committee's tie to the Senate and the Senate's
    /// to the United States count only where one article states both, as within an article
    /// (`GraphStore.countries(in:)`). Ties from different articles would make an entity's
    /// countries depend on which other articles were stored before it was matched.
    ///
    /// The query takes the entity's row id and gives country names, unfolded; `BatchCache.storedCountries`
    /// runs it. Its halves are joined by `UNION ALL`: the names go into a set, and a `UNION` had
    /// SQLite build a temporary b-tree (a new in-memory database page, cleared) for every query.
    static let storedCountriesSQL = """
            SELECT c.name FROM relations r JOIN entities c ON c.id = r.target
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            UNION ALL
            SELECT c.name FROM relations r JOIN relations r2 ON r2.source = r.target AND r2.type = \(StoreSQL.affiliation)
            JOIN entities c ON c.id = r2.target
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            AND EXISTS (SELECT 1 FROM evidence v JOIN evidence v2 ON v2.relation = r2.id AND v2.article = v.article
                        WHERE v.relation = r.id)
            """

    /// The folded names of the countries a stored person is affiliated with (directly or through
    /// a body), each with the folded name an article stating the affiliation calls them by. A
    /// surname alone takes a person's countries only from articles that name them in full
    /// (`BatchCache.fullNameCountries`): an article calling someone "Okafor" that joined Maria
    /// Okafor, the only Okafor stored then, must not make her the Okafor of its country once a
    /// second Okafor arrives, or the graph would depend on which came first.
    ///
    /// The second half's CROSS JOINs keep SQLite's order (the person's affiliations first): left to
    /// itself it started from all the person's appearances and every evidence of their articles,
    /// about 56,000 instructions more a person on the store of the three corpora.
    ///
    /// The query takes the person's row id and gives rows of (country name, unfolded; folded
    /// name); `BatchCache.fullNameCountries` runs it, into a set (so `UNION ALL`, as above).
    static let affiliationCountriesByNameSQL = """
            SELECT c.name AS country, p.folded AS folded FROM relations r JOIN entities c ON c.id = r.target
            JOIN evidence v ON v.relation = r.id JOIN appearances p ON p.article = v.article AND p.entity = ?1
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            UNION ALL
            SELECT c.name AS country, p.folded AS folded FROM relations r
            CROSS JOIN relations r2 ON r2.source = r.target AND r2.type = \(StoreSQL.affiliation) CROSS JOIN entities c ON c.id = r2.target
            CROSS JOIN evidence v ON v.relation = r.id CROSS JOIN appearances p ON p.article = v.article AND p.entity = ?1
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            """

    // MARK: People

    /// The stored people that a person named `fullName` is, the one to join first (see
    /// `merge`); empty for none.
    static func matchPerson(fullName: String, aliases: [String] = [], countries: Set<String>, in db: Database,
                            cache: inout BatchCache) throws -> [Int64]
    {
        let key = cache.personKey(fullName)
        guard !key.isEmpty else { return [] }
        let surname = NameFolding.surname(of: key)
        guard !surname.isEmpty else {
            // One word: a surname alone.
            let person = try decideSurname(key, countries: countries, in: db, cache: &cache) ?? bareNode(key, in: db, cache: &cache)
            return person.map { [$0] } ?? []
        }
        // The same full name, particles aside; a name alone of this surname is decided after the
        // batch is written (`resolveSurname`). Among several people of that name, the first by
        // name.
        var rows = try cache.personAliases(surname: surname, in: db)
        if NameFolding.surname(of: fullName) != surname {
            // A name that ends in a particle has another last word than its key.
            for id in try cache.entityIDs(sql: peopleNamed, folded: fullName, type: EntityType.person.rawValue, in: db) {
                rows.append(StoreMemory.PersonAlias(entity: id, folded: fullName, key: key))
            }
        }
        var same: Int64?
        var sameName = ""
        for row in rows where row.key == key && row.entity != same {
            let name = try cache.name(of: row.entity, in: db)
            // Through an alias, only one an article named the person by, or one their name
            // extends or misspells: the other order joins them only then (`extended` below). An
            // article's "Winston Peters-Antony Blinken", also called "Antony Blinken", is two
            // people run together, whom a later "Antony Blinken" does not join.
            let nameKey = cache.personKey(cache.fold(name))
            if nameKey != key && !nameKey.hasPrefix(key + " ") && !isMisspelling(key, of: nameKey),
                try !cache.hasAppearance(of: row.entity, as: row.folded, in: db)
            {
                continue
            }
            if same == nil || (name, row.entity) < (sameName, same!) { (same, sameName) = (row.entity, name) }
        }
        if let same { return [same] }
        // A stored person named by one of this one's aliases that this name extends ("Emmerson
        // Mnangagwa" of "Emmerson Mnangagwa Jnr", also called so) or misspells ("Park Geun-hye"
        // of an article's "Park Heun-hye", also called so): had the stored one come second, it
        // would have joined this one by that alias (`same` above). Other aliases are not
        // followed: "Antony Blinken" of an article's "Winston Peters-Antony Blinken" (two people
        // run together).
        var extended: Set<Int64> = []
        for alias in aliases {
            let folded = cache.fold(alias)
            let aliasKey = cache.personKey(folded)
            guard aliasKey.utf8.contains(0x20), key.hasPrefix(aliasKey + " ") || isMisspelling(aliasKey, of: key) else { continue }
            for id in try cache.entityIDs(sql: peopleNamed, folded: folded, type: EntityType.person.rawValue, in: db)
            where try cache.personKey(cache.fold(cache.name(of: id, in: db))) == aliasKey {
                extended.insert(id)
            }
        }
        // The same person written more or less fully: one person only, or none.
        var people = extended
        for row in rows where !people.contains(row.entity) && isSamePerson(row.key, key) {
            people.insert(row.entity)
        }
        // Names a letter apart ("Asad"/"Assad") share their first letters. With another surname,
        // a name is the same person only with every other word the same (see `isSamePerson`).
        if surname.utf8.count >= 4 {
            let given = givenNames(key)
            for (entity, folded) in try cache.personAliases(surnamesAround: surname, in: db) where !people.contains(entity) {
                let other = cache.personKey(folded)
                let otherSurname = NameFolding.surname(of: other)
                if otherSurname == surname ? isSamePerson(other, key) : givenNames(other) == given && isVariant(otherSurname, surname) {
                    people.insert(entity)
                }
            }
        }
        if people.count <= 1 { return Array(people) }
        // Several stored nodes that are one person by this name ("Anthony Blinken" and "Antony J.
        // Blinken" of "Antony Blinken"), kept apart by the order their articles came in: had
        // this article come first, each would have joined it. All of them, the fullest name
        // first, which the others are folded into (`merge`). A node found by an alias only (a
        // misread name, two people run together, with "Antony Blinken" among its aliases) is
        // left out when others are found by their names; when all are found by aliases, only
        // people who are one by their names are.
        var named: [(name: String, folded: String, key: String, id: Int64)] = []
        for id in people {
            let name = try cache.name(of: id, in: db)
            let folded = cache.fold(name)
            named.append((name, folded, cache.personKey(folded), id))
        }
        let byName = named.filter { $0.key == key || isSamePerson($0.key, key) || extended.contains($0.id) }
        if byName.isEmpty {
            for (index, first) in named.enumerated() {
                for second in named[(index + 1)...] where !isSamePerson(first.key, second.key) { return [] }
            }
        } else {
            named = byName
        }
        named.sort { first, second in
            if first.name == second.name { return first.id < second.id }
            return isFuller(first.name, folded: first.folded, than: second.name, folded: second.folded)
        }
        return named.map(\.id)
    }

    /// The entities of a type with `folded` among their names (a query of `BatchCache.entityIDs`,
    /// given `EntityType.person`, which puts them in row id order, each once).
    static let peopleNamed: StaticString = """
        SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity
        WHERE a.folded = ? AND e.type = ?
        """

    /// A folded name without its last word ("antony j" of "antony j blinken").
    private static func givenNames(_ key: String) -> Substring {
        guard let space = key.utf8.lastIndex(of: 0x20) else { return "" }
        return key[..<space]
    }

    /// Whether two full names (folded, particles dropped) name one person: the same first and last
    /// name around middle names that one of them leaves out ("Antony J. Blinken", "William Samoei
    /// Ruto"), the same name after a leading word of the longer one ("Makhdoom Shah Mahmood
    /// Qureshi"), the same words but one a letter apart ("Sergey Lavrov", "Sergei Lavrov"), or
    /// the first name in another of its forms ("Bob Menendez", "Robert Menendez").
    static func isSamePerson(_ first: String, _ second: String) -> Bool {
        let a = first.split(separator: " ")
        let b = second.split(separator: " ")
        guard a.count >= 2, b.count >= 2 else { return false }
        if a.count == b.count {
            let differing = zip(a, b).filter { $0 != $1 }
            guard differing.count == 1 else { return false }
            return isVariant(String(differing[0].0), String(differing[0].1))
                || (a[0] != b[0] && NameFolding.isSameGivenName(a[0], b[0]))
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        if short.last == long.last
            && (NameFolding.isSameGivenName(short.first!, long.first!) || isVariant(String(short.first!), String(long.first!)))
        {
            // The shorter one's middle words, in order, among the longer one's.
            var next = 1
            for word in long.dropFirst().dropLast() where next < short.count - 1 && word == short[next] { next += 1 }
            return next == short.count - 1
        }
        return short.count >= 3 && Array(long.suffix(short.count)) == short
    }

    /// Whether one full name (folded, particles dropped) is another with one word misspelt by one
    /// letter, the first letter included ("park heun hye" of "park geun hye"): an article that
    /// writes both for one person says they are one. `isVariant` keeps the first letter, since
    /// names found apart by their letters alone ("Lee"/"Kee") may be two people.
    package static func isMisspelling(_ first: String, of second: String) -> Bool {
        // Most calls compare a name with itself or with one of another length: splitting each
        // into characters cost about 11,000 instructions a call (callgrind, the three corpora).
        if let answer = isMisspellingASCII(first, of: second) { return answer }
        return isMisspellingByCharacters(first, of: second)
    }

    /// `isMisspelling` for two ASCII names (no carriage return, the one pair of ASCII bytes that
    /// is one character), word by word over their bytes; nil for any other pair.
    private static func isMisspellingASCII(_ first: String, of second: String) -> Bool? {
        let answer = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                guard isPlainASCII(a), isPlainASCII(b) else { return nil }
                var (nextA, nextB) = (0, 0)
                var differing: (Range<Int>, Range<Int>)?
                var words = 0
                while true {
                    let wordA = nextWord(in: a, from: &nextA)
                    let wordB = nextWord(in: b, from: &nextB)
                    guard let wordA, let wordB else {
                        // The same number of words: both ran out at once.
                        guard wordA == nil && wordB == nil else { return false }
                        break
                    }
                    words += 1
                    if !a[wordA].elementsEqual(b[wordB]) {
                        guard differing == nil else { return false }
                        differing = (wordA, wordB)
                    }
                }
                guard words >= 2, let (wordA, wordB) = differing, wordA.count >= 3, wordB.count >= 3 else { return false }
                return EditDistance.distance(String(decoding: UnsafeBufferPointer(rebasing: a[wordA]), as: UTF8.self),
                                             String(decoding: UnsafeBufferPointer(rebasing: b[wordB]), as: UTF8.self)) == 1
            }
        }
        return (answer ?? nil) ?? nil
    }

    /// Whether every byte is ASCII and none is a carriage return.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// The next word (a run of bytes other than spaces) at or after `start`, moving `start` past it;
    /// nil when none is left.
    private static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from start: inout Int) -> Range<Int>? {
        while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        guard start < bytes.count else { return nil }
        let wordStart = start
        while start < bytes.count && bytes[start] != 0x20 { start += 1 }
        return wordStart..<start
    }

    /// `isMisspelling` for any names, character by character.
    package static func isMisspellingByCharacters(_ first: String, of second: String) -> Bool {
        let a = first.split(separator: " ")
        let b = second.split(separator: " ")
        guard a.count == b.count, a.count >= 2 else { return false }
        let differing = zip(a, b).filter { $0 != $1 }
        guard differing.count == 1, differing[0].0.count >= 3, differing[0].1.count >= 3 else { return false }
        return EditDistance.distance(String(differing[0].0), String(differing[0].1)) == 1
    }

    /// Two spellings of one name part: five letters or more, the same first letter, one edit
    /// apart; or four letters or more, one with a letter doubled that the other writes once
    /// ("Asad", "Assad").
    package static func isVariant(_ first: String, _ second: String) -> Bool {
        guard first.first == second.first, first != second else { return false }
        if first.count >= 5 && second.count >= 5 && EditDistance.distance(first, second) == 1 { return true }
        let (short, long) = first.count < second.count ? (first, second) : (second, first)
        guard short.count >= 4, long.count == short.count + 1 else { return false }
        let letters = Array(long)
        for index in 1..<letters.count where letters[index] == letters[index - 1] {
            var undoubled = letters
            undoubled.remove(at: index)
            if String(undoubled) == short { return true }
        }
        return false
    }

    /// The people whom `word` alone may name, by row id: those with an alias whose surname it is,
    /// and those with `word` itself as an alias.
    private static func peopleCalled(_ word: String, in db: Database, cache: inout BatchCache) throws -> [Int64] {
        var ids = Set(try cache.personAliases(surname: word, in: db).map(\.entity))
        ids.formUnion(try cache.entityIDs(sql: peopleNamed, folded: word, type: EntityType.person.rawValue, in: db))
        return ids.sorted()
    }

    /// The people named in full (their display name has two words or more) whom `word` alone may
    /// mean: those whose surname it is, and those whose own articles call them by it ("Park" of
    /// "Park Jin", whose family name comes first).
    private static func fullNamedPeople(withSurname word: String, in db: Database, cache: inout BatchCache) throws -> [Int64] {
        var people: [Int64] = []
        for id in try peopleCalled(word, in: db, cache: &cache) {
            let last = NameFolding.surname(of: cache.personKey(cache.fold(try cache.name(of: id, in: db))))
            guard !last.isEmpty else { continue }  // no full name
            if try last == word || cache.answersToSurname(id, word, in: db) {
                people.append(id)
            }
        }
        return people
    }

    /// The person named in full that a surname alone means for an article tied to `countries`:
    /// the only one sharing a country, else the only one whose own articles call them by the
    /// surname alone, else the only one there is; nil when no one person fits.
    static func decideSurname(_ surname: String, countries: Set<String>, in db: Database, cache: inout BatchCache) throws -> Int64? {
        let people = try fullNamedPeople(withSurname: surname, in: db, cache: &cache)
        guard !people.isEmpty else { return nil }
        var compatible: [Int64] = []
        var sharing: [Int64] = []
        for person in people {
            let stored = try cache.fullNameCountries(of: person, in: db)
            if countries.isEmpty || stored.isEmpty {
                compatible.append(person)
            } else if !stored.isDisjoint(with: countries) {
                compatible.append(person)
                sharing.append(person)
            }
        }
        if sharing.count == 1 { return sharing[0] }
        let answering = try compatible.filter { try cache.answersToSurname($0, surname, in: db) }
        if answering.count == 1 { return answering[0] }
        if people.count == 1 { return compatible.first }
        return nil
    }

    /// The node that holds the articles naming a person by `surname` alone when no one person fits.
    private static func bareNode(_ surname: String, in db: Database, cache: inout BatchCache) throws -> Int64? {
        for id in try peopleCalled(surname, in: db, cache: &cache) where cache.personKey(cache.fold(try cache.name(of: id, in: db))) == surname {
            return id
        }
        return nil
    }

    /// What a batch decides again once it is written, for the people an article names in full,
    /// folding and keying each name once:
    /// - into `surnames`, the one-word names (particles aside): the surname, and any one word the
    ///   article also calls them by ("Park" of "Park Jin"), for `resolveSurname`;
    /// - into `fullNames`, the keys of the full names the article names them by, and of the
    ///   shorter names any of their names goes on past (`NameFolding.lineagePrefixes`), for
    ///   `resolveLongerNames`.
    static func namesNamedInFull(_ graph: Graph, surnames: inout Set<String>, fullNames: inout Set<String>, cache: inout BatchCache) {
        for entity in graph.entities where entity.type == .person {
            // The articles' own names: an appearance is under its entity's name.
            let folded = cache.fold(entity.name)
            let key = cache.personKey(folded)
            if key.utf8.contains(0x20) { fullNames.insert(key) }
            // Any name makes its node one that has a longer name.
            for prefix in cache.lineagePrefixes(of: folded) { fullNames.insert(prefix) }
            let surname = NameFolding.surname(of: key)
            if !surname.isEmpty { surnames.insert(surname) }
            for alias in entity.aliases {
                let aliasFolded = cache.fold(alias)
                for prefix in cache.lineagePrefixes(of: aliasFolded) { fullNames.insert(prefix) }
                guard !surname.isEmpty else { continue }
                let word = cache.personKey(aliasFolded)
                if !word.isEmpty && !word.utf8.contains(0x20) { surnames.insert(word) }
            }
        }
    }

    /// What the decisions about `surname` alone depend on, besides each article's countries: the
    /// people it may mean, their countries and whether their articles call them by it, and its
    /// own node.
    private static func surnameState(_ surname: String, in db: Database, cache: inout BatchCache) throws -> StoreMemory.SurnameState {
        var people: [StoreMemory.SurnameState.Candidate] = []
        for person in try fullNamedPeople(withSurname: surname, in: db, cache: &cache) {
            people.append(StoreMemory.SurnameState.Candidate(
                id: person, countries: try cache.fullNameCountries(of: person, in: db).sorted(),
                answers: try cache.answersToSurname(person, surname, in: db)))
        }
        return StoreMemory.SurnameState(people: people, bareNode: try bareNode(surname, in: db, cache: &cache))
    }

    /// Decides again, for every article that names a person by `surname` alone, which stored
    /// person that is (see `decideSurname`), and moves the article's name and edges there.
    /// Names the user pinned stay where they are. Runs once the batch is flushed: it reads and
    /// moves written rows, and tells `cache` which entities it changed.
    ///
    /// When nothing the decisions depend on has changed since all the surname's articles were
    /// last decided without a move, the earlier articles would stay where they are: only the
    /// batch's own are decided, so a surname named in every batch costs its new articles, not
    /// all its articles, each time.
    static func resolveSurname(_ surname: String, in db: Database, cache: inout BatchCache) throws {
        // The articles' names that are the surname, particles aside ("assad", "al assad"), and are
        // pinned nowhere: every appearance's name is an alias of its entity.
        var names: [(entity: Int64, folded: String)] = []
        for alias in try cache.personAliases(surname: surname, in: db) where alias.key == surname && cache.pinnedEntity(alias.folded) == nil {
            names.append((alias.entity, alias.folded))
        }
        if cache.pinnedEntity(surname) == nil {
            for id in try cache.entityIDs(sql: peopleNamed, folded: surname, type: EntityType.person.rawValue, in: db) { names.append((id, surname)) }
        }
        guard !names.isEmpty else { return }  // no article names anyone by it alone
        let state = try surnameState(surname, in: db, cache: &cache)
        let since = cache.memory.settledSurnames[surname] == state ? cache.firstArticle ?? 0 : 0
        var appearances: [(article: Int64, entity: Int64, folded: String, name: String)] = []
        for (entity, folded) in names {
            for (article, name) in try cache.appearances(of: entity, as: folded, since: since, in: db) {
                appearances.append((article, entity, folded, name))
            }
        }
        appearances.sort { ($0.article, $0.entity, $0.folded) < ($1.article, $1.entity, $1.folded) }
        var moved = false
        for appearance in appearances {
            let current = appearance.entity
            let countries = try articleCountries(of: current, in: appearance.article, db: db)
            var target = try decideSurname(surname, countries: countries, in: db, cache: &cache)
            if target == nil { target = try bareNode(surname, in: db, cache: &cache) }
            if target == nil {
                guard try cache.personKey(cache.fold(cache.name(of: current, in: db))).utf8.contains(0x20) else {
                    continue  // already its own node
                }
                try db.cachedStatement(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, \(StoreSQL.person), 0)")
                    .execute(arguments: [try freeSlug(for: appearance.name, in: db), appearance.name])
                target = db.lastInsertedRowID
            }
            guard let target, target != current else { continue }
            try moveAppearance(of: current, in: appearance.article, folded: appearance.folded, to: target, db: db)
            cache.forget([current, target])
            moved = true
        }
        // A move may change what the decisions depend on (the countries its edges bring): the
        // next batch naming the surname decides all its articles again.
        cache.settle(surname, moved ? nil : state)
    }

    /// The countries an article ties an entity to, by the edges it gave the entity (a set: `UNION
    /// ALL`, as in `storedCountriesSQL`).
    static func articleCountries(of entity: Int64, in article: Int64, db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT c.name FROM relations r JOIN evidence ev ON ev.relation = r.id AND ev.article = ?2
            JOIN entities c ON c.id = r.target
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            UNION ALL
            SELECT c.name FROM relations r JOIN evidence ev ON ev.relation = r.id AND ev.article = ?2
            JOIN relations r2 ON r2.source = r.target AND r2.type = \(StoreSQL.affiliation)
            JOIN entities c ON c.id = r2.target
            WHERE r.source = ?1 AND r.type = \(StoreSQL.affiliation) AND c.type = \(StoreSQL.country)
            """), arguments: [entity, article]).map(NameFolding.fold))
    }

    /// Whether the article also calls `entity` by a name other than `folded` ("CCP" beside
    /// "Communist Party"): two of its entities joined the node, and its edges no longer tell
    /// which of them each came from.
    static func sharesArticle(_ entity: Int64, _ article: Int64, besides folded: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM appearances WHERE entity = ? AND article = ? AND folded != ?"),
                          arguments: [entity, article, folded]) == true
    }

    /// Moves one article's name for an entity to another entity, as `moveAppearance` does, when
    /// another name of the article stays: the edges that article gave the entity are copied rather
    /// than moved, since they may be either name's. In the order where the two names were never
    /// one node, each has its own edges; the copy matches that where the article gave both the
    /// same edges, as it does when both are in one sentence.
    static func copyAppearance(of from: Int64, in article: Int64, folded: String, to: Int64, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE OR IGNORE appearances SET entity = ? WHERE entity = ? AND article = ? AND folded = ?")
            .execute(arguments: [to, from, article, folded])
        try db.cachedStatement(sql: "DELETE FROM appearances WHERE entity = ? AND article = ? AND folded = ?").execute(arguments: [from, article, folded])
        var touched: Set<Int64> = []
        for record in try RelationRecord.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT r.id, r.source, r.type, r.target FROM relations r JOIN evidence v ON v.relation = r.id AND v.article = ?
            WHERE r.source = ? OR r.target = ?
            """), arguments: [article, from, from])
        {
            let source = record.source == from ? to : record.source
            let target = record.target == from ? to : record.target
            guard source != target else { continue }
            let destination = try relationID(source, record.type, target, in: db)
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO evidence (relation, article, sentence, start, "end", date)
                SELECT ?, article, sentence, start, "end", date FROM evidence WHERE relation = ? AND article = ?
                """).execute(arguments: [destination, record.id, article])
            touched.insert(destination)
        }
        if !touched.isEmpty { try refreshWeights(of: touched, in: db) }
        try rebuildNames(of: from, in: db)
        try rebuildNames(of: to, in: db)
    }

    /// Moves one article's name for an entity, with the edges that article gave it, to another
    /// entity; an entity left with no article is removed.
    static func moveAppearance(of from: Int64, in article: Int64, folded: String, to: Int64, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE OR IGNORE appearances SET entity = ? WHERE entity = ? AND article = ? AND folded = ?")
            .execute(arguments: [to, from, article, folded])
        try db.cachedStatement(sql: "DELETE FROM appearances WHERE entity = ? AND article = ? AND folded = ?").execute(arguments: [from, article, folded])
        let touched = try moveEdges(of: from, to: to, articles: [article], in: db)
        if !touched.isEmpty { try refreshWeights(of: touched, in: db) }
        let left = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM appearances WHERE entity = ?"), arguments: [from]) ?? 0
        if left == 0 {
            try db.cachedStatement(sql: "DELETE FROM entities WHERE id = ?").execute(arguments: [from])
        } else {
            try rebuildNames(of: from, in: db)
        }
        try rebuildNames(of: to, in: db)
    }
}
