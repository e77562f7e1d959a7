import KnowledgeGraph
import Testing

/// A quote's speaker described by an apposition that ends at the speech word: "\"…,\" Hana Novak,
/// a spokeswoman for the Foreign Ministry, told reporters". The nearest name before the speech
/// word describes the speaker; the person before the apposition speaks.
@Suite("Speaker described by an apposition")
struct AppositionSpeakerTests {
    @Test("'\"…,\" Hana Novak, a spokeswoman for the Serbian Foreign Ministry, told reporters': Novak speaks")
    func personBeforeApposition() throws {
        let features = try candidateFeatures(
            "\"Croatia is lying about the border,\" Hana Novak, a spokeswoman for the Serbian Foreign Ministry, told reporters.",
            .criticized, from: "Hana Novak", to: "Croatia")
        #expect(features.contains("source-speaks"), "\(features)")
        #expect(features.contains("content|subject|judged"), "\(features)")
    }

    @Test("A body before the apposition is no speaker it describes: the person next to the speech word speaks")
    func bodyBeforeApposition() throws {
        let features = try candidateFeatures(
            "\"Croatia is lying about the border,\" the Serbian Foreign Ministry, led by Hana Novak, said on Monday.",
            .criticized, from: "Hana Novak", to: "Croatia")
        #expect(features.contains("source-speaks"), "\(features)")
    }
}
