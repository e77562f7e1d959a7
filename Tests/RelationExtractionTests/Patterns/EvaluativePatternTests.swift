import Testing

/// `CuePattern.evaluative` and `.evaluativeSubject` (Patterns/EvaluativePattern.swift).
@Suite("Evaluative pattern: the speaker judges the actor a judging word describes")
struct EvaluativePatternTests {
    @Test("'\"Serbia's reckless policy must end,\" Hana Novak said' gives Novak -criticized-> Serbia")
    func speakerJudgesPossessor() throws {
        let edges = try ruleEdges("\"Serbia's reckless policy must end,\" Foreign Minister Hana Novak said.")
        #expect(edges.contains("hana-novak -criticized-> serbia"), "\(edges)")
    }

    @Test("A generic word judges a subject, never a possessor")
    func genericWord() throws {
        let subject = try ruleEdges("\"Serbia has been really bad,\" Foreign Minister Hana Novak said.")
        #expect(subject.contains("hana-novak -criticized-> serbia"), "\(subject)")
        let possessor = try ruleEdges("\"Serbia's harvest was bad,\" Foreign Minister Hana Novak said.")
        #expect(!possessor.contains("hana-novak -criticized-> serbia"), "\(possessor)")
    }
}
