import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Countries are recognized by name, alias and demonym with government")
struct CountryTests {
    @Test("A country named by its short name is one country entity")
    func byName() throws {
        let result = try Recognized("Canada expelled two diplomats on Monday.")
        let canada = try #require(result.entity(named: "Canada"), "\(result.summary)")
        #expect(canada.type == .country, "\(result.summary)")
        #expect(canada.id == "canada")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    /// Keys of the article's first few dozen entities are scanned; past that a table takes over,
    /// and a name seen again after the switch must still find its entity.
    @Test("Countries named twice in a long article are one entity each", arguments: [5, 70])
    func manyCountries(count: Int) throws {
        let names = [
            "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain",
            "Bangladesh", "Belarus", "Belgium", "Bolivia", "Botswana", "Brazil", "Bulgaria", "Cambodia", "Cameroon",
            "Canada", "Chad", "Chile", "Colombia", "Croatia", "Cuba", "Cyprus", "Denmark", "Ecuador", "Egypt", "Eritrea",
            "Estonia", "Ethiopia", "Finland", "France", "Gabon", "Georgia", "Germany", "Ghana", "Greece", "Guatemala",
            "Guinea", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel",
            "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kuwait", "Latvia", "Lebanon", "Libya",
            "Lithuania", "Malaysia", "Mali", "Mexico", "Mongolia", "Morocco", "Nepal", "Nigeria", "Norway", "Oman",
        ]
        let chosen = Array(names.prefix(count))
        let first = chosen.map { "Officials from \($0) arrived on Monday." }
        let second = chosen.reversed().map { "\($0) later left the talks." }
        let result = try Recognized((first + second).joined(separator: "\n\n"))
        let countries = result.entities(ofType: .country)
        #expect(countries.count == count, "\(result.summary)")
        for name in chosen {
            let country = try #require(result.entity(named: name), "\(name): \(result.summary)")
            #expect(country.mentions == 2, "\(name): \(result.summary)")
        }
    }

    @Test("An alias such as 'the U.S.' names the United States")
    func byAlias() throws {
        let result = try Recognized("The U.S. expelled two diplomats on Monday.")
        let countries = result.entities(ofType: .country)
        #expect(countries.count == 1, "\(result.summary)")
        let country = try #require(countries.first, "\(result.summary)")
        #expect(country.name == "United States", "\(result.summary)")
        #expect(country.aliases.contains("U.S."), "\(result.summary)")
    }

    @Test("The official long name and the short name are one entity")
    func longAndShortName() throws {
        let result = try Recognized(
            "The People's Republic of China lodged a protest. China said the vessel had entered its waters.")
        let china = try #require(result.entity(named: "China") ?? result.entity(named: "People's Republic of China"),
                                 "\(result.summary)")
        #expect(china.type == .country)
        #expect(result.entities(ofType: .country).count == 1, "\(result.summary)")
        #expect(Set([china.name] + china.aliases).isSuperset(of: ["China", "People's Republic of China"]), "\(result.summary)")
    }

    @Test("'the Chinese government' is China")
    func demonymWithGovernment() throws {
        let result = try Recognized("The Chinese government rejected the findings of the panel.")
        let china = try #require(result.entity(named: "China"), "\(result.summary)")
        #expect(china.type == .country, "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("'the Iranian government' is Iran")
    func otherDemonymWithGovernment() throws {
        let result = try Recognized("Officials said the Iranian government had approved the exchange.")
        #expect(result.entity(named: "Iran")?.type == .country, "\(result.summary)")
    }
}

@Suite("Metonymy: a seat of government acting is its country; a city that is only a place is nothing")
struct MetonymyTests {
    @Test("'Beijing' denying something is China")
    func beijingActs() throws {
        let result = try Recognized("Beijing dismissed the report as a fabrication.")
        let china = try #require(result.entity(named: "China"), "\(result.summary)")
        #expect(china.type == .country)
        #expect(china.aliases.contains("Beijing"), "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("'the Kremlin' acting is Russia")
    func kremlinActs() throws {
        let result = try Recognized("The Kremlin dismissed the report as a fabrication.")
        let russia = try #require(result.entity(named: "Russia"), "\(result.summary)")
        #expect(russia.type == .country)
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("'Washington' acting is the United States")
    func washingtonActs() throws {
        let result = try Recognized("Washington imposed new export controls on the shipments last week.")
        let usa = try #require(result.entity(named: "United States"), "\(result.summary)")
        #expect(usa.type == .country)
        #expect(usa.aliases.contains("Washington"), "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("'Moscow' acting is Russia; 'Tokyo' acting is Japan", arguments: [
        ("Moscow expelled three diplomats on Friday.", "Russia"),
        ("Tokyo lodged a formal protest over the flights.", "Japan"),
    ])
    func otherSeatsAct(text: String, country: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: country)?.type == .country, "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("A capital that is only a place ('talks in Moscow') names no entity")
    func capitalAsPlace() throws {
        let result = try Recognized("The delegates held their talks in Moscow during a snowstorm.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }

    @Test("'labs in Wuhan' names no entity")
    func cityAsPlace() throws {
        let result = try Recognized("Samples were stored in labs in Wuhan for several years.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }
}

@Suite("A demonym before an unnamed group makes no entity")
struct DemonymGroupTests {
    @Test("'Chinese firms' makes no entity")
    func chineseFirms() throws {
        let result = try Recognized("Several Chinese firms shipped the components through third countries.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }

    @Test("'Russian officials' makes no entity")
    func russianOfficials() throws {
        let result = try Recognized("Several Russian officials declined to comment on the matter.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }

    @Test("'Mexican drug cartels' makes no entity")
    func mexicanCartels() throws {
        let result = try Recognized("Investigators traced the chemicals to Mexican drug cartels.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }
}
