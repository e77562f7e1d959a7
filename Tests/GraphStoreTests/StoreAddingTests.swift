import Foundation
import Testing
import GraphStore
import KnowledgeGraph

@Suite("Adding articles to the store")
struct StoreAddingTests {
    @Test("An article's graph is stored with its entities, relations and evidence")
    func storesGraph() throws {
        let temporary = try TemporaryStore()
        let empty = try temporary.store.statistics()
        #expect(empty.articles == 0)
        #expect(empty.entities.isEmpty)
        #expect(empty.relations.isEmpty)
        #expect(empty.evidence == 0)

        let result = try temporary.store.add(Diplomacy.first, article: record("talks-1"))
        #expect(result == .added)
        let statistics = try temporary.store.statistics()
        #expect(statistics.articles == 1)
        #expect(statistics.entities == [.person: 3, .country: 1, .agency: 2])
        #expect(statistics.relations == [.metWith: 2, .affiliatedWith: 2, .criticized: 1])
        #expect(statistics.evidence == 6)

        let blinken = try #require(try temporary.store.entity(named: "Antony Blinken"))
        #expect(blinken.id == "antony-blinken")
        #expect(blinken.type == .person)
        #expect(blinken.aliases == ["Blinken", "Secretary Blinken"])
        #expect(blinken.mentions == 4)
    }

    @Test("Re-adding the same article returns unchanged and changes nothing")
    func readdingIsANoOp() throws {
        let temporary = try TemporaryStore()
        #expect(try temporary.store.add(Diplomacy.first, article: record("talks-1")) == .added)
        let statistics = try temporary.store.statistics()
        let graph = try temporary.store.graph()

        #expect(try temporary.store.add(Diplomacy.first, article: record("talks-1")) == .unchanged)
        #expect(try temporary.store.statistics() == statistics)
        #expect(try temporary.store.graph() == graph)
        #expect(try temporary.store.entity(named: "Blinken")?.mentions == 4)

        // The same bytes under another file name are still the same article.
        let renamed = ArticleRecord(document: "copy-of-talks", path: "/elsewhere/copy.txt", title: "Copy", date: nil,
                                    text: Array("Text of talks-1.".utf8))
        #expect(try temporary.store.add(Diplomacy.first, article: renamed) == .unchanged)
        #expect(try temporary.store.statistics() == statistics)
    }

