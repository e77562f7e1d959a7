import KnowledgeGraph
import Testing

@Suite("A body named within another body's name is part of it")
struct BodyWithinNameTests {
    @Test("'Senate Foreign Relations Committee' opens with 'Senate': the committee is part of the Senate")
    func nameOpensWithBody() throws {
        let result = try extract(
            """
            The Senate passed the bill on Tuesday. The Senate Foreign Relations Committee had approved it a week earlier.
            """)
        let committee = try #require(result.graph.entities.first { $0.name.contains("Relations Committee") }, "\(result.summary)")
        #expect(result.has(committee.name, .affiliatedWith, "Senate"), "\(result.summary)")
    }

    @Test("'Council of the European Union' closes with 'of the European Union'")
    func nameClosesWithBody() throws {
        let result = try extract(
            """
            The European Union announced new rules. The Council of the European Union adopted them on Monday.
            """)
        let council = try #require(result.graph.entities.first { $0.name.hasPrefix("Council of") }, "\(result.summary)")
        #expect(result.has(council.name, .affiliatedWith, "European Union"), "\(result.summary)")
    }

    @Test("'Treasury's Office of Foreign Assets Control' opens with a name of the Treasury and a possessive")
    func nameOpensWithOwner() throws {
        let text = """
            The Treasury Department announced new sanctions on Tuesday. \
            The Treasury said the firms had shipped oil for a blacklisted buyer. \
            The Treasury's Office of Foreign Assets Control named five shipping firms.
            """
        let result = try extract(text)
        let office = try #require(result.graph.entities.first { $0.name.contains("Assets Control") }, "\(result.summary)")
        let features = try candidateFeatures(text, .affiliatedWith, from: office.name, to: "Treasury Department")
        #expect(features.contains("rule|within-name"), "\(features.sorted())")
    }

    @Test("A name that only ends with another body's name is a kind of it, not a part")
    func nameEndingWithBodyIsNoPart() throws {
        let text = "The Progressive Alliance met in Lagos. The Democratic Progressive Alliance marched outside."
        let features = try candidateFeatures(text, .affiliatedWith, from: "Democratic Progressive Alliance", to: "Progressive Alliance")
        #expect(!features.contains("rule|within-name"), "\(features.sorted())")
    }

    @Test("A shortened reference ('the Polish Ministry') opening a longer name ties nothing")
    func shortenedReferenceIsNoName() throws {
        let text = """
            The Polish Foreign Ministry summoned the envoy. The Polish Ministry said the flight broke the rules. \
            The Polish Ministry of Defence said its jets were ready.
            """
        let result = try extract(text)
        let withinName = result.edges(.affiliatedWith).filter { edge in
            edge.evidence.contains { $0.rationale?.contains("is named within") ?? false }
        }
        #expect(withinName.isEmpty, "\(result.summary)")
    }
}
