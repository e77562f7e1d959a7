import EntityRecognition
import RelationExtraction
import Testing

@Suite("The extractor's word classes come from relation-words.tsv, every one of them")
struct RelationWordsTests {
    @Test("The shipped file gives words to every class the extractor reads")
    func shippedFileHasEveryClass() throws {
        let members = try RelationWords.members(of: try shippedFile(), file: "relation-words.tsv")
        for name in RelationWords.classes {
            #expect(!(members[name] ?? []).isEmpty, "no words of \(name)")
        }
        #expect(Set(members.keys) == Set(RelationWords.classes))
    }

    @Test("Marks and the possessive are words of their classes")
    func marksAreWords() throws {
        let members = try RelationWords.members(of: try shippedFile(), file: "relation-words.tsv")
        #expect(members["comma"] == [","])
        #expect(members["possessive-marker"] == ["'s"])
        #expect(members["coordinator"] == ["and", ",", "or"])
        #expect(members["sentence-mark"] == [",", "."])
    }

    @Test("A file without one of the classes is refused, naming the class")
    func missingClass() throws {
        let text = String(decoding: try shippedFile(), as: UTF8.self)
            .split(separator: "\n").filter { !$0.hasSuffix("\tpair-number") }.joined(separator: "\n")
        let error = try #require(throws: LexiconError.self) {
            try RelationWords.members(of: Array(text.utf8), file: "relation-words.tsv")
        }
        #expect(error.file == "relation-words.tsv")
        #expect(error.description.contains("'pair-number'"), "\(error.description)")
    }

    @Test("A line of an unknown class is refused with its line")
    func unknownClass() throws {
        let error = try #require(throws: LexiconError.self) {
            try RelationWords.members(of: Array("# words\nsaying\tspeech-participles\n".utf8), file: "words.tsv")
        }
        #expect(error.line == 2)
        #expect(error.description.contains("'speech-participles'"), "\(error.description)")
    }

    private func shippedFile() throws -> [UInt8] {
        try CueLexicon.resource("relation-words", "tsv")
    }
}
