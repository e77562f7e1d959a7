import Foundation
import Testing
import GraphExport
import KnowledgeGraph

@Suite("GraphML output")
struct GraphMLWriterTests {
    @Test("GraphML is well-formed XML with typed keys for nodes and edges")
    func keys() throws {
        let outline = XMLOutline.parse(GraphMLWriter.write(exportSample()))
        #expect(outline.error == nil)
        #expect(outline.elements.first?.name == "graphml")
        var declared: [String: (domain: String, type: String)] = [:]
        for key in outline.elements(named: "key") {
            declared[key.attributes["id"] ?? ""] = (key.attributes["for"] ?? "", key.attributes["attr.type"] ?? "")
        }
        #expect(declared["name"]?.domain == "node")
        #expect(declared["name"]?.type == "string")
        #expect(declared["type"]?.type == "string")
        #expect(declared["mentions"]?.domain == "node")
        #expect(declared["mentions"]?.type == "int")
        #expect(declared["relation"]?.domain == "edge")
        #expect(declared["weight"]?.domain == "edge")
        #expect(declared["weight"]?.type == "int")
        #expect(declared["evidence"]?.type == "string")
        // Every data element refers to a declared key.
        for data in outline.elements(named: "data") {
            #expect(declared[data.attributes["key"] ?? ""] != nil)
        }
        #expect(outline.elements(named: "graph").first?.attributes["edgedefault"] == "directed")
    }

    @Test("Nodes and edges carry the graph's values, with special characters intact")
    func values() throws {
        let graph = exportSample()
        let outline = XMLOutline.parse(GraphMLWriter.write(graph))
        #expect(outline.error == nil)
        let nodes = outline.elements(named: "node")
        #expect(nodes.map { $0.attributes["id"] ?? "" } == graph.entities.map(\.id))
        let edges = outline.elements(named: "edge")
        #expect(edges.count == 3)
        #expect(edges.first?.attributes["source"] == "recep-tayyip-erdogan")
        #expect(edges.first?.attributes["target"] == "xi-jinping")
        let data = outline.elements(named: "data")
        let names = data.filter { $0.attributes["key"] == "name" }.map(\.text)
        #expect(names == ["Recep Tayyip Erdoğan", "习近平", "AT&T", "U.S. Treasury", "Türkiye"])
        let mentions = data.filter { $0.attributes["key"] == "mentions" }.map(\.text)
        #expect(mentions == ["4", "2", "1", "3", "5"])
        let aliases = data.filter { $0.attributes["key"] == "aliases" }.map(\.text)
        #expect(aliases.first == "Erdoğan")
        // Weight is the number of distinct documents; the first sentence is the evidence.
        let weights = data.filter { $0.attributes["key"] == "weight" }.map(\.text)
        #expect(weights == ["2", "1", "0"])
        let evidence = data.filter { $0.attributes["key"] == "evidence" }.map(\.text)
        #expect(evidence.first == "Erdoğan met Xi in \"Beijing\".")
        #expect(evidence.dropFirst().first == "Treasury sanctioned AT&T.")
        let documents = data.filter { $0.attributes["key"] == "documents" }.map(\.text)
        #expect(documents.first == "ankara|summit")
    }

    @Test("Control characters XML cannot hold are dropped, markup characters escaped")
    func hostileText() throws {
        let graph = Graph(entities: [
            Entity(id: "x<&>'\"", name: "Bell\u{07}\u{0}Corp <\"O'Neil\" & Sons>", type: .organization),
        ], relations: [])
        let outline = XMLOutline.parse(GraphMLWriter.write(graph))
        #expect(outline.error == nil)
        #expect(outline.elements(named: "node").first?.attributes["id"] == "x<&>'\"")
        #expect(outline.elements(named: "data").first?.text == "BellCorp <\"O'Neil\" & Sons>")
    }

    @Test("An empty graph is still a valid GraphML document")
    func empty() {
        let outline = XMLOutline.parse(GraphMLWriter.write(Graph()))
        #expect(outline.error == nil)
        #expect(outline.elements(named: "graph").count == 1)
        #expect(outline.elements(named: "node").isEmpty)
    }
}

