import GRDB
import KnowledgeGraph

/// A sentence that states an edge, with the title and address of its article: what a reader
/// looking at the edge wants beside the sentence.
public struct SourcedEvidence: Sendable, Hashable {
    public var evidence: Evidence
    /// The article's title (its first line, or the title its JSON Lines record gave).
    public var title: String
    public var url: String?
}

/// An article that names an entity: where a reader can check what the graph says of it.
public struct NamingArticle: Sendable, Hashable {
    public var document: String
    public var title: String
    /// The publication day, as YYYY-MM-DD, when known.
    public var date: String?
    public var url: String?
    /// How many times the article names the entity.
    public var mentions: Int
}

/// An entity and how many edges it has, for a "most connected" list.
public struct ConnectedEntity: Sendable, Hashable {
    public var entity: Entity
    /// Stored edges at the entity, in either direction.
    public var degree: Int
}

/// Queries for browsing a store by entity id (the slug of the JSON export), as `newsgraph serve`
/// does: an id names one entity exactly, where the name lookups of the other queries also take
/// aliases and surnames.
extension GraphStore {
    /// The entity whose id is exactly `id`; nil for any other text, a name or an alias included.
    public func entity(withID id: String) throws(StoreError) -> Entity? {
        try read { db in
            guard let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entities WHERE slug = ?"), arguments: [id])
            else { return nil }
            return try GraphStore.entity(id: key, in: db)
        }
    }

    /// The entities with the most edges, most first (then by mentions and name).
    public func mostConnected(limit: Int) throws(StoreError) -> [ConnectedEntity] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT node, COUNT(*) AS degree FROM (SELECT source AS node FROM relations UNION ALL SELECT target FROM relations)
                    GROUP BY node ORDER BY degree DESC LIMIT ?
                    """, arguments: [max(0, limit)])
            let connected = try rows.map { row in
                ConnectedEntity(entity: try GraphStore.entity(id: row["node"], in: db), degree: row["degree"])
            }
            return connected.sorted {
                ($0.degree, $0.entity.mentions, $1.entity.name) > ($1.degree, $1.entity.mentions, $0.entity.name)
            }
        }
    }

    /// The sentences that state the edge `source` → `target` of this type (entity ids), oldest
    /// article first, at most `limit`; a symmetric relation's edge is found in either direction.
    /// With a bounded date range, only sentences from articles published in it.
    public func evidence(from source: String, _ type: RelationType, to target: String, dates: DateRange = .all, limit: Int = 20)
        throws(StoreError) -> [SourcedEvidence]
    {
        try read { db in
            let ends =
                type.isSymmetric ? "((es.slug = ?1 AND et.slug = ?2) OR (es.slug = ?2 AND et.slug = ?1))" : "es.slug = ?1 AND et.slug = ?2"
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT a.document AS document, v.date AS date, s.text AS sentence, v.start AS start, v."end" AS "end",
                               a.title AS title, a.url AS url
                        FROM relations r JOIN entities es ON es.id = r.source JOIN entities et ON et.id = r.target
                        JOIN evidence v ON v.relation = r.id JOIN articles a ON a.id = v.article JOIN sentences s ON s.id = v.sentence
                        WHERE \(ends) AND r.type = ?3 AND (?4 IS NULL OR (v.date >= ?4 AND v.date <= ?5))
                        ORDER BY v.date IS NULL, v.date, a.id, v.start LIMIT ?6
                        """),
                arguments: [
                    source, target, type.rawValue, dates.isUnbounded ? nil : dates.lowerBound, dates.upperBound, max(0, limit),
                ])
            return rows.map { row in
                SourcedEvidence(evidence: EvidenceColumns.evidence(row), title: row["title"], url: row["url"])
            }
        }
    }

    /// The articles that name the entity with this id, newest first (undated ones last), at most
    /// `limit`.
    public func articles(naming id: String, limit: Int = 50) throws(StoreError) -> [NamingArticle] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.document AS document, a.title AS title, a.date AS date, a.url AS url, SUM(p.mentions) AS mentions
                    FROM appearances p JOIN articles a ON a.id = p.article JOIN entities e ON e.id = p.entity
                    WHERE e.slug = ? GROUP BY a.id ORDER BY a.date IS NULL, a.date DESC, a.id LIMIT ?
                    """, arguments: [id, max(0, limit)]
            ).map { row in
                NamingArticle(document: row["document"], title: row["title"], date: row["date"], url: row["url"], mentions: row["mentions"])
            }
        }
    }
}
