import GraphStore
import KnowledgeGraph
import Testing

/// An article's entity that is two stored nodes makes them one, so the graph is the one any other
/// order of the articles makes (issue 17, item 7).
@Suite("An entity found to be two stored nodes makes them one, whatever the order")
struct TwoStoredNodesTests {
    /// One article naming one entity, which Norway sanctioned.
    static func article(_ document: String, _ name: String, aliases: [String] = [], type: EntityType) -> (String, Graph) {
        let entity = Entity(name: name, type: type, aliases: aliases, mentions: 1)
        let sentence = "Norway sanctioned \(name)."
        return (
            document,
            Graph(
                entities: [entity, Entity(name: "Norway", type: .country, mentions: 1)],
                relations: [
                    Relation(source: "norway", type: .sanctioned, target: entity.id, evidence: [evidence(document, sentence, at: 0)])
                ])
        )
    }

    /// The stored graph after adding the articles in this order, one at a time.
    static func graph(after articles: [(String, Graph)]) throws -> Graph {
        let temporary = try TemporaryStore()
        for (document, graph) in articles { try temporary.store.add(graph, article: record(document)) }
        return try temporary.store.graph()
    }

    /// The graph's entities and edges, sorted, evidence by document.
    static func summary(_ graph: Graph) -> [String] {
        graph.entities.map { "\($0.id) \($0.name) [\($0.aliases.sorted().joined(separator: ", "))] \($0.mentions)" }.sorted()
            + graph.relations.map { "\($0.source) \($0.type.rawValue) \($0.target) \($0.evidence.map(\.document).sorted())" }.sorted()
    }

    @Test("A body named by its full name and by a shorter one stored apart: the article naming it both ways joins them")
    func bodyNamedTwoWays() throws {
        let articles = [
            Self.article("full", "Varnholt Aerospace Corp.", type: .organization),
            Self.article("short", "Varnholt Aerospace", type: .organization),
            Self.article("both", "Varnholt Aerospace Corp", aliases: ["Varnholt Aerospace"], type: .organization),
        ]
        let reference = Self.summary(try Self.graph(after: articles))
        for order in IdentityFixtures.orders(articles) {
            let graph = try Self.graph(after: order)
            let bodies = graph.entities.filter { $0.type == .organization }
            #expect(bodies.map(\.name) == ["Varnholt Aerospace Corp."], "order \(order.map(\.0))")
            #expect(bodies.map(\.id) == ["varnholt-aerospace-corp"], "order \(order.map(\.0))")
            #expect(Self.summary(graph) == reference, "order \(order.map(\.0))")
        }
        // All three articles' evidence is on the one edge.
        let sanctioned = try Self.graph(after: articles).relations.filter { $0.type == .sanctioned }
        #expect(sanctioned.map { $0.evidence.map(\.document).sorted() } == [["both", "full", "short"]])
    }

    @Test("Three spellings of one person, two of them not one by their names alone, make one person in any order")
    func personSpelledThreeWays() throws {
        // "Shah Farid Mehrani" and "Tarek Shah Farid Mehrani" are one person (a leading name),
        // "Shah Farid Mehrani" and "Shah Ferid Mehrani" too (a letter apart), but "Tarek Shah
        // Farid Mehrani" and "Shah Ferid Mehrani" are not, by their names alone.
        let articles = [
            Self.article("variant", "Shah Ferid Mehrani", type: .person),
            Self.article("longest", "Tarek Shah Farid Mehrani", type: .person),
            Self.article("middle", "Shah Farid Mehrani", type: .person),
        ]
        let reference = Self.summary(try Self.graph(after: articles))
        for order in IdentityFixtures.orders(articles) {
            let graph = try Self.graph(after: order)
            let people = graph.entities.filter { $0.type == .person }
            #expect(people.map(\.name) == ["Tarek Shah Farid Mehrani"], "order \(order.map(\.0))")
            #expect(people.map(\.id) == ["tarek-shah-farid-mehrani"], "order \(order.map(\.0))")
            #expect(Self.summary(graph) == reference, "order \(order.map(\.0))")
        }
    }