@Suite("JSON output")
struct JSONWriterTests {
    @Test("JSON output decodes back to the same graph, without rationales")
    func roundTrip() throws {
        let graph = exportSample()
        let text = JSONWriter.write(graph)
        #expect(text.hasSuffix("}\n"))
        let decoded = try JSONDecoder().decode(Graph.self, from: Data(text.utf8))
        #expect(decoded.entities == graph.entities)
        #expect(decoded.relations.map(\.key) == graph.relations.map(\.key))
        // Only the rationale, which is not part of the JSON contract, is left out.
        var expected = graph.relations[0].evidence
        expected[0].rationale = nil
        #expect(decoded.relations[0].evidence == expected)
        #expect(decoded.relations[1].evidence == graph.relations[1].evidence)
        #expect(!text.contains("rationale"))
        #expect(!text.contains("cue met"))
    }

    @Test("A graph without rationales round-trips exactly")
    func exactRoundTrip() throws {
        let graph = exportSample().filtered(entities: { _ in true }, relations: { $0.type != .metWith })
        let decoded = try JSONDecoder().decode(Graph.self, from: Data(JSONWriter.write(graph).utf8))
        #expect(decoded == graph)
    }

    @Test("A sentence found by two cues is one piece of evidence in the JSON")
    func sameSentenceTwoCues() throws {
        var graph = Graph(entities: [Entity(name: "Mali", type: .country), Entity(name: "ECOWAS", type: .organization)],
                          relations: [])
        let sentence = "ECOWAS condemned and criticized Mali."
        for cue in ["cue 'condemned'", "cue 'criticized'"] {
            graph.add(Relation(source: "ecowas", type: .criticized, target: "mali", evidence: [
                Evidence(document: "summit", sentence: sentence, start: 12, end: 49, rationale: cue),
            ]))
        }
        let decoded = try JSONDecoder().decode(Graph.self, from: Data(JSONWriter.write(graph).utf8))
        #expect(decoded.relations.count == 1)
        #expect(decoded.relations.first?.evidence == [Evidence(document: "summit", sentence: sentence, start: 12, end: 49)])
    }

    @Test("Rationales are kept when asked for")
    func withRationale() throws {
        let graph = exportSample()
        let text = JSONWriter.write(graph, includeRationale: true)
        let decoded = try JSONDecoder().decode(Graph.self, from: Data(text.utf8))
        #expect(decoded == graph)
        #expect(decoded.relations[0].evidence[0].rationale == "cue met")
    }

    @Test("Text past the writer's first buffer and its estimate round-trips, escapes and numbers included")
    func largeGraph() throws {
        // Names far longer than the writer's estimate per entity (160 bytes) make it grow its
        // buffer while writing, escapes fall on both sides of each growth, and the numbers have
        // one to nineteen digits.
        let entities = (0..<40).map { index in
            Entity(name: "Minister \(index) \"quoted\"\t" + String(repeating: "é/\\", count: 300 + index), type: .person)
        }
        let relations = (1..<entities.count).map { index in
            Relation(source: entities[index - 1].id, type: .metWith, target: entities[index].id, evidence: [
                Evidence(document: "talks \(index)", sentence: String(repeating: "They met\n", count: index),
                         start: index == 1 ? 0 : Int.max / (index * 7), end: Int.max - index)
            ])
        }
        let graph = Graph(entities: entities, relations: relations)
        let text = JSONWriter.write(graph)
        #expect(text.utf8.count > 40 * 900)
        #expect(try JSONDecoder().decode(Graph.self, from: Data(text.utf8)) == graph)
        #expect(text.contains("\"start\" : 0\n"))
        #expect(text.contains("\"end\" : \(Int.max - 1),\n"))
    }

    @Test("Output is stable: sorted keys, unescaped slashes and non-ASCII text")
    func formatting() {
        let graph = Graph(entities: [Entity(name: "AU/ECOWAS", type: .organization), Entity(name: "习近平", type: .person)],
                          relations: [])
        let text = JSONWriter.write(graph)
        #expect(text.contains("\"AU/ECOWAS\""))
        #expect(text.contains("习近平"))
        #expect(JSONWriter.write(graph) == text)
        let aliases = text.range(of: "\"aliases\"")
        let name = text.range(of: "\"name\"")
        #expect(aliases != nil && name != nil && aliases!.lowerBound < name!.lowerBound)
    }
}
