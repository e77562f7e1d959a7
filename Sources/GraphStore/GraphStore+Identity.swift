import Foundation
import GRDB
import KnowledgeGraph

/// When an entity of a new article is one the store already holds.
///
/// - A body (agency, organization, country) is the stored body of that type whose names include
///   its name, or whose name is one of its aliases, when their countries agree: an agency tied to
///   a country never joins an agency tied only to others ("Japan's Foreign Ministry" and "South
///   Korea's Foreign Ministry" stay two, though both are "the Foreign Ministry"), and one whose
///   country is unknown joins only a body of its very name.
/// - A person named in full is the stored person with the same name once particles are dropped
///   ("Bashar al-Assad", "Bashar Assad").
/// - A person named by one word ("Assad", "al-Assad") is the one person named in full with that
///   surname, told apart by country where several share it; when no one person fits, the word
///   stays a node of its own. These decisions are taken again whenever a new full name with that
///   surname arrives (`resolveSurname`), so they do not depend on the order of the articles.
extension GraphStore {
    // MARK: Bodies

    static func matchBody(_ entity: Entity, names: [String], fullName: String, countries: Set<String>,
                          in db: Database) throws -> Int64?
    {
        var candidates: [(id: Int64, name: String)] = []
        // The new name among stored names and aliases.
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT e.id AS id, e.name AS name FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE a.folded = ? AND e.type = ?
            """), arguments: [fullName, entity.type.rawValue])
        {
            candidates.append((row["id"], row["name"]))
        }
        // A stored name among the new aliases; two aliases alone ("Foreign Ministry") make no match.
        for alias in names.dropFirst() {
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT e.id AS id, e.name AS name FROM aliases a JOIN entities e ON e.id = a.entity AND a.alias = e.name
                WHERE a.folded = ? AND e.type = ?
                """), arguments: [NameFolding.fold(alias), entity.type.rawValue])
            where !candidates.contains(where: { $0.id == row["id"] }) {
                candidates.append((row["id"], row["name"]))
            }
        }
        // The body with this very name first, then by name: the same choice whatever the order
        // the candidates were stored in.
        candidates.sort { first, second in
            let firstExact = NameFolding.fold(first.name) == fullName
            let secondExact = NameFolding.fold(second.name) == fullName
            if firstExact != secondExact { return firstExact }
            return (first.name, first.id) < (second.name, second.id)
        }
        for candidate in candidates {
            guard entity.type == .agency else { return candidate.id }
            let stored = try storedCountries(of: candidate.id, in: db)
            if countriesAgree(countries, stored, sameName: NameFolding.fold(candidate.name) == fullName) { return candidate.id }
        }
        return nil
    }

    /// Whether two agencies' countries allow them to be one: both known and shared, both unknown,
    /// or one unknown where the two have the very same name ("State Department").
    static func countriesAgree(_ new: Set<String>, _ stored: Set<String>, sameName: Bool) -> Bool {
        if !new.isEmpty && !stored.isEmpty { return !new.isDisjoint(with: stored) }
        if new.isEmpty && stored.isEmpty { return true }
        return sameName
    }

    /// The folded names of the countries a stored entity is affiliated with, directly or through
    /// the body it belongs to.
    static func storedCountries(of id: Int64, in db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT c.name FROM relations r JOIN entities c ON c.id = r.target
            WHERE r.source = ?1 AND r.type = 'affiliated_with' AND c.type = 'country'
            UNION
            SELECT c.name FROM relations r JOIN relations r2 ON r2.source = r.target AND r2.type = 'affiliated_with'
            JOIN entities c ON c.id = r2.target
            WHERE r.source = ?1 AND r.type = 'affiliated_with' AND c.type = 'country'
            """), arguments: [id]).map(NameFolding.fold))
    }

    // MARK: People

    static func matchPerson(fullName: String, countries: Set<String>, in db: Database) throws -> Int64? {
        let key = NameFolding.personKey(fullName)
        guard let surname = key.split(separator: " ").last.map(String.init) else { return nil }
        guard key.utf8.contains(0x20) else {
            return try decideSurname(surname, countries: countries, in: db) ?? bareNode(surname, in: db)
        }
        // The same full name, particles aside; a name alone of this surname is decided after the
        // article is stored (`resolveSurname`).
        var rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT e.id AS id, a.folded AS folded FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE e.type = 'person' AND (a.surname = ? OR a.folded = ?) ORDER BY e.name, e.id
            """), arguments: [surname, fullName])
        for row in rows where NameFolding.personKey(row["folded"]) == key {
            return row["id"]
        }
        // Names a letter apart ("Sergey"/"Sergei", "Asad"/"Assad") share their first letters.
        if surname.utf8.count >= 5 {
            rows += try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT e.id AS id, a.folded AS folded FROM aliases a JOIN entities e ON e.id = a.entity
                WHERE e.type = 'person' AND a.surname > ? AND a.surname < ? AND a.surname != ? ORDER BY e.name, e.id
                """), arguments: [String(surname.prefix(2)), String(surname.prefix(2)) + "\u{10FFFF}", surname])
        }
        // The same person written more or less fully: one person only, or none.
        var people: [Int64] = []
        for row in rows where isSamePerson(NameFolding.personKey(row["folded"]), key) {
            let id: Int64 = row["id"]
            if !people.contains(id) { people.append(id) }
        }
        return people.count == 1 ? people[0] : nil
    }

    /// Whether two full names (folded, particles dropped) name one person: the same first and last
    /// name around middle names that one of them leaves out ("Antony J. Blinken", "William Samoei
    /// Ruto"), the same name after a leading word of the longer one ("Makhdoom Shah Mahmood
    /// Qureshi"), or the same words but one a letter apart ("Sergey Lavrov", "Sergei Lavrov").
    static func isSamePerson(_ first: String, _ second: String) -> Bool {
        let a = first.split(separator: " ").map(String.init)
        let b = second.split(separator: " ").map(String.init)
        guard a.count >= 2, b.count >= 2 else { return false }
        if a.count == b.count {
            let differing = zip(a, b).filter { $0 != $1 }
            return differing.count == 1 && isVariant(differing[0].0, differing[0].1)
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        if short.first == long.first && short.last == long.last {
            // The shorter one's middle words, in order, among the longer one's.
            var next = 1
            for word in long.dropFirst().dropLast() where next < short.count - 1 && word == short[next] { next += 1 }
            return next == short.count - 1
        }
        return short.count >= 3 && Array(long.suffix(short.count)) == short
    }

    /// Two spellings of one name part: five letters or more, the same first letter, one edit apart.
    static func isVariant(_ first: String, _ second: String) -> Bool {
        first.count >= 5 && second.count >= 5 && first.first == second.first && EditDistance.distance(first, second) == 1
    }

    /// The people named in full (their display name has two words or more) whom `word` alone may
    /// mean: those whose surname it is, and those whose own articles call them by it ("Park" of
    /// "Park Jin", whose family name comes first).
    private static func fullNamedPeople(withSurname word: String, in db: Database) throws -> [Int64] {
        var people: [Int64] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT e.id AS id, e.name AS name FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE e.type = 'person' AND (a.surname = ?1 OR a.folded = ?1) ORDER BY e.id
            """), arguments: [word])
        {
            let id: Int64 = row["id"]
            let key = NameFolding.personKey(NameFolding.fold(row["name"]))
            guard key.utf8.contains(0x20) else { continue }
            let isSurname = key.split(separator: " ").last.map(String.init) == word
            if try isSurname || answersToSurname(id, word, in: db) {
                people.append(id)
            }
        }
        return people
    }

    /// The person named in full that a surname alone means for an article tied to `countries`:
    /// the only one sharing a country, else the only one whose own articles call them by the
    /// surname alone, else the only one there is; nil when no one person fits.
    static func decideSurname(_ surname: String, countries: Set<String>, in db: Database) throws -> Int64? {
        let people = try fullNamedPeople(withSurname: surname, in: db)
        guard !people.isEmpty else { return nil }
        var compatible: [Int64] = []
        var sharing: [Int64] = []
        for person in people {
            let stored = try storedCountries(of: person, in: db)
            if countries.isEmpty || stored.isEmpty {
                compatible.append(person)
            } else if !stored.isDisjoint(with: countries) {
                compatible.append(person)
                sharing.append(person)
            }
        }
        if sharing.count == 1 { return sharing[0] }
        let answering = try compatible.filter { try answersToSurname($0, surname, in: db) }
        if answering.count == 1 { return answering[0] }
        if people.count == 1 { return compatible.first }
        return nil
    }

    /// Whether an article that names the person in full also calls them by the surname alone (a
    /// store from before articles' names were kept: whether any name of theirs is the surname).
    private static func answersToSurname(_ person: Int64, _ surname: String, in db: Database) throws -> Bool {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT folded, aliases FROM appearances WHERE entity = ?"), arguments: [person])
        if rows.isEmpty {
            return try String.fetchAll(db.cachedStatement(sql: "SELECT folded FROM aliases WHERE entity = ?"), arguments: [person])
                .contains { NameFolding.personKey($0) == surname }
        }
        for row in rows {
            guard NameFolding.personKey(row["folded"]).utf8.contains(0x20) else { continue }
            for alias in (row["aliases"] as String).split(separator: "\n")
            where NameFolding.personKey(NameFolding.fold(String(alias))) == surname {
                return true
            }
        }
        return false
    }

    /// The node that holds the articles naming a person by `surname` alone when no one person fits.
    private static func bareNode(_ surname: String, in db: Database) throws -> Int64? {
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT e.id AS id, e.name AS name FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE e.type = 'person' AND (a.folded = ?1 OR a.surname = ?1) ORDER BY e.id
            """), arguments: [surname])
        where NameFolding.personKey(NameFolding.fold(row["name"])) == surname {
            return row["id"]
        }
        return nil
    }

    /// Decides again, for every article that names a person by `surname` alone, which stored
    /// person that is (see `decideSurname`), and moves the article's name and edges there.
    /// Names the user pinned stay where they are.
    static func resolveSurname(_ surname: String, in db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT ap.entity AS entity, ap.article AS article, ap.folded AS folded, ap.name AS name
            FROM appearances ap JOIN entities e ON e.id = ap.entity
            WHERE e.type = 'person' AND (ap.folded = ?1 OR ap.folded LIKE '% ' || ?1)
            AND NOT EXISTS (SELECT 1 FROM pins WHERE pins.folded = ap.folded)
            ORDER BY ap.article
            """), arguments: [surname])
        for row in rows {
            let folded: String = row["folded"]
            guard NameFolding.personKey(folded) == surname else { continue }
            let current: Int64 = row["entity"]
            let article: Int64 = row["article"]
            let countries = try articleCountries(of: current, in: article, db: db)
            var target = try decideSurname(surname, countries: countries, in: db)
            if target == nil { target = try bareNode(surname, in: db) }
            if target == nil {
                guard try hasFullName(current, in: db) else { continue }  // already its own node
                let name: String = row["name"]
                try db.cachedStatement(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, 'person', 0)")
                    .execute(arguments: [try freeSlug(for: name, in: db), name])
                target = db.lastInsertedRowID
            }
            guard let target, target != current else { continue }
            try moveAppearance(of: current, in: article, folded: folded, to: target, db: db)
        }
    }

    private static func hasFullName(_ person: Int64, in db: Database) throws -> Bool {
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ?"), arguments: [person]) ?? ""
        return NameFolding.personKey(NameFolding.fold(name)).utf8.contains(0x20)
    }

    /// The countries an article ties an entity to, by the edges it gave the entity.
    private static func articleCountries(of entity: Int64, in article: Int64, db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT c.name FROM relations r JOIN evidence ev ON ev.relation = r.id AND ev.article = ?2
            JOIN entities c ON c.id = r.target
            WHERE r.source = ?1 AND r.type = 'affiliated_with' AND c.type = 'country'
            UNION
            SELECT c.name FROM relations r JOIN evidence ev ON ev.relation = r.id AND ev.article = ?2
            JOIN relations r2 ON r2.source = r.target AND r2.type = 'affiliated_with'
            JOIN entities c ON c.id = r2.target
            WHERE r.source = ?1 AND r.type = 'affiliated_with' AND c.type = 'country'
            """), arguments: [entity, article]).map(NameFolding.fold))
    }

    /// Moves one article's name for an entity, with the edges that article gave it, to another
    /// entity; an entity left with no article is removed.
    private static func moveAppearance(of from: Int64, in article: Int64, folded: String, to: Int64, db: Database) throws {
        try db.execute(sql: "UPDATE OR IGNORE appearances SET entity = ? WHERE entity = ? AND article = ? AND folded = ?",
                       arguments: [to, from, article, folded])
        try db.execute(sql: "DELETE FROM appearances WHERE entity = ? AND article = ? AND folded = ?", arguments: [from, article, folded])
        let touched = try moveEdges(of: from, to: to, articles: [article], in: db)
        if !touched.isEmpty { try refreshWeights(of: touched, in: db) }
        let left = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appearances WHERE entity = ?", arguments: [from]) ?? 0
        if left == 0 {
            try db.execute(sql: "DELETE FROM entities WHERE id = ?", arguments: [from])
        } else {
            try rebuildNames(of: from, in: db)
        }
        try rebuildNames(of: to, in: db)
    }
}
