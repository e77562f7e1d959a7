import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Organizations told by the words around an unknown name")
struct OrganizationSignTests {
    @Test("An apposition whose noun is a kind of organization",
          arguments: [
              ("The ministry took measures against Brakplugs, an American company specializing in protection.", "Brakplugs"),
              ("The Treasury sanctioned Kimsooky, a North Korean cyber espionage group, on Friday.", "Kimsooky"),
              ("Hezbollah and its financial firm, Al-Qard al-Hassib, were named.", "Al-Qard al-Hassib"),
          ])
    func apposition(text: String, name: String) throws {
        let result = try Recognized(text)
        let organization = try #require(result.entity(named: name), "\(result.summary)")
        #expect(organization.type == .organization, "\(result.summary)")
    }

    @Test("An apposition about a person stays a person's")
    func personApposition() throws {
        let result = try Recognized("Sources said John Smith, a senior official at the company, resigned.")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }

    @Test("A role an organization gives before its holder's name",
          arguments: [
              ("Snapple CEO Evan Spiegel told senators the platform was safe.", "Snapple"),
              ("Fuerza Nueva leader Keiko Fujimori spoke to reporters on Monday.", "Fuerza Nueva"),
          ])
    func roleBeforeName(text: String, name: String) throws {
        let result = try Recognized(text)
        let organization = try #require(result.entity(named: name), "\(result.summary)")
        #expect(organization.type == .organization, "\(result.summary)")
        #expect(result.entities(ofType: .person).count == 1, "\(result.summary)")
    }

    @Test("A party adjective before 'leader' is no organization")
    func adjectiveBeforeLeader() throws {
        let result = try Recognized("Republican leader Mitch McConnell objected to the bill.")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }

    @Test("An outlet that reports",
          arguments: [
              ("The strikes continued overnight, Trendex reports, citing the ministry.", "Trendex"),
              ("This is reported by NewsMakerz, the agency saw.", "NewsMakerz"),
          ])
    func reportingOutlet(text: String, name: String) throws {
        let result = try Recognized(text)
        let organization = try #require(result.entity(named: name), "\(result.summary)")
        #expect(organization.type == .organization, "\(result.summary)")
    }
}

@Suite("Head words of companies, caucuses and state bodies")
struct MoreHeadTests {
    @Test("'International' ends a company's name",
          arguments: [
              ("The U.S. sanctioned Falcon Ridge International and Petro Gulf Industry Co Ltd on Tuesday.", "Falcon Ridge International"),
              ("Officials said Amnestia International had documented the abuses.", "Amnestia International"),
          ])
    func organizationHead(text: String, name: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: name)?.type == .organization, "\(result.summary)")
    }

    @Test("A country's organization or fund is a body of its state",
          arguments: [
              ("The Iranian Atomic Power Organization rejected the report.", "Iranian Atomic Power Organization"),
              ("The National Prosperity Fund of Iran was also named.", "National Prosperity Fund of Iran"),
          ])
    func stateBody(text: String, name: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: name)?.type == .agency, "\(result.summary)")
    }

    @Test("A newspaper named after a place stays an organization")
    func placeNewspaper() throws {
        let result = try Recognized("The report was first published by the Boston Herald on Sunday.")
        #expect(result.entity(named: "Boston Herald")?.type == .organization, "\(result.summary)")
    }
}

@Suite("A body of an organization is the organization's")
struct OrganizationBodyTests {
    @Test("A head word that names agencies elsewhere names an organization's unit here",
          arguments: [
              ("The Treasury blacklisted the chief of Hezbollah’s Central Finance Unit on Friday.", "Central Finance Unit"),
              ("She is a director of the Central Committee of the Workers’ Party of Korea, the agency said.",
               "Central Committee of the Workers’ Party of Korea"),
          ])
    func organizationUnit(text: String, name: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: name)?.type == .organization, "\(result.summary)")
    }

    @Test("A body of a government body stays an agency")
    func agencyUnit() throws {
        let result = try Recognized("The Treasury’s Office of Terrorism Finance issued the order.")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }
}
