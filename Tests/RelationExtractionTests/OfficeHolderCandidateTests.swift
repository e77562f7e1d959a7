import KnowledgeGraph
import Testing

/// An office holder named without a country word is tied to the country the article names
/// elsewhere, from the shipped office-holder files: the curated rows beyond the heads of
/// government of the G20 (vice presidents, supreme leaders, the ministers of states news names
/// most) carry their role.
@Suite("Office holders named by name alone")
struct OfficeHolderCandidateTests {
    @Test("A vice president named alone is tied to the country named two sentences later")
    func vicePresident() throws {
        let text = """
            Pence meets opposition leaders

            Mike Pence met opposition leaders in Caracas on Tuesday.

            The talks lasted two hours. The United States has backed the opposition for a year.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Mike Pence", to: "United States")
        #expect(features.contains("holder|curated"), "\(features.sorted())")
        #expect(features.contains("holder-role|vice president"), "\(features.sorted())")
    }

    @Test("A supreme leader is tied to his country, and not to another country the article names")
    func supremeLeader() throws {
        let text = """
            Missile test

            Kim Jong Un watched the launch of a new missile on Friday.

            Officials in South Korea said North Korea fired it from its east coast.
            """
        let own = try candidateFeatures(text, .affiliatedWith, from: "Kim Jong Un", to: "North Korea")
        #expect(own.contains("holder-role|supreme leader"), "\(own.sorted())")
        let other = try candidateFeatures(text, .affiliatedWith, from: "Kim Jong Un", to: "South Korea")
        #expect(!other.contains("holder|curated"), "\(other.sorted())")
    }
}
