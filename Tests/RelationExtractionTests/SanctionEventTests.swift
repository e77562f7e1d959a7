import KnowledgeGraph
import Testing

/// A sanction announced once, its other targets named in the sentences that follow.
@Suite("Sanction event") struct SanctionEventTests {
    @Test func targetsAfterASourcelessCue() throws {
        let text =
            "The Treasury Department designated the Kalvor Shipping Company on Tuesday. "
            + "Also designated were Mara Bellini and Pavel Dunaj."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Pavel Dunaj")
        #expect(features.contains { $0.hasPrefix("event-target|sourceless-cue|") }, "\(features.sorted())")
    }

    @Test func targetsOfAListClause() throws {
        let text =
            "The Treasury Department imposed sanctions on the Kalvor Shipping Company and four of its officers on Tuesday. "
            + "They include Mara Bellini, Pavel Dunaj and Jonas Ferreira."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Jonas Ferreira")
        #expect(features.contains { $0.hasPrefix("event-target|list|") }, "\(features.sorted())")
    }

    @Test func aThreatenedSanctionIsNoEvent() throws {
        let text =
            "The Treasury Department threatened to impose sanctions on the Kalvor Shipping Company on Tuesday. "
            + "They include Mara Bellini, Pavel Dunaj and Jonas Ferreira."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Jonas Ferreira")
        #expect(!features.contains { $0.hasPrefix("event-target") }, "\(features.sorted())")
    }

    @Test func theOwnerOfATargetIsNoTarget() throws {
        let text =
            "The Treasury Department designated the Kalvor Shipping Company on Tuesday. "
            + "Also designated were the wife of Pavel Dunaj and the Ostrava Trading Company."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Pavel Dunaj")
        #expect(!features.contains { $0.hasPrefix("event-target") }, "\(features.sorted())")
    }

    @Test func aListOfAnotherRelation() throws {
        let text =
            "The Treasury Department designated the Kalvor Shipping Company on Tuesday. "
            + "Those who condemned the move include Mara Bellini, Pavel Dunaj and Jonas Ferreira."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Pavel Dunaj")
        #expect(!features.contains { $0.hasPrefix("event-target") }, "\(features.sorted())")
    }
}
