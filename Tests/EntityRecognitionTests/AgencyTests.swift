import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Agencies come from the lexicon, with article-defined acronyms merged")
struct LexiconAgencyTests {
    @Test("'the State Department' is an agency")
    func stateDepartment() throws {
        let result = try Recognized("The State Department issued a travel advisory on Friday.")
        let department = try #require(result.entity(named: "State Department"), "\(result.summary)")
        #expect(department.type == .agency, "\(result.summary)")
        #expect(department.id == "state-department")
    }

    @Test("'Office of Foreign Assets Control (OFAC)' and a later 'OFAC' are one agency")
    func acronymMerged() throws {
        let result = try Recognized(
            "The Office of Foreign Assets Control (OFAC) added the shipping company to its list. "
                + "OFAC said the vessels had carried oil for the regime.")
        let office = try #require(result.entity(named: "Office of Foreign Assets Control"), "\(result.summary)")
        #expect(office.type == .agency, "\(result.summary)")
        #expect(office.aliases.contains("OFAC"), "\(result.summary)")
        #expect(office.mentions >= 2, "\(result.summary)")
        #expect(result.entities(calling: "OFAC").count == 1, "\(result.summary)")
    }
}

@Suite("One body named two ways is one agency")
struct BodyKeyTests {
    @Test("'Ministry of Defence' and 'Defense Ministry' are one agency")
    func defenceAndDefense() throws {
        let result = try Recognized(
            "The Zambian Ministry of Defence said on Monday that the drills would go ahead. "
                + "A spokesman for the Zambian Defense Ministry later confirmed the dates.")
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 1, "\(result.summary)")
        #expect(agencies.first?.mentions == 2, "\(result.summary)")
    }

    @Test("'Ministry of Foreign Affairs of X' and a later 'Foreign Ministry' are one agency")
    func ofFormAndHeadForm() throws {
        let result = try Recognized(
            "The Ministry of Foreign Affairs of the Republic of Zambia issued a statement on Monday. "
                + "The Foreign Ministry said the envoy would return next week.")
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 1, "\(result.summary)")
        #expect(agencies.first?.aliases.contains("Foreign Ministry") == true, "\(result.summary)")
    }
}

@Suite("A demonym before a body head word is an agency of that country")
struct DemonymBodyTests {
    @Test("'Chinese Foreign Ministry' is an agency owned by China")
    func chineseForeignMinistry() throws {
        let result = try Recognized("The Chinese Foreign Ministry summoned the ambassador on Sunday.")
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 1, "\(result.summary)")
        let ministry = try #require(agencies.first, "\(result.summary)")
        #expect(ministry.name.contains("Foreign Ministry"), "\(result.summary)")
        #expect(ministry.type == .agency)
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")

        // The mention says whose ministry it is.
        let ministryIndex = try #require(result.index(of: ministry.name))
        let owners = result.analysis.mentions.filter { $0.entity == ministryIndex }.compactMap(\.owner)
        #expect(owners.map { result.analysis.entities[$0].name }.contains("China"),
                "owners of the ministry mention: \(owners.map { result.analysis.entities[$0].name }); \(result.summary)")
    }
}

@Suite("A named administration is an agency")
struct AdministrationTests {
    @Test("'the Biden administration' is an agency")
    func bidenAdministration() throws {
        let result = try Recognized("The Biden administration announced the new rules on Wednesday.")
        let administration = try #require(
            result.entities.first { $0.name.lowercased() == "biden administration" }, "\(result.summary)")
        #expect(administration.type == .agency, "\(result.summary)")
        #expect(!result.entities.contains { $0.type == .person && $0.name.hasSuffix("administration") }, "\(result.summary)")
    }
}

@Suite("Organizations: media, armed groups and companies")
struct OrganizationTests {
    @Test("Reuters is an organization")
    func reuters() throws {
        let result = try Recognized("The figures were first reported by Reuters on Thursday.")
        #expect(result.entity(named: "Reuters")?.type == .organization, "\(result.summary)")
    }

    @Test("Hamas is an organization")
    func hamas() throws {
        let result = try Recognized("Hamas released a statement after the ceasefire talks.")
        #expect(result.entity(named: "Hamas")?.type == .organization, "\(result.summary)")
    }

