import Foundation
import GraphExport
import KnowledgeGraph
import Testing

/// Two edges: one stated on three days (given out of order), one in an undated article.
private func datedSample() -> Graph {
    Graph(
        entities: [
            Entity(name: "Ines Duarte", type: .person),
            Entity(name: "Chile", type: .country),
            Entity(name: "Peru", type: .country),
        ],
        relations: [
            Relation(source: "ines-duarte", type: .criticized, target: "chile", evidence: [
                Evidence(document: "b", sentence: "Duarte criticized Chile again.", start: 0, end: 30, date: "2024-05-02"),
                Evidence(document: "a", sentence: "Duarte criticized Chile.", start: 0, end: 24, date: "2023-11-20"),
                Evidence(document: "c", sentence: "Duarte criticized Chile once more.", start: 0, end: 34, date: "2024-01-09"),
            ]),
            Relation(source: "chile", type: .metWith, target: "peru", evidence: [
                Evidence(document: "d", sentence: "Chile met Peru.", start: 0, end: 15),
            ]),
        ])
}

@Suite("Exports carry when each edge was first and last seen")
struct EdgeDateTests {
    @Test("JSON: first_seen and last_seen are the earliest and latest evidence dates; each evidence keeps its date")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: Data(JSONWriter.write(datedSample()).utf8)) as? [String: Any]
        let relations = try #require(object?["relations"] as? [[String: Any]])
        #expect(relations[0]["first_seen"] as? String == "2023-11-20")
        #expect(relations[0]["last_seen"] as? String == "2024-05-02")
        let dates = (relations[0]["evidence"] as? [[String: Any]])?.compactMap { $0["date"] as? String }
        #expect(dates == ["2024-05-02", "2023-11-20", "2024-01-09"])
        // An edge with no dated evidence says nothing rather than something false.
        #expect(relations[1]["first_seen"] == nil && relations[1]["last_seen"] == nil)
        #expect((relations[1]["evidence"] as? [[String: Any]])?.first?["date"] == nil)
    }

    @Test("GraphML: first_seen and last_seen are declared edge keys with the dates")
    func graphML() throws {
        let outline = XMLOutline.parse(GraphMLWriter.write(datedSample()))
        #expect(outline.error == nil)
        let keys = outline.elements(named: "key").filter { ["first_seen", "last_seen"].contains($0.attributes["id"]) }
        #expect(keys.map { $0.attributes["for"] } == ["edge", "edge"])
        let data = outline.elements(named: "data")
        #expect(data.filter { $0.attributes["key"] == "first_seen" }.map(\.text) == ["2023-11-20"])
        #expect(data.filter { $0.attributes["key"] == "last_seen" }.map(\.text) == ["2024-05-02"])
    }

    @Test("Node-link: each link has first_seen and last_seen, and its evidence its dates")
    func nodeLink() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try NodeLinkWriter.write(datedSample()).utf8)) as? [String: Any]
        let links = try #require(object?["links"] as? [[String: Any]])
        #expect(links[0]["first_seen"] as? String == "2023-11-20")
        #expect(links[0]["last_seen"] as? String == "2024-05-02")
        #expect(links[1]["first_seen"] == nil)
        #expect(((links[0]["evidence"] as? [[String: Any]])?.first?["date"]) as? String == "2024-05-02")
    }
}

@Suite("The JSON writer writes what Foundation's encoder wrote")
struct JSONWriterFormatTests {
    @Test("Byte for byte the same as JSONEncoder (pretty, sorted keys, slashes kept) on names and sentences that need escaping")
    func sameAsFoundation() throws {
        let graph = Graph(
            entities: [
                Entity(name: "Tab\tand \"quote\" and back\\slash", type: .person, aliases: ["a/b", "line\nbreak", "\u{01}\u{1F}\u{7F}é😀"]),
                Entity(name: "No Aliases", type: .organization, mentions: 12),
            ],
            relations: [
                Relation(source: "tab-and-quote-and-back-slash", type: .criticized, target: "no-aliases", evidence: [
                    Evidence(document: "d/1", sentence: "He said \"no\"\u{08}\u{0C}\r.", start: 3, end: 17),
                ]),
                Relation(source: "no-aliases", type: .sanctioned, target: "tab-and-quote-and-back-slash"),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(graph), as: UTF8.self) + "\n"
        #expect(JSONWriter.write(graph) == expected)
        #expect(JSONWriter.write(Graph()) == String(decoding: try encoder.encode(Graph()), as: UTF8.self) + "\n")
    }
}
