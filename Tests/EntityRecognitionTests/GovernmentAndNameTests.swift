import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A government named by its country is the country; one named by its leader is an agency")
struct GovernmentTests {
    @Test("'the Canadian Government', 'Government of Nepal' and 'Zambia's Government' are the countries")
    func countryGovernments() throws {
        let result = try Recognized(
            "The Canadian Government imposed new sanctions. The Government of Nepal protested, "
                + "and Zambia's Government said it would respond.")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
        let countries = Set(result.entities(ofType: .country).map(\.name))
        #expect(countries == ["Canada", "Nepal", "Zambia"], "\(result.summary)")
        #expect(result.entity(named: "Canada")?.aliases.contains("Canadian Government") == true, "\(result.summary)")
    }

    @Test("'the Okonjo regime' and 'the Okonjo government' are one agency, and a full leader's name is a person too")
    func leaderGovernment() throws {
        let result = try Recognized(
            "Critics condemned the Okonjo regime on Monday. The Okonjo government denied the charges. "
                + "Under the Samuel Adebayo administration, ties improved.")
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 2, "\(result.summary)")
        #expect(result.entity(named: "Samuel Adebayo")?.type == .person, "\(result.summary)")
    }
}

@Suite("A lexicon's body of one country named with another country is that other country's")
struct OtherCountryBodyTests {
    @Test("'the Haitian Senate' is Haiti's Senate, and a later bare 'Senate' is the same")
    func haitianSenate() throws {
        let result = try Recognized("The Haitian Senate voted on Monday. The Senate will meet again next week.")
        let agencies = result.entities(ofType: .agency)
        #expect(agencies.count == 1, "\(result.summary)")
        #expect(agencies.first?.name == "Haitian Senate", "\(result.summary)")
    }

    @Test("'the White House' and 'Hong Kong' are agencies (guidelines)")
    func guidelineAgencies() throws {
        let result = try Recognized("The White House criticized Hong Kong on Friday.")
        #expect(result.entity(named: "White House")?.type == .agency, "\(result.summary)")
        #expect(result.entity(named: "Hong Kong")?.type == .agency, "\(result.summary)")
    }

    @Test("An intergovernmental body has no country, though its name holds a demonym")
    func intergovernmentalBody() throws {
        let result = try Recognized("The Organization of American States met on Monday.")
        let index = try #require(result.index(of: "Organization of American States"), "\(result.summary)")
        #expect(result.analysis.mentions.filter { $0.entity == index }.allSatisfy { $0.owner == nil }, "\(result.summary)")
        #expect(result.entities(ofType: .country).isEmpty, "\(result.summary)")
    }
}

@Suite("People's names in many traditions")
struct NameShapeTests {
    @Test("An East Asian given name with a lowercase second syllable is part of the name")
    func lowercaseSyllable() throws {
        let result = try Recognized("Vice Minister Ri Kwang-sok met Foreign Minister Choe Sun-hui in the capital.")
        let people = Set(result.entities(ofType: .person).map(\.name))
        #expect(people == ["Ri Kwang-sok", "Choe Sun-hui"], "\(result.summary)")
    }

    @Test("A name with and without its particle, and with its diacritics folded, is one person")
    func particlesAndDiacritics() throws {
        let result = try Recognized(
            "Minister Abdel Karim al-Masri arrived on Monday. Abdel Karim Masri said the talks went well, "
                + "and al-Masri thanked his hosts. Later, Minister José Alvarado met Jose Alvarado's deputy.")
        let people = result.entities(ofType: .person)
        #expect(people.count == 2, "\(result.summary)")
    }

    @Test("A title's portfolio before the name stays with the title")
    func portfolioTitle() throws {
        let result = try Recognized("Commissioner for Fisheries Lotte Brandt said the quota would be cut.")
        let brandt = try #require(result.entity(named: "Lotte Brandt"), "\(result.summary)")
        #expect(brandt.type == .person)
        #expect(!result.entities.contains { $0.name.hasPrefix("Fisheries") }, "\(result.summary)")
    }

    @Test("'and' does not join two people's names into a body ('X and Treasury Secretary Y')")
    func twoPeople() throws {
        let result = try Recognized(
            "The letter went to Secretary of State Marta Quiroga and Treasury Secretary Ivo Lindgren on Friday.")
        let people = Set(result.entities(ofType: .person).map(\.name))
        #expect(people == ["Marta Quiroga", "Ivo Lindgren"], "\(result.summary)")
    }

    @Test("A person the lexicons know is a person by surname alone")
    func knownSurname() throws {
        let result = try Recognized("Officials in Brussels said Putin would not attend.")
        #expect(result.entity(named: "Putin")?.type == .person, "\(result.summary)")
    }

    @Test("A headline's capitalized verb before a known name is no part of the name")
    func headlineVerb() throws {
        let result = try Recognized(
            "Treasury Sanctions Vuko Dranic and Allied Media Network for Corrupt Activity\n\n"
                + "Today, the Treasury designated Vuko Dranic in response to Dranic’s corrupt activities.")
        let people = result.entities(ofType: .person).map(\.name)
        #expect(people == ["Vuko Dranic"], "\(result.summary)")
    }
}
