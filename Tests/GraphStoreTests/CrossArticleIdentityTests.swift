import Foundation
import GraphStore
import KnowledgeGraph
import NewsGraph
import Testing

/// Articles about two countries' bodies that go by the same generic name, and about people
/// written with and without a particle or a given name.
enum IdentityFixtures {
    /// An article naming one body and the country it belongs to, with the edge between them.
    static func body(_ name: String, aliases: [String] = [], country: String, document: String) -> Graph {
        Graph(entities: [Entity(name: name, type: .agency, aliases: aliases), Entity(name: country, type: .country)],
              relations: [Relation(source: Entity.slug(for: name), type: .affiliatedWith, target: Entity.slug(for: country),
                                   evidence: [evidence(document, "\(name) of \(country).", at: 0)])])
    }

    /// An article naming one body with no country.
    static func body(_ name: String, aliases: [String] = []) -> Graph {
        Graph(entities: [Entity(name: name, type: .agency, aliases: aliases)], relations: [])
    }

    /// An article naming one person who criticized `target`.
    static func person(_ name: String, aliases: [String] = [], criticized target: String, document: String) -> Graph {
        Graph(entities: [Entity(name: name, type: .person, aliases: aliases), Entity(name: target, type: .country)],
              relations: [Relation(source: Entity.slug(for: name), type: .criticized, target: Entity.slug(for: target),
                                   evidence: [evidence(document, "\(name) criticized \(target).", at: 0)])])
    }

    /// An article naming one person of a country (the country first when `countryFirst`).
    static func person(_ name: String, of country: String, document: String, countryFirst: Bool = false) -> Graph {
        let entities = [Entity(name: name, type: .person), Entity(name: country, type: .country)]
        return Graph(entities: countryFirst ? entities.reversed() : entities,
                     relations: [Relation(source: Entity.slug(for: name), type: .affiliatedWith, target: Entity.slug(for: country),
                                          evidence: [evidence(document, "\(name) of \(country).", at: 0)])])
    }

    /// Every order of `items`.
    static func orders<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return orders(rest).map { [first] + $0 }
        }
    }

    /// The store's graph after adding `articles` in this order, as comparable text: entity names
    /// and types with their aliases, and edges by entity name.
    static func graph(after articles: [(Graph, String)]) throws -> (summary: [String], store: TemporaryStore) {
        try graph(afterBatches: articles.map { [$0] })
    }

    /// The same, adding each batch in one call (one transaction).
    static func graph(afterBatches batches: [[(Graph, String)]]) throws -> (summary: [String], store: TemporaryStore) {
        let temporary = try TemporaryStore()
        for batch in batches { try temporary.store.add(batch.map { ArticleGraph($0.0, article: record($0.1)) }) }
        return (try summary(of: temporary.store), temporary)
    }

    static func summary(of store: GraphStore) throws -> [String] {
        let stored = try store.graph()
        let names = Dictionary(uniqueKeysWithValues: stored.entities.map { ($0.id, $0.name) })
        let entities = stored.entities.map { "\($0.name) [\($0.type.rawValue)] \($0.aliases.sorted())" }
        let edges = stored.relations.map { "\(names[$0.source] ?? "?") -\($0.type.rawValue)-> \(names[$0.target] ?? "?") ×\($0.evidence.count)" }
        return (entities + edges).sorted()
    }

    /// Agencies tied to two or more countries in the store.
    static func agenciesOfSeveralCountries(_ store: GraphStore) throws -> [String] {
        let graph = try store.graph()
        let countries = Set(graph.entities.filter { $0.type == .country }.map(\.id))
        return graph.entities.filter { entity in
            entity.type == .agency
                && Set(graph.relations.filter { $0.source == entity.id && $0.type == .affiliatedWith && countries.contains($0.target) }
                    .map(\.target)).count >= 2
        }.map(\.name)
    }
}

@Suite("Bodies of different countries never merge across articles")
struct CountryBodyIdentityTests {
    static let articles = [
        (IdentityFixtures.body("Japan's Foreign Ministry", aliases: ["Foreign Ministry"], country: "Japan", document: "japan"), "japan"),
        (IdentityFixtures.body("South Korean Foreign Ministry", aliases: ["Foreign Ministry"], country: "South Korea", document: "korea"), "korea"),
        (IdentityFixtures.body("Foreign Ministry"), "unnamed"),
    ]

