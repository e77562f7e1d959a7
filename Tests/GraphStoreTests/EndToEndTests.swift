import Testing
import NewsGraph

@Suite("Extracting and storing an article")
struct EndToEndTests {
    @Test("A sentence about a meeting becomes a met_with edge that neighbors() finds by surname")
    func meetingSentence() throws {
        let text = "Secretary of State Antony Blinken met with Chinese President Xi Jinping in Beijing on Monday."
        let article = Article(document: "blinken-xi", text: text)
        let extractor = try GraphExtractor()
        let graph = extractor.graph(of: article)
        let extracted = "entities: \(graph.entities.map { "\($0.name) [\($0.type.rawValue)] aliases \($0.aliases)" }); "
            + "relations: \(graph.relations.map { "\($0.source) -\($0.type)-> \($0.target)" })"

        let temporary = try TemporaryStore()
        #expect(try temporary.store.add(graph, article: article.record) == .added)
        let found = try temporary.store.neighbors(of: "blinken")
        let (origin, neighbors) = try #require(found, "no entity 'blinken'; extractor gave \(extracted)")
        #expect(origin.name == "Antony Blinken", "extractor gave \(extracted)")
        let xi = neighbors.first { $0.entity.name == "Xi Jinping" }
        #expect(xi?.relation == .metWith, "neighbors: \(neighbors.map { "\($0.relation) \($0.entity.name)" }); extractor gave \(extracted)")
        #expect(xi?.entity.type == .person)
        #expect(xi?.weight == 1)
        #expect(xi?.evidence?.document == "blinken-xi")
        #expect(xi?.evidence?.sentence == text)
    }
}
