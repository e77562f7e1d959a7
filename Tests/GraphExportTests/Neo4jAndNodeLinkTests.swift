import Foundation
import Testing
import GraphExport
import KnowledgeGraph

/// Splits CSV text into rows of fields, honouring quotes and doubled quotes.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if inQuotes {
            if character == "\"" {
                if characters.first == "\"" {
                    field.append("\"")
                    characters.removeFirst()
                } else {
                    inQuotes = false
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == "," {
            row.append(field)
            field = ""
        } else if character == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
}

@Suite("Neo4j CSV output")
struct Neo4jCSVWriterTests {
    @Test("Headers carry Neo4j's import columns and every row has as many fields")
    func headers() {
        let (nodes, relationships) = Neo4jCSVWriter.write(exportSample())
        let nodeRows = parseCSV(nodes)
        let relationshipRows = parseCSV(relationships)
        #expect(nodeRows.first == ["id:ID", "name", "type", "mentions:int", "aliases:string[]", ":LABEL"])
        #expect(relationshipRows.first == [":START_ID", ":END_ID", ":TYPE", "weight:int", "evidence", "documents:string[]"])
        #expect(nodeRows.count == 1 + 5)
        #expect(relationshipRows.count == 1 + 3)
        #expect(nodeRows.allSatisfy { $0.count == 6 })
        #expect(relationshipRows.allSatisfy { $0.count == 6 })
    }

    @Test("Names with commas, quotes and other scripts survive; labels and types follow Neo4j style")
    func values() throws {
        let (nodes, relationships) = Neo4jCSVWriter.write(exportSample())
        let nodeRows = parseCSV(nodes).dropFirst()
        let xi = try #require(nodeRows.first { $0[0] == "xi-jinping" })
        #expect(xi[1] == "习近平")
        #expect(xi[5] == "Entity;Person")
        let treasury = try #require(nodeRows.first { $0[0] == "us-treasury" })
        #expect(treasury[3] == "3")
        #expect(treasury[4] == "Treasury")
        #expect(treasury[5] == "Entity;Agency")

        let edges = parseCSV(relationships).dropFirst()
        let meeting = try #require(edges.first { $0[2] == "MET_WITH" })
        #expect(meeting[3] == "2")
        #expect(meeting[4] == "Erdoğan met Xi in \"Beijing\".")
        #expect(meeting[5] == "ankara;summit")
        // Every edge end is a node id.
        let ids = Set(nodeRows.map { $0[0] })
        #expect(edges.allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) })
    }

    @Test("Line breaks and semicolons inside values cannot break rows or arrays")
    func hostileText() {
        let graph = Graph(
            entities: [
                Entity(name: "A", type: .person, aliases: ["x;y"], mentions: 1),
                Entity(name: "B", type: .country, mentions: 1),
            ],
            relations: [Relation(source: "a", type: .criticized, target: "b",
                                 evidence: [Evidence(document: "d;1", sentence: "A\ncriticized B.", start: 0, end: 14)])])
        let (nodes, relationships) = Neo4jCSVWriter.write(graph)
        #expect(nodes.split(separator: "\n").count == 3)
        #expect(parseCSV(nodes)[1][4] == "x,y")
        let edge = parseCSV(relationships)[1]
        #expect(edge[4] == "A criticized B.")
        #expect(edge[5] == "d,1")
    }
}

@Suite("Node-link JSON output")
struct NodeLinkWriterTests {
    @Test("The document has networkx's node-link keys, with edges under links and a key per edge")
    func shape() throws {
        let data = Data(try NodeLinkWriter.write(exportSample()).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["directed"] as? Bool == true)
        #expect(object["multigraph"] as? Bool == true)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(nodes.count == 5)
        #expect(links.count == 3)
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        for link in links {
            #expect(ids.contains(link["source"] as? String ?? ""))
            #expect(ids.contains(link["target"] as? String ?? ""))
            #expect(link["key"] as? String == link["relation"] as? String)
        }
        let meeting = try #require(links.first { $0["key"] as? String == "met_with" })
        #expect(meeting["weight"] as? Int == 2)
        #expect(meeting["symmetric"] as? Bool == true)
        let evidence = try #require(meeting["evidence"] as? [[String: Any]])
        #expect(evidence.count == 2)
        #expect(evidence.allSatisfy { $0["rationale"] == nil })
        let erdogan = try #require(nodes.first { $0["id"] as? String == "recep-tayyip-erdogan" })
        #expect(erdogan["type"] as? String == "person")
        #expect(erdogan["aliases"] as? [String] == ["Erdoğan"])
    }

    @Test("The export format is known by name and by file extension")
    func formats() {
        #expect(ExportFormat(rawValue: "node-link") == .nodeLink)
        #expect(ExportFormat(pathExtension: "CSV") == .csv)
    }
}
