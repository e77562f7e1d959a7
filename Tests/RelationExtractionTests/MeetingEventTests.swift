import KnowledgeGraph
import Testing

/// A meeting named once, its participants listed in the same sentence or the next ones.
@Suite("Meeting event") struct MeetingEventTests {
    @Test func aGatheringListedInTheNextSentence() throws {
        let text =
            "President Oskar Lindqvist convened a meeting with the leaders of three nations in Geneva on Monday. "
            + "The gathering included President Mara Bellini, President Pavel Dunaj and President Jonas Ferreira."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Pavel Dunaj")
        #expect(features.contains { $0.hasPrefix("event-participants|party-listed|") }, "\(features.sorted())")
    }

    @Test func thePartiesOfDelegationsThatMet() throws {
        let text =
            "Later, the full delegations met, including Norwegian Foreign Minister Mara Bellini "
            + "and Chilean Foreign Minister Pavel Dunaj."
        let features = try candidateFeatures(text, .metWith, from: "Mara Bellini", to: "Pavel Dunaj")
        #expect(features.contains("event-participants|listed-listed|other-side"), "\(features.sorted())")
    }

    @Test func aMeetingToldInSteps() throws {
        let text =
            "Prime Minister Oskar Lindqvist and President Mara Bellini met in Oslo on Monday. "
            + "Lindqvist was joined by his adviser Ida Brandt during the meeting. "
            + "Later, the full delegations met, including Foreign Minister Pavel Dunaj and Foreign Minister Jonas Ferreira."
        let features = try candidateFeatures(text, .metWith, from: "Mara Bellini", to: "Pavel Dunaj")
        #expect(features.contains { $0.hasPrefix("event-participants|party-listed|") }, "\(features.sorted())")
    }

    @Test func aPlannedMeetingHasNoParticipants() throws {
        let text =
            "President Oskar Lindqvist will convene a meeting with the leaders of three nations in Geneva next week. "
            + "The leaders include President Mara Bellini, President Pavel Dunaj and President Jonas Ferreira."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Pavel Dunaj")
        #expect(!features.contains { $0.hasPrefix("event-participants") }, "\(features.sorted())")
    }

    @Test func aDelegationsMembersAreOneSide() throws {
        let text =
            "President Oskar Lindqvist met Chancellor Ida Brandt in Oslo on Monday. "
            + "The Austrian delegation included Minister Mara Bellini and Minister Pavel Dunaj."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Mara Bellini")
        #expect(!features.contains { $0.hasPrefix("event-participants") }, "\(features.sorted())")
    }

    @Test func aListOfAnotherRelation() throws {
        let text =
            "President Oskar Lindqvist met Chancellor Ida Brandt in Oslo on Monday. "
            + "Those sanctioned included Mara Bellini, Pavel Dunaj and Jonas Ferreira."
        let features = try candidateFeatures(text, .metWith, from: "Oskar Lindqvist", to: "Pavel Dunaj")
        #expect(!features.contains { $0.hasPrefix("event-participants") }, "\(features.sorted())")
    }
}
