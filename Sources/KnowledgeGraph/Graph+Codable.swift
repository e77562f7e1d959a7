/// The JSON shape of the graph (the Getting Started article of the NewsGraph documentation): `{"entities": [...], "relations": [...]}`.
extension Graph: Codable {
    private enum CodingKeys: String, CodingKey {
        case entities
        case relations
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let entities = try container.decode([Entity].self, forKey: .entities)
        let relations = try container.decode([Relation].self, forKey: .relations)
        let ids = Set(entities.map(\.id))
        for relation in relations where !ids.contains(relation.source) || !ids.contains(relation.target) {
            throw DecodingError.dataCorruptedError(
                forKey: .relations, in: container,
                debugDescription: "relation \(relation.source) -> \(relation.target) names an unknown entity")
        }
        self.init(entities: entities, relations: relations)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entities, forKey: .entities)
        try container.encode(relations, forKey: .relations)
    }
}
