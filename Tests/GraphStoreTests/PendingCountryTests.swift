import Foundation
import GraphStore
import KnowledgeGraph
import Testing

/// The writer reads a body's countries from the batch's pending affiliations rather than writing
/// every pending row first (`BatchCache.storedCountries`). These build the same invented articles
/// into a store that writes first (`flushesBeforeCountryReads(true)`, the reference) and one that
/// reads in place, one article at a time, in one batch, in batches of two and reversed, and
/// compare the graphs.
@Suite("Countries read from pending rows decide as written rows do")
struct PendingCountryTests {
    /// Adds `batches` to a new store and returns its graph.
    static func graph(after batches: [[ArticleGraph]], flushing: Bool) throws -> Graph {
        let temporary = try TemporaryStore()
        temporary.store.flushesBeforeCountryReads(flushing)
        for batch in batches { try temporary.store.add(batch) }
        return try temporary.store.graph()
    }

    /// An article of `entities` (name and type) whose ties are `ties` (source name, relation,
    /// target name), each stated by a sentence of its own.
    static func article(_ document: String, _ entities: [(String, EntityType)], _ ties: [(String, RelationType, String)])
        -> ArticleGraph
    {
        var aliases: [String: [String]] = [:]
        for (name, type) in entities where type == .person {
            if let last = name.split(separator: " ").last, last != Substring(name) { aliases[name] = [String(last)] }
        }
        let graphEntities = entities.map { Entity(name: $0.0, type: $0.1, aliases: aliases[$0.0] ?? []) }
        var relations: [Relation] = []
        for (index, (source, type, target)) in ties.enumerated() {
            let sentence = "\(source) \(type.rawValue) \(target) (\(document))."
            relations.append(
                Relation(
                    source: Entity.slug(for: source), type: type, target: Entity.slug(for: target),
                    evidence: [evidence(document, sentence, at: index * 100)]))
        }
        return ArticleGraph(Graph(entities: graphEntities, relations: relations), article: record(document))
    }

    /// Agencies tied to a country through a body in one article ("Cyber Command", part of a
    /// ministry of Japan), met again tied to another country or to none; and people whose surname
    /// alone comes after a body's countries were read.
    static let articles: [ArticleGraph] = [
        article(
            "cyber-1", [("Cyber Command", .agency), ("Defense Ministry", .agency), ("Japan", .country)],
            [("Cyber Command", .affiliatedWith, "Defense Ministry"), ("Defense Ministry", .affiliatedWith, "Japan")]),
        article(
            "cyber-2", [("Cyber Command", .agency), ("South Korea", .country)],
            [("Cyber Command", .affiliatedWith, "South Korea")]),
        article(
            "sato-1", [("Kenji Sato", .person), ("Japan", .country), ("Coast Guard", .agency)],
            [("Kenji Sato", .affiliatedWith, "Japan"), ("Coast Guard", .affiliatedWith, "Japan")]),
        article(
            "cyber-3",
            [
                ("Cyber Command", .agency), ("Defense Ministry", .agency), ("South Korea", .country),
                ("Sato", .person),
            ],
            [
                ("Cyber Command", .affiliatedWith, "Defense Ministry"), ("Defense Ministry", .affiliatedWith, "South Korea"),
                ("Sato", .affiliatedWith, "South Korea"),
            ]),
        article(
            "sato-2", [("Min Sato", .person), ("South Korea", .country), ("Coast Guard", .agency)],
            [("Min Sato", .affiliatedWith, "South Korea"), ("Coast Guard", .affiliatedWith, "South Korea")]),
        article(
            "cyber-4", [("Cyber Command", .agency), ("Sato", .person), ("Japan", .country)],
            [("Sato", .affiliatedWith, "Japan"), ("Sato", .criticized, "Cyber Command")]),
        article(
            "guard-1", [("Coast Guard", .agency), ("Sato", .person)],
            [("Sato", .affiliatedWith, "Coast Guard")]),
    ]

    @Test("Agencies tied through a body, surnames after a read of countries: the same graph in any batching and order")
    func sameGraph() throws {
        let forward = Self.articles
        let backward = Array(forward.reversed())
        var orders: [[[ArticleGraph]]] = []
        for articles in [forward, backward] {
            orders.append(articles.map { [$0] })
            orders.append([articles])
            orders.append(stride(from: 0, to: articles.count, by: 2).map { Array(articles[$0..<min($0 + 2, articles.count)]) })
        }
        for batches in orders {
            let reference = try Self.graph(after: batches, flushing: true)
            let inPlace = try Self.graph(after: batches, flushing: false)
            #expect(inPlace == reference, "\(batches.map { $0.map(\.article.document) })")
        }
    }

    @Test("A body's countries through a body of one article keep two agencies apart within one batch (control)")
    func tiesThroughABodyCount() throws {
        let batch = [Self.articles[0], Self.articles[1]]
        for flushing in [true, false] {
            let graph = try Self.graph(after: [batch], flushing: flushing)
            #expect(graph.entities.filter { $0.name == "Cyber Command" }.count == 2, "flushing: \(flushing)")
        }
    }
}
