import Foundation
import GraphExport
import KnowledgeGraph
import Testing

private let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

@Suite("Export formats")
struct ExportFormatTests {
    @Test("Every format round-trips its name", arguments: ExportFormat.allCases)
    func names(format: ExportFormat) {
        #expect(ExportFormat(rawValue: format.rawValue) == format)
    }

    @Test("Every format renders a small graph into what its readers expect", arguments: ExportFormat.allCases)
    func rendersSample(format: ExportFormat) throws {
        let graph = exportSample()
        switch try format.export(graph, layout: .dot) {
        case .file(let bytes):
            #expect(!format.writesFolder)
            #expect(try format.render(graph, layout: .dot) == bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            switch format {
            case .dot:
                #expect(text.hasPrefix("digraph newsgraph {"))
                #expect(text.contains("习近平"))
            case .svg:
                #expect(text.contains("<svg"))
                #expect(XMLOutline.parse(text).error == nil)
            case .png:
                #expect(Array(bytes.prefix(8)) == pngMagic)
            case .json:
                let decoded = try JSONDecoder().decode(Graph.self, from: Data(bytes))
                #expect(decoded.entities.map(\.id) == graph.entities.map(\.id))
                #expect(decoded.relations.map(\.key) == graph.relations.map(\.key))
            case .graphml:
                let outline = XMLOutline.parse(text)
                #expect(outline.error == nil)
                #expect(outline.elements(named: "node").count == graph.entities.count)
                #expect(outline.elements(named: "edge").count == graph.relations.count)
            case .nodeLink:
                let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
                #expect((object["nodes"] as? [Any])?.count == graph.entities.count)
                #expect((object["links"] as? [Any])?.count == graph.relations.count)
            case .csv:
                Issue.record("csv is written into a folder")
            }
        case .folder(let files):
            #expect(format.writesFolder)
            #expect(files.count >= 2)
            #expect(files.allSatisfy { !$0.contents.isEmpty && !$0.name.isEmpty })
            #expect(throws: ExportError.self) { try format.render(graph) }
            if format == .csv {
                #expect(files.map(\.name) == [Neo4jCSVWriter.nodesFileName, Neo4jCSVWriter.relationshipsFileName])
                let nodes = String(decoding: files[0].contents, as: UTF8.self)
                #expect(nodes.split(separator: "\n").count == graph.entities.count + 1)
            }
        }
    }

    @Test("The dispatch writes exactly what each writer writes")
    func sameBytesAsWriters() throws {
        let graph = exportSample()
        #expect(try ExportFormat.dot.render(graph) == Array(DOTWriter().write(graph).utf8))
        #expect(try ExportFormat.json.render(graph) == JSONWriter.bytes(of: graph))
        #expect(try ExportFormat.graphml.render(graph) == Array(GraphMLWriter.write(graph).utf8))
        #expect(try ExportFormat.nodeLink.render(graph) == Array(try NodeLinkWriter.write(graph).utf8))
        let (nodes, relationships) = Neo4jCSVWriter.write(graph)
        guard case .folder(let files) = try ExportFormat.csv.export(graph) else {
            Issue.record("csv is not a folder")
            return
        }
        #expect(files.map(\.contents) == [Array(nodes.utf8), Array(relationships.utf8)])
    }

    @Test(
        "A file name's extension picks the format",
        arguments: [
            ("dot", ExportFormat.dot), ("GV", .dot), ("svg", .svg), ("png", .png), ("json", .json),
            ("graphml", .graphml), ("xml", .graphml), ("csv", .csv),
        ])
    func pathExtensions(name: String, format: ExportFormat) {
        #expect(ExportFormat(pathExtension: name) == format)
    }

    @Test("An extension no format claims is no format", arguments: ["", "txt", "node-link", "jsonl"])
    func unknownExtensions(name: String) {
        #expect(ExportFormat(pathExtension: name) == nil)
    }

    @Test("Drawings take each relation type's colour, label and direction from its properties")
    func relationStyles() {
        var graph = Graph()
        for id in ["a", "b", "c"] { graph.add(Entity(id: id, name: id.uppercased(), type: .country)) }
        graph.add(Relation(source: "a", type: .metWith, target: "b"))
        graph.add(Relation(source: "b", type: "funded", target: "c"))
        let dot = DOTWriter().write(graph)
        let met = RelationType.metWith.properties
        let funded = RelationType(rawValue: "funded").properties
        #expect(dot.contains("label=\"\(met.label)\", color=\"\(met.color)\", fontcolor=\"\(met.color)\", dir=none"))
        #expect(dot.contains("label=\"funded\", color=\"\(funded.color)\", fontcolor=\"\(funded.color)\"];"))
        #expect(met.color != funded.color)
    }
}
