import KnowledgeGraph
import Testing

/// Who takes part in a meeting a sentence states, who only reports it, and whether its clause
/// says it happened.
@Suite("Meeting frame") struct MeetingFrameTests {
    @Test func partnersOfOneHostShareNoMeeting() throws {
        let text = "Prime Minister Oskar Lindqvist held talks with President Mara Bellini and Chancellor Pavel Dunaj on Monday."
        let features = try candidateFeatures(text, .metWith, from: "Mara Bellini", to: "Pavel Dunaj")
        #expect(features.contains("meeting-roles-shared|object|object"), "\(features.sorted())")
        let host = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Mara Bellini")
        #expect(host.contains("meeting-roles|subject|object"), "\(host.sorted())")
    }

    @Test func theTwoSidesOfTalksBetweenThem() throws {
        let text = "Talks between President Mara Bellini and Chancellor Pavel Dunaj ended on Monday."
        let features = try candidateFeatures(text, .metWith, from: "Mara Bellini", to: "Pavel Dunaj")
        #expect(features.contains("meeting-roles-alone|object|object"), "\(features.sorted())")
    }

    @Test func aSpokesmanReportsTheMeeting() throws {
        let text = "Prime Minister Oskar Lindqvist met President Mara Bellini in Oslo on Monday, said government spokesman Henrik Aas."
        let features = try candidateFeatures(text, .metWith, from: "Mara Bellini", to: "Henrik Aas")
        #expect(features.contains("meeting-reporter|object"), "\(features.sorted())")
        let partners = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Mara Bellini")
        #expect(!partners.contains { $0.hasPrefix("meeting-reporter") }, "\(partners.sorted())")
    }

    @Test func aMeetingPlannedBeforeItsSubject() throws {
        let text =
            "Prime Minister Oskar Lindqvist has been expected to use his trip to Asia to hold his first meeting with President Mara Bellini."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Mara Bellini")
        #expect(features.contains("meeting-undone"), "\(features.sorted())")
    }

    @Test func aMeetingThatHappened() throws {
        let text = "Prime Minister Oskar Lindqvist used his trip to Asia to hold his first meeting with President Mara Bellini."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Mara Bellini")
        #expect(!features.contains("meeting-undone"), "\(features.sorted())")
    }
}
