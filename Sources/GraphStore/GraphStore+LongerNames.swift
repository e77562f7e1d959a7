import GRDB
import KnowledgeGraph

/// When a full name is the start of a longer one that goes on with a lineage part: "Mohammed bin
/// Salman" of "Mohammed bin Salman bin Abdulaziz Al Saud", "Abdullah bin Zayed" of "Abdullah bin
/// Zayed Al Nahyan" (the particles that open such a part are in lineage-particles.txt).
///
/// - The articles that name a person by the shorter name join the one stored person who has a
///   longer name of it, unless the article ties them to countries that person's own articles do
///   not share.
/// - When two or more stored people have a longer name of it, it may be either: the shorter name
///   joins none, and articles an earlier batch had joined to one of them go back to a node of the
///   shorter name.
/// - Like the surnames alone (`resolveSurname`), this is decided once a batch is written, for
///   every full name the batch names and every shorter name it goes on past, so the graph is the
///   same whatever order the articles came in.
/// - A name the user pinned (by `split`, `merge` or `rename`) stays where they put it.
extension NameFolding {
    /// The keys (`personKey`) of the full names that a folded name goes on past with a lineage
    /// part: "mohammed salman" and "mohammed salman abdulaziz" of "mohammed bin salman bin
    /// abdulaziz al saud". A shorter name must end on a name part and hold two words besides its
    /// particles; the lineage part must hold a name part besides its particles.
    package static func lineagePrefixes(of folded: String) -> [String] {
        guard mayHaveLineagePart(folded) else { return [] }
        let words = folded.split(separator: " ")
        guard words.count >= 3 else { return [] }
        var keys: [String] = []
        for index in 2..<words.count where lineageParticles.contains(String(words[index])) {
            guard !particles.contains(String(words[index - 1])),
                words[(index + 1)...].contains(where: { !particles.contains(String($0)) })
            else { continue }
            let key = personKey(words[..<index].joined(separator: " "))
            if key.utf8.contains(0x20) { keys.append(key) }
        }
        return keys
    }

    /// Whether a folded name may go on past a shorter one with a lineage part; false says it has
    /// no `lineagePrefixes`, cheaply.
    static func mayHaveLineagePart(_ folded: String) -> Bool {
        // A lineage part past two words, and a name part after it: four words at least. Most
        // people's names have fewer, which their spaces tell.
        var spaces = 0
        for byte in folded.utf8 where byte == 0x20 { spaces += 1 }
        // Most names of four words or more have no lineage particle past their second word, which
        // their bytes tell without making a string of each word (callgrind: the writer met every
        // new alias here).
        return spaces >= 3 && !hasNoLineagePart(folded)
    }

    /// Whether an ASCII name has no lineage particle as its third word or later, by its bytes;
    /// false (it may have one) for any other name.
    private static func hasNoLineagePart(_ folded: String) -> Bool {
        guard let shortLineage = shortLineageParticles else { return false }
        return folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var start = 0
            var word = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x20 {
                    if bytes[end] >= 0x80 { return false }
                    end += 1
                }
                if word >= 2, let key = packedWord(UnsafeBufferPointer(rebasing: bytes[start..<end])), shortLineage.contains(key) {
                    return false
                }
                word += 1
                start = end + 1
            }
            return true
        } ?? false
    }

    /// The lineage particles packed (`packedWord`); nil when one is too long to pack.
    private static let shortLineageParticles: Set<UInt64>? = {
        let packed = lineageParticles.compactMap { packedWord($0.utf8) }
        return packed.count == lineageParticles.count ? Set(packed) : nil
    }()
}

extension GraphStore {
    /// Decides again, for each of `keys` that some stored name goes on past with a lineage part,
    /// which node the articles naming a person by that shorter name belong to, and moves them
    /// there (see the top of this file). The longer names are decided first: where a shorter
    /// one goes depends on the nodes the longer ones are in. Runs once the batch is flushed;
    /// returns the surnames of the people it moved articles between, to decide again.
    static func resolveLongerNames(_ keys: Set<String>, in db: Database, cache: inout BatchCache) throws -> Set<String> {
        // Each key with its number of words, the fewest last: the longest is taken first.
        var pending: [(words: Int, key: String)] = []
        func add(_ key: String) { pending.append((key.utf8.count { $0 == 0x20 }, key)) }
        for key in keys where try cache.hasLongerNames(key, in: db) { add(key) }
        guard !pending.isEmpty else { return [] }
        var surnames: Set<String> = []
        var decided: Set<String> = []
        var sorted = false
        while !pending.isEmpty {
            if !sorted {
                pending.sort { $0.words != $1.words ? $0.words < $1.words : $0.key > $1.key }
                sorted = true
            }
            let key = pending.removeLast().key
            guard decided.insert(key).inserted else { continue }
            for moved in try resolveLongerName(key, in: db, cache: &cache) {
                surnames.insert(NameFolding.surname(of: cache.personKey(moved)))
                for shorter in cache.lineagePrefixes(of: moved) where try cache.hasLongerNames(shorter, in: db) {
                    add(shorter)
                    sorted = false
                }
            }
        }
        surnames.remove("")
        return surnames
    }

