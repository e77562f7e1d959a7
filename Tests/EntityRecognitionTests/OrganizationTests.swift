import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A noun beside a name says it names an organization")
struct OrganizationNounTests {
    @Test("'energy company Kalmora' and 'the Vestry group' are organizations, not people")
    func nounBesideName() throws {
        let result = try Recognized(
            "Regulators fined energy company Kalmora on Monday. Officials said the Vestry group paid the fine.")
        #expect(result.entity(named: "Kalmora")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Vestry")?.type == .organization, "\(result.summary)")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }

    @Test("A people's adjective before such a noun is no organization ('the Kurdish militia')")
    func adjectiveIsNoName() throws {
        let result = try Recognized("Officials said the Kurdish militia withdrew from the town on Tuesday.")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }
}

@Suite("Company names: legal forms, ampersands, sector words and coordination")
struct CompanyNameTests {
    @Test("Two companies joined by 'and' are two organizations")
    func coordinatedCompanies() throws {
        let result = try Recognized("The ministry sanctioned Lindqvist Marine Corp. and Osterby Shipping Co. on Friday.")
        let names = Set(result.entities(ofType: .organization).map(\.name))
        #expect(names == ["Lindqvist Marine Corp.", "Osterby Shipping Co."], "\(result.summary)")
    }

    @Test("Sector words joined by 'and' stay one name ('Varnholt Oil and Gas Enterprise')")
    func sectorWordsStayTogether() throws {
        let result = try Recognized("Officials named Varnholt Oil and Gas Enterprise in the report.")
        #expect(result.entity(named: "Varnholt Oil and Gas Enterprise")?.type == .organization, "\(result.summary)")
    }

    @Test("An ampersand joins a name, and a legal form after a comma belongs to it")
    func ampersandAndLegalForm() throws {
        let result = try Recognized(
            "The agency fined Brandt & Sohle Holdings on Monday and designated Quinta Verde Exportadora, S.A. de C.V. as well.")
        #expect(result.entity(named: "Brandt & Sohle Holdings")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Quinta Verde Exportadora, S.A. de C.V.")?.type == .organization, "\(result.summary)")
    }

    @Test("A company with and without its legal form, and by its first word, is one organization")
    func legalFormAndShortForm() throws {
        let result = try Recognized(
            "Regulators fined Tarnow Storage Technology LLC on Tuesday. Tarnow Storage Technology said it would appeal, "
                + "and Tarnow said the fine was unfair.")
        let companies = result.entities(ofType: .organization)
        #expect(companies.count == 1, "\(result.summary)")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }
}

@Suite("A body's head word alone refers back to the body named before")
struct BareHeadTests {
    @Test("'the Fund' after the International Monetary Fund is that body; a lone 'Group' or 'News' is nobody")
    func bareHead() throws {
        let result = try Recognized(
            "The International Monetary Fund approved the loan. The Fund said reforms would follow.\n\nNews\n\n"
                + "Leaders will meet at the Group of 20 summit next week.")
        #expect(result.entities(calling: "Fund").count <= 1, "\(result.summary)")
        #expect(result.entity(named: "International Monetary Fund")?.mentions == 2, "\(result.summary)")
        #expect(!result.entities.contains { $0.name == "News" || $0.name == "Group" }, "\(result.summary)")
    }
}

@Suite("Site furniture is no entity")
struct SiteChromeTests {
    @Test("A row of share buttons is boilerplate, and its words are no organizations")
    func shareButtons() throws {
        let result = try Recognized(
            "Facebook Twitter LinkedIn Email Print Share\n\nThe Ministry of Finance of Zambia said the budget would pass.")
        #expect(!result.entities.contains { ["Facebook", "Twitter", "LinkedIn"].contains($0.name) }, "\(result.summary)")
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }
}

@Suite("A hyphenated prefix keeps its lowercase rest")
struct HyphenPrefixTests {
    @Test("'Co-operative' is one word of a name, not the legal form 'Co'")
    func cooperative() throws {
        let result = try Recognized(
            "The Varna Co-operative Bank failed. The Minister of Trade and International Co-operation said nothing.")
        #expect(result.entity(named: "Varna Co-operative Bank")?.type == .organization, "\(result.summary)")
        #expect(!result.entities.contains { $0.name.hasSuffix(" Co") }, "\(result.summary)")
    }
}

@Suite("A two-word head outranks the type of its last word")
struct TwoWordHeadTests {
    @Test("'Malta News Agency' is a media outlet while 'the Maltese Food Agency' stays an agency")
    func newsAgency() throws {
        let result = try Recognized(
            "The state-run Malta News Agency reported the visit. The Tarvik Press Agency confirmed it, "
                + "and the Maltese Food Agency declined to comment.")
        #expect(result.entity(named: "Malta News Agency")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Tarvik Press Agency")?.type == .organization, "\(result.summary)")
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }

    @Test("A country's name before a two-word media head is the outlet's name, not the country acting")
    func countryBeforeMediaHead() throws {
        let result = try Recognized("According to Namibia Press Agency, the minister resigned on Monday.")
        #expect(result.entity(named: "Namibia Press Agency")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Namibia") == nil, "\(result.summary)")
    }
}

@Suite("A country's institute or centre is a body of its state")
struct StateInstituteTests {
    @Test("Owned by a possessive or an adjective: an agency",
          arguments: [
              ("Peru's Institute of Soil Science said the samples were clean.", "Peru's Institute of Soil Science"),
              ("The report came from the Latvian State Dialect Centre on Friday.", "Latvian State Dialect Centre"),
          ])
    func owned(text: String, body: String) throws {
        let result = try Recognized(text)
        let entity = try #require(result.entities(calling: body).first, "\(result.summary)")
        #expect(entity.type == .agency, "\(result.summary)")
    }

    @Test("A country's name opening the name, or the subject after 'for', owns nothing: an organization",
          arguments: [
              ("The Cameroon Centre for Rights published the letter.", "Cameroon Centre for Rights"),
              ("The Halvard Institute for Peru Studies published the letter.", "Halvard Institute for Peru Studies"),
          ])
    func named(text: String, body: String) throws {
        let result = try Recognized(text)
        let entity = try #require(result.entities(calling: body).first, "\(result.summary)")
        #expect(entity.type == .organization, "\(result.summary)")
    }
}
