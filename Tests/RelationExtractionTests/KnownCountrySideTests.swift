import KnowledgeGraph
import Testing

/// A body whose country the lexicon knows stands on that country's side, as an office holder
/// does: a ministry that speaks of its own country rarely criticizes it.
@Suite("Known country of a body as a side")
struct KnownCountrySideTests {
    @Test("The Treasury Department and the United States are tied")
    func bodyAndItsCountry() throws {
        let features = try candidateFeatures(
            "\"The United States will not accept these threats,\" the Treasury Department said on Monday.", .criticized,
            from: "Treasury Department", to: "United States")
        #expect(features.contains("affiliated"), "\(features.sorted())")
    }

    @Test("A body and another country named beside its own are not")
    func bodyAndAnotherCountry() throws {
        let features = try candidateFeatures(
            "\"Canada will not accept these threats from the United States,\" the Treasury Department said on Monday.", .criticized,
            from: "Treasury Department", to: "Canada")
        #expect(!features.contains("affiliated") && !features.contains("same-side"), "\(features.sorted())")
    }
}