    @Test("Japan's and South Korea's Foreign Ministry stay two agencies, in either order", arguments: [false, true])
    func twoMinistries(reversed: Bool) throws {
        let pair = Array(Self.articles.prefix(2))
        let (summary, temporary) = try IdentityFixtures.graph(after: reversed ? pair.reversed() : pair)
        #expect(try temporary.store.statistics().entities[.agency] == 2, "\(summary)")
        #expect(try IdentityFixtures.agenciesOfSeveralCountries(temporary.store).isEmpty, "\(summary)")
    }

    @Test("Every order of the two ministries and a ministry of no stated country gives the same graph")
    func orderDoesNotMatter() throws {
        let graphs = try IdentityFixtures.orders(Self.articles).map { try IdentityFixtures.graph(after: $0).summary }
        #expect(Set(graphs.map { $0.joined(separator: "\n") }).count == 1, "\(graphs)")
        // The ministry whose country no article states joins neither country's.
        #expect(graphs[0].filter { $0.contains("[agency]") }.count == 3, "\(graphs[0])")
    }

    @Test("'Senate' tied to one country and 'Senate' tied to another are two agencies; an untied 'Senate' joins the one of its very name")
    func sameNameTwoCountries() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(IdentityFixtures.body("Senate", country: "United States", document: "us"), article: record("us"))
        try temporary.store.add(IdentityFixtures.body("Senate", country: "Haiti", document: "haiti"), article: record("haiti"))
        #expect(try temporary.store.statistics().entities[.agency] == 2)
        #expect(try IdentityFixtures.agenciesOfSeveralCountries(temporary.store).isEmpty)
    }
}

@Suite("A person's name with or without a particle or given name is one person across articles")
struct PersonIdentityTests {
    @Test("'Bashar al-Assad', 'Bashar Assad' and 'al-Assad' are one person in every order")
    func particles() throws {
        let articles = [
            (IdentityFixtures.person("Bashar al-Assad", criticized: "Turkey", document: "full"), "full"),
            (IdentityFixtures.person("Bashar Assad", criticized: "Jordan", document: "plain"), "plain"),
            (IdentityFixtures.person("al-Assad", criticized: "Israel", document: "surname"), "surname"),
        ]
        var summaries: Set<String> = []
        for order in IdentityFixtures.orders(articles) {
            let (summary, temporary) = try IdentityFixtures.graph(after: order)
            #expect(try temporary.store.statistics().entities[.person] == 1, "\(summary)")
            let (_, neighbors) = try #require(try temporary.store.neighbors(of: "Assad"), "\(summary)")
            #expect(Set(neighbors.map(\.entity.name)) == ["Turkey", "Jordan", "Israel"], "\(summary)")
            summaries.insert(summary.filter { !$0.contains("[person]") }.joined(separator: "\n"))
        }
        #expect(summaries.count == 1, "\(summaries)")
    }

    @Test("'Robert Okafor', 'Bob Okafor' and 'Rob J. Okafor' are one person in every order; 'Roberta Okafor' is another")
    func givenNameForms() throws {
        let articles = [
            (IdentityFixtures.person("Robert Okafor", criticized: "Chad", document: "full"), "full"),
            (IdentityFixtures.person("Bob Okafor", criticized: "Niger", document: "short"), "short"),
            (IdentityFixtures.person("Rob J. Okafor", criticized: "Mali", document: "middle"), "middle"),
        ]
        for order in IdentityFixtures.orders(articles) {
            let (summary, temporary) = try IdentityFixtures.graph(after: order)
            #expect(try temporary.store.statistics().entities[.person] == 1, "\(summary)")
        }
        let (summary, temporary) = try IdentityFixtures.graph(after: [
            (IdentityFixtures.person("Roberta Okafor", criticized: "Chad", document: "roberta"), "roberta"),
            (IdentityFixtures.person("Bob Okafor", criticized: "Niger", document: "short"), "short"),
        ])
        #expect(try temporary.store.statistics().entities[.person] == 2, "\(summary)")
    }