    @Test("A company whose name ends in 'Co Ltd' is one organization with its full name")
    func companyCoLtd() throws {
        let result = try Recognized(
            "Investigators said Hangzhou Meilan Precision Instruments Co Ltd shipped the parts in March.")
        let company = try #require(result.entity(named: "Hangzhou Meilan Precision Instruments Co Ltd"), "\(result.summary)")
        #expect(company.type == .organization, "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }
}

@Suite("A generic ministerial title does not hold a foreign body's short name")
struct GenericTitleBodyTests {
    @Test("'Chinese Commerce Minister Li Hua' makes no U.S. Commerce Department")
    func commerceMinister() throws {
        let result = try Recognized("Chinese Commerce Minister Li Hua visited Berlin on Monday.")
        #expect(result.entity(named: "Commerce Department") == nil, "\(result.summary)")
        #expect(result.entity(named: "Li Hua")?.type == .person, "\(result.summary)")
    }

    @Test("'State Department spokesman Ned Price' still names the State Department")
    func namedBodyTitle() throws {
        let result = try Recognized("State Department spokesman Ned Price spoke on Monday.")
        #expect(result.entity(named: "State Department")?.type == .agency, "\(result.summary)")
    }
}

@Suite("A known body's name that opens with its country names the country too")
struct CountryOpeningTests {
    @Test("'the US Treasury Department' is the United States and the Treasury Department", arguments: [
        "The US Treasury Department on Tuesday imposed sanctions on seven nationals.",
        "The U.S. Treasury Department on Tuesday imposed sanctions on seven nationals.",
        "The US State Department on Tuesday imposed sanctions on seven nationals.",
    ])
    func countryThenBody(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: "United States")?.type == .country, "\(result.summary)")
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }

    @Test("a body whose name only holds a country word stays whole: 'HM Treasury'")
    func noCountryOpening() throws {
        let result = try Recognized("HM Treasury said on Tuesday that the rules would change.")
        #expect(result.entity(named: "HM Treasury")?.type == .agency, "\(result.summary)")
        #expect(result.entities(ofType: .country).isEmpty, "\(result.summary)")
    }
}

@Suite("'and' after a whole body name opens a second actor")
struct BodyCoordinationTests {
    @Test("'the Foreign Ministry and the White House' are two agencies", arguments: [
        ("Talks went well, according to Iran's Foreign Ministry and the White House.", "White House"),
        ("The Foreign Ministry and the Pentagon said the talks went well.", "Pentagon"),
    ])
    func knownBodyAfterAnd(text: String, second: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(calling: "Foreign Ministry").count == 1, "\(result.summary)")
        #expect(result.entities(calling: second).count == 1, "\(result.summary)")
    }

    @Test("a country, a group or a person after 'and' is an actor of its own")
    func otherActorsAfterAnd() throws {
        for (text, second, type) in [("The Foreign Ministry and China signed a deal.", "China", EntityType.country),
                                     ("The Foreign Ministry and Hamas signed a deal.", "Hamas", .organization),
                                     ("The Foreign Ministry and Joe Biden signed a deal.", "Joe Biden", .person)] {
            let result = try Recognized(text)
            #expect(result.entity(named: "Foreign Ministry")?.type == .agency, "\(result.summary)")
            #expect(result.entity(named: second)?.type == type, "\(result.summary)")
        }
    }

    @Test("a known body before 'and' is a whole name: 'Sberbank and Alfa Bank' are two banks")
    func knownBodyBeforeAnd() throws {
        let result = try Recognized("The sanctions hit 28 Russian companies, including Sberbank and Alfa Bank.")
        #expect(result.entities(calling: "Sberbank").count == 1, "\(result.summary)")
        #expect(result.entities(calling: "Alfa Bank").count == 1, "\(result.summary)")
    }

    @Test("a hyphenated name after 'and the' is a second body: 'the Serb Republic and the Bosniak-Croat Federation'")
    func hyphenatedSecondBody() throws {
        let result = try Recognized("The pact divided the country into the Serb Republic and the Bosniak-Croat Federation, linked by a weak central government.")
        #expect(!result.entities.contains { $0.name.contains(" and ") }, "\(result.summary)")
    }

    @Test("'Ministry of Trade and Industry' stays one body")
    func portfolioStaysOne() throws {
        let result = try Recognized("Officials from the Ministry of Trade and Industry said talks went well.")
        #expect(result.entity(named: "Ministry of Trade and Industry")?.type == .agency, "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }
}
