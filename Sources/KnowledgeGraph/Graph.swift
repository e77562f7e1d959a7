/// A set of entities and the relations between them.
///
/// Entities are keyed by `id`; relations by source, type and target, with their evidence merged.
public struct Graph: Hashable, Sendable {
    public private(set) var entities: [Entity] = []
    public private(set) var relations: [Relation] = []
    private var entityIndex: [String: Int] = [:]
    private var relationIndex: [Relation.Key: Int] = [:]

    /// An empty graph.
    public init() {}

    /// The graph of these entities and relations, merged as `add(_:)` merges them. Every
    /// relation's endpoints must be among the entities.
    public init(entities: [Entity], relations: [Relation]) {
        self.init(entities: entities, relations: relations, endpointsKnown: false)
    }

    /// For builders that make every relation from the entities they pass (the relation
    /// extractor): the endpoint check, two lookups per relation, is skipped.
    package init(entities: [Entity], relationsBetweenThem relations: [Relation]) {
        self.init(entities: entities, relations: relations, endpointsKnown: true)
    }

    private init(entities: [Entity], relations: [Relation], endpointsKnown: Bool) {
        // Extraction hands over distinct ids: then the entities are taken whole and only indexed.
        // A repeated id falls back to merging entity by entity.
        entityIndex.reserveCapacity(entities.count)
        if Graph.index(entities, into: &entityIndex) {
            self.entities = entities
        } else {
            entityIndex.removeAll(keepingCapacity: true)
            self.entities.reserveCapacity(entities.count)
            for entity in entities { add(entity) }
        }
        self.relations.reserveCapacity(relations.count)
        relationIndex.reserveCapacity(relations.count)
        for relation in relations {
            if !endpointsKnown { checkEndpoints(of: relation) }
            merge(relation)
        }
    }

    /// Indexes entities by id; false at the first repeated id.
    private static func index(_ entities: [Entity], into index: inout [String: Int]) -> Bool {
        for position in entities.indices where index.updateValue(position, forKey: entities[position].id) != nil {
            return false
        }
        return true
    }

    /// The entity with this id, or nil when the graph has none.
    public func entity(withID id: String) -> Entity? {
        entityIndex[id].map { entities[$0] }
    }

    /// Adds an entity, or folds its aliases and mentions into the one with the same id.
    public mutating func add(_ entity: Entity) {
        // One hash for a new id, the common case: insert first, and restore on a clash.
        if let index = entityIndex.updateValue(entities.count, forKey: entity.id) {
            entityIndex[entity.id] = index
            absorb(entity, at: index)
        } else {
            entities.append(entity)
        }
    }

    /// Folds an entity's aliases and mentions into the one at `index`, which has its id.
    private mutating func absorb(_ entity: Entity, at index: Int) {
        var existing = entities[index]
        // An entity met again under names already known (the common case when many
        // articles are joined) only adds its mentions, when the known aliases are already
        // in the order and form the full merge below would leave them in.
        if existing.isKnown(by: entity), existing.hasNormalAliases {
            entities[index].mentions += entity.mentions
            return
        }
        var names = Set(existing.aliases).union(entity.aliases)
        if entity.name != existing.name { names.insert(entity.name) }
        names.remove(existing.name)
        existing.aliases = names.sorted()
        existing.mentions += entity.mentions
        entities[index] = existing
    }

    /// Adds a relation, or appends its new evidence to the existing edge.
    /// Both endpoints must already be in the graph.
    public mutating func add(_ relation: Relation) {
        checkEndpoints(of: relation)
        merge(relation)
    }

    /// Adds an edge a query walked from `near` to `far`, pointing the way the stored edge points:
    /// `far → near` when `reversed` (the walk went against the edge's direction), `near → far`
    /// otherwise. Both entities must already be in the graph.
    package mutating func addEdge(from near: String, _ relation: RelationType, to far: String, reversed: Bool,
                                 evidence: Evidence?)
    {
        let (source, target) = reversed ? (far, near) : (near, far)
        add(Relation(source: source, type: relation, target: target, evidence: evidence.map { [$0] } ?? []))
    }

    private func checkEndpoints(of relation: Relation) {
        precondition(entityIndex[relation.source] != nil && entityIndex[relation.target] != nil,
                     "relation endpoint missing from graph")
    }