    @Test("A surname two people share stays apart from both, whatever the order the three articles came in")
    func ambiguousSurname() throws {
        let articles = [
            (IdentityFixtures.person("Maria Okafor", criticized: "Chad", document: "maria"), "maria"),
            (IdentityFixtures.person("Tunde Okafor", criticized: "Niger", document: "tunde"), "tunde"),
            (IdentityFixtures.person("Okafor", criticized: "Mali", document: "bare"), "bare"),
        ]
        let graphs = try IdentityFixtures.orders(articles).map { try IdentityFixtures.graph(after: $0).summary }
        #expect(Set(graphs.map { $0.joined(separator: "\n") }).count == 1, "\(graphs)")
        #expect(graphs[0].filter { $0.contains("[person]") }.count == 3, "\(graphs[0])")
        #expect(graphs[0].contains("Okafor -criticized-> Mali ×1"), "\(graphs[0])")
    }

    @Test("A surname joins the one person it can only mean, whichever article came first", arguments: [false, true])
    func onlyOnePerson(surnameFirst: Bool) throws {
        let articles = [
            (IdentityFixtures.person("Okafor", criticized: "Mali", document: "bare"), "bare"),
            (IdentityFixtures.person("Maria Okafor", criticized: "Chad", document: "maria"), "maria"),
        ]
        let (summary, temporary) = try IdentityFixtures.graph(after: surnameFirst ? articles : articles.reversed())
        #expect(try temporary.store.statistics().entities[.person] == 1, "\(summary)")
        #expect(summary.contains("Maria Okafor -criticized-> Mali ×1"), "\(summary)")
    }

    @Test("A family name written first joins the person whose article calls them by it, in either order", arguments: [false, true])
    func familyNameFirst(surnameFirst: Bool) throws {
        let articles = [
            (IdentityFixtures.person("Park", criticized: "Japan", document: "bare"), "bare"),
            (IdentityFixtures.person("Park Sun-hee", aliases: ["Park"], criticized: "China", document: "full"), "full"),
        ]
        let (summary, temporary) = try IdentityFixtures.graph(after: surnameFirst ? articles : articles.reversed())
        #expect(try temporary.store.statistics().entities[.person] == 1, "\(summary)")
    }

    @Test("A surname with a country, and two people of no stated country: the same in either order")
    func ownEdgeGivesCountry() throws {
        let maria = (IdentityFixtures.person("Maria Okafor", criticized: "Chad", document: "maria"), "maria")
        let tunde = (IdentityFixtures.person("Tunde Okafor", criticized: "Mali", document: "tunde"), "tunde")
        let bare = (IdentityFixtures.person("Okafor", of: "Nigeria", document: "bare"), "bare")
        let surnameLast = try IdentityFixtures.graph(after: [maria, tunde, bare]).summary
        let surnameFirst = try IdentityFixtures.graph(after: [bare, maria, tunde]).summary
        // Last, "Okafor" could be either: a node of its own.
        #expect(surnameLast.contains("Okafor -affiliated_with-> Nigeria ×1"), "\(surnameLast)")
        // First, "Okafor" joins Maria, the only Okafor then. Its edge must not make her the one
        // Okafor of Nigeria when Tunde arrives: a person's countries come from the articles that
        // name them in full.
        #expect(surnameFirst == surnameLast, "\(surnameFirst)\n\(surnameLast)")
    }
}

@Suite("Articles read by the recognizer keep each country's ministry apart in the store")
struct RecognizedIdentityTests {
    @Test("Two invented articles about two countries' foreign ministries give two agencies, one country each, in either order",
          arguments: [false, true])
    func recognizedMinistries(reversed: Bool) throws {
        let extractor = try GraphExtractor()
        let texts = [
            ("tokyo", "Japan's Foreign Ministry said on Monday that the talks would resume. The Foreign Ministry gave no date."),
            ("seoul", "The South Korean Foreign Ministry summoned the envoy on Tuesday. The Foreign Ministry called the remarks regrettable."),
        ]
        let temporary = try TemporaryStore()
        for (document, text) in reversed ? texts.reversed() : texts {
            let article = Article(document: document, text: text)
            try temporary.store.add(extractor.graph(of: article), article: article.record)
        }
        let agencies = try temporary.store.entities(types: [.agency])
        #expect(agencies.count == 2, "\(agencies.map(\.name))")
        #expect(try IdentityFixtures.agenciesOfSeveralCountries(temporary.store).isEmpty, "\(agencies.map(\.name))")
    }
}

