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

    @Test("A body's name that ends in its head, then a person's name in one run: two entities")
    func bodyThenPerson() throws {
        let result = try Recognized("The group is joined by the chairman of the Senate's Trade Committee David Pell.")
        #expect(result.entity(named: "Trade Committee")?.type == .agency, "\(result.summary)")
        #expect(result.entity(named: "David Pell")?.type == .person, "\(result.summary)")
    }

    @Test(
        "A lone unknown name that acts or owns, then 'his' or 'her' with no other name between, is a person",
        arguments: [
            ("In March, Torvalek renewed his threats against the port.", "Torvalek"),
            ("Critics of the ruling say Torvalek' defenders see him as a hero.", "Torvalek"),
            ("Officials confirmed that Torvalek expressed her concern.", "Torvalek"),
        ])
    func surnameWithPronoun(text: String, name: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: name)?.type == .person, "\(result.summary)")
    }

    @Test(
        "An adjective, a gerund or a name after 'the' before a pronoun names no one",
        arguments: [
            "Speaking to reporters, he said the talks went well.",
            "The Constitution allowed him to stay in office.",
            "He said European leaders had let him down.",
        ])
    func noPersonBeforePronoun(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }
}
