import Foundation
import GraphStore
import KnowledgeGraph
import NewsGraph
import Testing

/// A person named in one article by a full name and in another by that name going on with a
/// lineage part ("Faisal bin Omar", "Faisal bin Omar Al Ruwaiq"), invented names throughout.
@Suite("A full name joins the one person who has a longer name of it")
struct LongerNameTests {
    private typealias Fixtures = IdentityFixtures

    /// The people of a store, each with their aliases.
    private func people(_ summary: [String]) -> [String] { summary.filter { $0.contains("[person]") } }

    @Test("the shorter and the longer name are one node, in either order and either batching")
    func joinsEitherOrder() throws {
        let articles = [
            (Fixtures.person("Faisal bin Omar", criticized: "Norway", document: "a1"), "a1"),
            (Fixtures.person("Faisal bin Omar Al Ruwaiq", criticized: "Chile", document: "a2"), "a2"),
        ]
        let expected = try Fixtures.graph(after: articles).summary
        #expect(people(expected) == ["Faisal bin Omar Al Ruwaiq [person] [\"Faisal bin Omar\"]"])
        #expect(expected.contains("Faisal bin Omar Al Ruwaiq -criticized-> Norway ×1"))
        #expect(try Fixtures.graph(after: articles.reversed()).summary == expected)
        #expect(try Fixtures.graph(afterBatches: [articles]).summary == expected)
        #expect(try Fixtures.graph(afterBatches: [articles.reversed()]).summary == expected)
    }

    @Test("a name two stored people go on past joins neither, in every order")
    func ambiguousJoinsNone() throws {
        let articles = [
            (Fixtures.person("Faisal bin Omar", criticized: "Norway", document: "b1"), "b1"),
            (Fixtures.person("Faisal bin Omar Al Ruwaiq", criticized: "Chile", document: "b2"), "b2"),
            (Fixtures.person("Faisal bin Omar bin Hamad", criticized: "Peru", document: "b3"), "b3"),
        ]
        var summaries: Set<[String]> = []
        for order in Fixtures.orders(articles) { summaries.insert(try Fixtures.graph(after: order).summary) }
        #expect(summaries.count == 1)
        let people = people(summaries.first ?? [])
        #expect(people.count == 3)
        #expect(people.contains("Faisal bin Omar [person] []"))
    }

    @Test("people of different countries stay two, in either order")
    func differentCountriesJoinNone() throws {
        let articles = [
            (Fixtures.person("Faisal bin Omar", of: "Oman", document: "c1"), "c1"),
            (Fixtures.person("Faisal bin Omar Al Ruwaiq", of: "Qatar", document: "c2"), "c2"),
        ]
        let expected = try Fixtures.graph(after: articles).summary
        #expect(people(expected).count == 2)
        #expect(try Fixtures.graph(after: articles.reversed()).summary == expected)
        // The same country joins them.
        let same = [articles[0], (Fixtures.person("Faisal bin Omar Al Ruwaiq", of: "Oman", document: "c3"), "c3")]
        #expect(people(try Fixtures.graph(after: same).summary).count == 1)
    }

    @Test("a name going on with no lineage part joins nothing")
    func otherExtensionJoinsNone() throws {
        let articles = [
            (Fixtures.person("Faisal Omar", criticized: "Norway", document: "d1"), "d1"),
            (Fixtures.person("Faisal Omar Hamad Ruwaiq", criticized: "Chile", document: "d2"), "d2"),
        ]
        #expect(people(try Fixtures.graph(after: articles).summary).count == 2)
    }

    @Test("split undoes the join, and later articles keep to the split")
    func splitUndoes() throws {
        let articles = [
            (Fixtures.person("Faisal bin Omar", criticized: "Norway", document: "e1"), "e1"),
            (Fixtures.person("Faisal bin Omar Al Ruwaiq", criticized: "Chile", document: "e2"), "e2"),
        ]
        let (_, temporary) = try Fixtures.graph(after: articles)
        let split = try temporary.store.split("Faisal bin Omar Al Ruwaiq", aliases: ["Faisal bin Omar"])
        #expect(split.name == "Faisal bin Omar")
        try temporary.store.add([
            ArticleGraph(Fixtures.person("Faisal bin Omar", criticized: "Peru", document: "e3"), article: record("e3"))
        ])
        let summary = try Fixtures.summary(of: temporary.store)
        #expect(people(summary).count == 2)
        #expect(summary.contains("Faisal bin Omar -criticized-> Norway ×1"))
        #expect(summary.contains("Faisal bin Omar -criticized-> Peru ×1"))
        #expect(summary.contains("Faisal bin Omar Al Ruwaiq -criticized-> Chile ×1"))
    }

    @Test("the shorter names a longer one goes on past")
    func lineagePrefixes() {
        #expect(NameFolding.lineagePrefixes(of: "faisal bin omar bin hamad al ruwaiq") == ["faisal omar", "faisal omar hamad"])
        #expect(NameFolding.lineagePrefixes(of: "faisal bin omar al") == [])
        #expect(NameFolding.lineagePrefixes(of: "faisal omar hamad ruwaiq") == [])
        #expect(NameFolding.lineagePrefixes(of: "omar al ruwaiq") == [])
    }
}
