import Testing

/// `CuePattern.symmetric` (Patterns/SymmetricPattern.swift).
@Suite("Symmetric pattern: the actors of one meeting met each other")
struct SymmetricPatternTests {
    @Test("'A and B met', 'A held talks with B' give the meeting")
    func met() throws {
        #expect(try ruleEdges("Pavel Ostrov and Anna Berg met in Oslo on Monday.") == ["pavel-ostrov -met_with-> anna-berg"])
        #expect(try ruleEdges("Pavel Ostrov held talks with Anna Berg on Monday.") == ["pavel-ostrov -met_with-> anna-berg"])
    }

    @Test("A meeting only planned gives no edge")
    func planned() throws {
        #expect(try ruleEdges("Pavel Ostrov plans to meet Anna Berg next week.").isEmpty)
    }
}
