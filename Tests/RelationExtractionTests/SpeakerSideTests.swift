import KnowledgeGraph
import Testing

/// A speaker who is neither actor of a pair speaks for the side he belongs to: a Treasury
/// secretary saying "Treasury is designating X" reports his own body's act.
@Suite("Speaker's side") struct SpeakerSideTests {
    @Test func speakerOfTheSourceSide() throws {
        let text = "\"The Treasury Department is designating Acme Trading Company today,\" said Treasury Secretary Ellen Varga."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Acme Trading Company")
        #expect(features.contains("speaker-side|source"), "\(features.sorted())")
    }

    @Test func speakerOfNeitherSide() throws {
        let text = "\"The Treasury Department is designating Acme Trading Company today,\" said Human Rights Watch director Nora Quist."
        let features = try candidateFeatures(text, .sanctioned, from: "Treasury Department", to: "Acme Trading Company")
        #expect(!features.contains { $0.hasPrefix("speaker-side") }, "\(features.sorted())")
    }
}
