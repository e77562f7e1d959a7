import Foundation
import GRDB
import KnowledgeGraph

/// A change the user made to the store's entities, kept so the store can say how it came to be.
public struct Correction: Sendable, Hashable {
    public var action: String
    public var detail: String
    /// When it was made, as ISO 8601.
    public var made: String
}

extension GraphStore {
    /// Folds the entity named `name` into the one named `survivor`: its names, edges and evidence
    /// move over, and later articles that use any of its names join the survivor.
    @discardableResult
    public func merge(_ name: String, into survivor: String) throws(StoreError) -> Entity {
        try write { db in
            let absorbed = try GraphStore.requireEntity(name, in: db)
            let kept = try GraphStore.requireEntity(survivor, in: db)
            guard absorbed != kept else {
                throw StoreError(kind: .invalidRequest, path: path, detail: "'\(name)' and '\(survivor)' are already one entity")
            }
            let keptNames = Set(try String.fetchAll(db, sql: "SELECT folded FROM aliases WHERE entity = ?", arguments: [kept]))
            for row in try Row.fetchAll(db, sql: "SELECT alias, folded FROM aliases WHERE entity = ?", arguments: [absorbed]) {
                try GraphStore.addAlias(row["alias"], to: kept, in: db)
                if !keptNames.contains(row["folded"]) {
                    try GraphStore.pin(row["folded"], to: kept, in: db)
                }
            }
            try GraphStore.moveRows(of: absorbed, into: kept, in: db)
            try GraphStore.record("merge", "'\(name)' into '\(survivor)'", in: db)
            return try GraphStore.entity(id: kept, in: db)
        }
    }

    /// Moves everything of the stored entity `absorbed` but its aliases to `kept` (pins,
    /// appearances, mentions, edges and their evidence) and deletes it: the part of folding two
    /// nodes into one that a user's `merge` and the writer's fold of one entity's two stored nodes
    /// share. Aliases are each caller's own, since only a user's merge pins them.
    static func moveRows(of absorbed: Int64, into kept: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE pins SET entity = ? WHERE entity = ?", arguments: [kept, absorbed])
        try db.execute(sql: "UPDATE OR IGNORE appearances SET entity = ? WHERE entity = ?", arguments: [kept, absorbed])
        try db.execute(sql: "UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE id = ?) WHERE id = ?",
                       arguments: [absorbed, kept])
        let touched = try moveEdges(of: absorbed, to: kept, articles: nil, in: db)
        try db.execute(sql: "DELETE FROM entities WHERE id = ?", arguments: [absorbed])
        if !touched.isEmpty { try refreshWeights(of: touched, in: db) }
    }

