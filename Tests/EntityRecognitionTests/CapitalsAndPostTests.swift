import EntityRecognition
import KnowledgeGraph
import Testing

/// A courtesy title's letters written as an acronym ("MS-13"), and a post in apposition as the sign
/// of a person whose given name no list knows.
@Suite("Honorifics in capitals, and a post in apposition")
struct CapitalsAndPostTests {
    @Test("An honorific written in capitals is an acronym: 'the MS-13 gang' is an organization")
    func honorificInCapitalsIsAcronym() throws {
        let result = try Recognized("Police arrested eleven members of the MS-13 gang in the capital on Monday.")
        #expect(result.entity(named: "MS-13")?.type == .organization, "\(result.summary)")
    }

    @Test("The honorific as written still introduces a person: 'Ms Velmora Quint'")
    func honorificAsWritten() throws {
        let result = try Recognized("Ms Velmora Quint told reporters the talks would go on.")
        #expect(result.entity(named: "Velmora Quint")?.type == .person, "\(result.summary)")
        #expect(result.entity(named: "Ms Velmora Quint") == nil, "\(result.summary)")
    }

    @Test("An honorific the lexicon writes in capitals stays the title: 'H.E. Talvo Renk'")
    func honorificWrittenInCapitals() throws {
        let result = try Recognized("H.E. Talvo Renk met the visiting envoy on Monday.")
        #expect(result.entity(named: "Talvo Renk")?.type == .person, "\(result.summary)")
        #expect(result.entity(named: "H.E.") == nil, "\(result.summary)")
    }

    @Test("A post in apposition is a sign of a person: 'Toraq Velmund Oskay, Deputy Minister of Justice'")
    func postInApposition() throws {
        let result = try Recognized("The order named Toraq Velmund Oskay, Deputy Minister of Justice, on Monday.")
        #expect(result.entity(named: "Toraq Velmund Oskay")?.type == .person, "\(result.summary)")
    }

    @Test("A title before the next name of a list says nothing of the name before it: 'Merrow Falk, President Ilse Marn'")
    func titleOfNextName() throws {
        let result = try Recognized("The letter was sent to Merrow Falk, President Ilse Marn and the cabinet.")
        #expect(result.entity(named: "Ilse Marn")?.type == .person, "\(result.summary)")
        #expect(result.entity(named: "Merrow Falk") == nil, "\(result.summary)")
    }
}