@Suite("A batch decides a surname once it is written, as its articles added one by one would")
struct BatchIdentityTests {
    /// Two Okafors of two countries, and "Okafor" alone in an article of each country.
    static let first = [
        (IdentityFixtures.person("Okafor", of: "Nigeria", document: "bare-nigeria"), "bare-nigeria"),
        (IdentityFixtures.person("Maria Okafor", of: "Nigeria", document: "maria"), "maria"),
    ]
    static let second = [
        (IdentityFixtures.person("Tunde Okafor", of: "Ghana", document: "tunde"), "tunde"),
        (IdentityFixtures.person("Okafor", of: "Ghana", document: "bare-ghana"), "bare-ghana"),
    ]

    @Test("Two batches give the same graph in either order, and the graph of their articles added one by one")
    func eitherOrder() throws {
        let (forward, _) = try IdentityFixtures.graph(afterBatches: [Self.first, Self.second])
        let (backward, _) = try IdentityFixtures.graph(afterBatches: [Self.second, Self.first])
        #expect(forward == backward, "\(forward)\n\(backward)")
        // Each "Okafor" is the Okafor of its article's country.
        #expect(forward.contains("Maria Okafor -affiliated_with-> Nigeria ×2"), "\(forward)")
        #expect(forward.contains("Tunde Okafor -affiliated_with-> Ghana ×2"), "\(forward)")
        #expect(forward.filter { $0.contains("[person]") }.count == 2, "\(forward)")
        for order in IdentityFixtures.orders(Self.first + Self.second) {
            #expect(try IdentityFixtures.graph(after: order).summary == forward, "\(order.map(\.1))")
        }
    }

    @Test("A full name and its surname alone in one batch are one person, whichever comes first", arguments: [false, true])
    func oneBatch(surnameFirst: Bool) throws {
        let articles = [
            (IdentityFixtures.person("Park", criticized: "Japan", document: "bare"), "bare"),
            (IdentityFixtures.person("Park Sun-hee", aliases: ["Park"], criticized: "China", document: "full"), "full"),
        ]
        let (summary, temporary) = try IdentityFixtures.graph(afterBatches: [surnameFirst ? articles : articles.reversed()])
        #expect(try temporary.store.statistics().entities[.person] == 1, "\(summary)")
        #expect(summary.contains("Park Sun-hee -criticized-> Japan ×1"), "\(summary)")
    }

    @Test("After a batch moves a surname's article and removes the node it leaves empty, later batches give what a fresh store gives")
    func memoryAfterMove() throws {
        let batches = [
            [(IdentityFixtures.person("Maria Okafor", of: "Peru", document: "maria-peru"), "maria-peru")],
            // Not Maria's: she is of Peru. The node "Okafor" is the newest row.
            [(IdentityFixtures.person("Okafor", of: "Chile", document: "bare-chile", countryFirst: true), "bare-chile")],
            // Now Maria is of Chile too: "Okafor" of Chile moves to her, and its node is removed.
            [(IdentityFixtures.person("Maria Okafor", of: "Chile", document: "maria-chile"), "maria-chile")],
            // A new "Okafor" of Niger is no one's: a new node, which takes the removed node's row id.
            [(IdentityFixtures.person("Okafor", of: "Niger", document: "bare-niger"), "bare-niger")],
            [(IdentityFixtures.person("Okafor", of: "Niger", document: "bare-niger-2"), "bare-niger-2")],
        ]
        let kept = try TemporaryStore()
        let fresh = try TemporaryStore()
        for batch in batches {
            let items = batch.map { ArticleGraph($0.0, article: record($0.1)) }
            try kept.store.add(items)
            try GraphStore(path: fresh.path).add(items)
        }
        #expect(try kept.store.graph() == GraphStore(path: fresh.path).graph())
        let summary = try IdentityFixtures.summary(of: kept.store)
        #expect(summary.contains("Maria Okafor -affiliated_with-> Chile ×2"), "\(summary)")
        #expect(summary.contains("Okafor [person] []"), "\(summary)")
        #expect(summary.contains("Okafor -affiliated_with-> Niger ×2"), "\(summary)")
    }
}
