import EntityRecognition
import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("A user cue file adds cues and relation types; a malformed one is refused with its place")
struct UserCueTests {
    @Test("A new relation type 'praised' from a user cue file gives a praised edge")
    func newRelationType() throws {
        let file = try TemporaryFile(name: "cues.tsv", contents: "# my cues\npraised\tpraised\tverb\n")
        let cues = try CueLexicon.bundled(adding: [file.path])
        #expect(cues.relationTypes.contains("praised"))
        let pipeline = try Pipeline(cueFiles: [file.path])
        let result = pipeline.extract("Sen. Marco Rubio praised Taiwan on Monday.")
        #expect(result.has("Marco Rubio", "praised", "Taiwan"), "\(result.summary)")
        #expect(result.edges("praised").count == 1, "\(result.summary)")
    }

    @Test("Without the user cue file, 'praised' gives no edge")
    func withoutCueFile() throws {
        let result = try extract("Sen. Marco Rubio praised Taiwan on Monday.")
        #expect(result.edges("praised").isEmpty, "\(result.summary)")
        #expect(!result.graph.relations.contains { $0.type != .affiliatedWith }, "\(result.summary)")
    }

    @Test("A new cue for a built-in relation: 'chided' gives criticized")
    func newCueForBuiltIn() throws {
        let file = try TemporaryFile(name: "cues.tsv", contents: "chided\tcriticized\tverb\n")
        let pipeline = try Pipeline(cueFiles: [file.path])
        let result = pipeline.extract("France chided Italy over the migrant boats.")
        #expect(result.has("France", .criticized, "Italy"), "\(result.summary)")
    }

    @Test("A row with an unknown pattern throws a LexiconError naming the file and line")
    func unknownPattern() throws {
        let file = try TemporaryFile(name: "bad-cues.tsv", contents: "praised\tpraised\tverb\n\nhailed\tpraised\tverbish\n")
        try expectLexiconError(at: file.path, line: 3, mentioning: "verbish")
    }

    @Test("A row with too few columns throws a LexiconError naming the file and line")
    func missingColumn() throws {
        let file = try TemporaryFile(name: "short-cues.tsv", contents: "# comment\nlauded\tpraised\n")
        try expectLexiconError(at: file.path, line: 2, mentioning: nil)
    }

    private func expectLexiconError(at path: String, line: Int, mentioning word: String?) throws {
        var caught: LexiconError?
        do {
            _ = try CueLexicon.bundled(adding: [path])
        } catch {
            caught = error
        }
        let error = try #require(caught, "the malformed cue file was accepted")
        #expect(error.file == path)
        #expect(error.line == line)
        #expect(error.description.hasPrefix("\(path):\(line):"), "\(error.description)")
        if let word { #expect(error.description.contains(word), "\(error.description)") }
    }
}
