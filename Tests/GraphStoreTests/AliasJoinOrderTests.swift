import GraphStore
import KnowledgeGraph
import Testing

/// Joins found through an alias, a body's key or another body's country, which depended on which
/// articles were stored first: the last order-dependent causes of issue 17, item 7, seen when the
/// three corpora were built in random orders (`Scripts/order_check.sh`).
@Suite("Joins through an alias, a key or a body's country do not depend on the order of the articles")
struct AliasJoinOrderTests {
    /// An invented article's graph: entities with their aliases, edges between them by name, each
    /// stated by a sentence of its own (or all by one, `sentence`), and what the recognizer knows
    /// of its bodies (by entity name).
    static func article(
        _ document: String, _ entities: [Entity], edges: [(String, RelationType, String)] = [],
        bodies: [String: BodyIdentity] = [:], sentence: String? = nil
    ) -> ArticleGraph {
        let relations = edges.enumerated().map { index, edge in
            Relation(
                source: Entity.slug(for: edge.0), type: edge.1, target: Entity.slug(for: edge.2),
                evidence: [
                    evidence(document, sentence ?? "\(edge.0) \(edge.1.rawValue) \(edge.2).", at: sentence == nil ? index * 100 : 0)
                ])
        }
        var identities: [String: BodyIdentity] = [:]
        for (name, body) in bodies { identities[Entity.slug(for: name)] = body }
        return ArticleGraph(Graph(entities: entities, relations: relations), article: record(document), bodies: identities)
    }

    static func entity(_ name: String, _ type: EntityType, aliases: [String] = []) -> Entity {
        Entity(name: name, type: type, aliases: aliases, mentions: 1)
    }

    /// The stored graph after adding the articles one at a time in this order, as sorted lines:
    /// entities with their names and aliases, edges with their articles and sentences.
    static func summary(after articles: [ArticleGraph], inOneBatch: Bool = false) throws -> [String] {
        let temporary = try TemporaryStore()
        if inOneBatch {
            try temporary.store.add(articles)
        } else {
            for article in articles { try temporary.store.add([article]) }
        }
        let graph = try temporary.store.graph()
        return graph.entities.map {
            "\($0.id) \($0.type.rawValue) \($0.name) [\($0.aliases.sorted().joined(separator: ", "))] \($0.mentions)"
        }
        .sorted()
            + graph.relations.map {
                "\($0.source) \($0.type.rawValue) \($0.target) \($0.evidence.map(\.document).sorted())"
                    + " \($0.evidence.map { "\($0.start) \($0.sentence)" }.sorted())"
            }.sorted()
    }

