import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Coordination: 'and' between two whole names")
struct CoordinationTests {
    @Test("'and' after a name that ended splits two names",
          arguments: [
              // A legal form ends a company's name.
              ("The Treasury sanctioned Zhenhai Hengda Industry Co Ltd and Smythe & Partners Shipping on Monday.",
               ["Zhenhai Hengda Industry Co Ltd", "Smythe & Partners Shipping"]),
              // A country after "of" ends a body's portfolio.
              ("The Bonyad Tavon Fund of Iran and Mehrab Trading Co. were named.", ["Bonyad Tavon Fund of Iran", "Mehrab Trading Co."]),
              // The second name may hold small words of its own.
              ("Firms including Yotu Technologies and Yixan Science and Technology Co. Ltd. were listed.",
               ["Yotu Technologies", "Yixan Science and Technology Co. Ltd."]),
          ])
    func splits(text: String, names: [String]) throws {
        let result = try Recognized(text)
        for name in names {
            #expect(result.entity(named: name) != nil, "\(name): \(result.summary)")
        }
    }

    @Test("A person's name and a body's are two names")
    func personAndBody() throws {
        let result = try Recognized("President William Ruto and Azimio La Umoja Coalition leader Raila Odinga met on Monday.")
        let coalition = try #require(result.entity(named: "Azimio La Umoja Coalition"), "\(result.summary)")
        #expect(coalition.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "William Ruto")?.type == .person, "\(result.summary)")
    }

    @Test("A known body's portfolio goes on with 'and': 'Department of Energy and Climate Change'")
    func coordinatedPortfolio() throws {
        let result = try Recognized("The Department of Energy and Climate Change said on Monday that prices would fall.")
        let body = try #require(result.entity(named: "Department of Energy and Climate Change"), "\(result.summary)")
        #expect(body.type == .agency, "\(result.summary)")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }

    @Test("Sector words joined by 'and' stay one name",
          arguments: ["The Ministry of Trade and Industry said on Monday that exports rose.",
                      "He spoke at the Initiative for Multi-Sectoral Technical and Economic Cooperation on Monday."])
    func staysOne(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities.count == 1, "\(result.summary)")
    }
}

@Suite("Where a body's name ends")
struct BodyNameEndTests {
    @Test("A title after 'and' starts a second role: 'Council of Ministers and Minister of Defence'")
    func titleAfterAnd() throws {
        let result = try Recognized(
            "Prince Khalid Saad, Vice President of the Council of Ministers and Minister of Defence, left today.")
        #expect(result.entity(named: "Council of Ministers")?.type == .agency, "\(result.summary)")
        #expect(!result.entities.contains { $0.name.contains("and Minister") }, "\(result.summary)")
    }

    @Test("An abbreviated month ends a name: 'Bureau of European Affairs on Nov. 29'")
    func abbreviatedMonth() throws {
        let result = try Recognized("The Bureau of European Affairs on Nov. 29 published the readout.")
        #expect(result.entity(named: "Bureau of European Affairs")?.type == .agency, "\(result.summary)")
    }

    @Test("A people's possessive inside a portfolio: 'Ministry of People’s Security'",
          arguments: ["Ministry of People’s Security", "Ministry of People's Security"])
    func peoplePossessive(name: String) throws {
        let result = try Recognized("The sanctions extend to the \(name), which oversees labor camps.")
        #expect(result.entity(named: name)?.type == .agency, "\(result.summary)")
    }
}

@Suite("One head shared by several known bodies")
struct DistributedHeadTests {
    @Test("Each word names its own body",
          arguments: [
              ("Bukele rejects the allegations made through the State and Treasury departments, he said.",
               ["State Department", "Treasury Department"]),
              ("Officials from the departments of Homeland Security, Justice and State traveled to Haiti.",
               ["Department of Homeland Security", "Justice Department", "State Department"]),
              ("The U.S. Treasury and State Departments announced the measures.", ["Treasury Department", "State Department"]),
          ])
    func distributed(text: String, names: [String]) throws {
        let result = try Recognized(text)
        for name in names {
            #expect(result.entity(named: name)?.type == .agency, "\(name): \(result.summary)")
        }
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }

    @Test("Words that name no known body with the head make nothing")
    func unknownWords() throws {
        let result = try Recognized("The Smith and Jones departments merged last year.")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }
}

@Suite("A plural possessive inside a body's name")
struct PluralPossessiveTests {
    @Test("'Ministry of Veterans’ Affairs' is one agency, and no person 'Veterans'",
          arguments: ["Ministry of Veterans’ Affairs", "Ministry of Veterans' Affairs"])
    func pluralPossessive(name: String) throws {
        let result = try Recognized("The \(name) said on Monday that benefits would rise.")
        #expect(result.entity(named: name)?.type == .agency, "\(result.summary)")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
    }
}