    @Test("Edges of the folded node follow it, and an edge between the two nodes is dropped")
    func edgesFollow() throws {
        let meeting = "Shah Ferid Mehrani met Tarek Shah Farid Mehrani."
        let both = Graph(
            entities: [
                Entity(name: "Shah Ferid Mehrani", type: .person, mentions: 1),
                Entity(name: "Tarek Shah Farid Mehrani", type: .person, mentions: 1),
            ],
            relations: [
                Relation(
                    source: "shah-ferid-mehrani", type: .metWith, target: "tarek-shah-farid-mehrani",
                    evidence: [evidence("both", meeting, at: 0)])
            ])
        let temporary = try TemporaryStore()
        try temporary.store.add(both, article: record("both"))
        try temporary.store.add(Self.article("variant", "Shah Ferid Mehrani", type: .person).1, article: record("variant"))
        try temporary.store.add(Self.article("middle", "Shah Farid Mehrani", type: .person).1, article: record("middle"))
        let graph = try temporary.store.graph()
        #expect(graph.entities.filter { $0.type == .person }.map(\.id) == ["tarek-shah-farid-mehrani"])
        #expect(graph.relations.map(\.type) == [.sanctioned])
        #expect(graph.relations.first?.target == "tarek-shah-farid-mehrani")
        #expect(graph.relations.first?.evidence.map(\.document).sorted() == ["middle", "variant"])
        #expect(try temporary.store.entity(named: "Shah Ferid Mehrani")?.id == "tarek-shah-farid-mehrani")
    }

    @Test("Two countries' agencies of one name stay two, though an article ties a body of that name to both")
    func agenciesOfTwoCountries() throws {
        func agency(_ document: String, country: String) -> (String, Graph) {
            let sentence = "The Border Directorate of \(country) spoke."
            return (
                document,
                Graph(
                    entities: [
                        Entity(name: "Border Directorate", type: .agency, mentions: 1), Entity(name: country, type: .country, mentions: 1),
                    ],
                    relations: [
                        Relation(
                            source: "border-directorate", type: .affiliatedWith, target: Entity.slug(for: country),
                            evidence: [evidence(document, sentence, at: 0)])
                    ])
            )
        }
        let temporary = try TemporaryStore()
        for (document, graph) in [agency("one", country: "Norway"), agency("two", country: "Chile")] {
            try temporary.store.add(graph, article: record(document))
        }
        // An article tying one "Border Directorate" to both countries finds both bodies.
        let sentence = "The Border Directorate of Norway and Chile spoke."
        try temporary.store.add(
            Graph(
                entities: [
                    Entity(name: "Border Directorate", type: .agency, mentions: 1), Entity(name: "Norway", type: .country, mentions: 1),
                    Entity(name: "Chile", type: .country, mentions: 1),
                ],
                relations: ["norway", "chile"].map {
                    Relation(
                        source: "border-directorate", type: .affiliatedWith, target: $0, evidence: [evidence("three", sentence, at: 0)])
                }), article: record("three"))
        let agencies = try temporary.store.graph().entities.filter { $0.type == .agency }
        #expect(agencies.count == 2, "\(agencies.map(\.id))")
    }

    @Test("A person stored by a shorter name joins the one whose article also calls them by it, in either order")
    func nameExtendedByAlias() throws {
        let short = Self.article("short", "Kaleb Oduya", type: .person)
        let long = Self.article("long", "Kaleb Oduya Jnr", aliases: ["Kaleb Oduya", "President Kaleb Oduya"], type: .person)
        for order in [[short, long], [long, short]] {
            let people = try Self.graph(after: order).entities.filter { $0.type == .person }
            #expect(people.map(\.id) == ["kaleb-oduya-jnr"], "order \(order.map(\.0))")
            #expect(people.first?.aliases.sorted() == ["Kaleb Oduya", "President Kaleb Oduya"], "order \(order.map(\.0))")
        }
    }

    @Test("Two bodies found by a common alias only stay two, and the common name alone is a node of its own")
    func commonAliasOnly() throws {
        let articles = [
            Self.article("ruritania", "Ruritanian Unity Party", aliases: ["Unity Party"], type: .organization),
            Self.article("zembla", "Zembla Unity Party", aliases: ["Unity Party"], type: .organization),
            Self.article("bare", "Unity Party", type: .organization),
        ]
        let bodies = try Self.graph(after: articles).entities.filter { $0.type == .organization }
        // "Unity Party" alone may be either party: it joins neither (see
        // `GraphStore.separateCommonNames`).
        #expect(Set(bodies.map(\.name)) == ["Ruritanian Unity Party", "Zembla Unity Party", "Unity Party"], "\(bodies.map(\.name))")
    }

    @Test("A node a user corrected is not folded into another by the writer")
    func correctedNodeStays() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Self.article("variant", "Shah Ferid Mehrani", type: .person).1, article: record("variant"))
        try temporary.store.add(Self.article("longest", "Tarek Shah Farid Mehrani", type: .person).1, article: record("longest"))
        // The user says the variant is a person of their own.
        try temporary.store.rename("Shah Ferid Mehrani", to: "Shah Ferid Mehrani")
        try temporary.store.add(Self.article("middle", "Shah Farid Mehrani", type: .person).1, article: record("middle"))
        let people = try temporary.store.graph().entities.filter { $0.type == .person }
        #expect(Set(people.map(\.id)) == ["shah-ferid-mehrani", "tarek-shah-farid-mehrani"], "\(people.map(\.id))")
    }
}
