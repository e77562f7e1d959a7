import GraphStore
import KnowledgeGraph
import Testing

/// Which spelling names a body, and which spelling an alias row keeps, depends on the set of
/// spellings the articles brought, never on the order they came in (issue 17, item 7).
@Suite("A body's name and its aliases' spellings do not depend on the order of the articles")
struct SpellingOrderTests {
    /// One article naming one organization, which sanctioned a country.
    static func article(_ document: String, body: String, aliases: [String] = [], type: EntityType = .organization) -> Graph {
        let entity = Entity(name: body, type: type, aliases: aliases, mentions: 1)
        let sentence = "\(body) was sanctioned by Norway."
        return Graph(
            entities: [entity, Entity(name: "Norway", type: .country, mentions: 1)],
            relations: [
                Relation(source: "norway", type: .sanctioned, target: entity.id, evidence: [evidence(document, sentence, at: 0)])
            ])
    }

    /// The store's entities after adding `graphs` in this order, one article each.
    static func entities(after graphs: [(String, Graph)]) throws -> [Entity] {
        let temporary = try TemporaryStore()
        for (document, graph) in graphs { try temporary.store.add(graph, article: record(document)) }
        return try temporary.store.graph().entities.filter { $0.type != .country }
    }

    @Test("The fuller of two names names the body, and its id follows, in either order")
    func fullerBodyName() throws {
        let short = ("short", Self.article("short", body: "Lockheed Martin"))
        let full = ("full", Self.article("full", body: "Lockheed Martin Corp", aliases: ["Lockheed Martin"]))
        for order in [[short, full], [full, short]] {
            let entities = try Self.entities(after: order)
            #expect(entities.map(\.name) == ["Lockheed Martin Corp"], "order \(order.map(\.0))")
            #expect(entities.map(\.id) == ["lockheed-martin-corp"], "order \(order.map(\.0))")
        }
    }

    @Test("Edges follow a renamed body")
    func edgesFollowRename() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Self.article("short", body: "Lockheed Martin"), article: record("short"))
        try temporary.store.add(Self.article("full", body: "Lockheed Martin Corp", aliases: ["Lockheed Martin"]), article: record("full"))
        let graph = try temporary.store.graph()
        let sanctioned = graph.relations.filter { $0.type == .sanctioned }
        #expect(sanctioned.map(\.target) == ["lockheed-martin-corp"])
        #expect(sanctioned.first?.evidence.count == 2)
        #expect(try temporary.store.entity(named: "Lockheed Martin")?.id == "lockheed-martin-corp")
    }

    @Test("Two spellings of one folded name: the same one names the body in either order")
    func caseOfBodyName() throws {
        let lower = ("lower", Self.article("lower", body: "Chinese embassy", type: .agency))
        let upper = ("upper", Self.article("upper", body: "Chinese Embassy", type: .agency))
        for order in [[lower, upper], [upper, lower]] {
            let entities = try Self.entities(after: order)
            #expect(entities.map(\.name) == ["Chinese Embassy"], "order \(order.map(\.0))")
            #expect(entities.first?.aliases == [], "order \(order.map(\.0))")
        }
    }

    @Test("An alias keeps the same spelling in either order")
    func aliasSpelling() throws {
        let dotted = ("dotted", Self.article("dotted", body: "Treasury Department", aliases: ["U.S. Treasury"], type: .agency))
        let plain = ("plain", Self.article("plain", body: "Treasury Department", aliases: ["US Treasury"], type: .agency))
        for order in [[dotted, plain], [plain, dotted]] {
            let entities = try Self.entities(after: order)
            #expect(entities.first?.aliases.sorted() == ["U.S. Treasury"], "order \(order.map(\.0))")
        }
    }

    @Test("A person's aliases keep the same spelling in either order")
    func personAliasSpelling() throws {
        func article(_ document: String, alias: String) -> (String, Graph) {
            (document, Graph(entities: [Entity(name: "Antony Blinken", type: .person, aliases: [alias], mentions: 2)], relations: []))
        }
        let first = article("one", alias: "Secretary of State Antony Blinken")
        let second = article("two", alias: "secretary of state Antony Blinken")
        for order in [[first, second], [second, first]] {
            let people = try Self.entities(after: order)
            #expect(people.first?.aliases.sorted() == ["Secretary of State Antony Blinken"], "order \(order.map(\.0))")
        }
    }

    @Test("A spelling in capitals only (a dateline's) gives way to the one with small letters, in either order")
    func capitalsOnly() throws {
        let dateline = ("dateline", Self.article("dateline", body: "Valdoria", aliases: ["VELMORA"], type: .country))
        let text = ("text", Self.article("text", body: "VALDORIA", aliases: ["Velmora"], type: .country))
        for order in [[dateline, text], [text, dateline]] {
            let temporary = try TemporaryStore()
            for (document, graph) in order { try temporary.store.add(graph, article: record(document)) }
            let countries = try temporary.store.graph().entities.filter { $0.name != "Norway" }
            #expect(countries.map(\.name) == ["Valdoria"], "order \(order.map(\.0))")
            #expect(countries.first?.aliases == ["Velmora"], "order \(order.map(\.0))")
        }
        func person(_ document: String, _ name: String) -> (String, Graph) {
            (document, Graph(entities: [Entity(name: name, type: .person, mentions: 1)], relations: []))
        }
        let capitals = person("capitals", "ORLA FENWICK")
        let written = person("written", "Orla Fenwick")
        for order in [[capitals, written], [written, capitals]] {
            #expect(try Self.entities(after: order).map(\.name) == ["Orla Fenwick"], "order \(order.map(\.0))")
        }
    }

    @Test(
        "The spelling rule: longer, then with small letters, then code-point order (capitals first)",
        arguments: [
            ("U.S.", "US"), ("Chinese Embassy", "Chinese embassy"), ("Niger's junta", "Niger’s junta"),
            ("Washington", "WASHINGTON"), ("United Nations", "UNITED NATIONS"), ("U.S.", "Us"), ("Zürich", "ZÜRICH"), ("Αθήνα", "ΑΘΉΝΑ"),
        ])
    func preferredSpelling(preferred: String, other: String) {
        #expect(GraphStore.isPreferredSpelling(preferred, over: other))
        #expect(!GraphStore.isPreferredSpelling(other, over: preferred))
        #expect(!GraphStore.isPreferredSpelling(preferred, over: preferred))
    }

    @Test(
        "The body name rule: more words, then more letters, then alphabetical order",
        arguments: [
            ("lockheed martin corp", "lockheed martin"), ("haitian national police", "haiti national police"),
            ("biden administration", "biden cabinet"),
        ])
    func fullerBody(fuller: String, other: String) {
        #expect(GraphStore.isFullerBodyName(fuller, than: other))
        #expect(!GraphStore.isFullerBodyName(other, than: fuller))
        #expect(!GraphStore.isFullerBodyName(fuller, than: fuller))
    }
}
