import KnowledgeGraph
import Testing

/// An infinitive after a verb that says the event happened ("went to Beijing to meet", "decided
/// on Monday to impose") states the event; after a plan or another actor it does not.
@Suite struct PurposeInfinitiveTests {
    @Test(arguments: [
        "Senator Ruth Abernathy went to Ottawa to meet Prime Minister Lyle Pemberton.",
        "Senator Ruth Abernathy arrived in Ottawa on Monday to meet Prime Minister Lyle Pemberton.",
    ])
    func journeyPurposeHappened(sentence: String) throws {
        let features = try candidateFeatures(sentence, .metWith, from: "Ruth Abernathy", to: "Lyle Pemberton")
        #expect(features.contains("role-source|subject|verb"), "\(features.sorted())")
    }

    @Test func doneVerbReachesOverATime() throws {
        let text = "Canada decided on Monday to impose sanctions on Viktor Lasko, a banker."
        let features = try candidateFeatures(text, .sanctioned, from: "Canada", to: "Viktor Lasko")
        #expect(!features.isEmpty)
        #expect(!features.contains { $0.hasPrefix("hypothetical") }, "\(features.sorted())")
    }

    @Test(arguments: [
        "Senator Ruth Abernathy hopes to meet Prime Minister Lyle Pemberton.",
        "Senator Ruth Abernathy agreed with Governor Tom Ashby to meet Prime Minister Lyle Pemberton.",
        "Senator Ruth Abernathy went to Ottawa but declined to meet Prime Minister Lyle Pemberton.",
    ])
    func planIsNoMeeting(sentence: String) throws {
        let features = try candidateFeatures(sentence, .metWith, from: "Ruth Abernathy", to: "Lyle Pemberton")
        #expect(!features.contains("role-source|subject|verb"), "\(features.sorted())")
    }
}
