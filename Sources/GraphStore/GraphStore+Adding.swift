import Foundation
import GRDB
import KnowledgeGraph

/// An article's identity and metadata, as the store keeps it.
public struct ArticleRecord: Sendable, Hashable {
    public var document: String
    public var path: String
    public var title: String
    public var date: String?
    /// A digest of the article's bytes: the same text is never added twice.
    public var digest: String

    public init(document: String, path: String, title: String, date: String?, text: [UInt8]) {
        self.document = document
        self.path = path
        self.title = title
        self.date = date
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

extension GraphStore {
    public enum AddResult: Sendable, Equatable {
        case added
        case unchanged
    }

    /// Adds one article's graph in a single transaction. An article whose text is already in the
    /// store changes nothing.
    @discardableResult
    public func add(_ graph: Graph, article: ArticleRecord) throws(StoreError) -> AddResult {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE digest = ?", arguments: [article.digest]) == true {
                return .unchanged
            }
            try db.execute(sql: "INSERT INTO articles (document, path, digest, title, date, added) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [article.document, article.path, article.digest, article.title, article.date,
                                       ISO8601DateFormatter().string(from: Date())])
            let articleID = db.lastInsertedRowID
            var rowIDs: [String: Int64] = [:]
            for entity in graph.entities {
                rowIDs[entity.id] = try GraphStore.merge(entity, in: db)
            }
            for relation in graph.relations {
                guard let source = rowIDs[relation.source], let target = rowIDs[relation.target], source != target else { continue }
                var (from, to) = (source, target)
                if relation.type.isSymmetric && to < from { swap(&from, &to) }
                try db.execute(sql: "INSERT OR IGNORE INTO relations (source, type, target) VALUES (?, ?, ?)",
                               arguments: [from, relation.type.rawValue, to])
                let relationID = try Int64.fetchOne(db, sql: "SELECT id FROM relations WHERE source = ? AND type = ? AND target = ?",
                                                    arguments: [from, relation.type.rawValue, to])!
                for evidence in relation.evidence {
                    try db.execute(sql: "INSERT OR IGNORE INTO evidence (relation, article, sentence, start, \"end\") VALUES (?, ?, ?, ?, ?)",
                                   arguments: [relationID, articleID, evidence.sentence, evidence.start, evidence.end])
                }
            }
            return .added
        }
    }

    /// Finds the stored entity this one is (same type, and a full name or alias in common), or
    /// creates it; returns its row id.
    static func merge(_ entity: Entity, in db: Database) throws -> Int64 {
        let names = ([entity.name] + entity.aliases).map { (original: $0, folded: NameFolding.fold($0)) }
            .filter { !$0.folded.isEmpty }
        var match: Int64?
        let fullName = NameFolding.fold(entity.name)
        let isSingleWord = !fullName.contains(" ")
        if entity.type == .person {
            // A full name matches a full name; a surname alone matches the one person who has it.
            match = try Int64.fetchOne(db, sql: """
                SELECT e.id FROM entities e JOIN aliases a ON a.entity = e.id
                WHERE e.type = 'person' AND a.folded = ? AND (? OR instr(a.folded, ' ') > 0) LIMIT 1
                """, arguments: [fullName, isSingleWord])
            if match == nil && !isSingleWord {
                let surname = String(fullName.split(separator: " ").last!)
                let candidates = try Int64.fetchAll(db, sql: """
                    SELECT e.id FROM entities e WHERE e.type = 'person'
                    AND (lower(e.name) = ? OR e.id IN (SELECT entity FROM aliases WHERE folded = ?))
                    AND NOT EXISTS (SELECT 1 FROM aliases a2 WHERE a2.entity = e.id AND instr(a2.folded, ' ') > 0)
                    """, arguments: [surname, surname])
                if candidates.count == 1 { match = candidates[0] }
            } else if match == nil {
                let candidates = try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT e.id FROM entities e JOIN aliases a ON a.entity = e.id
                    WHERE e.type = 'person' AND (a.folded LIKE ? ESCAPE '\\')
                    """, arguments: ["% " + NameFolding.escapeLike(fullName)])
                if candidates.count == 1 { match = candidates[0] }
            }
        } else {
            // The new name among stored names and aliases, or a stored name among the new aliases;
            // two aliases alone ("Foreign Ministry") do not make two bodies one.
            match = try Int64.fetchOne(db, sql: """
                SELECT e.id FROM entities e JOIN aliases a ON a.entity = e.id
                WHERE e.type = ? AND a.folded = ? LIMIT 1
                """, arguments: [entity.type.rawValue, fullName])
            if match == nil {
                let folded = names.map(\.folded)
                match = try Int64.fetchOne(db, sql: """
                    SELECT e.id FROM entities e JOIN aliases a ON a.entity = e.id AND a.alias = e.name
                    WHERE e.type = ? AND a.folded IN (\(folded.map { _ in "?" }.joined(separator: ",")))
                    LIMIT 1
                    """, arguments: StatementArguments([entity.type.rawValue] + folded))
            }
        }
        let rowID: Int64
        if let match {
            rowID = match
            let current = try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [match]) ?? ""
            // The fullest name wins: "Blinken" becomes "Antony Blinken".
            if entity.type == .person && entity.name.count > current.count && entity.name.split(separator: " ").count > current.split(separator: " ").count {
                try db.execute(sql: "UPDATE entities SET name = ? WHERE id = ?", arguments: [entity.name, match])
                // The id follows the fuller name when that id is free.
                let slug = Entity.slug(for: entity.name)
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM entities WHERE slug = ?", arguments: [slug]) != true {
                    try db.execute(sql: "UPDATE entities SET slug = ? WHERE id = ?", arguments: [slug, match])
                }
            }
            try db.execute(sql: "UPDATE entities SET mentions = mentions + ? WHERE id = ?", arguments: [entity.mentions, match])
        } else {
            var slug = Entity.slug(for: entity.name)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM entities WHERE slug = ?", arguments: [slug]) == true {
                var suffix = 2
                while try Bool.fetchOne(db, sql: "SELECT 1 FROM entities WHERE slug = ?", arguments: ["\(slug)-\(suffix)"]) == true { suffix += 1 }
                slug = "\(slug)-\(suffix)"
            }
            try db.execute(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, ?, ?)",
                           arguments: [slug, entity.name, entity.type.rawValue, entity.mentions])
            rowID = db.lastInsertedRowID
        }
        for name in names {
            try db.execute(sql: "INSERT OR IGNORE INTO aliases (entity, alias, folded) VALUES (?, ?, ?)",
                           arguments: [rowID, name.original, name.folded])
        }
        return rowID
    }
}

/// Case, accent and punctuation folding for name lookups: "U.S." and "US", "Erdoğan" and "erdogan".
public enum NameFolding {
    public static func fold(_ name: String) -> String {
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

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
