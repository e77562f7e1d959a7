import Testing

/// `CuePattern.possessiveObject` (Patterns/PossessiveObjectPattern.swift).
@Suite("Possessive-object pattern: rejecting an actor's claims criticizes the actor")
struct PossessiveObjectPatternTests {
    @Test("'Canada rejected Japan's claims' gives Canada -criticized-> Japan")
    func rejectedClaims() throws {
        #expect(try ruleEdges("Canada rejected Japan's claims on Monday.").contains("canada -criticized-> japan"))
    }

    @Test("Rejecting something that is no statement of the actor gives no edge")
    func notAStatement() throws {
        #expect(!(try ruleEdges("Canada rejected Japan's fishing boats on Monday.").contains("canada -criticized-> japan")))
    }
}
