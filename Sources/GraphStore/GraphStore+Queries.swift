import GRDB
import KnowledgeGraph

/// One neighbor of an entity in the store.
public struct Neighbor: Sendable, Hashable {
    public enum Direction: String, Sendable, CaseIterable {
        case outgoing = "out"
        case incoming = "in"
        case both
    }

    public var entity: Entity
    public var relation: RelationType
    /// `outgoing` when the queried entity is the source; `both` for symmetric relations.
    public var direction: Direction
    /// How many distinct articles support the edge.
    public var weight: Int
    /// One sentence that states the edge, and its document.
    public var evidence: Evidence?
    /// How many hops from the queried entity.
    public var depth: Int
    /// The entity this neighbor was reached from (the queried one at depth 1).
    public var via: String
}

/// Filters for neighbor queries.
public struct NeighborQuery: Sendable {
    public var depth: Int
    public var relations: Set<RelationType>
    public var types: Set<EntityType>
    public var direction: Neighbor.Direction
    /// Only edges stated in articles published in this range, weighed by those articles alone.
    public var dates: DateRange

    public init(depth: Int = 1, relations: Set<RelationType> = [], types: Set<EntityType> = [], direction: Neighbor.Direction = .both,
                dates: DateRange = .all)
    {
        self.depth = depth
        self.relations = relations
        self.types = types
        self.direction = direction
        self.dates = dates
    }
}

/// One edge of a path, from the entity nearer the start to the one nearer the end.
public struct PathStep: Sendable, Hashable {
    public var from: Entity
    public var relation: RelationType
    public var to: Entity
    /// `outgoing` when `from` is the edge's source, `incoming` when it is the target.
    public var direction: Neighbor.Direction
    public var weight: Int
    public var evidence: Evidence?
}

/// The answer to a path query: the steps from `origin` to `destination`, empty when none was found.
public struct PathResult: Sendable, Hashable {
    public var origin: Entity
    public var destination: Entity
    public var steps: [PathStep]
}

/// Counts that describe a store.
public struct StoreStatistics: Sendable, Hashable {
    public var articles: Int
    public var entities: [EntityType: Int]
    public var relations: [RelationType: Int]
    public var evidence: Int
}

extension GraphStore {
    static func aliases(of id: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT alias FROM aliases WHERE entity = ? ORDER BY alias", arguments: [id])
    }

    /// The entity named `name` (by name or any alias, ignoring case, accents and dots).
    public func entity(named name: String) throws(StoreError) -> Entity? {
        try read { db in
            try GraphStore.entityID(named: name, in: db).map { try GraphStore.entity(id: $0, in: db) }
        }
    }

