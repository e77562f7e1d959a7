import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A user lexicon file adds entities; a malformed one is refused with its place")
struct UserLexiconTests {
    static let text = "The Vellmark Oversight Guild fined the importer. Officials at VOG said more fines would follow."

    @Test("A user TSV row adds an agency with its aliases")
    func userFileAddsEntity() throws {
        let file = try TemporaryFile(
            name: "extra.tsv",
            contents: "# my bodies\nVellmark Oversight Guild\tagency\tCanada\tVOG|the Guild\n")
        let lexicon = try Lexicon.bundled(adding: [file.path])
        let result = try Recognized(UserLexiconTests.text, recognizer: EntityRecognizer(lexicon: lexicon))
        let guild = try #require(result.entity(named: "Vellmark Oversight Guild"), "\(result.summary)")
        #expect(guild.type == .agency, "\(result.summary)")
        #expect(guild.aliases.contains("VOG"), "\(result.summary)")
        #expect(result.entities(calling: "VOG").count == 1, "\(result.summary)")
    }

    @Test("Without the user file the same text gives no such agency")
    func bundledAloneDoesNotKnowIt() throws {
        let result = try Recognized(UserLexiconTests.text)
        #expect(!result.entities.contains { $0.type == .agency && $0.aliases.contains("VOG") }, "\(result.summary)")
    }

    @Test("A row with an unknown type throws a LexiconError naming the file and line")
    func badType() throws {
        let file = try TemporaryFile(
            name: "broken.tsv",
            contents: "# header comment\nVellmark Oversight Guild\tagency\tCanada\tVOG\nHarlow Tin Works\tcompany\t\t\n")
        var caught: LexiconError?
        do {
            _ = try Lexicon.bundled(adding: [file.path])
        } catch {
            caught = error
        }
        let error = try #require(caught, "a row typed 'company' was accepted")
        #expect(error.file == file.path)
        #expect(error.line == 3)
        #expect(error.description.contains(file.path), "\(error.description)")
        #expect(error.description.contains(":3"), "\(error.description)")
        #expect(error.description.contains("company"), "\(error.description)")
    }

    @Test("A missing user file throws a LexiconError naming it")
    func missingFile() throws {
        let path = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/lexicon.tsv"
        #expect {
            _ = try Lexicon.bundled(adding: [path])
        } throws: { error in
            (error as? LexiconError)?.description.contains(path) == true
        }
    }
}
