import GRDB
import KnowledgeGraph

/// One dated sentence that relates two entities.
public struct TimelineEntry: Sendable, Hashable {
    /// The publication day of the sentence's article, as YYYY-MM-DD.
    public var date: String
    public var source: Entity
    public var relation: RelationType
    public var target: Entity
    public var evidence: Evidence
}

/// What the store says about two entities over time: every dated sentence relating them,
/// oldest first.
public struct Timeline: Sendable, Hashable {
    public var first: Entity
    public var second: Entity
    public var entries: [TimelineEntry]
    /// Sentences relating them in articles without a date, which have no place in the timeline.
    public var undated: Int
}

extension GraphStore {
    /// The dated evidence of every edge between the entities named `name` and `otherName`, in
    /// either direction, oldest first (then in article and sentence order); nil when either name
    /// is unknown.
    public func timeline(between name: String, and otherName: String, relations: Set<RelationType> = [],
                         dates: DateRange = .all) throws(StoreError) -> Timeline?
    {
        try read { db in
            guard let firstID = try GraphStore.entityID(named: name, in: db),
                let secondID = try GraphStore.entityID(named: otherName, in: db)
            else { return nil }
            let first = try GraphStore.entity(id: firstID, in: db)
            let second = try GraphStore.entity(id: secondID, in: db)
            var entries: [TimelineEntry] = []
            var undated = 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.source AS source, r.type AS type, a.document AS document, v.date AS date,
                       s.text AS sentence, v.start AS start, v."end" AS "end"
                FROM relations r JOIN evidence v ON v.relation = r.id JOIN articles a ON a.id = v.article
                JOIN sentences s ON s.id = v.sentence
                WHERE (r.source = ?1 AND r.target = ?2) OR (r.source = ?2 AND r.target = ?1)
                ORDER BY v.date, a.id, v.start
                """, arguments: [firstID, secondID])
            for row in rows {
                let type = RelationType(rawValue: row[EvidenceColumns.type])
                if !relations.isEmpty && !relations.contains(type) { continue }
                guard let date: String = row[EvidenceColumns.date] else {
                    undated += 1
                    continue
                }
                guard dates.contains(date) else { continue }
                let forward = (row[EvidenceColumns.source] as Int64) == firstID
                entries.append(TimelineEntry(date: date, source: forward ? first : second, relation: type,
                                             target: forward ? second : first, evidence: EvidenceColumns.evidence(row)))
            }
            return Timeline(first: first, second: second, entries: entries, undated: undated)
        }
    }
}
