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

    /// Words are looked up eight bytes at a time: lengths on both sides of each chunk boundary,
    /// in any capitalization and with non-ASCII letters, must find the phrase the file names.
    @Test("Lexicon words of every length are found whatever their case", arguments: [
        "Ab", "Abcdefgh", "Abcdefghi", "Abcdefghijklmnop", "Abcdefghijklmnopq", "Abcdefghijklmnopqrstuvwxyzabcdef",
        "Abcdefghijklmnopqrstuvwxyzabcdefg", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "Zürichsee", "Ölmeyer-Şahin",
        // Latin-1 capitals fold on bytes; a word that also holds another script's letter (Ÿ) folds
        // through the standard library, and both must agree.
        "Ærøskøbing", "Þórshöfnÿ", "D’Éon",
    ])
    func wordLengths(word: String) throws {
        let name = "\(word) Oversight Office"
        let file = try TemporaryFile(name: "lengths.tsv", contents: "\(name)\tagency\tCanada\t\n")
        let recognizer = EntityRecognizer(lexicon: try Lexicon.bundled(adding: [file.path]))
        for written in [name, name.uppercased()] {
            let result = try Recognized("The \(written) fined the importer on Monday.", recognizer: recognizer)
            let office = try #require(result.entity(named: name), "\(written): \(result.summary)")
            #expect(office.type == .agency, "\(written): \(result.summary)")
        }
        // One letter changed anywhere in the long word is another word.
        let altered = String(word.dropLast()) + (word.last == "z" ? "y" : "z")
        let result = try Recognized("The \(altered) Oversight Office fined the importer.", recognizer: recognizer)
        #expect(result.entity(named: name) == nil, "\(result.summary)")
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

    @Test("A generic form that is no name or alias of its row's body is refused with its line")
    func badGenericForm() throws {
        let file = try TemporaryFile(
            name: "generic.tsv",
            contents: "Vellmark Senate\tagency\tCanada\tVS\tVS\nVellmark Assembly\tagency\tCanada\tVA\tAssembly\n")
        var caught: LexiconError?
        do {
            _ = try Lexicon.bundled(adding: [file.path])
        } catch {
            caught = error
        }
        let error = try #require(caught, "the generic form 'Assembly' of no name or alias was accepted")
        #expect(error.line == 2, "\(error.description)")
        #expect(error.description.contains("Assembly"), "\(error.description)")
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
