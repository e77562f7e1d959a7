import Testing

/// `CuePattern.reverse` (Patterns/ReversePattern.swift). No shipped cue has the pattern; a user's
/// cue file can give it one.
@Suite("Reverse pattern: the objects of the cue are its sources")
struct ReversePatternTests {
    private let cues = "drawing condemnation from\tcriticized\treverse\n"

    @Test("'Bolivia closed the border, drawing condemnation from Chile and Peru' gives both -criticized-> Bolivia")
    func objectsAreSources() throws {
        let edges = try ruleEdges("Bolivia closed the border on Friday, drawing condemnation from Chile and Peru.", cues: cues)
        #expect(edges.contains("chile -criticized-> bolivia"), "\(edges)")
        #expect(edges.contains("peru -criticized-> bolivia"), "\(edges)")
    }

    @Test("With no object after the cue there is no source and no edge")
    func noObject() throws {
        let edges = try ruleEdges("Bolivia closed the border on Friday, drawing condemnation from abroad.", cues: cues)
        #expect(edges.isEmpty, "\(edges)")
    }
}