    /// Moves the articles naming a person by a full name of key `key` to the node they belong
    /// to; returns the folded names of the people moved from or to (their names before and
    /// after).
    private static func resolveLongerName(_ key: String, in db: Database, cache: inout BatchCache) throws -> [String] {
        // The articles that name someone by the shorter name, pinned nowhere. Most keys that a
        // stored name goes on past are no article's name (the longer name's own shorter parts,
        // "mohammed salman abdulaziz"): read first, they end the decision before the lookups
        // of the longer names.
        var shorter: [(entity: Int64, folded: String)] = []
        for alias in try cache.personAliases(surname: NameFolding.surname(of: key), in: db)
        where alias.key == key && cache.pinnedEntity(alias.folded) == nil {
            shorter.append((alias.entity, alias.folded))
        }
        guard !shorter.isEmpty else { return [] }
        let person = EntityType.person.rawValue
        // The nodes that have a longer name, with the names.
        var holders: Set<Int64> = []
        var longer: [(entity: Int64, folded: String)] = []
        for folded in try cache.longerNames(of: key, in: db) {
            for id in try cache.entityIDs(sql: peopleNamed, folded: folded, type: person, in: db) {
                holders.insert(id)
                longer.append((id, folded))
            }
        }
        guard !holders.isEmpty else { return [] }
        var appearances: [(article: Int64, entity: Int64, folded: String, name: String)] = []
        for (entity, folded) in shorter {
            for (article, name) in try cache.appearances(of: entity, as: folded, since: 0, in: db) {
                appearances.append((article, entity, folded, name))
            }
        }
        guard !appearances.isEmpty else { return [] }
        appearances.sort { ($0.article, $0.entity, $0.folded) < ($1.article, $1.entity, $1.folded) }
        // The one person of a longer name, and the countries their own articles tie them to
        // (not those of articles naming them by the shorter name, which join in any order).
        let only = holders.count == 1 ? holders.first : nil
        var onlyCountries: Set<String> = []
        if let only {
            for (entity, folded) in longer where entity == only {
                for (article, _) in try cache.appearances(of: only, as: folded, since: 0, in: db) {
                    onlyCountries.formUnion(try articleCountries(of: only, in: article, db: db))
                }
            }
        }
        // The node of the shorter name when it is nobody's longer name: the first by name of the
        // nodes named by it that have no longer name.
        var bare: Int64?
        var bareName = ""
        for (entity, _) in shorter where !holders.contains(entity) && entity != bare {
            let name = try cache.name(of: entity, in: db)
            guard cache.personKey(cache.fold(name)) == key, bare == nil || (name, entity) < (bareName, bare!) else { continue }
            (bare, bareName) = (entity, name)
        }
        var moved: [String] = []
        for appearance in appearances {
            var target: Int64?
            if let only {
                let countries = try articleCountries(of: appearance.entity, in: appearance.article, db: db)
                if countries.isEmpty || onlyCountries.isEmpty || !countries.isDisjoint(with: onlyCountries) { target = only }
            }
            if target == nil {
                // Not a longer name's article: where the other rules put it.
                guard holders.contains(appearance.entity) else { continue }
                if bare == nil {
                    try db.cachedStatement(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, \(StoreSQL.person), 0)")
                        .execute(arguments: [try freeSlug(for: appearance.name, in: db), appearance.name])
                    bare = db.lastInsertedRowID
                }
                target = bare
            }
            guard let target, target != appearance.entity else { continue }
            moved.append(cache.fold(try cache.name(of: appearance.entity, in: db)))
            // An article that also calls the node by another name ("King Salman" beside "Mohammed
            // bin Salman", both once on one node) keeps its edges there too: they may be either
            // name's (`copyAppearance`).
            if try sharesArticle(appearance.entity, appearance.article, besides: appearance.folded, in: db) {
                try copyAppearance(of: appearance.entity, in: appearance.article, folded: appearance.folded, to: target, db: db)
            } else {
                try moveAppearance(of: appearance.entity, in: appearance.article, folded: appearance.folded, to: target, db: db)
            }
            cache.forget([appearance.entity, target])
            try renameAfterMove(appearance.entity, in: db, cache: &cache)
            moved.append(cache.fold(try cache.name(of: target, in: db)))
        }
        return moved
    }

    /// Names a person an article left by the fullest name their articles still call them
    /// ("Salman" once the articles calling them "Mohammed bin Salman" joined another node), as
    /// the node would be named had those articles never come to it; nothing when the node is
    /// gone or an article still calls them by its name.
    private static func renameAfterMove(_ entity: Int64, in db: Database, cache: inout BatchCache) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT name, folded FROM appearances WHERE entity = ?"), arguments: [entity])
        guard !rows.isEmpty else { return }
        let current = try cache.name(of: entity, in: db)
        let currentFolded = cache.fold(current)
        var fullest: (name: String, folded: String)?
        for row in rows {
            let name: String = row["name"]
            let folded: String = row["folded"]
            if folded == currentFolded { return }
            if fullest == nil || isFuller(name, folded: folded, than: fullest!.name, folded: fullest!.folded) { fullest = (name, folded) }
        }
        guard let fullest else { return }
        try rename(entity, to: fullest.name, in: db, cache: &cache)
        try rebuildNames(of: entity, in: db)
        cache.forget([entity])
    }
}
