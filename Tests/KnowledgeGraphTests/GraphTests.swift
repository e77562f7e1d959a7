import Testing
import KnowledgeGraph

/// A small hand-made graph: two people who met, a country one of them criticized, and an
/// agency that sanctioned a company.
private func sampleGraph() -> Graph {
    let blinken = Entity(name: "Antony Blinken", type: .person, aliases: ["Blinken"], mentions: 3)
    let xi = Entity(name: "Xi Jinping", type: .person, aliases: ["Xi"], mentions: 2)
    let china = Entity(name: "China", type: .country, mentions: 4)
    let treasury = Entity(id: "us-treasury", name: "U.S. Treasury", type: .agency, aliases: ["Treasury"], mentions: 1)
    let huawei = Entity(name: "Huawei", type: .organization, mentions: 1)
    let loner = Entity(name: "Nobody Inparticular", type: .person, mentions: 1)
    let met = Relation(source: "xi-jinping", type: .metWith, target: "antony-blinken", evidence: [
        Evidence(document: "beijing-talks", sentence: "Blinken met Xi in Beijing.", start: 10, end: 36),
    ])
    let criticized = Relation(source: "antony-blinken", type: .criticized, target: "china", evidence: [
        Evidence(document: "beijing-talks", sentence: "Blinken criticized China.", start: 40, end: 65),
    ])
    let sanctioned = Relation(source: "us-treasury", type: .sanctioned, target: "huawei", evidence: [
        Evidence(document: "sanctions", sentence: "The Treasury sanctioned Huawei.", start: 0, end: 31),
    ])
    return Graph(entities: [blinken, xi, china, treasury, huawei, loner], relations: [met, criticized, sanctioned])
}

@Suite("Graph merging")
struct GraphMergingTests {
    @Test("Adding an entity with a known id folds in its aliases and mentions instead of duplicating it")
    func mergesEntities() {
        var graph = Graph()
        graph.add(Entity(name: "Antony Blinken", type: .person, aliases: ["Blinken"], mentions: 2))
        graph.add(Entity(id: "antony-blinken", name: "Secretary Blinken", type: .person,
                         aliases: ["Blinken", "Tony Blinken", "Antony Blinken"], mentions: 3))
        #expect(graph.entities.count == 1)
        let merged = graph.entity(withID: "antony-blinken")
        #expect(merged?.name == "Antony Blinken")
        // Sorted, no duplicates, and never the entity's own name.
        #expect(merged?.aliases == ["Blinken", "Secretary Blinken", "Tony Blinken"])
        #expect(merged?.mentions == 5)
        #expect(graph.checkInvariants())
    }

    @Test("Different ids stay different entities, in the order they were added")
    func keepsDistinctEntities() {
        var graph = Graph()
        graph.add(Entity(name: "Joe Biden", type: .person))
        graph.add(Entity(name: "Hunter Biden", type: .person))
        #expect(graph.entities.map(\.id) == ["joe-biden", "hunter-biden"])
        #expect(graph.entity(withID: "biden") == nil)
    }

    @Test("Adding the same edge again appends only evidence it did not have")
    func mergesEvidence() {
        let first = Evidence(document: "a", sentence: "X met Y.", start: 0, end: 8)
        let second = Evidence(document: "b", sentence: "Y and X met again.", start: 100, end: 118)
        var graph = Graph(entities: [Entity(name: "X", type: .person), Entity(name: "Y", type: .person)], relations: [])
        graph.add(Relation(source: "x", type: .metWith, target: "y", evidence: [first]))
        // The symmetric edge given the other way round is the same edge.
        graph.add(Relation(source: "y", type: .metWith, target: "x", evidence: [first, second]))
        graph.add(Relation(source: "x", type: .metWith, target: "y", evidence: [second]))
        #expect(graph.relations.count == 1)
        #expect(graph.relations[0].evidence == [first, second])
        #expect(graph.checkInvariants())
    }

