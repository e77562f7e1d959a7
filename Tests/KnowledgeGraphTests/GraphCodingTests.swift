import Foundation
import Testing
import KnowledgeGraph

private let designExample = """
    {
      "entities": [
        {"id": "antony-blinken", "name": "Antony Blinken", "type": "person",
         "aliases": ["Blinken", "Secretary of State Antony Blinken"], "mentions": 9},
        {"id": "xi-jinping", "name": "Xi Jinping", "type": "person", "aliases": [], "mentions": 4}
      ],
      "relations": [
        {"source": "antony-blinken", "type": "met_with", "target": "xi-jinping",
         "evidence": [{"document": "seed-fentanyl-examiner", "sentence": "Blinken met Xi.", "start": 812, "end": 1010}]}
      ]
    }
    """

private func jsonObject(_ graph: Graph) throws -> [String: Any] {
    let data = try JSONEncoder().encode(graph)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Suite("Graph JSON coding")
struct GraphCodingTests {
    @Test("The documented JSON example decodes into entities, relations and evidence")
    func decodesDesignExample() throws {
        let graph = try JSONDecoder().decode(Graph.self, from: Data(designExample.utf8))
        #expect(graph.entities.count == 2)
        let blinken = try #require(graph.entity(withID: "antony-blinken"))
        #expect(blinken.name == "Antony Blinken")
        #expect(blinken.type == .person)
        #expect(blinken.aliases == ["Blinken", "Secretary of State Antony Blinken"])
        #expect(blinken.mentions == 9)
        let relation = try #require(graph.relations.first)
        #expect(relation.source == "antony-blinken")
        #expect(relation.type == .metWith)
        #expect(relation.target == "xi-jinping")
        #expect(relation.evidence == [
            Evidence(document: "seed-fentanyl-examiner", sentence: "Blinken met Xi.", start: 812, end: 1010),
        ])
        #expect(graph.checkInvariants())
    }

    @Test("Encoding uses exactly the contract's keys and value kinds")
    func encodedShape() throws {
        let graph = try JSONDecoder().decode(Graph.self, from: Data(designExample.utf8))
        let object = try jsonObject(graph)
        #expect(Set(object.keys) == ["entities", "relations"])
        let entities = try #require(object["entities"] as? [[String: Any]])
        #expect(entities.count == 2)
        #expect(Set(entities[0].keys) == ["id", "name", "type", "aliases", "mentions"])
        #expect(entities[0]["id"] as? String == "antony-blinken")
        #expect(entities[0]["type"] as? String == "person")
        #expect(entities[0]["aliases"] as? [String] == ["Blinken", "Secretary of State Antony Blinken"])
        #expect(entities[0]["mentions"] as? Int == 9)
        let relations = try #require(object["relations"] as? [[String: Any]])
        #expect(Set(relations[0].keys) == ["source", "type", "target", "evidence"])
        #expect(relations[0]["type"] as? String == "met_with")
        let evidence = try #require(relations[0]["evidence"] as? [[String: Any]])
        #expect(Set(evidence[0].keys) == ["document", "sentence", "start", "end"])
        #expect(evidence[0]["start"] as? Int == 812)
        #expect(evidence[0]["end"] as? Int == 1010)
    }

    @Test("A graph survives an encode/decode round trip unchanged")
    func roundTrip() throws {
        let original = Graph(
            entities: [
                Entity(name: "Recep Tayyip Erdoğan", type: .person, aliases: ["Erdoğan"], mentions: 3),
                Entity(name: "习近平", type: .person, mentions: 1),
                Entity(name: "AT&T", type: .organization, mentions: 2),
                Entity(name: "Türkiye", type: .country, aliases: ["Turkey"], mentions: 5),
            ],
            relations: [
                Relation(source: "recep-tayyip-erdogan", type: .metWith, target: "习近平", evidence: [
                    Evidence(document: "doc-1", sentence: "Erdoğan met \"Xi\"\nin Ankara.", start: 3, end: 30),
                    Evidence(document: "doc-2", sentence: "They met again.", start: 0, end: 15),
                ]),
                Relation(source: "recep-tayyip-erdogan", type: .affiliatedWith, target: "turkiye"),
                Relation(source: "turkiye", type: "funded", target: "at-t", evidence: [
                    Evidence(document: "doc-3", sentence: "Türkiye funded AT&T.", start: 7, end: 27),
                ]),
            ])
        let data = try JSONEncoder().encode(original)
        let decoded = try JSONDecoder().decode(Graph.self, from: data)
        #expect(decoded == original)
        #expect(decoded.relations.map(\.type) == [.metWith, .affiliatedWith, "funded"])
        #expect(decoded.entity(withID: "turkiye")?.aliases == ["Turkey"])
        #expect(decoded.checkInvariants())
    }

    @Test("A relation that names an entity not in the graph is rejected")
    func unknownEntityThrows() {
        let json = """
            {"entities": [{"id": "a", "name": "A", "type": "country", "aliases": [], "mentions": 1}],
             "relations": [{"source": "a", "type": "sanctioned", "target": "ghost", "evidence": []}]}
            """
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Graph.self, from: Data(json.utf8))
        }
        let unknownSource = json.replacingOccurrences(of: "\"source\": \"a\"", with: "\"source\": \"nobody\"")
            .replacingOccurrences(of: "\"target\": \"ghost\"", with: "\"target\": \"a\"")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Graph.self, from: Data(unknownSource.utf8))
        }
    }

    @Test("An unknown entity type is rejected, but a new relation type is accepted")
    func typeValidation() throws {
        let badEntity = """
            {"entities": [{"id": "a", "name": "A", "type": "planet", "aliases": [], "mentions": 1}], "relations": []}
            """
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Graph.self, from: Data(badEntity.utf8))
        }
        let newRelation = """
            {"entities": [{"id": "a", "name": "A", "type": "country", "aliases": [], "mentions": 1},
                          {"id": "b", "name": "B", "type": "agency", "aliases": [], "mentions": 1}],
             "relations": [{"source": "a", "type": "funded", "target": "b", "evidence": []}]}
            """
        let graph = try JSONDecoder().decode(Graph.self, from: Data(newRelation.utf8))
        #expect(graph.relations.first?.type == RelationType(rawValue: "funded"))
    }

    @Test("Decoding sorts met_with endpoints and merges duplicate edges")
    func decodingNormalizes() throws {
        let json = """
            {"entities": [{"id": "b", "name": "B", "type": "person", "aliases": [], "mentions": 1},
                          {"id": "a", "name": "A", "type": "person", "aliases": [], "mentions": 1}],
             "relations": [
               {"source": "b", "type": "met_with", "target": "a",
                "evidence": [{"document": "d", "sentence": "B met A.", "start": 0, "end": 8}]},
               {"source": "a", "type": "met_with", "target": "b",
                "evidence": [{"document": "d", "sentence": "A met B.", "start": 9, "end": 17}]}
             ]}
            """
        let graph = try JSONDecoder().decode(Graph.self, from: Data(json.utf8))
        #expect(graph.relations.count == 1)
        #expect(graph.relations.first?.source == "a")
        #expect(graph.relations.first?.target == "b")
        #expect(graph.relations.first?.evidence.map(\.start) == [0, 9])
        #expect(graph.checkInvariants())
    }
}
