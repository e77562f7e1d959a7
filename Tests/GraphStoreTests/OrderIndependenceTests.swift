import Foundation
import GraphStore
import KnowledgeGraph
import NewsGraph
import Testing
import TestSupport

/// The same articles, added in any order and any batching, make the same graph (issue 17, item 7).
///
/// The articles are small invented news stories, written here, that share people, bodies and
/// countries the way news does: full names and surnames, a ministry named with and without its
/// country, two countries' ministries of one name, an official called by title, two people of one
/// surname and the surname alone, a meeting of two people first named apart. Each is extracted
/// once; the property is about the store.
@Suite("The stored graph does not depend on the order or batching of its articles")
struct OrderIndependenceTests {
    static let texts: [(document: String, text: String)] = [
        ("lin-jian", "Foreign Ministry spokesperson Lin Jian criticized the sanctions on Monday. Lin said China would respond."),
        ("tokyo-seoul", """
            The ministers met at Japan's Foreign Ministry in Tokyo. Lee Soo-jin, an official at South Korea's Foreign Ministry, \
            attended.
            """),
        ("blinken-wang", """
            Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. \
            Blinken criticized China's support for Russia's war.
            """),
        ("treasury", """
            The U.S. Treasury Department sanctioned three Iranian officials on Wednesday. Treasury Secretary Janet Yellen \
            said the officials had helped Iran's drone program.
            """),
        ("yellen-he", "Yellen met Chinese Vice Premier He Lifeng in Washington. He Lifeng criticized the U.S. tariffs."),
        ("lavrov", """
            Russian Foreign Minister Sergei Lavrov criticized NATO on Thursday. Lavrov later met Wang Yi in Moscow, \
            Russia's Foreign Ministry said.
            """),
        // Two people of one surname, and the surname alone with a country: whichever Okafor is
        // stored when the surname arrives must not decide where it goes.
        ("maria-okafor", "Senator Maria Okafor criticized Chad on Monday."),
        ("tunde-okafor", "Senator Tunde Okafor criticized Mali on Tuesday."),
        ("okafor", "Nigeria's envoy Okafor criticized the vote. Okafor spoke in Abuja."),
        // A meeting between two people each first named elsewhere: a symmetric edge, whose two
        // ends the store orders the same way whichever of them it stored first.
        ("ruto", "Kenyan President William Ruto criticized the IMF on Monday."),
        ("modi", "Indian Prime Minister Narendra Modi criticized Pakistan on Tuesday."),
        ("modi-ruto", "Indian Prime Minister Narendra Modi met Kenyan President William Ruto in New Delhi on Friday."),
        ("seoul-tokyo", """
            South Korea's Foreign Ministry summoned Japan's ambassador on Friday. Lee Soo-jin met Japanese Foreign Minister \
            Yoko Kamikawa in Seoul.
            """),
    ]

    /// Each article's graph and record, extracted once.
    static let articles: Result<[ArticleGraph], any Error> = Result {
        let extractor = try GraphExtractor()
        return texts.map { document, text in
            let article = Article(document: document, text: text)
            // As `newsgraph build` stores them: with what the recognizer knows of their bodies.
            return extractor.storable(article, record: article.record).graph
        }
    }

    /// The articles in a random order, cut into batches of random sizes.
    static func batches(seed: UInt64, of articles: [ArticleGraph]) -> [[ArticleGraph]] {
        var generator = SeededGenerator(state: seed)
        var shuffled = articles.shuffled(using: &generator)
        var batches: [[ArticleGraph]] = []
        while !shuffled.isEmpty {
            let size = Int.random(in: 1...shuffled.count, using: &generator)
            batches.append(Array(shuffled.prefix(size)))
            shuffled.removeFirst(size)
        }
        return batches
    }