    @Test("An edited article under the same name is a new article")
    func editedTextIsAdded() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Diplomacy.second, article: record("talks-2", text: "First version."))
        let result = try temporary.store.add(Diplomacy.second, article: record("talks-2", text: "Second version."))
        #expect(result == .added)
        #expect(try temporary.store.statistics().articles == 2)
        #expect(try temporary.store.entity(named: "Xi Jinping")?.mentions == 2)
    }

    @Test("A surname in one article and the full name in another become one person with the full name",
          arguments: [true, false])
    func surnameMergesWithFullName(surnameFirst: Bool) throws {
        let short = Graph(
            entities: [Entity(name: "Blinken", type: .person, mentions: 2), Entity(name: "China", type: .country)],
            relations: [Relation(source: "blinken", type: .criticized, target: "china", evidence: [
                evidence("short", "Blinken criticized China.", at: 0),
            ])])
        let full = Graph(
            entities: [Entity(name: "Antony Blinken", type: .person, mentions: 3), Entity(name: "Xi Jinping", type: .person)],
            relations: [Relation(source: "antony-blinken", type: .metWith, target: "xi-jinping", evidence: [
                evidence("full", "Antony Blinken met Xi Jinping.", at: 0),
            ])])
        let temporary = try TemporaryStore()
        let articles = [(short, record("short")), (full, record("full"))]
        for (graph, article) in surnameFirst ? articles : articles.reversed() {
            try temporary.store.add(graph, article: article)
        }

        #expect(try temporary.store.statistics().entities[.person] == 2)
        let merged = try #require(try temporary.store.entity(named: "Blinken"))
        #expect(merged.name == "Antony Blinken")
        #expect(merged.aliases == ["Blinken"])
        #expect(merged.mentions == 5)
        #expect(try temporary.store.entity(named: "Antony Blinken")?.id == merged.id)
        // Both articles' edges hang off the one entity.
        let (_, neighbors) = try #require(try temporary.store.neighbors(of: "Antony Blinken"))
        #expect(Set(neighbors.map(\.entity.name)) == ["China", "Xi Jinping"])
    }

    @Test("Two people who share a surname stay apart")
    func sharedSurnamesStayApart() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Graph(entities: [Entity(name: "Joe Biden", type: .person, mentions: 3)], relations: []),
                                article: record("president"))
        try temporary.store.add(Graph(entities: [Entity(name: "Hunter Biden", type: .person, mentions: 2)], relations: []),
                                article: record("son"))
        #expect(try temporary.store.statistics().entities[.person] == 2)
        let joe = try #require(try temporary.store.entity(named: "Joe Biden"))
        let hunter = try #require(try temporary.store.entity(named: "Hunter Biden"))
        #expect(joe.id == "joe-biden")
        #expect(hunter.id == "hunter-biden")
        #expect(joe.mentions == 3)
        #expect(hunter.mentions == 2)
        #expect(!joe.aliases.contains("Hunter Biden"))

        // A bare "Biden" later is ambiguous and must not be folded into either of them.
        try temporary.store.add(Graph(entities: [Entity(name: "Biden", type: .person)], relations: []), article: record("bare"))
        #expect(try temporary.store.entity(named: "Joe Biden")?.mentions == 3)
        #expect(try temporary.store.entity(named: "Hunter Biden")?.mentions == 2)
        #expect(try temporary.store.entity(named: "Joe Biden")?.aliases.isEmpty == true)
    }

    @Test("Bodies merge across articles when one's name is the other's alias, ignoring dots and case")
    func nonPersonAliasMerge() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Graph(entities: [
            Entity(name: "U.S.", type: .country, mentions: 2),
            Entity(name: "U.S. Department of the Treasury", type: .agency, aliases: ["Treasury"]),
        ], relations: []), article: record("one"))
        try temporary.store.add(Graph(entities: [
            Entity(name: "US", type: .country),
            Entity(name: "Treasury Department", type: .agency, aliases: ["TREASURY", "US Department of the Treasury"]),
        ], relations: []), article: record("two"))
        let statistics = try temporary.store.statistics()
        #expect(statistics.entities == [.country: 1, .agency: 1])
        #expect(try temporary.store.entity(named: "us")?.mentions == 3)
        #expect(try temporary.store.entity(named: "Treasury Department")?.name == "U.S. Department of the Treasury")
    }

    @Test("Same name, different types: two entities with distinct ids")
    func slugCollision() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Graph(entities: [
            Entity(name: "Jordan", type: .country),
            Entity(id: "jordan-person", name: "Jordan", type: .person),
        ], relations: []), article: record("jordan"))
        let all = try temporary.store.entities()
        #expect(all.count == 2)
        #expect(Set(all.map(\.id)) == ["jordan", "jordan-2"])
        #expect(Set(all.map(\.type)) == [.country, .person])
    }

    @Test("The stored graph reads back exactly as it was added")
    func graphRoundTrip() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Diplomacy.first, article: record("talks-1"))
        let stored = try temporary.store.graph()
        #expect(stored == Diplomacy.first)
        #expect(stored.checkInvariants())

        // And again after reopening the file, and after copying into another store.
        let reopened = try GraphStore(path: temporary.path, create: false)
        #expect(try reopened.graph() == Diplomacy.first)
        let copy = try TemporaryStore()
        try copy.store.add(stored, article: record("talks-1"))
        #expect(try copy.store.graph() == Diplomacy.first)
    }

    @Test("The stored graph of two articles merges their edges and evidence")
    func mergedGraph() throws {
        let temporary = try Diplomacy.store()
        let graph = try temporary.store.graph()
        #expect(graph.entities.count == 6)
        #expect(graph.relations.count == 5)
        let meeting = try #require(graph.relations.first { $0.type == .metWith && $0.target == "xi-jinping" })
        #expect(meeting.source == "antony-blinken")
        #expect(meeting.evidence.map(\.document) == ["talks-1", "talks-2"])
        #expect(graph.entity(withID: "antony-blinken")?.mentions == 6)
    }

    @Test("Two bodies that only share a generic alias stay apart")
    func genericAliasesDoNotMerge() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add(Graph(entities: [
            Entity(name: "Japan's Foreign Ministry", type: .agency, aliases: ["Foreign Ministry"]),
        ], relations: []), article: record("japan"))
        try temporary.store.add(Graph(entities: [
            Entity(name: "China's Foreign Ministry", type: .agency, aliases: ["Foreign Ministry"]),
        ], relations: []), article: record("china"))
        #expect(try temporary.store.statistics().entities == [.agency: 2])
    }
}

@Suite("People who share a surname")
struct SharedSurnameTests {
    /// An article naming one person with a country affiliation.
    static func article(_ name: String, country: String) -> Graph {
        Graph(entities: [Entity(name: name, type: .person, mentions: 1), Entity(name: country, type: .country, mentions: 1)],
              relations: [Relation(source: Entity.slug(for: name), type: .affiliatedWith, target: Entity.slug(for: country),
                                   evidence: [evidence("x", "\(name) of \(country).", at: 0)])])
    }

    @Test("A surname alone joins the stored person of that surname only when their countries agree")
    func countryDecides() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.add(Self.article("John Carter", country: "United States"), article: record("a"))
        try store.add(Self.article("Carter", country: "Australia"), article: record("b"))
        #expect(try store.entities(types: [.person]).map(\.name).sorted() == ["Carter", "John Carter"])
        try store.add(Self.article("Carter", country: "United States"), article: record("c"))
        #expect(try store.sources(of: "John Carter").map(\.name) == ["Carter", "John Carter"])
    }

    @Test("Among several people with the surname, the one sharing the country is chosen")
    func severalCandidates() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try store.add(Self.article("Paul Smith", country: "United Kingdom"), article: record("a"))
        try store.add(Self.article("Jane Smith", country: "United States"), article: record("b"))
        try store.add(Self.article("Smith", country: "United States"), article: record("c"))
        #expect(try store.sources(of: "Jane Smith").count == 2)
        #expect(try store.sources(of: "Paul Smith").count == 1)
        // With no country to go by and no article of theirs calling either one "Smith", the
        // surname could be either: it stays a node of its own.
        try store.add(Graph(entities: [Entity(name: "Smith", type: .person, mentions: 1)], relations: []), article: record("d"))
        #expect(try store.entities(types: [.person]).count == 3)
        #expect(try store.sources(of: "Jane Smith").first { $0.name == "Smith" }?.articles == 1)
    }
}
