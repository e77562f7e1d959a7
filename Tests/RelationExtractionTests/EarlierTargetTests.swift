import KnowledgeGraph
import Testing

/// A criticism cue with a source but no target of its own may criticize the actors of the
/// sentence before: "… closed their airspace. Moscow condemned the move."
@Suite("Targets of a criticism named in the sentence before")
struct EarlierTargetTests {
    @Test("'Moscow condemned the move': the first actor of the sentence before, with a noun that refers back")
    func refersBack() throws {
        let features = try candidateFeatures(
            "Montenegro closed its airspace to the plane of the delegation on Monday. Moscow condemned the move as hostile.",
            .criticized, from: "Russia", to: "Montenegro")
        #expect(features.contains("earlier-target|first"), "\(features)")
        #expect(features.contains("earlier-target-object|refers-back"), "\(features)")
        #expect(features.contains("earlier-target-types|country|country"), "\(features)")
    }

    @Test("A cue that names its own target takes none from the sentence before")
    func ownTarget() throws {
        let features = try candidateFeatures(
            "Montenegro closed its airspace to the plane of the delegation on Monday. Moscow condemned Serbia as hostile.",
            .criticized, from: "Russia", to: "Serbia")
        #expect(features.contains { $0.hasPrefix("role-target|object") }, "\(features)")
        let earlier = try candidateFeatures(
            "Montenegro closed its airspace to the plane of the delegation on Monday. Moscow condemned Serbia as hostile.",
            .criticized, from: "Russia", to: "Montenegro")
        #expect(!earlier.contains { $0.hasPrefix("earlier-target") }, "\(earlier)")
    }

    @Test("A criticism that did not happen reaches back to nobody")
    func hypothetical() throws {
        let features = try candidateFeatures(
            "Montenegro closed its airspace to the plane of the delegation on Monday. Moscow did not condemn the move.",
            .criticized, from: "Russia", to: "Montenegro")
        #expect(!features.contains { $0.hasPrefix("earlier-target") }, "\(features)")
    }
}
