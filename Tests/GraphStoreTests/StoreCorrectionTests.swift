import Foundation
import Testing
import GraphStore
import KnowledgeGraph

/// Two articles about two different people whom the automatic merge confuses: both are called
/// "Park" alone in one article, and only one person named Park is in the store when it arrives.
enum TwoParks {
    static let minister = Graph(
        entities: [
            Entity(name: "Park Jin", type: .person, aliases: ["Park"], mentions: 3),
            Entity(name: "Japan", type: .country, mentions: 2),
        ],
        relations: [
            Relation(source: "park-jin", type: .metWith, target: "japan", evidence: [
                evidence("minister", "Park Jin met Japanese officials.", at: 0),
            ]),
        ])

    /// Another Park, named by surname only: the store folds him into Park Jin.
    static let lawmaker = Graph(
        entities: [
            Entity(name: "Park", type: .person, mentions: 2),
            Entity(name: "Germany", type: .country, mentions: 1),
        ],
        relations: [
            Relation(source: "park", type: .criticized, target: "germany", evidence: [
                evidence("lawmaker", "Park criticized Germany.", at: 0),
            ]),
        ])

    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.add(minister, article: record("minister"))
        try temporary.store.add(lawmaker, article: record("lawmaker"))
        return temporary
    }
}

@Suite("Corrections: merge, split, rename")
struct StoreCorrectionTests {
    @Test("Sources list the names each article used, which is the record of a merge")
    func sources() throws {
        let temporary = try TwoParks.store()
        let sources = try temporary.store.sources(of: "Park Jin")
        #expect(sources.map(\.name) == ["Park", "Park Jin"])
        #expect(sources.map(\.articles) == [1, 1])
    }

    @Test("Merging moves names, edges and evidence to the survivor and sends later articles there")
    func merge() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        let survivor = try store.merge("Chinese Ministry of Foreign Affairs", into: "China")
        #expect(survivor.name == "China")
        #expect(survivor.aliases.contains("Foreign Ministry"))
        #expect(try store.entity(named: "Chinese Ministry of Foreign Affairs")?.name == "China")
        let (_, neighbors) = try #require(try store.neighbors(of: "Wang Yi"))
        #expect(Set(neighbors.map(\.entity.name)) == ["Antony Blinken", "China"])
        #expect(neighbors.first { $0.entity.name == "China" }?.relation == .affiliatedWith)

