import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("What has a board of directors is an organization; the board is no actor")
struct BoardOfDirectorsTests {
    @Test(
        "'Board of Directors of X' names the organization X",
        arguments: [
            ("Chairman of the Board of Directors of Bank Zelena, Dmitri Volkov, was added to the list.", "Bank Zelena"),
            ("The minister met the Executive Co-Chairman of the Board of Directors of Kestrel Mines Ltd. on Monday.", "Kestrel Mines Ltd."),
        ])
    func organizationOfBoard(text: String, name: String) throws {
        let result = try Recognized(text)
        let organization = try #require(result.entity(named: name), "\(result.summary)")
        #expect(organization.type == .organization, "\(result.summary)")
        #expect(!result.entities.contains { $0.name.contains("Board") || $0.name.contains("Directors") }, "\(result.summary)")
    }

    @Test("The board of a body the lexicon knows is that body, once")
    func boardOfKnownBody() throws {
        let result = try Recognized(
            "The minister said approvals were obtained from the Board of Directors of the International Monetary Fund.")
        let fund = result.entities(calling: "International Monetary Fund")
        #expect(fund.count == 1, "\(result.summary)")
        #expect(fund.first?.type == .agency, "\(result.summary)")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }

    @Test("A board of a lowercase noun names nothing")
    func boardOfCompany() throws {
        let result = try Recognized("The Board of Directors of the company approved the merger on Monday.")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }
}
