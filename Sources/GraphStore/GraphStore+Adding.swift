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

    /// Whether an article with this digest is already stored, so a resumed build can skip it
    /// before extracting anything.
    public func contains(digest: String) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM articles WHERE digest = ?"), arguments: [digest]) == true
        }
    }

    /// Adds one article's graph in a single transaction. An article whose text is already in the
    /// store changes nothing.
    @discardableResult
    public func add(_ graph: Graph, article: ArticleRecord) throws(StoreError) -> AddResult {
        try write { db in
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM articles WHERE digest = ?"), arguments: [article.digest]) == true {
                return .unchanged
            }
            try db.cachedStatement(sql: "INSERT INTO articles (document, path, digest, title, date, added) VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [article.document, article.path, article.digest, article.title, article.date,
                                     ISO8601DateFormatter().string(from: Date())])
            let articleID = db.lastInsertedRowID
            var rowIDs: [String: Int64] = [:]
            let countries = GraphStore.countries(in: graph)
            for entity in graph.entities {
                let rowID = try GraphStore.merge(entity, countries: countries[entity.id] ?? [], in: db)
                rowIDs[entity.id] = rowID
                try GraphStore.recordAppearance(of: entity, as: rowID, in: articleID, db: db)
            }
            var supported: Set<Int64> = []
            for relation in graph.relations {
                guard let source = rowIDs[relation.source], let target = rowIDs[relation.target], source != target else { continue }
                let relationID = try GraphStore.relationID(source, relation.type, target, in: db)
                for evidence in relation.evidence {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO evidence (relation, article, sentence, start, \"end\") VALUES (?, ?, ?, ?, ?)")
                        .execute(arguments: [relationID, articleID, evidence.sentence, evidence.start, evidence.end])
                }
                supported.insert(relationID)
            }
            // This article is new, so each edge it supports gains exactly one article.
            for relationID in supported {
                try db.cachedStatement(sql: "UPDATE relations SET weight = weight + 1 WHERE id = ?").execute(arguments: [relationID])
            }
            // A person named in full may be the one a surname alone means in other articles, or
            // make that surname ambiguous: those articles are decided again, whatever the order
            // articles came in.
            var surnames: Set<String> = []
            for entity in graph.entities where entity.type == .person {
                let key = NameFolding.personKey(NameFolding.fold(entity.name))
                guard let last = key.split(separator: " ").last, key.utf8.contains(0x20) else { continue }
                surnames.insert(String(last))
                // The one word the article also calls them by ("Park" of "Park Jin").
                for alias in entity.aliases {
                    let word = NameFolding.personKey(NameFolding.fold(alias))
                    if !word.isEmpty && !word.utf8.contains(0x20) { surnames.insert(word) }
                }
            }
            for surname in surnames.sorted() { try GraphStore.resolveSurname(surname, in: db) }
            return .added
        }
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

    /// Remembers which name this article used for the stored entity, so the merge can be undone.
    static func recordAppearance(of entity: Entity, as rowID: Int64, in articleID: Int64, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO appearances (entity, article, name, folded, aliases, mentions) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [rowID, articleID, entity.name, NameFolding.fold(entity.name), entity.aliases.joined(separator: "\n"),
                                 entity.mentions])
    }

    static func addAlias(_ alias: String, to rowID: Int64, in db: Database) throws {
        let folded = NameFolding.fold(alias)
        guard !folded.isEmpty else { return }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO aliases (entity, alias, folded, surname) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rowID, alias, folded, NameFolding.surname(of: folded)])
    }

    static func slugIsFree(_ slug: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM entities WHERE slug = ?"), arguments: [slug]) != true
    }

    /// Whether a person's name says more than another: more words, then more letters, then (for
    /// two names as full) the first in alphabetical order, so the choice does not depend on which
    /// article came first.
    static func isFuller(_ name: String, than current: String) -> Bool {
        let words = NameFolding.fold(name).split(separator: " ").count
        let currentWords = NameFolding.fold(current).split(separator: " ").count
        if words != currentWords { return words > currentWords }
        if name.count != current.count { return name.count > current.count }
        return name < current
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
    /// row id.
    static func merge(_ entity: Entity, countries: Set<String> = [], in db: Database) throws -> Int64 {
        let names = ([entity.name] + entity.aliases).filter { !NameFolding.fold($0).isEmpty }
        let fullName = NameFolding.fold(entity.name)
        var match = try Int64.fetchOne(db.cachedStatement(sql: "SELECT entity FROM pins WHERE folded = ?"), arguments: [fullName])
        if match == nil {
            // (A pinned name is where the user decided it belongs.)
            if entity.type == .person {
                match = try matchPerson(fullName: fullName, countries: countries, in: db)
            } else {
                match = try matchBody(entity, names: names, fullName: fullName, countries: countries, in: db)
            }
        }
        let rowID: Int64
        if let match {
            rowID = match
            let current = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ?"), arguments: [match]) ?? ""
            // The fullest name wins: "Blinken" becomes "Antony Blinken", and "Bashar al-Assad"
            // stands for "Bashar Assad" whichever came first.
            if entity.type == .person && isFuller(entity.name, than: current) {
                try db.cachedStatement(sql: "UPDATE entities SET name = ? WHERE id = ?").execute(arguments: [entity.name, match])
                // The id follows the fuller name when that id is free.
                let slug = Entity.slug(for: entity.name)
                if try slugIsFree(slug, in: db) {
                    try db.cachedStatement(sql: "UPDATE entities SET slug = ? WHERE id = ?").execute(arguments: [slug, match])
                }
            }
            try db.cachedStatement(sql: "UPDATE entities SET mentions = mentions + ? WHERE id = ?").execute(arguments: [entity.mentions, match])
        } else {
            try db.cachedStatement(sql: "INSERT INTO entities (slug, name, type, mentions) VALUES (?, ?, ?, ?)")
                .execute(arguments: [try freeSlug(for: entity.name, in: db), entity.name, entity.type.rawValue, entity.mentions])
            rowID = db.lastInsertedRowID
        }
        for name in names { try addAlias(name, to: rowID, in: db) }
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

    /// A folded person's name without its particles ("bashar assad" of "bashar al assad"), so
    /// "al-Assad" and "Assad" are one surname; the particles come from name-particles.txt.
    public static func personKey(_ folded: String) -> String {
        let words = folded.split(separator: " ")
        let kept = words.filter { !particles.contains(String($0)) }
        return kept.isEmpty ? folded : kept.joined(separator: " ")
    }

    /// Lowercase particles of people's names ("al", "bin", "von", "de").
    static let particles: Set<String> = {
        guard let url = Bundle.module.url(forResource: "name-particles", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.resourceURL.map({ $0.appendingPathComponent("Resources/name-particles.txt") }),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    /// The last word of a folded name of several words ("blinken" of "antony blinken"); empty
    /// for a single word, which is no surname of anything by itself.
    public static func surname(of folded: String) -> String {
        guard let space = folded.lastIndex(of: " ") else { return "" }
        return String(folded[folded.index(after: space)...])
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