    /// Adds a relation whose endpoints are in the graph, or appends its new evidence to the
    /// existing edge.
    private mutating func merge(_ relation: Relation) {
        let key = relation.key
        if let existing = relationIndex.updateValue(relations.count, forKey: key) {
            relationIndex[key] = existing
            merge(relation, at: existing)
        } else {
            merge(relation, at: nil)
        }
    }

    /// Appends the relation's new evidence to the edge at `index`, or, with no index, adds the
    /// relation as a new edge (already entered in the index).
    private mutating func merge(_ relation: Relation, at existing: Int?) {
        let index: Int
        let evidenceList = relation.evidence
        if let existing {
            index = existing
        } else {
            index = relations.count
            // A new edge with at most one piece of evidence has nothing to merge: it moves in whole.
            if evidenceList.count <= 1 {
                relations.append(relation)
                return
            }
            var empty = relation
            empty.evidence = []
            relations.append(empty)
        }
        for evidence in evidenceList where !relations[index].evidence.contains(where: { $0.isSamePlace(as: evidence) }) {
            relations[index].evidence.append(evidence)
        }
    }

    /// Makes room in the indexes for `entities` more entities and `relations` more relations, as
    /// a union of a batch of graphs knows before it begins: they are not rehashed as they grow.
    /// (A dictionary's room comes in powers of two, so reserving batch after batch still grows
    /// it geometrically; the arrays grow as they do.)
    package mutating func reserveCapacity(entities: Int, relations: Int) {
        entityIndex.reserveCapacity(self.entities.count + entities)
        relationIndex.reserveCapacity(self.relations.count + relations)
    }

    /// Merges another graph into this one.
    public mutating func formUnion(_ other: Graph) {
        // Joining many articles' graphs meets the same entities and edges again and again: each
        // is looked up once, and the other graph's edges need no endpoint check (they join its
        // own entities, all added first).
        for entity in other.entities {
            if let index = entityIndex[entity.id] {
                absorb(entity, at: index)
            } else {
                entityIndex[entity.id] = entities.count
                entities.append(entity)
            }
        }
        for relation in other.relations {
            let key = relation.key
            if let index = relationIndex[key] {
                merge(relation, at: index)
            } else {
                relationIndex[key] = relations.count
                merge(relation, at: nil)
            }
        }
    }

    /// The graph with only the entities that pass `isIncluded` and the relations between them.
    public func filtered(entities isIncluded: (Entity) -> Bool, relations keepRelation: (Relation) -> Bool = { _ in true }) -> Graph {
        let kept = entities.filter(isIncluded)
        let ids = Set(kept.map(\.id))
        let edges = relations.filter { ids.contains($0.source) && ids.contains($0.target) && keepRelation($0) }
        return Graph(entities: kept, relations: edges)
    }

    /// The graph with every piece of evidence dated `date` (the publication day of the one
    /// document it was extracted from).
    package func dated(_ date: String?) -> Graph {
        var copy = self
        copy.date(date)
        return copy
    }

    /// Dates every piece of evidence `date`, in place: a graph just extracted is not copied.
    package mutating func date(_ date: String?) {
        guard let date else { return }
        for index in relations.indices {
            for evidenceIndex in relations[index].evidence.indices {
                relations[index].evidence[evidenceIndex].date = date
            }
        }
    }

    /// Number of relations touching each entity.
    package func degrees() -> [String: Int] {
        var degree: [String: Int] = [:]
        for relation in relations {
            degree[relation.source, default: 0] += 1
            degree[relation.target, default: 0] += 1
        }
        return degree
    }

    /// Verifies the indexes agree with the arrays; used by tests.
    package func checkInvariants() -> Bool {
        guard entityIndex.count == entities.count, relationIndex.count == relations.count else { return false }
        for (index, entity) in entities.enumerated() where entityIndex[entity.id] != index { return false }
        for (index, relation) in relations.enumerated() {
            if relationIndex[relation.key] != index { return false }
            if entityIndex[relation.source] == nil || entityIndex[relation.target] == nil { return false }
        }
        return true
    }
}

extension Entity {
    /// Whether every name of `other` is this entity's name or one of its aliases.
    fileprivate func isKnown(by other: Entity) -> Bool {
        func known(_ name: String) -> Bool { name == self.name || aliases.contains(name) }
        return known(other.name) && other.aliases.allSatisfy(known)
    }

    /// Whether the aliases are sorted, distinct, and without the name.
    fileprivate var hasNormalAliases: Bool {
        !aliases.contains(name) && zip(aliases, aliases.dropFirst()).allSatisfy { $0 < $1 }
    }
}