    /// Checks that every order, added one article at a time or in one batch, gives the graph of
    /// the first order, and returns that graph.
    static func sameInEveryOrder(_ articles: [ArticleGraph]) throws -> [String] {
        let reference = try summary(after: articles)
        for order in IdentityFixtures.orders(articles) {
            for inOneBatch in [false, true] {
                let summary = try summary(after: order, inOneBatch: inOneBatch)
                #expect(
                    summary == reference, "order \(order.map(\.article.document)), one batch \(inOneBatch): \(summary) against \(reference)"
                )
            }
        }
        return reference
    }

    @Test("A name the article also writes with another first letter joins the person stored under that spelling")
    func misspeltFirstLetter() throws {
        let articles = [
            Self.article(
                "geun", [Self.entity("Park Geun-hye", .person), Self.entity("South Korea", .country)],
                edges: [("Park Geun-hye", .affiliatedWith, "South Korea")]),
            Self.article(
                "heun", [Self.entity("Park Heun-hye", .person, aliases: ["Park Geun-hye"]), Self.entity("Japan", .country)],
                edges: [("Japan", .criticized, "Park Heun-hye")]),
        ]
        let graph = try Self.sameInEveryOrder(articles)
        #expect(graph.filter { $0.contains(" person ") }.count == 1, "\(graph)")
    }

    @Test("A one-letter difference in one name between two articles, written apart, is still two people")
    func misspellingNeedsTheArticleToSaySo() throws {
        // Control: without an article naming both spellings, "Lee Min-jun" and "Kee Min-jun" stay two.
        let articles = [
            Self.article("lee", [Self.entity("Lee Min-jun", .person)]),
            Self.article("kee", [Self.entity("Kee Min-jun", .person)]),
        ]
        let graph = try Self.sameInEveryOrder(articles)
        #expect(graph.filter { $0.contains(" person ") }.count == 2, "\(graph)")
    }

    @Test("A later name that is only an alias of two people run together does not join them, in any order")
    func aliasOfTwoPeopleRunTogether() throws {
        let articles = [
            Self.article("run-together", [Self.entity("Ilse Varga-Tomas Brandt", .person, aliases: ["Tomas Brandt"])]),
            Self.article(
                "brandt", [Self.entity("Tomas Brandt", .person), Self.entity("Chile", .country)],
                edges: [("Tomas Brandt", .criticized, "Chile")]),
        ]
        let graph = try Self.sameInEveryOrder(articles)
        #expect(graph.contains { $0.hasPrefix("tomas-brandt criticized chile [\"brandt\"]") }, "\(graph)")
    }

    @Test("A lexicon body does not join another country's body that has the lexicon's name as a plain alias")
    func keyAsAnotherBodysAlias() throws {
        let haiti = Self.article(
            "haiti", [Self.entity("Haitian Senate", .agency, aliases: ["Senate"]), Self.entity("Haiti", .country)],
            edges: [("Haitian Senate", .affiliatedWith, "Haiti")],
            bodies: ["Haitian Senate": BodyIdentity(sharedKey: "senate", country: "Haiti")])
        let washington = Self.article(
            "washington", [Self.entity("Senate", .agency), Self.entity("Mara Quill", .person), Self.entity("Peru", .country)],
            edges: [("Mara Quill", .affiliatedWith, "Senate"), ("Mara Quill", .criticized, "Peru")],
            bodies: ["Senate": BodyIdentity(lexiconName: "Senate", country: "United States")])
        let graph = try Self.sameInEveryOrder([haiti, washington])
        #expect(graph.contains { $0.hasPrefix("senate agency Senate ") }, "\(graph)")
        #expect(graph.contains { $0.hasPrefix("haitian-senate agency Haitian Senate ") }, "\(graph)")
    }

    @Test("A body's country through another body counts only where one article states both ties")
    func countryThroughAnotherArticle() throws {
        // "Committee on Foreign Relations" belongs to the Senate in one article; another article
        // ties the Senate to the United States. Whether the committee is American must not depend
        // on whether that second article was stored when a third names a committee of the U.S.
        let committee = Self.article(
            "committee", [Self.entity("Committee on Foreign Relations", .agency), Self.entity("Senate", .agency)],
            edges: [("Committee on Foreign Relations", .affiliatedWith, "Senate")])
        let senate = Self.article(
            "senate", [Self.entity("Senate", .agency), Self.entity("United States", .country)],
            edges: [("Senate", .affiliatedWith, "United States")])
        let full = Self.article(
            "full",
            [
                Self.entity("Senate Committee on Foreign Relations", .agency, aliases: ["Committee on Foreign Relations"]),
                Self.entity("United States", .country),
            ],
            edges: [("Senate Committee on Foreign Relations", .affiliatedWith, "United States")])
        _ = try Self.sameInEveryOrder([committee, senate, full])
    }

    @Test("A common organization name two organizations have as an alias joins neither, in any order")
    func commonNameOfTwo() throws {
        let vietnam = Self.article(
            "vietnam",
            [Self.entity("Vietnam's Communist Party", .organization, aliases: ["Communist Party"]), Self.entity("Vietnam", .country)],
            edges: [("Vietnam's Communist Party", .affiliatedWith, "Vietnam")])
        let china = Self.article(
            "china",
            [Self.entity("Communist Party of China", .organization, aliases: ["Communist Party"]), Self.entity("China", .country)],
            edges: [("Communist Party of China", .affiliatedWith, "China")])
        let bare = Self.article(
            "bare", [Self.entity("Communist Party", .organization), Self.entity("Tomas Ferro", .person)],
            edges: [("Tomas Ferro", .criticized, "Communist Party")])
        let graph = try Self.sameInEveryOrder([vietnam, china, bare])
        #expect(graph.contains { $0.hasPrefix("communist-party organization Communist Party ") }, "\(graph)")
        #expect(graph.contains { $0.hasPrefix("tomas-ferro criticized communist-party [\"bare\"]") }, "\(graph)")
        // An article calling the party both "Communist Party" and "CCP" (two of its entities):
        // the edges of its sentence naming both are each name's, in any order.
        let both = Self.article(
            "both",
            [Self.entity("Communist Party", .organization), Self.entity("CCP", .organization), Self.entity("Tomas Ferro", .person)],
            edges: [("Tomas Ferro", .criticized, "Communist Party"), ("Tomas Ferro", .criticized, "CCP")],
            sentence: "Tomas Ferro criticized the Communist Party and the CCP.")
        let chinaCalledCCP = Self.article(
            "china", [Self.entity("Communist Party of China", .organization, aliases: ["Communist Party", "CCP"])])
        let named = try Self.sameInEveryOrder([vietnam, chinaCalledCCP, both])
        #expect(named.contains { $0.hasPrefix("tomas-ferro criticized communist-party [\"both\"]") }, "\(named)")
        #expect(named.contains { $0.hasPrefix("tomas-ferro criticized communist-party-of-china [\"both\"]") }, "\(named)")
        // With one organization of that alias, the bare name joins it, in either order.
        let alone = try Self.sameInEveryOrder([vietnam, bare])
        #expect(alone.contains { $0.hasPrefix("tomas-ferro criticized vietnams-communist-party [\"bare\"]") }, "\(alone)")
    }
}