    /// Takes back from the entity named `name` the articles that called it by one of `aliases`
    /// (see `sources(of:)`), and gives them a new entity named `newName` (the first alias by
    /// default). Later articles that use those names join the new entity.
    @discardableResult
    public func split(_ name: String, aliases: [String], as newName: String? = nil, type: EntityType? = nil) throws(StoreError) -> Entity {
        try write { db in
            let original = try GraphStore.requireEntity(name, in: db)
            let foldedAliases = aliases.map(NameFolding.fold).filter { !$0.isEmpty }
            guard let alias = aliases.first, !foldedAliases.isEmpty else {
                throw StoreError(kind: .invalidRequest, path: path, detail: "name the alias to split off")
            }
            let aliasList = foldedAliases.map { _ in "?" }.joined(separator: ",")
            let articles = try Int64.fetchAll(db, sql: "SELECT DISTINCT article FROM appearances WHERE entity = ? AND folded IN (\(aliasList))",
                                              arguments: StatementArguments([original as any DatabaseValueConvertible] + foldedAliases))
            let remaining = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appearances WHERE entity = ? AND folded NOT IN (\(aliasList))",
                                             arguments: StatementArguments([original as any DatabaseValueConvertible] + foldedAliases)) ?? 0
            guard !articles.isEmpty else {
                throw StoreError(kind: .invalidRequest, path: path,
                                 detail: "no article names '\(name)' as '\(aliases.joined(separator: "' or '"))'; `newsgraph entities --sources '\(name)'` lists the names it was merged from")
            }
            guard remaining > 0 else {
                throw StoreError(kind: .invalidRequest, path: path,
                                 detail: "every article names '\(name)' that way; use `newsgraph rename` instead")
            }
            let displayName = newName ?? alias
            let originalType = try String.fetchOne(db, sql: "SELECT type FROM entities WHERE id = ?", arguments: [original]) ?? "person"
            try db.execute(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, ?, 0)",
                           arguments: [try GraphStore.freeSlug(for: displayName, in: db), displayName, type?.rawValue ?? originalType])
            let created = db.lastInsertedRowID
            let placeholders = articles.map { _ in "?" }.joined(separator: ",")
            try db.execute(sql: "UPDATE appearances SET entity = ? WHERE entity = ? AND folded IN (\(aliasList)) AND article IN (\(placeholders))",
                           arguments: StatementArguments([created as any DatabaseValueConvertible, original] + foldedAliases
                                                         + articles.map { $0 as any DatabaseValueConvertible }))
            let touched = try GraphStore.moveEdges(of: original, to: created, articles: articles, in: db)
            try GraphStore.refreshWeights(of: touched, in: db)
            try GraphStore.rebuildNames(of: original, in: db)
            try GraphStore.rebuildNames(of: created, in: db)
            try GraphStore.addAlias(displayName, to: created, in: db)
            for folded in foldedAliases { try GraphStore.pin(folded, to: created, in: db) }
            // Names an earlier merge pinned to the original now follow the articles that used them.
            try db.execute(sql: """
                UPDATE pins SET entity = ?1 WHERE entity = ?2
                AND folded IN (SELECT folded FROM aliases WHERE entity = ?1)
                AND folded NOT IN (SELECT folded FROM aliases WHERE entity = ?2)
                """, arguments: [created, original])
            try GraphStore.pin(NameFolding.fold(displayName), to: created, in: db)
            try GraphStore.record("split", "'\(aliases.joined(separator: "', '"))' out of '\(name)' as '\(displayName)' (\(articles.count) article\(articles.count == 1 ? "" : "s"))", in: db)
            return try GraphStore.entity(id: created, in: db)
        }
    }

    /// Gives the entity named `name` a new display name (kept as an alias; its id follows when
    /// free) and, optionally, a new type.
    @discardableResult
    public func rename(_ name: String, to newName: String, type: EntityType? = nil) throws(StoreError) -> Entity {
        try write { db in
            let id = try GraphStore.requireEntity(name, in: db)
            let trimmed = newName.trimmingCharacters(in: .whitespaces)
            let folded = NameFolding.fold(trimmed)
            guard !folded.isEmpty else {
                throw StoreError(kind: .invalidRequest, path: path, detail: "the new name is empty")
            }
            // Two entities of one name could no longer be told apart by it: that is a merge.
            let namesakes = try Row.fetchAll(db, sql: """
                SELECT DISTINCT e.name AS name, e.type AS type FROM aliases a JOIN entities e ON e.id = a.entity
                WHERE a.folded = ? AND e.id != ?
                """, arguments: [folded, id])
            if let namesake = namesakes.first(where: { NameFolding.fold($0["name"] as String) == folded }) {
                let other: String = namesake["name"]
                throw StoreError(kind: .invalidRequest, path: path,
                                 detail: "'\(other)' [\(namesake["type"] as String)] already has that name; to make them one entity, run `newsgraph merge '\(abbreviated(name))' '\(other)'`")
            }
            try db.execute(sql: "UPDATE entities SET name = ? WHERE id = ?", arguments: [trimmed, id])
            let slug = Entity.slug(for: trimmed)
            if try GraphStore.slugIsFree(slug, in: db) {
                try db.execute(sql: "UPDATE entities SET slug = ? WHERE id = ?", arguments: [slug, id])
            }
            if let type { try db.execute(sql: "UPDATE entities SET type = ? WHERE id = ?", arguments: [type.rawValue, id]) }
            try GraphStore.addAlias(trimmed, to: id, in: db)
            try GraphStore.pin(NameFolding.fold(trimmed), to: id, in: db)
            var detail = "'\(name)' to '\(trimmed)'"
            if let type { detail += " (\(type.rawValue))" }
            try GraphStore.record("rename", detail, in: db)
            return try GraphStore.entity(id: id, in: db)
        }
    }

    /// The user's corrections, oldest first.
    public func corrections() throws(StoreError) -> [Correction] {
        try read { db in
            try CorrectionRecord.order(CorrectionRecord.Columns.id).fetchAll(db).map(\.correction)
        }
    }

    /// The names articles used for the entity named `name`, with how many articles used each:
    /// the record of what the store merged.
    public func sources(of name: String) throws(StoreError) -> [(name: String, articles: Int)] {
        try read { db in
            let id = try GraphStore.requireEntity(name, in: db)
            return try Row.fetchAll(db, sql: """
                SELECT MIN(name) AS name, COUNT(DISTINCT article) AS n FROM appearances WHERE entity = ?
                GROUP BY folded ORDER BY n DESC, name
                """, arguments: [id]).map { (name: $0["name"], articles: $0["n"]) }
        }
    }

    static func requireEntity(_ name: String, in db: Database) throws -> Int64 {
        guard let id = try entityID(named: name, in: db) else {
            throw StoreError(kind: .noEntity, path: "", detail: name)
        }
        return id
    }

    static func pin(_ folded: String, to id: Int64, in db: Database) throws {
        guard !folded.isEmpty else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO pins (folded, entity) VALUES (?, ?)", arguments: [folded, id])
    }

    static func record(_ action: String, _ detail: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO corrections (action, detail, made) VALUES (?, ?, ?)",
                       arguments: [action, detail, ISO8601DateFormatter().string(from: Date())])
    }

    /// Moves the edges of `from` (only their evidence from `articles`, when given) to `to`;
    /// returns the edges whose evidence changed.
    static func moveEdges(of from: Int64, to: Int64, articles: [Int64]?, in db: Database) throws -> Set<Int64> {
        var touched: Set<Int64> = []
        let records = try RelationRecord.fetchAll(db.cachedStatement(sql: "SELECT id, source, type, target FROM relations WHERE source = ? OR target = ?"),
                                                  arguments: [from, from])
        // A move of one article's edges (the writer's): an edge with no evidence from that article
        // has nothing to move, and its weight stays. Skipped here rather than given a destination
        // edge that `refreshWeights` deletes again (callgrind: most of a person's edges, at each
        // move). In the same order as before, so the edges made are made in the same order.
        let article = articles?.count == 1 ? articles?.first : nil
        for record in records {
            if let article,
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM evidence WHERE relation = ? AND article = ? LIMIT 1"),
                                  arguments: [record.id, article]) != true
            {
                continue
            }
            let id = record.id
            let type = record.type
            let source = record.source == from ? to : record.source
            let target = record.target == from ? to : record.target
            var articleFilter = ""
            var arguments: [any DatabaseValueConvertible] = [id]
            if let articles {
                articleFilter = " AND article IN (\(articles.map { _ in "?" }.joined(separator: ",")))"
                arguments += articles.map { $0 as any DatabaseValueConvertible }
            }
            if source == target {
                // An edge between the two merged entities would be a loop. A sentence no other
                // evidence states goes with it.
                let sentences = try Int64.fetchAll(db, sql: "SELECT DISTINCT sentence FROM evidence WHERE relation = ?" + articleFilter,
                                                   arguments: StatementArguments(arguments))
                try db.execute(sql: "DELETE FROM evidence WHERE relation = ?" + articleFilter, arguments: StatementArguments(arguments))
                try dropUnusedSentences(sentences, in: db)
            } else {
                let destination = try relationID(source, type, target, in: db)
                // A move of one article's edges (the writer's, many times a batch) runs through
                // the connection's statement cache; other lists of articles are rare.
                let update = "UPDATE OR IGNORE evidence SET relation = ? WHERE relation = ?" + articleFilter
                let delete = "DELETE FROM evidence WHERE relation = ?" + articleFilter
                func statement(_ sql: String) throws -> Statement {
                    (articles?.count ?? 1) == 1 ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
                }
                try statement(update).execute(arguments: StatementArguments([destination] + arguments))
                try statement(delete).execute(arguments: StatementArguments(arguments))
                touched.insert(destination)
            }
            touched.insert(id)
        }
        return touched
    }

    /// Deletes those of `sentences` that no evidence states any more.
    static func dropUnusedSentences(_ sentences: [Int64], in db: Database) throws {
        guard !sentences.isEmpty else { return }
        try db.execute(sql: """
            DELETE FROM sentences WHERE id IN (\(sentences.map(String.init).joined(separator: ",")))
            AND id NOT IN (SELECT sentence FROM evidence WHERE sentence IN (\(sentences.map(String.init).joined(separator: ","))))
            """)
    }

    /// Recounts the articles behind each edge and drops edges left with none.
    static func refreshWeights(of relations: Set<Int64>, in db: Database) throws {
        for id in relations {
            try db.cachedStatement(sql: "UPDATE relations SET weight = (SELECT COUNT(DISTINCT article) FROM evidence WHERE relation = ?) WHERE id = ?")
                .execute(arguments: [id, id])
        }
        try db.execute(sql: "DELETE FROM relations WHERE weight = 0 AND id IN (\(relations.map(String.init).joined(separator: ",")))")
    }

    /// Recomputes an entity's aliases and mention count from the articles that name it, its own
    /// name and the names pinned to it.
    static func rebuildNames(of id: Int64, in db: Database) throws {
        // The writer rebuilds the names of every entity a surname's article leaves or joins: its
        // statements run through the connection's statement cache.
        try db.cachedStatement(sql: "DELETE FROM aliases WHERE entity = ?").execute(arguments: [id])
        var mentions = 0
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT name, aliases, mentions FROM appearances WHERE entity = ?"), arguments: [id]) {
            mentions += row["mentions"] as Int
            try addAlias(row["name"], to: id, in: db)
            for alias in (row["aliases"] as String).split(separator: "\n") { try addAlias(String(alias), to: id, in: db) }
        }
        if let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ?"), arguments: [id]) {
            try addAlias(name, to: id, in: db)
        }
        try db.cachedStatement(sql: "UPDATE entities SET mentions = ? WHERE id = ?").execute(arguments: [mentions, id])
    }

    static func entity(id: Int64, in db: Database) throws -> Entity {
        guard let record = try EntityRecord.fetchOne(db, key: id) else {
            // An id read from another table of the store; the store fills in its path.
            throw StoreError(kind: .corrupt, path: "", detail: "entity \(id) is referred to but missing")
        }
        return record.entity(aliases: try aliases(of: id, in: db))
    }
}
