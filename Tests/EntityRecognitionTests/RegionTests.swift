import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("States and provinces as governments")
struct RegionTests {
    @Test(
        "A region that acts is an agency of its country",
        arguments: [
            ("Ohio passed a new export rule on Tuesday.", "Ohio"),
            ("Ontario announced its own tariffs after the meeting.", "Ontario"),
            ("The Kerala government criticized the ministry on Friday.", "Kerala"),
            ("The lawsuit was filed by the State of Nevada in May.", "Nevada"),
            ("Sindh Chief Minister Amir Qadri rejected the plan.", "Sindh"),
        ])
    func actingRegion(text: String, region: String) throws {
        let result = try Recognized(text)
        let entity = try #require(result.entity(named: region), "\(result.summary)")
        #expect(entity.type == .agency, "\(result.summary)")
    }

    @Test(
        "A region that only places something is no entity",
        arguments: [
            "The company opened a plant in Ohio and another in Nevada last year.",
            "The minister flew from Ontario to the capital.",
            "The storm hit the coast of Kerala, officials said.",
        ])
    func placeOnly(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test("A place mention joins the region the article makes act elsewhere")
    func placeJoinsActor() throws {
        let result = try Recognized("Ohio sued the agency on Monday. The agency has an office in Ohio.")
        #expect(result.entities(calling: "Ohio").count == 1, "\(result.summary)")
        let index = try #require(result.index(of: "Ohio"), "\(result.summary)")
        #expect(result.analysis.mentions.filter { $0.entity == index }.count == 2, "\(result.summary)")
    }

    @Test("The region's title ties its holder to it")
    func titleOwner() throws {
        let result = try Recognized("Sindh Chief Minister Amir Qadri rejected the plan.")
        let region = try #require(result.index(of: "Sindh"), "\(result.summary)")
        let person = try #require(result.index(of: "Amir Qadri"), "\(result.summary)")
        #expect(result.analysis.mentions.contains { $0.entity == person && $0.owner == region }, "\(result.summary)")
    }

    @Test("A body named after a region stays one body")
    func bodyWithRegionName() throws {
        let result = try Recognized("The Ohio National Guard deployed troops on Monday.")
        #expect(result.entity(named: "Ohio") == nil, "\(result.summary)")
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }
}

@Suite("A region's own bodies")
struct RegionBodyTests {
    @Test("'X state police' is no act of the state's government")
    func statePolice() throws {
        let result = try Recognized("The officers were detained by Sonora state police on Friday.")
        #expect(result.entity(named: "Sonora") == nil, "\(result.summary)")
    }
}
