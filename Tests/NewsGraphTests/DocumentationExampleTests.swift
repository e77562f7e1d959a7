import Foundation
import NewsGraph
import Testing

/// The examples of Sources/NewsGraph/NewsGraph.docc, run as written there.
@Suite("Documentation examples")
struct DocumentationExampleTests {
    static let articles = [
        Article(
            document: "talks",
            text: """
                Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Beijing on Monday.
                """),
        Article(
            document: "sanctions",
            text: """
                The U.S. Treasury Department sanctioned Iran's Islamic Revolutionary Guard Corps on Tuesday. \
                Secretary of State Antony Blinken criticized Iran.
                """),
    ]

    @Test("The overview's example extracts Blinken meeting Wang Yi and writes it as the graph JSON")
    func overview() throws {
        let extractor = try GraphExtractor()
        let graph = extractor.graph(of: Self.articles[0])
        let json = try ExportFormat.json.render(graph)
        let decoded = try JSONDecoder().decode(Graph.self, from: Data(json))
        #expect(decoded.relations.contains { $0.type == .metWith && Set([$0.source, $0.target]) == ["antony-blinken", "wang-yi"] })
        #expect(String(decoding: json, as: UTF8.self).contains("\"type\" : \"met_with\""))
    }

    @Test("A neighbors answer becomes a graph: the origin, each neighbor, and the edge it was reached by")
    func neighborhoodGraph() throws {
        let folder = try TemporaryFolder()
        let extractor = try GraphExtractor()
        let store = try GraphStore(path: folder.file("news.sqlite"))
        for article in Self.articles {
            try store.add(extractor.graph(of: article), article: article.record)
        }
        let (origin, neighbors) = try #require(try store.neighbors(of: "Blinken"))
        let graph = Graph(neighborhoodOf: origin, neighbors: neighbors)
        #expect(graph.entities.first?.id == origin.id)
        #expect(Set(graph.entities.dropFirst().map(\.id)) == Set(neighbors.map(\.entity.id)))
        #expect(graph.relations.count == neighbors.count)
        // Blinken criticized Iran: the edge points from Blinken, whichever end the walk started at.
        #expect(graph.relations.contains { $0.type == .criticized && $0.source == origin.id })
        let incoming = try #require(try store.neighbors(of: "Iran", query: NeighborQuery(relations: [.criticized])))
        let reversed = Graph(neighborhoodOf: incoming.0, neighbors: incoming.1)
        #expect(reversed.relations.map(\.source) == [origin.id])
        #expect(try ExportFormat.svg.render(graph).starts(with: Array("<?xml".utf8)))
    }

    @Test("A path answer becomes a chain graph whose edges point the way the stored edges point")
    func pathGraph() throws {
        let folder = try TemporaryFolder()
        let extractor = try GraphExtractor()
        let store = try GraphStore(path: folder.file("news.sqlite"))
        for article in Self.articles {
            try store.add(extractor.graph(of: article), article: article.record)
        }
        let path = try #require(try store.path(from: "Iran", to: "Wang Yi"))
        let chain = Graph(path: path)
        #expect(chain.entities.count == path.steps.count + 1)
        #expect(chain.relations.count == path.steps.count)
        #expect(chain.relations.contains { $0.type == .criticized && $0.target == path.origin.id })
    }
}
