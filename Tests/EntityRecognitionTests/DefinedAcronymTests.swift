import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("An acronym the article defines outranks the lexicon's body of the same letters")
struct DefinedAcronymTests {
    @Test("'Office of the Prime Minister (OPM)', then 'the OPM', is that office")
    func articleDefinitionWins() throws {
        let result = try Recognized(
            "The opposition leader berated the Office of the Prime Minister (OPM) over the delayed budget. "
                + "He said the OPM had ignored the auditors for a year.")
        let office = try #require(result.entity(named: "Office of the Prime Minister"), "\(result.summary)")
        #expect(office.type == .agency, "\(result.summary)")
        #expect(office.mentions == 2, "\(result.summary)")
        #expect(result.entity(named: "Office of Personnel Management") == nil, "\(result.summary)")
    }

    @Test(
        "With no other definition the letters are the lexicon's body",
        arguments: [
            "The Office of Personnel Management (OPM) published new rules. The OPM said federal workers must comply.",
            "The OPM said federal workers must return to their offices by March.",
        ])
    func lexiconBodyStays(text: String) throws {
        let result = try Recognized(text)
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 1, "\(result.summary)")
        #expect(agencies.first?.name == "Office of Personnel Management", "\(result.summary)")
    }
}
