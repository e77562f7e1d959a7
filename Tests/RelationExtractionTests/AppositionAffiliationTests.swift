import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("Titles with their owner after 'of' or in an apposition")
struct AppositionAffiliationTests {
    @Test("'the prime minister of Portugal, Rui Matos' gives Matos -> Portugal")
    func titleOfCountryComma() throws {
        let result = try extract("Crowds greeted the prime minister of Portugal, Rui Matos, at the airport.")
        #expect(result.has("Rui Matos", .affiliatedWith, "Portugal"), "\(result.summary)")
        // The person, not the country, is the noun phrase's head.
        #expect(result.graph.entities.contains { $0.name == "Rui Matos" && $0.type == .person }, "\(result.summary)")
    }

    @Test("In a list of titled leaders, each title belongs to the name after it, not to the name before the comma")
    func listOfTitledLeaders() throws {
        let edges = try ruleEdges(
            "The summit included Kazakh President Kassym Tokayev, Kyrgyz President Sadyr Japarov, Tajik President Emomali Rahmon and others.")
        #expect(edges.contains("kassym-tokayev -affiliated_with-> kazakhstan"), "\(edges)")
        #expect(edges.contains("sadyr-japarov -affiliated_with-> kyrgyzstan"), "\(edges)")
        #expect(!edges.contains("kassym-tokayev -affiliated_with-> kyrgyzstan"), "\(edges)")
        #expect(!edges.contains("sadyr-japarov -affiliated_with-> tajikistan"), "\(edges)")
    }

    @Test("'the country's interim president, Ali Sow' gives Sow -> the country named before")
    func countryAnaphor() throws {
        let result = try extract("Soldiers in Guinea detained the country's interim president, Ali Sow, on Friday.")
        #expect(result.has("Ali Sow", .affiliatedWith, "Guinea"), "\(result.summary)")
    }

    /// "acting" is looked up as a rank word; to the anaphor it is a plain modifier.
    @Test("A rank word between 'the country's' and the title still reaches the country")
    func countryAnaphorOverRank() throws {
        let result = try extract("Officials in Kenya met on Monday. The country's acting president Rigathi Gachagua said talks would continue.")
        #expect(result.has("Rigathi Gachagua", .affiliatedWith, "Kenya"), "\(result.summary)")
    }

    @Test("'the president, Ali Sow' with no possessive country ties him to nothing")
    func noAnaphor() throws {
        let result = try extract("Soldiers in Guinea detained the interim president, Ali Sow, on Friday.")
        #expect(!result.has("Ali Sow", .affiliatedWith, "Guinea"), "\(result.summary)")
    }

    @Test("'Ghanaian President Kofi Mensah, also chairman of the African Union Commission' gives both affiliations")
    func appositionChairmanOf() throws {
        let result = try extract(
            "Ghanaian President Kofi Mensah, also chairman of the African Union Commission, opened the session.")
        #expect(result.has("Kofi Mensah", .affiliatedWith, "Ghana"), "\(result.summary)")
        let commission = try #require(result.graph.entities.first { $0.name.contains("Commission") }, "\(result.summary)")
        #expect(result.has("Kofi Mensah", .affiliatedWith, commission.name), "\(result.summary)")
    }

    @Test("'the governor of Kandahar, the commander of X': a place after 'of' takes no apposition")
    func placeTakesNoApposition() throws {
        let result = try extract(
            "Canada sanctioned the governor of Kandahar, the commander of the Islamic Revolutionary Guard Corps in the city.")
        #expect(result.edges(.affiliatedWith).allSatisfy { $0.source != result.id("Kandahar") }, "\(result.summary)")
    }

    @Test("'State Minister of Finance Nimal Perera' with the ministry named: Perera -> Ministry of Finance")
    func overlappingTitles() throws {
        let result = try extract(
            "State Minister of Finance Nimal Perera said the Ministry of Finance would publish the figures.")
        #expect(result.has("Nimal Perera", .affiliatedWith, "Ministry of Finance"), "\(result.summary)")
        #expect(result.id("Finance Nimal Perera") == nil, "\(result.summary)")
    }

