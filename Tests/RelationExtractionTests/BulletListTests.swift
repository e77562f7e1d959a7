import KnowledgeGraph
import Testing

/// A bulleted list after a colon is one list: its last items are as near the announcement as
/// its first, however long the list is.
@Suite struct BulletListTests {
    /// An announcement, then a list of six people, one bullet each.
    static func announcement(opening: String, bullet: String) -> String {
        let people = [
            "Secretary of State Mark Dowling", "Treasury Secretary Ellen Varga", "Defense Secretary Paul Brandt",
            "Intelligence Director Nora Quist", "Special Envoy Tomas Leclair", "National Security Adviser Ivan Halloran",
        ]
        return "On Tuesday, Iran sanctioned several American officials over the strikes.\n\n" + opening + "\n\n"
            + people.map { "  \(bullet) \($0)" }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: ["•", "·"])
    func lastItemsAreListed(bullet: String) throws {
        let text = BulletListTests.announcement(opening: "The officials sanctioned include:", bullet: bullet)
        let features = try candidateFeatures(text, .sanctioned, from: "Iran", to: "Ivan Halloran")
        #expect(features.contains("listed-clause"), "\(features.sorted())")
        #expect(features.contains("listed|1-2"), "\(features.sorted())")
    }

    @Test func secondListReachesTheAnnouncement() throws {
        // Six items count as one sentence: the announcement before them still reaches the list
        // that a second opening starts after them.
        let text =
            BulletListTests.announcement(opening: "The officials sanctioned include:", bullet: "•")
            + "\nFormer officials sanctioned included:\n\n  • Former Defense Secretary Lyle Pemberton\n"
            + "  • Former National Security Adviser Ruth Abernathy\n"
        let features = try candidateFeatures(text, .sanctioned, from: "Iran", to: "Ruth Abernathy")
        #expect(features.contains("listed-clause"), "\(features.sorted())")
    }

    @Test func listNeedsItsColon() throws {
        // The same items after a sentence that opens no list are not its continuation: past the
        // cue's reach, the sixth name is nobody's target.
        let text = BulletListTests.announcement(opening: "The officials were named in a statement.", bullet: "•")
        let features = try candidateFeatures(text, .sanctioned, from: "Iran", to: "Ivan Halloran")
        #expect(!features.contains("listed-clause"), "\(features.sorted())")
    }

    @Test func sentenceAfterTheListEndsIt() throws {
        // Bullets after prose that follows a list open no list of their own.
        let text =
            "On Tuesday, Iran sanctioned several American officials over the strikes.\n\n"
            + "The officials sanctioned include:\n\n  • Secretary of State Mark Dowling\n  • Treasury Secretary Ellen Varga\n\n"
            + "Analysts said the move was symbolic.\n\nIt was the third such step this year.\n\n"
            + "  • Lyle Pemberton, the governor of Ohio\n  • Ruth Abernathy, a senator from Ohio\n"
        let listed = try candidateFeatures(text, .sanctioned, from: "Iran", to: "Ellen Varga")
        #expect(listed.contains("listed-clause"), "\(listed.sorted())")
        let features = try candidateFeatures(text, .sanctioned, from: "Iran", to: "Ruth Abernathy")
        #expect(!features.contains("listed-clause"), "\(features.sorted())")
    }
}
