import Testing

/// `CuePattern.verb` and `.noun` (Patterns/ActionPattern.swift).
@Suite("Action pattern: subject acts on object; passive agent acts on subject")
struct ActionPatternTests {
    @Test("'Canada sanctioned Pavel Ostrov' and its passive give the same edge")
    func activeAndPassive() throws {
        #expect(try ruleEdges("Canada sanctioned Pavel Ostrov on Monday.") == ["canada -sanctioned-> pavel-ostrov"])
        #expect(try ruleEdges("Pavel Ostrov was sanctioned by Canada on Monday.") == ["canada -sanctioned-> pavel-ostrov"])
    }

    @Test("A passive without its agent, a noun after 'further' and a denial give no edge")
    func noEdge() throws {
        #expect(try ruleEdges("Pavel Ostrov was sanctioned on Monday.").isEmpty)
        #expect(try ruleEdges("Canada did not sanction Pavel Ostrov.").isEmpty)
    }

    @Test("'sanctions on' takes the clause's subject as source")
    func nounCue() throws {
        #expect(try ruleEdges("Canada imposed sanctions on Pavel Ostrov.") == ["canada -sanctioned-> pavel-ostrov"])
    }
}
