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