    static func entityID(named name: String, in db: Database) throws -> Int64? {
        let folded = NameFolding.fold(name)
        guard !folded.isEmpty else { return nil }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT entity FROM pins WHERE folded = ?"), arguments: [folded]) {
            return id
        }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entities WHERE slug = ?"), arguments: [name]) {
            return id
        }
        // Prefer the entity with this very name, then the one mentioned most among those with the alias.
        if let id = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.folded = ?
            ORDER BY (a.alias = e.name) DESC, e.mentions DESC LIMIT 1
            """), arguments: [folded])
        {
            return id
        }
        // A surname alone ("blinken") finds the most mentioned person of that name; then a name's
        // first word, which is the family name in "Xi Jinping" and "Kim Jong Un".
        guard !folded.utf8.contains(0x20) else { return nil }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE a.surname = ? AND e.type = \(StoreSQL.person)
            ORDER BY e.mentions DESC LIMIT 1
            """), arguments: [folded])
        {
            return id
        }
        // Folded names are lowercase words joined by single spaces, so "xi " up to "xi!" is every
        // name starting with the word "xi", found through the index.
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity
            WHERE a.folded > ? AND a.folded < ? AND e.type = \(StoreSQL.person)
            ORDER BY e.mentions DESC LIMIT 1
            """), arguments: [folded + " ", folded + "!"])
    }

    /// Names longer than this (folded) get no "did you mean" hints.
    static let longestSuggestedName = 200

    /// Names close to `name`, for "did you mean" hints.
    public func suggestions(for name: String, limit: Int = 3) throws(StoreError) -> [String] {
        let folded = NameFolding.fold(name)
        // No name is that long: what was typed is something else, and comparing it with every
        // name would take seconds.
        guard folded.unicodeScalars.count <= GraphStore.longestSuggestedName else { return [] }
        let words = folded.split(separator: " ").map(String.init).filter { $0.count >= 3 }
        return try read { db in
            var scored: [(String, Int)] = []
            let rows = try Row.fetchAll(db, sql: "SELECT e.name AS name, a.folded AS folded FROM aliases a JOIN entities e ON e.id = a.entity")
            var seen: Set<String> = []
            for row in rows {
                let candidate: String = row["folded"]
                let entityName: String = row["name"]
                // The distance is at least the difference in length: most names need no more.
                let bound = max(2, folded.count / 3)
                var score = abs(candidate.unicodeScalars.count - folded.unicodeScalars.count) > bound
                    ? bound + 1 : EditDistance.distance(candidate, folded)
                if words.contains(where: { candidate.contains($0) }) { score = min(score, 2) }
                if score <= max(2, folded.count / 3), !seen.contains(entityName) {
                    seen.insert(entityName)
                    scored.append((entityName, score))
                }
            }
            return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
        }
    }

    /// The neighbors of the entity named `name`, breadth first up to `query.depth` hops.
    public func neighbors(of name: String, query: NeighborQuery = NeighborQuery()) throws(StoreError) -> (Entity, [Neighbor])? {
        try read { db in
            guard let start = try GraphStore.entityID(named: name, in: db) else { return nil }
            let origin = try GraphStore.entity(id: start, in: db)
            var visited: Set<Int64> = [start]
            var frontier: [(Int64, String)] = [(start, origin.id)]
            var result: [Neighbor] = []
            var reported: Set<Int64> = []
            for depth in 1...max(1, query.depth) {
                var next: [(Int64, String)] = []
                for (node, nodeSlug) in frontier {
                    for edge in try GraphStore.edges(of: node, dates: query.dates, in: db) {
                        // Each edge once, and never back to where the search started.
                        guard !reported.contains(edge.relation), edge.other != start else { continue }
                        let type = edge.type
                        let direction: Neighbor.Direction = type.isSymmetric ? .both : (edge.isSource ? .outgoing : .incoming)
                        if !query.relations.isEmpty && !query.relations.contains(type) { continue }
                        if query.direction != .both && !type.isSymmetric && direction != query.direction { continue }
                        if !query.types.isEmpty && !query.types.contains(edge.entityType) { continue }
                        let entity = edge.otherEntity
                        reported.insert(edge.relation)
                        result.append(Neighbor(entity: entity, relation: type, direction: direction, weight: edge.weight,
                                               evidence: try GraphStore.firstEvidence(of: edge.relation, dates: query.dates, in: db),
                                               depth: depth, via: nodeSlug))
                        if visited.insert(edge.other).inserted {
                            next.append((edge.other, entity.id))
                        }
                    }
                }
                frontier = next
                if frontier.isEmpty { break }
            }
            return (origin, result)
        }
    }

    /// The edges at a node, heaviest first: two index lookups, one per end. With a bounded date
    /// range, only edges with evidence in it, weighed by the articles in it.
    private static func edges(of node: Int64, dates: DateRange, in db: Database) throws -> [EdgeRecord] {
        if !dates.isUnbounded {
            return try EdgeRecord.fetchAll(db.cachedStatement(sql: """
                SELECT r.id AS relation, r.type AS type, COUNT(DISTINCT v.article) AS weight, 1 AS outgoing,
                       e.id AS other, e.slug AS slug, e.name AS name, e.type AS etype, e.mentions AS mentions
                FROM relations r JOIN entities e ON e.id = r.target
                JOIN evidence v ON v.relation = r.id JOIN articles a ON a.id = v.article
                WHERE r.source = ?1 AND v.date >= ?2 AND v.date <= ?3 GROUP BY r.id
                UNION ALL
                SELECT r.id, r.type, COUNT(DISTINCT v.article), 0, e.id, e.slug, e.name, e.type, e.mentions
                FROM relations r JOIN entities e ON e.id = r.source
                JOIN evidence v ON v.relation = r.id JOIN articles a ON a.id = v.article
                WHERE r.target = ?1 AND v.date >= ?2 AND v.date <= ?3 GROUP BY r.id
                ORDER BY weight DESC, name
                """), arguments: [node, dates.lowerBound, dates.upperBound])
        }
        return try EdgeRecord.fetchAll(db.cachedStatement(sql: """
            SELECT r.id AS relation, r.type AS type, r.weight AS weight, 1 AS outgoing,
                   e.id AS other, e.slug AS slug, e.name AS name, e.type AS etype, e.mentions AS mentions
            FROM relations r JOIN entities e ON e.id = r.target WHERE r.source = ?1
            UNION ALL
            SELECT r.id, r.type, r.weight, 0, e.id, e.slug, e.name, e.type, e.mentions
            FROM relations r JOIN entities e ON e.id = r.source WHERE r.target = ?1
            ORDER BY weight DESC, name
            """), arguments: [node])
    }

    /// The edge's first stored sentence (in the date range, when it is bounded).
    private static func firstEvidence(of relation: Int64, dates: DateRange, in db: Database) throws -> Evidence? {
        let row = if dates.isUnbounded {
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT a.document AS document, v.date AS date, s.text AS sentence, v.start AS start, v."end" AS "end"
                FROM evidence v JOIN articles a ON a.id = v.article JOIN sentences s ON s.id = v.sentence
                WHERE v.relation = ? ORDER BY v.article, v.start LIMIT 1
                """), arguments: [relation])
        } else {
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT a.document AS document, v.date AS date, s.text AS sentence, v.start AS start, v."end" AS "end"
                FROM evidence v JOIN articles a ON a.id = v.article JOIN sentences s ON s.id = v.sentence
                WHERE v.relation = ? AND v.date >= ? AND v.date <= ?
                ORDER BY v.article, v.start LIMIT 1
                """), arguments: [relation, dates.lowerBound, dates.upperBound])
        }
        return row.map(EvidenceColumns.evidence)
    }

    /// The shortest chain of edges between two entities, in either direction along each edge,
    /// through at most `maximumLength` edges; nil when either name is unknown, empty steps when
    /// no chain is that short.
    public func path(from name: String, to otherName: String, relations: Set<RelationType> = [], maximumLength: Int = 6,
                     dates: DateRange = .all) throws(StoreError) -> PathResult?
    {
        try read { db in
            guard let start = try GraphStore.entityID(named: name, in: db),
                let goal = try GraphStore.entityID(named: otherName, in: db)
            else { return nil }
            let origin = try GraphStore.entity(id: start, in: db)
            let destination = try GraphStore.entity(id: goal, in: db)
            guard start != goal else { return PathResult(origin: origin, destination: destination, steps: []) }
            // Breadth first; each node remembers the edge it was reached by.
            var cameFrom: [Int64: (previous: Int64, edge: EdgeRecord)] = [:]
            var visited: Set<Int64> = [start]
            var frontier = [start]
            var length = 0
            search: while !frontier.isEmpty && length < maximumLength {
                length += 1
                var next: [Int64] = []
                for node in frontier {
                    for edge in try GraphStore.edges(of: node, dates: dates, in: db) where visited.insert(edge.other).inserted {
                        if !relations.isEmpty && !relations.contains(edge.type) {
                            visited.remove(edge.other)
                            continue
                        }
                        cameFrom[edge.other] = (node, edge)
                        if edge.other == goal { break search }
                        next.append(edge.other)
                    }
                }
                frontier = next
            }
            guard cameFrom[goal] != nil else { return PathResult(origin: origin, destination: destination, steps: []) }
            var steps: [PathStep] = []
            var node = goal
            while let (previous, edge) = cameFrom[node] {
                let type = edge.type
                let from = try GraphStore.entity(id: previous, in: db)
                let to = try GraphStore.entity(id: node, in: db)
                steps.append(PathStep(from: from, relation: type, to: to,
                                      direction: type.isSymmetric ? .both : (edge.isSource ? .outgoing : .incoming),
                                      weight: edge.weight, evidence: try GraphStore.firstEvidence(of: edge.relation, dates: dates, in: db)))
                node = previous
            }
            return PathResult(origin: origin, destination: destination, steps: steps.reversed())
        }
    }

    /// Entities, most mentioned first, optionally of some types and whose name or alias contains `matching`.
    public func entities(types: Set<EntityType> = [], matching: String? = nil) throws(StoreError) -> [Entity] {
        try read { db in
            var sql = "SELECT * FROM entities"
            var clauses: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if !types.isEmpty {
                clauses.append("type IN (\(types.map { _ in "?" }.joined(separator: ",")))")
                arguments.append(contentsOf: types.map(\.rawValue).sorted())
            }
            if let matching, !matching.isEmpty {
                // instr rather than LIKE: SQLite refuses LIKE patterns over 50,000 bytes.
                clauses.append("id IN (SELECT entity FROM aliases WHERE instr(folded, ?) > 0)")
                arguments.append(NameFolding.fold(matching))
            }
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY mentions DESC, name"
            return try EntityRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { record in
                record.entity(aliases: try GraphStore.aliases(of: record.id, in: db))
            }
        }
    }

    /// The relation types of the stored edges: the built-in ones in use, and any a user's cue
    /// file added.
    public func relationTypes() throws(StoreError) -> Set<RelationType> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT type FROM relations").map(RelationType.init(rawValue:)))
        }
    }

    public func statistics() throws(StoreError) -> StoreStatistics {
        try read { db in
            var entities: [EntityType: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, COUNT(*) AS n FROM entities GROUP BY type") {
                if let type = EntityType(rawValue: row["type"]) { entities[type] = row["n"] }
            }
            var relations: [RelationType: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, COUNT(*) AS n FROM relations GROUP BY type") {
                relations[RelationType(rawValue: row["type"])] = row["n"]
            }
            return StoreStatistics(articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                                   entities: entities, relations: relations,
                                   evidence: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0)
        }
    }

    /// The whole stored graph, with every edge's evidence. With a bounded date range: the
    /// evidence from articles published in it, the edges left with some, and the entities those
    /// articles name.
    public func graph(dates: DateRange = .all) throws(StoreError) -> Graph {
        try read { db in
            var aliasesByEntity: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity, alias FROM aliases") {
                aliasesByEntity[row["entity"], default: []].append(row["alias"])
            }
            var evidenceByRelation: [Int64: [Evidence]] = [:]
            let dateArguments: StatementArguments = dates.isUnbounded ? [] : [dates.lowerBound, dates.upperBound]
            for row in try Row.fetchAll(db, sql: """
                SELECT v.relation AS relation, a.document AS document, v.date AS date, s.text AS sentence,
                       v.start AS start, v."end" AS "end"
                FROM evidence v JOIN articles a ON a.id = v.article JOIN sentences s ON s.id = v.sentence
                \(dates.isUnbounded ? "" : "WHERE v.date >= ?1 AND v.date <= ?2") ORDER BY a.id, v.start
                """, arguments: dateArguments)
            {
                evidenceByRelation[row[EvidenceColumns.relation], default: []].append(EvidenceColumns.evidence(row))
            }
            var named: Set<Int64>?
            if !dates.isUnbounded {
                named = Set(try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT p.entity FROM appearances p JOIN articles a ON a.id = p.article
                    WHERE a.date >= ?1 AND a.date <= ?2
                    """, arguments: dateArguments))
            }
            let relationRecords = try RelationRecord.order(RelationRecord.Columns.id).fetchAll(db).filter { relation in
                dates.isUnbounded || evidenceByRelation[relation.id] != nil
            }
            if named != nil {
                for relation in relationRecords {
                    named?.insert(relation.source)
                    named?.insert(relation.target)
                }
            }
            var slugs: [Int64: String] = [:]
            var entities: [Entity] = []
            for record in try EntityRecord.order(EntityRecord.Columns.id).fetchAll(db) {
                slugs[record.id] = record.slug
                if let named, !named.contains(record.id) { continue }
                entities.append(record.entity(aliases: aliasesByEntity[record.id] ?? []))
            }
            var relations: [Relation] = []
            for relation in relationRecords {
                guard let source = slugs[relation.source], let target = slugs[relation.target] else { continue }
                relations.append(Relation(source: source, type: relation.type, target: target,
                                          evidence: evidenceByRelation[relation.id] ?? []))
            }
            return Graph(entities: entities, relations: relations)
        }
    }
}

enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
