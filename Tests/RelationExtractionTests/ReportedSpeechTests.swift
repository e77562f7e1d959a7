import KnowledgeGraph
import Testing

/// Criticism said with no criticism verb, in what a speaker reports: the scorer reads where the
/// target stands in the reported clause or quotation and whether a word of negative judgement
/// follows it there.
@Suite("Reported speech as features of a criticism")
struct ReportedSpeechTests {
    @Test("'Serbia's reaction was reckless, Novak said': the owner of the reported subject, judged")
    func ownerBeforeSpeaker() throws {
        let features = try candidateFeatures(
            "Serbia's reaction to the vote was reckless and shameful, Foreign Minister Hana Novak said on Tuesday.",
            .criticized, from: "Hana Novak", to: "Serbia")
        #expect(features.contains("content|owner|judged"), "\(features)")
        #expect(features.contains("content-judgements|1-2"), "\(features)")
    }

    @Test("'Novak said Serbia was lying': the subject of the clause a speech word opens, judged")
    func subjectAfterSpeechWord() throws {
        let features = try candidateFeatures(
            "Foreign Minister Hana Novak said Serbia was lying about the border.", .criticized, from: "Hana Novak", to: "Serbia")
        #expect(features.contains("content|subject|judged"), "\(features)")
    }

    @Test("A quotation's target named after its first actor is 'later'; with no judging word, 'plain'")
    func laterAndPlain() throws {
        let features = try candidateFeatures(
            "\"Croatia will hold talks with Serbia in May,\" Foreign Minister Hana Novak said.", .criticized,
            from: "Hana Novak", to: "Serbia")
        #expect(features.contains("content|later|plain"), "\(features)")
        #expect(!features.contains { $0.hasPrefix("content-judgements") }, "\(features)")
    }

    @Test("'Novak said Serbia was not lying': a judgement denied")
    func denied() throws {
        let features = try candidateFeatures(
            "Foreign Minister Hana Novak said Serbia was not lying about the border.", .criticized, from: "Hana Novak", to: "Serbia")
        #expect(features.contains("content|subject|denied"), "\(features)")
    }

    @Test("A quotation spoken by someone else is not the source's content")
    func otherSpeaker() throws {
        let features = try candidateFeatures(
            "\"Serbia is lying,\" Ivo Horvat said, as Croatia condemned the vote.", .criticized, from: "Croatia", to: "Serbia")
        #expect(features.contains("cue-quoted|other-speaks") || features.contains("target-quoted"), "\(features)")
        #expect(!features.contains { $0.hasPrefix("content") }, "\(features)")
    }
}