    @Test("A directed edge and its reverse are two edges")
    func directedEdgesAreDistinct() {
        var graph = Graph(entities: [Entity(name: "X", type: .country), Entity(name: "Y", type: .country)], relations: [])
        graph.add(Relation(source: "x", type: .criticized, target: "y"))
        graph.add(Relation(source: "y", type: .criticized, target: "x"))
        graph.add(Relation(source: "x", type: .sanctioned, target: "y"))
        #expect(graph.relations.map { "\($0.source)-\($0.type)-\($0.target)" } == [
            "x-criticized-y", "y-criticized-x", "x-sanctioned-y",
        ])
    }

    @Test("formUnion merges entities and evidence of both graphs")
    func union() {
        let evidenceA = Evidence(document: "a", sentence: "A.", start: 0, end: 2)
        let evidenceB = Evidence(document: "b", sentence: "B.", start: 5, end: 7)
        var left = Graph(entities: [Entity(name: "France", type: .country, mentions: 2), Entity(name: "Mali", type: .country)],
                         relations: [Relation(source: "france", type: .criticized, target: "mali", evidence: [evidenceA])])
        let right = Graph(entities: [Entity(name: "France", type: .country, aliases: ["French Republic"], mentions: 1),
                                     Entity(name: "Mali", type: .country)],
                          relations: [Relation(source: "france", type: .criticized, target: "mali", evidence: [evidenceB])])
        left.formUnion(right)
        #expect(left.entities.count == 2)
        #expect(left.entity(withID: "france")?.mentions == 3)
        #expect(left.entity(withID: "france")?.aliases == ["French Republic"])
        #expect(left.relations.count == 1)
        #expect(left.relations[0].evidence == [evidenceA, evidenceB])
        #expect(left.checkInvariants())
    }

    @Test("Adding a relation whose endpoint is missing stops the program")
    func missingEndpointTraps() async {
        await #expect(processExitsWith: .failure) {
            var graph = Graph(entities: [Entity(name: "Only", type: .person)], relations: [])
            graph.add(Relation(source: "only", type: .metWith, target: "ghost"))
        }
    }
}

@Suite("Graph filtering and degrees")
struct GraphQueryTests {
    @Test("filtered keeps the chosen entities and only the relations between them")
    func filteredByEntity() {
        let people = sampleGraph().filtered(entities: { $0.type == .person })
        #expect(people.entities.map(\.id) == ["antony-blinken", "xi-jinping", "nobody-inparticular"])
        #expect(people.relations.count == 1)
        #expect(people.relations.first?.type == .metWith)
        #expect(people.relations.first?.evidence.count == 1)
        #expect(people.entity(withID: "antony-blinken")?.aliases == ["Blinken"])
        #expect(people.checkInvariants())
    }

    @Test("filtered can also drop relations by type while keeping every entity")
    func filteredByRelation() {
        let graph = sampleGraph()
        let noMeetings = graph.filtered(entities: { _ in true }, relations: { $0.type != .metWith })
        #expect(noMeetings.entities.count == graph.entities.count)
        #expect(Set(noMeetings.relations.map(\.type)) == [.criticized, .sanctioned])
        #expect(noMeetings.checkInvariants())
    }

    @Test("filtered to nothing gives an empty graph")
    func filteredToNothing() {
        let empty = sampleGraph().filtered(entities: { _ in false })
        #expect(empty.entities.isEmpty)
        #expect(empty.relations.isEmpty)
        #expect(empty == Graph())
    }

    @Test("degrees counts the relations touching each entity; isolated entities are absent")
    func degrees() {
        let degrees = sampleGraph().degrees()
        #expect(degrees == ["antony-blinken": 2, "xi-jinping": 1, "china": 1, "us-treasury": 1, "huawei": 1])
        #expect(degrees["nobody-inparticular"] == nil)
    }

    @Test("Evidence does not add to degree: one edge with many sentences counts once")
    func degreesIgnoreEvidence() {
        var graph = Graph(entities: [Entity(name: "A", type: .country), Entity(name: "B", type: .country)], relations: [])
        for index in 0..<3 {
            graph.add(Relation(source: "a", type: .sanctioned, target: "b",
                               evidence: [Evidence(document: "d", sentence: "s\(index)", start: index, end: index + 1)]))
        }
        #expect(graph.relations.first?.evidence.count == 3)
        #expect(graph.degrees() == ["a": 1, "b": 1])
    }

    @Test("checkInvariants holds for empty, built, merged and filtered graphs")
    func invariants() {
        #expect(Graph().checkInvariants())
        var graph = sampleGraph()
        #expect(graph.checkInvariants())
        graph.formUnion(sampleGraph())
        #expect(graph.checkInvariants())
        #expect(graph.entities.count == 6)
        #expect(graph.entity(withID: "china")?.mentions == 8)
        #expect(graph.filtered(entities: { $0.type != .agency }).checkInvariants())
    }
}

@Suite("Graph reserve")
struct GraphReserveTests {
    @Test("A union into a graph with room reserved is the union without")
    func reservedUnion() {
        var plain = Graph()
        var reserved = Graph()
        for round in 0..<20 {
            var other = sampleGraph()
            other.add(Entity(name: "Person \(round)", type: .person, mentions: 1))
            other.add(Relation(source: "antony-blinken", type: .metWith, target: "person-\(round)", evidence: [
                Evidence(document: "d\(round)", sentence: "Blinken met Person \(round).", start: 0, end: 10),
            ]))
            reserved.reserveCapacity(entities: other.entities.count, relations: other.relations.count)
            plain.formUnion(other)
            reserved.formUnion(other)
        }
        #expect(reserved == plain)
        #expect(reserved.checkInvariants())
        #expect(reserved.entities.count == 26)
    }
}
