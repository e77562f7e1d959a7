import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Long names after a title")
struct LongTitledNameTests {
    @Test("A title holds a name of four or five words",
          arguments: [
              ("The minister met President Teodorino Obanga Nguemo Mbasaga of Equatorial Guinea on Monday.",
               "Teodorino Obanga Nguemo Mbasaga"),
              ("Kuwait's Amir Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah received the envoy.", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
          ])
    func longName(text: String, name: String) throws {
        let result = try Recognized(text)
        let person = try #require(result.entity(named: name), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
    }

    @Test("A headline's capitals after a title make no long name")
    func headlineStaysShort() throws {
        let result = try Recognized("President Signs Executive Order Banning Imports Today\n\nThe order took effect.")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }
}

@Suite("Given names an editor put in brackets")
struct BracketedGivenNameTests {
    @Test("'(Nikos) Dendias' and '[Recep Tayyip] Erdogan' are full names",
          arguments: [
              ("Greek Foreign Minister (Nikolas) Dendakis rejected the claims on Monday.", "Nikolas Dendakis"),
              ("A strong response to Turkish President [Recep Tayyip] Erdoganoglu is needed, he said.", "Recep Tayyip Erdoganoglu"),
          ])
    func bracketedGivenName(text: String, name: String) throws {
        let result = try Recognized(text)
        let person = try #require(result.entity(named: name), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
        #expect(result.entities(ofType: .person).count == 1, "\(result.summary)")
    }

    @Test("A source in parentheses before a title is no given name")
    func sourceInParentheses() throws {
        let result = try Recognized("WASHINGTON (Reuters) Secretary of State Antony Blinken said the talks went well.")
        #expect(result.entity(named: "Antony Blinken") != nil, "\(result.summary)")
        #expect(!result.entities.contains { $0.name.contains("Reuters Secretary") }, "\(result.summary)")
    }
}

@Suite("Numbered units")
struct NumberedUnitTests {
    @Test("'the 27th Brigade' and 'Iraq's 4th Armored Division' are agencies",
          arguments: [
              ("Officials said the 27th Brigade had moved north overnight.", "27th Brigade"),
              ("Iraq's 4th Armored Division was cited in the report.", "Iraq's 4th Armored Division"),
              ("Officials said Department 53 of the Ministry of Defence was listed on Friday.", "Department 53 of the Ministry of Defence"),
          ])
    func numberedUnit(text: String, name: String) throws {
        let result = try Recognized(text)
        let unit = try #require(result.entity(named: name), "\(result.summary)")
        #expect(unit.type == .agency, "\(result.summary)")
    }

    @Test("A rank title before a head word opens a body: 'General Directorate of Security'")
    func rankBeforeHead() throws {
        let result = try Recognized("The General Directorate of Security arrested two men on Tuesday.")
        let body = try #require(result.entity(named: "General Directorate of Security"), "\(result.summary)")
        #expect(body.type == .agency, "\(result.summary)")
    }
}

@Suite("A surname alone, with a sign of a person")
struct BareSurnameTests {
    @Test("'X, who ...' is a person, also opening a sentence")
    func relativeWho() throws {
        let result = try Recognized("Japan is changing. Sugawa, who took office as prime minister recently, spoke on Monday.")
        #expect(result.entity(named: "Sugawa")?.type == .person, "\(result.summary)")
    }

    @Test("'X claimed ...' opening a sentence is a person when the article names X alone elsewhere")
    func speechThenVouched() throws {
        let result = try Recognized("The talks went on. Kurtiak claimed on Monday that the envoy was wrong. The EU urged Kurtiak to work harder.")
        #expect(result.entity(named: "Kurtiak")?.type == .person, "\(result.summary)")
    }

    @Test("Without a second use, a word opening a sentence before a speech verb is no person")
    func speechAlone() throws {
        let result = try Recognized("The talks went on. Witnesses claimed on Monday that the envoy was wrong.")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }

    @Test("A courtesy title after an opening quote addresses a person: '“Mr. Chew, you are here'")
    func quotedAddress() throws {
        let result = try Recognized("The senators questioned him. “Mr. Chewski, you are here,” she said.")
        #expect(result.entity(named: "Chewski")?.type == .person, "\(result.summary)")
    }
}
