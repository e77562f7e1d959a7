import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A name no given-name list holds is a person by what stands around it")
struct UnlistedPersonTests {
    @Test(
        "An apposition whose title follows modifiers of the role makes a person",
        arguments: [
            ("The court heard Torvin Halsek, the former President of the Senate.", "Torvin Halsek"),
            ("The court heard Torvin Halsek, the public prosecutor, on Monday.", "Torvin Halsek"),
            ("The court heard Torvin Halsek, an assistant defence minister.", "Torvin Halsek"),
        ])
    func appositionWithModifiers(text: String, name: String) throws {
        let result = try Recognized(text)
        let person = try #require(result.entity(named: name), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
    }

    @Test("A lowercase word that no role takes opens no apposition: 'X, the quiet company'")
    func noTitleAfterModifiers() throws {
        let result = try Recognized("The court heard Torvin Halsek, the former company, on Monday.")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }

    @Test("The speaker after a quotation and 'said' is a person")
    func invertedSpeech() throws {
        let result = try Recognized("\"The trial is unfair,\" said Torvin Halsek, announcing the report.")
        let person = try #require(result.entity(named: "Torvin Halsek"), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
    }

    @Test("A hyphenated given name that opens with 'In' stays in the name: 'Jong In-chol'")
    func hyphenatedGivenName() throws {
        let result = try Recognized("The list names Jong In-chol and Pak Su-il, officials of the bank.")
        #expect(result.entity(named: "Jong In-chol")?.type == .person, "\(result.summary)")
        #expect(result.entity(named: "Pak Su-il")?.type == .person, "\(result.summary)")
    }
}
