/// Which part of a graph to keep: entity types, relation types and a minimum weight.
///
/// An empty set keeps every type. When the filter drops edges (by relation type or weight),
/// entities left without any edge are dropped too, so a filtered export shows no loose nodes
/// that only the dropped edges explained.
public struct GraphFilter: Hashable, Sendable {
    /// Keep only entities of these types; empty: all of them.
    public var types: Set<EntityType>
    /// Keep only relations of these types; empty: all of them.
    public var relations: Set<RelationType>
    /// Keep only edges stated in at least this many documents (``Relation/weight``).
    public var minimumWeight: Int

    public init(types: Set<EntityType> = [], relations: Set<RelationType> = [], minimumWeight: Int = 1) {
        self.types = types
        self.relations = relations
        self.minimumWeight = minimumWeight
    }

    /// Whether the filter keeps everything.
    package var keepsAll: Bool { types.isEmpty && relations.isEmpty && minimumWeight <= 1 }
}

extension Graph {
    /// The graph with `filter` applied.
    public func filtered(by filter: GraphFilter) -> Graph {
        var filtered = self.filtered(
            entities: { filter.types.isEmpty || filter.types.contains($0.type) },
            relations: { relation in
                (filter.relations.isEmpty || filter.relations.contains(relation.type))
                    && relation.weight >= filter.minimumWeight
            })
        if !filter.relations.isEmpty || filter.minimumWeight > 1 {
            // Drop entities left without any edge by an edge filter.
            let linked = Set(filtered.relations.flatMap { [$0.source, $0.target] })
            filtered = filtered.filtered(entities: { linked.contains($0.id) })
        }
        return filtered
    }
}
