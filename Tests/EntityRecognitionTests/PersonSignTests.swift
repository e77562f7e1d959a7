import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A known group's short name in brackets after a name")
struct PersonSignTests {
    @Test("The name before it is a person's")
    func bracketedGroup() throws {
        let result = try Recognized("The list named Zarak Mirwan (LeT) and Tavi Oruz (JeM) among others.")
        #expect(result.entity(named: "Zarak Mirwan")?.type == .person, "\(result.summary)")
        #expect(result.entity(named: "Tavi Oruz")?.type == .person, "\(result.summary)")
    }

    @Test("A name's own acronym says nothing of a person, whatever body the lexicon gives its letters")
    func ownAcronym() throws {
        let result = try Recognized("The loan comes under the Extended Fund Facility (EFF) agreed in May.")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }
}

@Suite("A titled name whose last word ends organizations' names")
struct TitledNameWithHeadWordTests {
    @Test("'spokesman Wen Gang' is a person")
    func titled() throws {
        let result = try Recognized("Foreign Ministry spokesman Wen Gang said the visit was useful.")
        #expect(result.entity(named: "Wen Gang")?.type == .person, "\(result.summary)")
    }
}

@Suite("A leader's administration written with a possessive")
struct PossessiveAdministrationTests {
    @Test("'President Dana Holt's administration' is the Holt administration, and Dana Holt")
    func possessive() throws {
        let result = try Recognized("The rule was written by President Dana Holt's administration last year.")
        #expect(result.entity(named: "Holt administration")?.type == .agency, "\(result.summary)")
        #expect(result.entity(named: "Dana Holt")?.type == .person, "\(result.summary)")
    }

    @Test("A leader's government is left alone: it is as often the country")
    func government() throws {
        let result = try Recognized("The rule was written by President Dana Holt's government last year.")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }
}
