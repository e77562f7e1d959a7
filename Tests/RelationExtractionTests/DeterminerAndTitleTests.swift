import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("'Her' before a noun is a determiner, not the object")
struct HerDeterminerTests {
    @Test("'held talks with her Kenyan counterpart Aisha Mwangi' gives a meeting with the counterpart")
    func herCounterpart() throws {
        let result = try extract(
            "Foreign Minister Laura Becker flew to Nairobi and held talks with her Kenyan counterpart Aisha Mwangi on trade.")
        #expect(result.has("Laura Becker", .metWith, "Aisha Mwangi"), "\(result.summary)")
    }

    @Test("'accused her of' keeps 'her' as the object: no edge to a later name")
    func herObject() throws {
        let result = try extract("Senator Tom Varga accused her of lying to Congress.")
        #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
    }
}

@Suite("'Counterpart' is a title: a country adjective before it ties the person to the country")
struct CounterpartTests {
    @Test("'his Peruvian counterpart Carlos Rojas' gives Rojas -> Peru")
    func counterpartAdjective() throws {
        let result = try extract("Prime Minister Anton Weber met his Peruvian counterpart Carlos Rojas in Lima.")
        #expect(result.has("Carlos Rojas", .affiliatedWith, "Peru"), "\(result.summary)")
        #expect(result.has("Anton Weber", .metWith, "Carlos Rojas"), "\(result.summary)")
        #expect(!result.has("Anton Weber", .affiliatedWith, "Peru"), "\(result.summary)")
    }

    @Test("'his counterpart Carlos Rojas' with no adjective ties him to nothing")
    func counterpartAlone() throws {
        let result = try extract("Prime Minister Anton Weber met his counterpart Carlos Rojas in Lima.")
        #expect(result.edges(.affiliatedWith).isEmpty, "\(result.summary)")
    }
}