    /// The store's graph as JSON, in an order that does not depend on when rows were written:
    /// entities by id, their aliases sorted, edges by source, type and target, evidence by article
    /// and place. Row order is how the store lists things; the graph is what it holds.
    static func exportedJSON(after batches: [[ArticleGraph]]) throws -> String {
        let temporary = try TemporaryStore()
        for batch in batches { try temporary.store.add(batch) }
        let graph = try temporary.store.graph()
        let entities = graph.entities.map { entity in
            var sorted = entity
            sorted.aliases.sort()
            return sorted
        }.sorted { $0.id < $1.id }
        let relations = graph.relations.map { relation in
            var sorted = relation
            sorted.evidence.sort { ($0.document, $0.start) < ($1.document, $1.start) }
            return sorted
        }.sorted { ($0.source, $0.type.rawValue, $0.target) < ($1.source, $1.type.rawValue, $1.target) }
        return JSONWriter.write(Graph(entities: entities, relations: relations))
    }

    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]

    @Test("Random orders and batchings (seeded) export the same graph as one article at a time in text order", arguments: seeds)
    func randomOrder(seed: UInt64) throws {
        let articles = try Self.articles.get()
        let reference = try Self.exportedJSON(after: articles.map { [$0] })
        let batches = Self.batches(seed: seed, of: articles)
        let order = batches.map { $0.map(\.article.document) }
        let json = try Self.exportedJSON(after: batches)
        #expect(json == reference, "order \(order):\n\(Self.difference(json, reference))")
    }

    @Test("All the articles in one batch, and in reverse order one at a time, export the same graph")
    func oneBatchAndReverse() throws {
        let articles = try Self.articles.get()
        let reference = try Self.exportedJSON(after: articles.map { [$0] })
        #expect(try Self.exportedJSON(after: [articles]) == reference)
        #expect(try Self.exportedJSON(after: articles.reversed().map { [$0] }) == reference)
    }

    @Test("The articles make a graph worth comparing (control)")
    func graphIsRich() throws {
        let articles = try Self.articles.get()
        let temporary = try TemporaryStore()
        try temporary.store.add(articles)
        let graph = try temporary.store.graph()
        // People named in two articles each, and edges of three kinds at least.
        #expect(graph.entities.count >= 12, "\(graph.entities.map(\.name))")
        #expect(Set(graph.relations.map(\.type)).count >= 3, "\(graph.relations)")
        #expect(graph.relations.contains { $0.evidence.map(\.document).count >= 1 })
    }

    @Test("Two spellings of one name: the stored graph keeps the same one whatever the order")
    func spellings() throws {
        let extractor = try GraphExtractor()
        let texts = [
            ("dotted", "The U.S. Treasury Department sanctioned two shipping firms. The Chinese Embassy in Washington criticized it."),
            ("plain", "The US Treasury Department sanctioned a bank on Friday. The Chinese embassy in Washington criticized it."),
        ]
        let articles = texts.map { document, text in
            let article = Article(document: document, text: text)
            return ArticleGraph(extractor.graph(of: article), article: article.record)
        }
        let forward = try Self.exportedJSON(after: articles.map { [$0] })
        let backward = try Self.exportedJSON(after: articles.reversed().map { [$0] })
        // An alias keeps the preferred of its spellings ("U.S." over "US") and a body the fuller
        // of its names, spelled as preferred ("Chinese Embassy" over "Chinese embassy"); see
        // `GraphStore.isPreferredSpelling` and `GraphStore.isFullerBodyName`.
        #expect(forward == backward, "\(Self.difference(forward, backward))")
        #expect(forward.contains("\"U.S.\""), "\(forward)")
        #expect(!forward.contains("\"Chinese embassy\""), "\(forward)")
    }

    @Test("Bodies of a shared name that states no country take ids from their country or article, not from arrival")
    func sharedBodyIDs() throws {
        // "Foreign Ministry" in four articles: tied to Japan, to Chile, and to no country twice.
        func article(_ document: String, country: String?) -> ArticleGraph {
            var entities = [Entity(name: "Foreign Ministry", type: .agency, mentions: 1)]
            var relations: [Relation] = []
            if let country {
                entities.append(Entity(name: country, type: .country, mentions: 1))
                relations.append(Relation(source: "foreign-ministry", type: .affiliatedWith, target: Entity.slug(for: country),
                                          evidence: [evidence(document, "The Foreign Ministry of \(country) spoke.", at: 0)]))
            }
            return ArticleGraph(Graph(entities: entities, relations: relations), article: record(document),
                                bodies: ["foreign-ministry": BodyIdentity(sharedKey: "foreign ministry")])
        }
        let articles = [article("japan", country: "Japan"), article("chile", country: "Chile"),
                        article("first", country: nil), article("second", country: nil)]
        func ids(after articles: [ArticleGraph]) throws -> [String] {
            let temporary = try TemporaryStore()
            for article in articles { try temporary.store.add([article]) }
            return try temporary.store.graph().entities.filter { $0.type == .agency }.map(\.id).sorted()
        }
        let forward = try ids(after: articles)
        #expect(try ids(after: articles.reversed()) == forward)
        #expect(forward.contains("foreign-ministry-japan") && forward.contains("foreign-ministry-chile"), "\(forward)")
        // The two of no country: each its article's digest after the name.
        let unknown = articles[2...].map { "foreign-ministry-" + $0.article.digest.prefix(6) }
        #expect(Set(forward) == Set(["foreign-ministry-japan", "foreign-ministry-chile"] + unknown), "\(forward)")
    }

    /// The lines where two exports differ, for the failure message.
    static func difference(_ left: String, _ right: String) -> String {
        let a = left.split(separator: "\n", omittingEmptySubsequences: false)
        let b = right.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(a.count, b.count) where (index < a.count ? a[index] : "") != (index < b.count ? b[index] : "") {
            lines.append("\(index + 1): \(index < a.count ? a[index] : "") | \(index < b.count ? b[index] : "")")
            if lines.count >= 12 { break }
        }
        return lines.joined(separator: "\n")
    }
}
