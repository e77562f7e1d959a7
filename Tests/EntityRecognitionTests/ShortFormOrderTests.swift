import EntityRecognition
import KnowledgeGraph
import Testing

/// A party the lexicon knows by its full name and its acronym, and named in the article by the
/// name before "of" too: whichever of the two names comes first, the article has one party.
@Suite("A short form of a known organization's name joins it in either order")
struct ShortFormOrderTests {
    static func recognizer() throws -> EntityRecognizer {
        // An invented party, so that the test does not rest on the shipped lexicon's entries.
        let file = try TemporaryFile(name: "party.tsv", contents: "Velmoran Union of Ostrava\torganization\t\tVUO\n")
        return EntityRecognizer(lexicon: try Lexicon.bundled(adding: [file.path]))
    }

    @Test(
        "The short form after the acronym joins the known party",
        arguments: [
            "Senators said the VUO had lied. They said the Velmoran Union had lied before.",
            "Senators said the Velmoran Union had lied. They said the VUO had lied before.",
            "He was repeating the Velmoran Union’s talking points and ignoring the inaction of the VUO.",
        ])
    func eitherOrder(text: String) throws {
        let result = try Recognized(text, recognizer: ShortFormOrderTests.recognizer())
        let party = try #require(result.entity(named: "Velmoran Union of Ostrava"), "\(result.summary)")
        #expect(party.type == .organization, "\(result.summary)")
        #expect(party.aliases.contains("Velmoran Union"), "\(result.summary)")
        #expect(result.entity(named: "Velmoran Union") == nil, "\(result.summary)")
    }

    @Test("A short form of another name stays apart from the known party")
    func otherName() throws {
        let result = try Recognized(
            "Senators said the Velmoran Front had lied. They said the VUO had lied before.", recognizer: ShortFormOrderTests.recognizer())
        #expect(result.entity(named: "Velmoran Union of Ostrava") != nil, "\(result.summary)")
        #expect(result.entity(named: "Velmoran Front") != nil, "\(result.summary)")
    }
}
