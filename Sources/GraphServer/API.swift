import Foundation
import NewsGraph

/// The JSON API's answers, as bytes; `Resources/openapi.json` describes each one.
struct API {
    let store: GraphStore

    /// At most this many search results: enough for a suggestion list.
    static let searchLimit = 20
    /// At most this many sentences per edge in a neighbourhood or path.
    static let evidenceLimit = 50
    /// The longest chain a path query looks for, in edges (as `newsgraph path` does by default).
    static let longestPath = 6

    struct SearchResults: Encodable {
        struct Result: Encodable {
            var id: String
            var name: String
            var type: String
            var mentions: Int
        }
        var results: [Result]
    }

    /// `GET /api/search?q=`: entities whose name or an alias contains the text, most mentioned
    /// first. Text with no letter or digit matches nothing (rather than everything).
    func search(_ parameters: QueryParameters) throws -> [UInt8] {
        let text = try parameters.required("q")
        let results = try API.search(text, in: store).map {
            SearchResults.Result(id: $0.id, name: $0.name, type: $0.type.rawValue, mentions: $0.mentions)
        }
        return try API.encode(SearchResults(results: results))
    }

    static func search(_ text: String, in store: GraphStore) throws -> [Entity] {
        guard !NameFolding.fold(text).isEmpty else { return [] }
        return Array(try store.entities(matching: text).prefix(searchLimit))
    }

    struct EntityAnswer: Encodable {
        struct Source: Encodable {
            var name: String
            var articles: Int
        }
        var id: String
        var name: String
        var type: String
        var mentions: Int
        var aliases: [String]
        /// The names articles used for the entity, with how many articles used each.
        var sources: [Source]
        /// The articles that name it, newest first.
        var articles: [Article]

        struct Article: Encodable {
            var document: String
            var title: String
            var date: String?
            var url: String?
            var mentions: Int
        }
    }

    /// At most this many articles per entity.
    static let articleLimit = 50

    /// `GET /api/entities/{id}`.
    func entity(id: String) throws -> [UInt8] {
        let entity = try API.requireEntity(id, in: store)
        let sources = try store.sources(of: entity.id).map { EntityAnswer.Source(name: $0.name, articles: $0.articles) }
        let articles = try store.articles(naming: entity.id, limit: API.articleLimit).map {
            EntityAnswer.Article(document: $0.document, title: $0.title, date: $0.date, url: $0.url, mentions: $0.mentions)
        }
        return try API.encode(
            EntityAnswer(
                id: entity.id, name: entity.name, type: entity.type.rawValue, mentions: entity.mentions, aliases: entity.aliases,
                sources: sources, articles: articles))
    }

    /// `GET /api/entities/{id}/neighbors`: the neighbourhood in the graph JSON, every edge with
    /// its sentences (up to `evidenceLimit`) from the filters' date range.
    func neighbors(id: String, _ parameters: QueryParameters) throws -> [UInt8] {
        let entity = try API.requireEntity(id, in: store)
        let filters = try NeighborhoodFilters(parameters, knownRelations: try API.knownRelations(in: store))
        let graph = try API.neighborhood(of: entity, filters: filters, in: store)
        return JSONWriter.bytes(of: try API.withEvidence(graph, dates: filters.dates, limit: API.evidenceLimit, in: store))
    }

    static func neighborhood(of entity: Entity, filters: NeighborhoodFilters, in store: GraphStore) throws -> Graph {
        guard !filters.holdsNoDay else { return Graph(entities: [entity], relations: []) }
        guard let (origin, neighbors) = try store.neighbors(of: entity.id, query: filters.query) else {
            return Graph(entities: [entity], relations: [])
        }
        return Graph(neighborhoodOf: origin, neighbors: neighbors)
    }

    /// `GET /api/path?from=&to=`: the shortest chain as a graph; when there is none, the two
    /// entities and no relation.
    func path(_ parameters: QueryParameters) throws -> [UInt8] {
        let from = try API.requireEntity(try parameters.required("from"), in: store)
        let to = try API.requireEntity(try parameters.required("to"), in: store)
        let relations = try NeighborhoodFilters.relationTypes(try parameters.all("relation"), known: try API.knownRelations(in: store))
        let dates = try NeighborhoodFilters.dateRange(since: try parameters.single("since"), until: try parameters.single("until"))
        guard let dates else { return JSONWriter.bytes(of: Graph(entities: from == to ? [from] : [from, to], relations: [])) }
        let graph = try API.pathGraph(from: from, to: to, relations: relations, dates: dates, in: store)
        return JSONWriter.bytes(of: try API.withEvidence(graph, dates: dates, limit: API.evidenceLimit, in: store))
    }

    static func pathGraph(from: Entity, to: Entity, relations: Set<RelationType>, dates: DateRange, in store: GraphStore) throws -> Graph {
        let found = try store.path(from: from.id, to: to.id, relations: relations, maximumLength: longestPath, dates: dates)
        guard let found, !found.steps.isEmpty else { return Graph(entities: from == to ? [from] : [from, to], relations: []) }
        return Graph(path: found)
    }

    struct StatisticsAnswer: Encodable {
        var articles: Int
        var entities: Int
        var relations: Int
        var evidence: Int
        var entityTypes: [String: Int]
        var relationTypes: [String: Int]

        enum CodingKeys: String, CodingKey {
            case articles, entities, relations, evidence
            case entityTypes = "entity_types"
            case relationTypes = "relation_types"
        }
    }

    /// `GET /api/stats`.
    func statistics() throws -> [UInt8] {
        let statistics = try store.statistics()
        var entityTypes: [String: Int] = [:]
        for type in EntityType.allCases { entityTypes[type.rawValue] = statistics.entities[type] ?? 0 }
        return try API.encode(
            StatisticsAnswer(
                articles: statistics.articles, entities: statistics.entities.values.reduce(0, +),
                relations: statistics.relations.values.reduce(0, +), evidence: statistics.evidence, entityTypes: entityTypes,
                relationTypes: Dictionary(uniqueKeysWithValues: statistics.relations.map { ($0.key.rawValue, $0.value) })))
    }

    // MARK: - Shared by the API and the pages

    /// The entity with this id, or a 404.
    static func requireEntity(_ id: String, in store: GraphStore) throws -> Entity {
        guard let entity = try store.entity(withID: id) else {
            throw RequestError.notFound("no entity with id '\(abbreviated(id))'")
        }
        return entity
    }

    /// The relation types a filter may name: the built-in ones and any in the store (a user's
    /// cue file may add some).
    static func knownRelations(in store: GraphStore) throws -> Set<RelationType> {
        Set(RelationType.builtIn).union(try store.relationTypes())
    }

    /// The graph with each edge's sentences from the store (the walks keep one per edge).
    static func withEvidence(_ graph: Graph, dates: DateRange, limit: Int, in store: GraphStore) throws -> Graph {
        let relations = try graph.relations.map { relation in
            var full = relation
            let found = try store.evidence(from: relation.source, relation.type, to: relation.target, dates: dates, limit: limit)
            if !found.isEmpty { full.evidence = found.map(\.evidence) }
            return full
        }
        return Graph(entities: graph.entities, relations: relations)
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try JSONEncoder.api.encode(value)) + [0x0A]
    }
}
