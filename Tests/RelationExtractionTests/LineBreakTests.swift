import KnowledgeGraph
import Testing

/// Found by `FuzzExtraction` (seed `Fuzz/Corpus/extraction/name-across-lines`): the recognizer let
/// "T" at the end of a line take the next line's "government", and the candidate finder, reading
/// the words after that mention inside the cue's sentence, trapped ("Range requires lowerBound <=
/// upperBound"). `newsgraph extract` died on this three-line file.
@Suite("Cue sentences cut by line breaks")
struct LineBreakTests {
    @Test("A cue sentence whose last name ends a line is read without trapping", arguments: [
        "The U accused\nT\ngovernment",
        "The Kenyan president accused Uganda\ngovernment officials of stalling.",
    ])
    func cueBeforeLineBreak(_ text: String) throws {
        let result = try extract(text)
        #expect(result.graph.checkInvariants(), "\(result.graph)")
        #expect(!result.graph.entities.contains { $0.aliases.contains { $0.contains("\n") } || $0.name.contains("\n") },
                "\(result.graph.entities)")
    }
}
