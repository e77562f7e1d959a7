import Testing

/// `CuePattern.rebuttal` (Patterns/RebuttalPattern.swift). No shipped cue has the pattern; a
/// user's cue file can give it one.
@Suite("Rebuttal pattern: answering an accusation criticizes the accuser")
struct RebuttalPatternTests {
    private let cues = "dismissed the accusations\tcriticized\trebuttal\n"

    @Test("'A accused B ... B dismissed the accusations' gives B -criticized-> A")
    func answersAccuser() throws {
        let edges = try ruleEdges(
            "Ukraine accused Belarus of hosting the troops. Belarus dismissed the accusations as propaganda.",
            cues: cues)
        #expect(edges.contains("belarus -criticized-> ukraine"), "\(edges)")
    }

    @Test("Dismissing accusations nobody made in the text gives no edge")
    func noAccuser() throws {
        let edges = try ruleEdges("Belarus dismissed the accusations as propaganda, Ukraine said.", cues: cues)
        #expect(!edges.contains("belarus -criticized-> ukraine"), "\(edges)")
    }
}
