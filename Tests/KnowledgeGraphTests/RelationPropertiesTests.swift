import KnowledgeGraph
import Testing

@Suite("Relation type properties")
struct RelationPropertiesTests {
    @Test("The built-in types read their direction, colour and label from relation-types.tsv")
    func builtIn() {
        #expect(RelationType.builtIn.filter(\.isSymmetric) == [.metWith])
        #expect(RelationType.sanctioned.properties == .init(isSymmetric: false, color: "#c0392b", label: "sanctioned"))
        #expect(RelationType.metWith.properties == .init(isSymmetric: true, color: "#2471a3", label: "met_with"))
        #expect(RelationType.criticized.properties == .init(isSymmetric: false, color: "#d68910", label: "criticized"))
        #expect(RelationType.affiliatedWith.properties == .init(isSymmetric: false, color: "#7f8c8d", label: "affiliated_with"))
    }

    @Test("A type the file does not list (from a user's cues) takes the * row, labelled with its name")
    func unlisted() {
        let funded = RelationType(rawValue: "funded").properties
        #expect(funded == .init(isSymmetric: false, color: "#117a65", label: "funded"))
        #expect(!RelationType(rawValue: "funded").isSymmetric)
    }

    @Test("Each built-in type has a colour of its own")
    func distinctColours() {
        let colours = RelationType.builtIn.map(\.properties.color) + [RelationType(rawValue: "funded").properties.color]
        #expect(Set(colours).count == colours.count)
    }
}

@Suite("Graph filters")
struct GraphFilterTests {
    /// a–b stated in two documents, b–c in one, and a lone person d.
    func sample() -> Graph {
        Graph(
            entities: [
                Entity(id: "a", name: "A", type: .person), Entity(id: "b", name: "B", type: .country),
                Entity(id: "c", name: "C", type: .agency), Entity(id: "d", name: "D", type: .person),
            ],
            relations: [
                Relation(
                    source: "a", type: .criticized, target: "b",
                    evidence: [
                        Evidence(document: "one", sentence: "A criticized B.", start: 0, end: 15),
                        Evidence(document: "two", sentence: "A criticized B again.", start: 0, end: 21),
                        Evidence(document: "two", sentence: "And again.", start: 30, end: 40),
                    ]),
                Relation(
                    source: "c", type: .sanctioned, target: "b",
                    evidence: [
                        Evidence(document: "one", sentence: "C sanctioned B.", start: 20, end: 35)
                    ]),
            ])
    }

    @Test("An edge's weight counts documents, not sentences")
    func weight() {
        #expect(sample().relations.map(\.weight) == [2, 1])
    }

    @Test("The empty filter keeps everything")
    func keepsAll() {
        #expect(GraphFilter().keepsAll)
        #expect(sample().filtered(by: GraphFilter()) == sample())
    }

    @Test("A minimum weight drops light edges and the entities they alone linked")
    func minimumWeight() {
        let heavy = sample().filtered(by: GraphFilter(minimumWeight: 2))
        #expect(heavy.relations.map(\.type) == [.criticized])
        #expect(heavy.entities.map(\.id) == ["a", "b"])
        #expect(heavy.checkInvariants())
    }

    @Test("A relation filter keeps only those edges and their ends")
    func relations() {
        let sanctions = sample().filtered(by: GraphFilter(relations: [.sanctioned]))
        #expect(sanctions.relations.map(\.type) == [.sanctioned])
        #expect(Set(sanctions.entities.map(\.id)) == ["b", "c"])
    }

    @Test("A type filter keeps entities of those types, lone ones too, and the edges between them")
    func types() {
        let people = sample().filtered(by: GraphFilter(types: [.person, .country]))
        #expect(people.entities.map(\.id) == ["a", "b", "d"])
        #expect(people.relations.map(\.type) == [.criticized])
    }

    @Test("An edge walked against its direction is added pointing the way it points")
    func walkedEdges() {
        var graph = Graph(entities: sample().entities, relations: [])
        let evidence = Evidence(document: "one", sentence: "C sanctioned B.", start: 20, end: 35)
        graph.addEdge(from: "b", .sanctioned, to: "c", reversed: true, evidence: evidence)
        graph.addEdge(from: "a", .criticized, to: "b", reversed: false, evidence: nil)
        #expect(graph.relations.map { "\($0.source) \($0.type) \($0.target)" } == ["c sanctioned b", "a criticized b"])
        #expect(graph.relations[0].evidence == [evidence])
        #expect(graph.relations[1].evidence.isEmpty)
    }
}
