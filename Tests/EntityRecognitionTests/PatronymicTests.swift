import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A name after 'bin' is the father's: it does not name the son")
struct PatronymicTests {
    @Test("'Crown Prince Khalid bin Tariq' and 'King Tariq' are two people")
    func fatherStaysApart() throws {
        let result = try Recognized(
            "Crown Prince Khalid bin Tariq opened the new port in Sohar on Monday. "
                + "King Tariq received the visiting delegation at the palace later that day.")
        let people = result.entities(ofType: .person)
        #expect(people.count == 2, "\(result.summary)")
        let son = try #require(result.entity(named: "Khalid bin Tariq"), "\(result.summary)")
        #expect(!son.aliases.contains { $0.hasSuffix("King Tariq") }, "\(result.summary)")
        #expect(result.entities(calling: "King Tariq").count == 1, "\(result.summary)")
    }

    @Test("A father's full name is no shorter form of his son's longer one")
    func fathersFullNameStaysApart() throws {
        let result = try Recognized(
            "The decree was signed by Crown Prince Khalid bin Tariq bin Nasser Al Harthy on Sunday. "
                + "It was approved by King Tariq bin Nasser Al Harthy a week earlier.")
        let people = result.entities(ofType: .person)
        #expect(people.count == 2, "\(result.summary)")
        #expect(result.entities(calling: "Khalid bin Tariq bin Nasser Al Harthy").count == 1, "\(result.summary)")
        #expect(result.entities(calling: "Tariq bin Nasser Al Harthy").count == 1, "\(result.summary)")
    }

    @Test(
        "The son's own shorter names still join him",
        arguments: [
            "Khalid said the port would open to foreign ships.", "On Tuesday, bin Tariq said the port would open to foreign ships.",
        ])
    func sonsShortNamesJoin(followUp: String) throws {
        let result = try Recognized("Crown Prince Khalid bin Tariq opened the new port in Sohar on Monday. " + followUp)
        let people = result.entities(ofType: .person)
        #expect(people.count == 1, "\(result.summary)")
        #expect(people.first?.name == "Khalid bin Tariq", "\(result.summary)")
        #expect((people.first?.mentions ?? 0) == 2, "\(result.summary)")
    }
}
