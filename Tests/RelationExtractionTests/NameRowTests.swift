import KnowledgeGraph
import Testing

/// A name deep in a long row of names ("the following people: A; B; …; Z") shares the place of
/// the row's first name: it is paired with the actor near that first name, however long the row.
@Suite("Rows of names") struct NameRowTests {
    static let people = [
        "Defense Secretary Paul Brandt", "Treasury Secretary Ellen Varga", "Intelligence Director Nora Quist",
        "Special Envoy Tomas Leclair", "Interior Minister Lyle Pemberton", "Deputy Governor Ruth Abernathy",
        "Finance Minister Oskar Lindqvist", "Trade Minister Greta Solberg", "National Security Adviser Ivan Halloran",
    ]

    @Test func lastNameOfALongRowIsPaired() throws {
        let text = "Ukraine imposed sanctions on the following people: " + NameRowTests.people.joined(separator: "; ") + "."
        let features = try candidateFeatures(text, .sanctioned, from: "Ukraine", to: "Ivan Halloran")
        #expect(features.contains("types|country|person"), "\(features.sorted())")
    }

    @Test func farNameOutsideARowIsNot() throws {
        // The same names, each in a clause of its own: the last is too far from Ukraine to be
        // paired with it in the sentence.
        let clauses = NameRowTests.people.map { "\($0) was in town" }.joined(separator: ", while ")
        let text = "Ukraine imposed sanctions on the following people, while " + clauses + "."
        let features = try candidateFeatures(text, .sanctioned, from: "Ukraine", to: "Ivan Halloran")
        #expect(!features.contains("types|country|person"), "\(features.sorted())")
    }
}