        // A later article naming the merged body joins China instead of creating it again.
        let later = Graph(entities: [Entity(name: "Chinese Ministry of Foreign Affairs", type: .agency, mentions: 1)], relations: [])
        try store.add(later, article: record("talks-3"))
        #expect(try store.entities(types: [.agency]).map(\.name) == ["U.S. Department of State"])
        #expect(try store.corrections().map(\.action) == ["merge"])
    }

    @Test("A merge that would join an edge's two ends drops that edge instead of making a loop")
    func mergeDropsLoops() throws {
        let temporary = try Diplomacy.store()
        try temporary.store.merge("Wang Yi", into: "Antony Blinken")
        let graph = try temporary.store.graph()
        #expect(graph.relations.allSatisfy { $0.source != $0.target })
        #expect(!graph.relations.contains { $0.type == .metWith && ($0.source == "wang-yi" || $0.target == "wang-yi") })
        // Wang Yi's affiliation now belongs to the survivor.
        #expect(graph.relations.contains { $0.source == "antony-blinken" && $0.target == "chinese-ministry-of-foreign-affairs" })
    }

    @Test("Merging edges that both ends already share adds the evidence and recounts the weight")
    func mergeCombinesEdges() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        for (document, name) in [("a", "Moon Jae-in"), ("b", "President Moon")] {
            let graph = Graph(
                entities: [Entity(name: name, type: .person, mentions: 1), Entity(name: "Japan", type: .country, mentions: 1)],
                relations: [Relation(source: Entity.slug(for: name), type: .criticized, target: "japan",
                                     evidence: [evidence(document, "\(name) criticized Japan.", at: 0)])])
            try store.add(graph, article: record(document))
        }
        #expect(try store.neighbors(of: "Japan")?.1.count == 2)
        try store.merge("President Moon", into: "Moon Jae-in")
        let (_, neighbors) = try #require(try store.neighbors(of: "Japan"))
        #expect(neighbors.count == 1)
        #expect(neighbors.first?.weight == 2)
        #expect(try store.graph().relations.first?.evidence.count == 2)
    }

    @Test("Split gives the articles that used an alias their own entity, edges included")
    func split() throws {
        let temporary = try TwoParks.store()
        let store = temporary.store
        // The automatic merge put the lawmaker's criticism on Park Jin.
        #expect(try store.neighbors(of: "Park Jin")?.1.map(\.entity.name).sorted() == ["Germany", "Japan"])

        let lawmaker = try store.split("Park Jin", aliases: ["Park"], as: "Park Ju-min")
        #expect(lawmaker.name == "Park Ju-min")
        #expect(lawmaker.type == .person)
        #expect(try store.neighbors(of: "Park Jin")?.1.map(\.entity.name) == ["Japan"])
        let (_, hers) = try #require(try store.neighbors(of: "Park Ju-min"))
        #expect(hers.map(\.entity.name) == ["Germany"])
        #expect(hers.first?.weight == 1)
        #expect(try store.sources(of: "Park Jin").map(\.name) == ["Park Jin"])

        // Later articles that say "Park" alone go to the split-off entity.
        #expect(try store.entity(named: "Park")?.name == "Park Ju-min")
        let another = Graph(entities: [Entity(name: "Park", type: .person, mentions: 1)], relations: [])
        try store.add(another, article: record("lawmaker-2"))
        #expect(try store.sources(of: "Park Ju-min").first?.articles == 2)
        #expect(try store.corrections().map(\.action) == ["split"])
    }

    @Test("Split refuses an alias no article used, and one that every article used")
    func splitRefusals() throws {
        let temporary = try TwoParks.store()
        #expect(throws: StoreError.self) { try temporary.store.split("Park Jin", aliases: ["Kim"]) }
        #expect(throws: StoreError.self) { try temporary.store.split("Park Jin", aliases: ["Park", "Park Jin"]) }
        #expect(try temporary.store.corrections().isEmpty)
        #expect(try temporary.store.sources(of: "Park Jin").count == 2)
    }

    @Test("Rename changes the name, the id when free, and optionally the type; the old name still finds it")
    func rename() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        let renamed = try store.rename("U.S. Department of State", to: "State Department", type: .agency)
        #expect(renamed.name == "State Department")
        #expect(renamed.id == "state-department")
        #expect(try store.entity(named: "U.S. Department of State")?.id == "state-department")
        let retyped = try store.rename("Xi", to: "Xi Jinping", type: .organization)
        #expect(retyped.type == .organization)
        #expect(try store.corrections().count == 2)
    }

    @Test("Corrections of unknown entities fail and change nothing")
    func unknownNames() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        let before = try store.graph()
        #expect(throws: StoreError.self) { try store.merge("Nobody", into: "Antony Blinken") }
        #expect(throws: StoreError.self) { try store.merge("Antony Blinken", into: "Blinken") }
        #expect(throws: StoreError.self) { try store.rename("Nobody", to: "Somebody") }
        #expect(try store.graph() == before)
        #expect(try store.corrections().isEmpty)
    }

    @Test("Corrections are kept in the file: a second handle sees them")
    func persisted() throws {
        let temporary = try TwoParks.store()
        try temporary.store.split("Park Jin", aliases: ["Park"], as: "Park Ju-min")
        let reopened = try GraphStore(path: temporary.path, create: false)
        #expect(try reopened.entity(named: "Park")?.name == "Park Ju-min")
        #expect(try reopened.corrections().count == 1)
    }
}

@Suite("Path queries")
struct PathQueryTests {
    @Test("The shortest chain follows edges either way and carries each step's evidence")
    func shortest() throws {
        let temporary = try Diplomacy.store()
        let path = try #require(try temporary.store.path(from: "U.S. Department of State", to: "Foreign Ministry"))
        #expect(path.steps.map(\.to.name) == ["Antony Blinken", "Wang Yi", "Chinese Ministry of Foreign Affairs"])
        #expect(path.steps.map(\.relation) == [.affiliatedWith, .metWith, .affiliatedWith])
        #expect(path.steps.map(\.direction) == [.incoming, .both, .outgoing])
        #expect(path.steps[1].evidence?.sentence == "Blinken also met Wang Yi.")
    }

    @Test("A relation filter can make the chain longer or impossible")
    func filtered() throws {
        let temporary = try Diplomacy.store()
        let direct = try #require(try temporary.store.path(from: "China", to: "Antony Blinken"))
        #expect(direct.steps.count == 1)
        let meetingsOnly = try #require(try temporary.store.path(from: "China", to: "Antony Blinken", relations: [.metWith]))
        #expect(meetingsOnly.steps.isEmpty)
        let short = try #require(try temporary.store.path(from: "U.S. Department of State", to: "Foreign Ministry", maximumLength: 2))
        #expect(short.steps.isEmpty)
    }

    @Test("Unknown names give nil; an entity to itself is an empty chain")
    func edges() throws {
        let temporary = try Diplomacy.store()
        #expect(try temporary.store.path(from: "Nobody", to: "China") == nil)
        #expect(try temporary.store.path(from: "China", to: "Beijing")?.steps.isEmpty == true)
    }

    @Test("A family name written first ('Wang' of 'Wang Yi') finds the person when no alias says it")
    func familyNameFirst() throws {
        let temporary = try Diplomacy.store()
        #expect(try temporary.store.entity(named: "wang")?.name == "Wang Yi")
        #expect(try temporary.store.entity(named: "wan") == nil)
    }
}
