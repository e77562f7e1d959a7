import GRDB
import KnowledgeGraph

// The rows the store reads back, as GRDB records whose columns are named once. The schema that
// makes these tables is in GraphStore+Schema.swift.

/// A row of `entities`.
struct EntityRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "entities"

    enum Columns {
        static let id = Column("id")
        static let slug = Column("slug")
        static let name = Column("name")
        static let type = Column("type")
        static let mentions = Column("mentions")
    }

    var id: Int64
    var slug: String
    var name: String
    var type: String
    var mentions: Int

    init(row: Row) {
        id = row[Columns.id]
        slug = row[Columns.slug]
        name = row[Columns.name]
        type = row[Columns.type]
        mentions = row[Columns.mentions]
    }

    /// The entity, with the aliases besides its name, sorted. A type this release does not know
    /// reads as an organization.
    func entity(aliases: [String]) -> Entity {
        Entity(
            id: slug, name: name, type: EntityType(rawValue: type) ?? .organization,
            aliases: aliases.filter { $0 != name }.sorted(), mentions: mentions)
    }
}

/// A row of `relations`.
struct RelationRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "relations"

    enum Columns {
        static let id = Column("id")
        static let source = Column("source")
        static let type = Column("type")
        static let target = Column("target")
        static let weight = Column("weight")
    }

    var id: Int64
    var source: Int64
    var type: RelationType
    var target: Int64

    init(row: Row) {
        id = row[Columns.id]
        source = row[Columns.source]
        type = RelationType(rawValue: row[Columns.type])
        target = row[Columns.target]
    }
}

/// A piece of evidence as the store's queries select it, joined with its article and sentence:
/// `document`, `sentence`, `start`, `end` and `date`, and, where a query needs them, the edge's
/// `relation`, `source` and `type`.
enum EvidenceColumns {
    static let relation = Column("relation")
    static let source = Column("source")
    static let type = Column("type")
    static let document = Column("document")
    static let sentence = Column("sentence")
    static let start = Column("start")
    static let end = Column("end")
    static let date = Column("date")

    static func evidence(_ row: Row) -> Evidence {
        Evidence(document: row[document], sentence: row[sentence], start: row[start], end: row[end], date: row[date])
    }
}

/// An edge at a node, as the neighbor queries select it: the edge, its weight, and the entity
/// at its other end.
struct EdgeRecord: FetchableRecord {
    enum Columns {
        static let relation = Column("relation")
        static let type = Column("type")
        static let weight = Column("weight")
        static let outgoing = Column("outgoing")
        static let other = Column("other")
        static let slug = Column("slug")
        static let name = Column("name")
        static let entityType = Column("etype")
        static let mentions = Column("mentions")
    }

    var relation: Int64
    var type: RelationType
    var weight: Int
    /// Whether the node is the edge's source.
    var isSource: Bool
    var other: Int64
    var slug: String
    var name: String
    var entityType: EntityType
    var mentions: Int

    init(row: Row) {
        relation = row[Columns.relation]
        type = RelationType(rawValue: row[Columns.type])
        weight = row[Columns.weight]
        isSource = row[Columns.outgoing] == 1
        other = row[Columns.other]
        slug = row[Columns.slug]
        name = row[Columns.name]
        entityType = EntityType(rawValue: row[Columns.entityType]) ?? .organization
        mentions = row[Columns.mentions]
    }

    /// The entity at the other end, without its aliases.
    var otherEntity: Entity { Entity(id: slug, name: name, type: entityType, mentions: mentions) }
}

/// A row of `corrections`.
struct CorrectionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "corrections"

    enum Columns {
        static let id = Column("id")
        static let action = Column("action")
        static let detail = Column("detail")
        static let made = Column("made")
    }

    var correction: Correction

    init(row: Row) {
        correction = Correction(action: row[Columns.action], detail: row[Columns.detail], made: row[Columns.made])
    }
}

/// SQL literals for the relation and entity types the store's identity queries name: an entity's
/// countries are those it is tied to by `RelationType.affiliatedWith`, straight or through a body.
enum StoreSQL {
    /// `'affiliated_with'`
    static let affiliation = quoted(RelationType.affiliatedWith.rawValue)
    /// `'country'`
    static let country = quoted(EntityType.country.rawValue)
    /// `'person'`
    static let person = quoted(EntityType.person.rawValue)

    /// `text` as an SQL string literal.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
