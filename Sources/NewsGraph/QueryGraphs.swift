/// The answers of the store's walks (neighbors, path) as graphs, so they export like any other.
extension Graph {
    /// The entities a neighbors query reached from `origin`, and the edge each was reached by,
    /// pointing the way the stored edge points.
    public init(neighborhoodOf origin: Entity, neighbors: [Neighbor]) {
        self.init()
        add(origin)
        for neighbor in neighbors {
            add(neighbor.entity)
            if entity(withID: neighbor.via) == nil { continue }
            addEdge(
                from: neighbor.via, neighbor.relation, to: neighbor.entity.id, reversed: neighbor.direction == .incoming,
                evidence: neighbor.evidence)
        }
    }

    /// A chain of relations from its origin to its destination, each edge pointing the way the
    /// stored edge points.
    public init(path: PathResult) {
        self.init()
        add(path.origin)
        for step in path.steps {
            add(step.to)
            addEdge(
                from: step.from.id, step.relation, to: step.to.id, reversed: step.direction == .incoming,
                evidence: step.evidence)
        }
    }
}