    @Test("'the Board of Governors of the World Bank' belongs to the World Bank, and is the subject itself")
    func nestedBody() throws {
        let result = try extract("The Board of Governors of the World Bank criticized Venezuela on Monday.")
        let board = try #require(result.graph.entities.first { $0.name.hasPrefix("Board of Governors") }, "\(result.summary)")
        #expect(result.has(board.name, .affiliatedWith, "World Bank"), "\(result.summary)")
        #expect(result.has(board.name, .criticized, "Venezuela"), "\(result.summary)")
        #expect(!result.has("World Bank", .criticized, "Venezuela"), "\(result.summary)")
    }

    @Test("'Lopez's Socialist Party' ties Lopez to the party; 'Lopez's Reuters interview' does not")
    func partyOfPerson() throws {
        let party = try extract("Maria Lopez met voters in Bilbao. Lopez's PSOE party won the vote.")
        #expect(party.has("Maria Lopez", .affiliatedWith, "PSOE"), "\(party.summary)")
        let media = try extract("Maria Lopez met voters in Bilbao. Lopez's Reuters interview ran on Sunday.")
        // No feature tells a party from a medium: the pair scores 40% against the 36% threshold
        // of this model (37% against 40% under the one before); a retrain may take the edge away.
        withKnownIssue("A medium named with a person's possessive reads as the person's party") {
            #expect(!media.has("Maria Lopez", .affiliatedWith, "Reuters"), "\(media.summary)")
        }
    }
}

@Suite("Envoys, leaders of a country, and bodies that are part of others")
struct MoreAffiliationTests {
    @Test("'Chile's ambassador to Peru, Ana Rojas' ties Rojas to Chile, not Peru")
    func ambassadorTo() throws {
        let result = try extract("Chile's ambassador to Peru, Ana Rojas, left Lima on Monday.")
        #expect(result.has("Ana Rojas", .affiliatedWith, "Chile"), "\(result.summary)")
        #expect(!result.has("Ana Rojas", .affiliatedWith, "Peru"), "\(result.summary)")
    }

    @Test("'Ana Rojas, the president of Chile' gives Rojas -> Chile")
    func appositionOfCountry() throws {
        let result = try extract("Ana Rojas, the president of Chile, opened the summit.")
        #expect(result.has("Ana Rojas", .affiliatedWith, "Chile"), "\(result.summary)")
    }

    @Test("'X, a unit of Y' and 'X is one of the largest parts of Y' tie X to Y")
    func partOf() throws {
        let unit = try extract("The Defense Logistics Agency, a unit of the Pentagon, issued the contract.")
        let agency = try #require(unit.graph.entities.first { $0.name.contains("Logistics") }, "\(unit.summary)")
        #expect(unit.has(agency.name, .affiliatedWith, "Pentagon"), "\(unit.summary)")
    }

    @Test("'X attacked the wing of Y' is no part-of statement")
    func attackIsNoPart() throws {
        let result = try extract("The Defense Logistics Agency attacked the wing of the Pentagon in a memo.")
        #expect(result.edges(.affiliatedWith).allSatisfy { $0.target != result.id("Pentagon") }, "\(result.summary)")
    }
}

@Suite("Lowercase role words between a body and a title")
struct RoleModifierTests {
    @Test("'NATO political chief Anna Berg' gives Berg -> NATO")
    func roleWords() throws {
        let result = try extract("NATO political chief Anna Berg arrived in Riga.")
        #expect(result.has("Anna Berg", .affiliatedWith, "NATO"), "\(result.summary)")
    }

    @Test("'NATO said senior official Anna Berg ...': a verb between body and title ties nothing")
    func verbBreaksOwner() throws {
        let result = try extract("NATO said senior official Anna Berg would travel to Riga.")
        #expect(!result.has("Anna Berg", .affiliatedWith, "NATO"), "\(result.summary)")
    }
}

@Suite("'The country's minister' is the country the text is about")
struct CountryAnaphorTopicTests {
    @Test("The country named most often wins over one named last in passing")
    func topicCountry() throws {
        let result = try extract(
            "Ecuador closed its border on Monday. Ecuador said the move was temporary. Officials said Ecuador's ties with Peru "
                + "were strained. The country's foreign minister, Ana Rojas, will travel on Friday.")
        #expect(result.has("Ana Rojas", .affiliatedWith, "Ecuador"), "\(result.summary)")
        #expect(!result.has("Ana Rojas", .affiliatedWith, "Peru"), "\(result.summary)")
    }
}
