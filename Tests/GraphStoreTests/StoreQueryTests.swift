import Foundation
import Testing
import GraphStore
import KnowledgeGraph

@Suite("Neighbor queries")
struct NeighborQueryTests {
    @Test("An entity is found by an alias in any case, and its neighbors come heaviest first")
    func byAlias() throws {
        let temporary = try Diplomacy.store()
        let (origin, neighbors) = try #require(try temporary.store.neighbors(of: "blinken"))
        #expect(origin.name == "Antony Blinken")
        #expect(origin.id == "antony-blinken")
        #expect(neighbors.map(\.entity.name) == ["Xi Jinping", "China", "U.S. Department of State", "Wang Yi"])
        #expect(neighbors.allSatisfy { $0.depth == 1 && $0.via == "antony-blinken" })
        #expect(try temporary.store.neighbors(of: "SECRETARY BLINKEN")?.0.id == "antony-blinken")
        #expect(try temporary.store.neighbors(of: "Nobody At All") == nil)
    }

    @Test("Weight counts distinct articles, not sentences")
    func weights() throws {
        let temporary = try Diplomacy.store()
        let (_, neighbors) = try #require(try temporary.store.neighbors(of: "Antony Blinken"))
        let xi = try #require(neighbors.first { $0.entity.name == "Xi Jinping" })
        #expect(xi.relation == .metWith)
        #expect(xi.weight == 2)
        #expect(xi.evidence?.document == "talks-1")
        #expect(xi.evidence?.sentence == "Blinken met Xi Jinping in Beijing.")
        let wang = try #require(neighbors.first { $0.entity.name == "Wang Yi" })
        #expect(wang.weight == 1)  // two sentences, one article
    }

    @Test("Directions: met_with goes both ways, others are outgoing or incoming")
    func directions() throws {
        let temporary = try Diplomacy.store()
        let (_, all) = try #require(try temporary.store.neighbors(of: "Antony Blinken"))
        let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.entity.name, $0) })
        #expect(byName["Xi Jinping"]?.direction == .both)
        #expect(byName["U.S. Department of State"]?.direction == .outgoing)
        #expect(byName["China"]?.direction == .incoming)
        #expect(byName["China"]?.relation == .criticized)

        let outgoing = try #require(try temporary.store.neighbors(of: "Antony Blinken", query: NeighborQuery(direction: .outgoing)))
        #expect(Set(outgoing.1.map(\.entity.name)) == ["Xi Jinping", "Wang Yi", "U.S. Department of State"])
        let incoming = try #require(try temporary.store.neighbors(of: "Antony Blinken", query: NeighborQuery(direction: .incoming)))
        #expect(Set(incoming.1.map(\.entity.name)) == ["Xi Jinping", "Wang Yi", "China"])
    }

    @Test("Relation and entity type filters narrow the neighbors")
    func filters() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        let meetings = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(relations: [.metWith])))
        #expect(meetings.1.map(\.entity.name) == ["Xi Jinping", "Wang Yi"])
        let criticism = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(relations: [.criticized, .sanctioned])))
        #expect(criticism.1.map(\.entity.name) == ["China"])
        let countries = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(types: [.country])))
        #expect(countries.1.map(\.entity.name) == ["China"])
        let agencies = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(types: [.agency, .organization])))
        #expect(agencies.1.map(\.entity.name) == ["U.S. Department of State"])
        let none = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(relations: [.sanctioned])))
        #expect(none.1.isEmpty)
    }

    @Test("Depth 2 reaches the neighbors' neighbors, saying which entity led there")
    func depthTwo() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        let shallow = try #require(try store.neighbors(of: "Antony Blinken"))
        #expect(!shallow.1.contains { $0.entity.name == "Chinese Ministry of Foreign Affairs" })

        let deep = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(depth: 2)))
        let ministry = try #require(deep.1.first { $0.entity.name == "Chinese Ministry of Foreign Affairs" })
        #expect(ministry.depth == 2)
        #expect(ministry.via == "wang-yi")
        #expect(ministry.relation == .affiliatedWith)
        #expect(ministry.direction == .outgoing)
        #expect(deep.1.filter { $0.depth == 1 }.map(\.entity.name) == shallow.1.map(\.entity.name))

        let filtered = try #require(try store.neighbors(of: "Antony Blinken", query: NeighborQuery(depth: 2, types: [.agency])))
        #expect(Set(filtered.1.map(\.entity.name)) == ["U.S. Department of State"])
    }

    @Test("Depth 2 does not list the queried entity as its own neighbor or repeat an edge")
    func depthTwoDoesNotLoopBack() throws {
        let temporary = try Diplomacy.store()
        let (origin, neighbors) = try #require(try temporary.store.neighbors(of: "Antony Blinken", query: NeighborQuery(depth: 2)))
        let loops = neighbors.filter { $0.entity.id == origin.id }
        #expect(loops.isEmpty, "origin listed again via \(loops.map(\.via))")
        let edges = neighbors.map { neighbor in
            [neighbor.via, neighbor.entity.id].sorted().joined(separator: " ") + " " + neighbor.relation.rawValue
        }
        #expect(edges.count == Set(edges).count, "edges listed: \(edges)")
    }
}

@Suite("Entity listing and suggestions")
struct EntityListingTests {
    @Test("All entities come most mentioned first")
    func all() throws {
        let temporary = try Diplomacy.store()
        let names = try temporary.store.entities().map(\.name)
        #expect(names == ["Antony Blinken", "China", "Xi Jinping", "Wang Yi", "Chinese Ministry of Foreign Affairs",
                          "U.S. Department of State"])
    }

    @Test("entities(types:matching:) filters by type and by a piece of any name")
    func filtering() throws {
        let temporary = try Diplomacy.store()
        let store = temporary.store
        #expect(try store.entities(types: [.person]).map(\.name) == ["Antony Blinken", "Xi Jinping", "Wang Yi"])
        #expect(try store.entities(matching: "blink").map(\.name) == ["Antony Blinken"])
        #expect(try store.entities(matching: "CHIN").map(\.name) == ["China", "Chinese Ministry of Foreign Affairs"])
        #expect(try store.entities(matching: "beijing").map(\.name) == ["China"])
        #expect(try store.entities(types: [.agency], matching: "state").map(\.name) == ["U.S. Department of State"])
        #expect(try store.entities(types: [.country], matching: "blinken").isEmpty)
        #expect(try store.entities(types: [.organization]).isEmpty)
        let blinken = try #require(try store.entities(matching: "Antony").first)
        #expect(blinken.aliases == ["Blinken", "Secretary Blinken"])
        #expect(blinken.mentions == 6)
    }

    @Test("A misspelt name gets the right suggestion; nonsense gets none")
    func suggestions() throws {
        let temporary = try Diplomacy.store()
        #expect(try temporary.store.entity(named: "Antony Blinkin") == nil)
        #expect(try temporary.store.suggestions(for: "Antony Blinkin") == ["Antony Blinken"])
        #expect(try temporary.store.suggestions(for: "Wang Yee").first == "Wang Yi")
        #expect(try temporary.store.suggestions(for: "Qqqqqqq Zzzz").isEmpty)
    }
}
