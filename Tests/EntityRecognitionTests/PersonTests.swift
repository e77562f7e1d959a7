import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("People named after a title: the title is not part of the name")
struct TitledPersonTests {
    @Test("'Secretary of State Antony Blinken' is the person Antony Blinken",
          arguments: [
              ("Secretary of State Antony Blinken arrived in Tokyo on Sunday.", "Antony Blinken"),
              ("Sen. Marco Rubio questioned the nominee at length.", "Marco Rubio"),
              ("Foreign Minister Yun Byung-Se spoke to reporters after the session.", "Yun Byung-Se"),
          ])
    func titledPerson(text: String, name: String) throws {
        let result = try Recognized(text)
        let person = try #require(result.entity(named: name), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
        #expect(result.entities(ofType: .person).count == 1, "\(result.summary)")
        #expect(!result.entities.contains { $0.name.hasPrefix("Secretary") || $0.name.hasPrefix("Sen") || $0.name.hasPrefix("Foreign") },
                "\(result.summary)")
    }
}

@Suite("A surname alone merges into the full name given earlier")
struct SurnameMergeTests {
    @Test("'Antony Blinken' then 'Blinken' is one entity")
    func surnameMerges() throws {
        let result = try Recognized(
            "Secretary of State Antony Blinken landed in Manila on Sunday. "
                + "Blinken told reporters that the talks had been candid.")
        let people = result.entities(ofType: .person)
        #expect(people.count == 1, "\(result.summary)")
        let blinken = try #require(result.entity(named: "Antony Blinken"), "\(result.summary)")
        #expect(blinken.aliases.contains("Blinken"), "\(result.summary)")
        #expect(blinken.mentions == 2, "\(result.summary)")
        #expect(result.entity(named: "Blinken") == nil, "\(result.summary)")
    }

    @Test("Two people who share a surname stay two entities")
    func sharedSurnameStaysApart() throws {
        let result = try Recognized(
            "Former President Bill Clinton and his wife Hillary Clinton attended the funeral on Saturday.")
        let bill = try #require(result.entity(named: "Bill Clinton"), "\(result.summary)")
        let hillary = try #require(result.entity(named: "Hillary Clinton"), "\(result.summary)")
        #expect(bill.type == .person)
        #expect(hillary.type == .person)
        #expect(bill.id != hillary.id)
        #expect(result.entities(ofType: .person).count == 2, "\(result.summary)")
    }
}

@Suite("A family tie before a given name names a person")
struct KinNameTests {
    @Test("'his son Karim' makes the person Karim")
    func sonGivenName() throws {
        let result = try Recognized("Canada froze the assets of Omar Haddad, his son Karim and two companies.")
        let karim = try #require(result.entity(named: "Karim"), "\(result.summary)")
        #expect(karim.type == .person, "\(result.summary)")
    }

    @Test("A kin word with no owner, or before a word that is no given name, makes no person")
    func noOwnerNoPerson() throws {
        let result = try Recognized("The son Karim was not named. Officials met his son Brexit on Monday.")
        #expect(result.entity(named: "Karim") == nil, "\(result.summary)")
        #expect(result.entity(named: "Brexit") == nil, "\(result.summary)")
    }
}

@Suite("Names after long titles and company names after 'state-owned'")
struct LongTitleAndStateOwnedTests {
    @Test("'the Special Adviser to the President on Trade and Industry, Musa Danjuma' names a person")
    func longTitleApposition() throws {
        let result = try Recognized(
            "In a statement by the Special Adviser to the President on Trade and Industry, Musa Danjuma, the talks were praised.")
        #expect(result.entity(named: "Musa Danjuma")?.type == .person, "\(result.summary)")
    }

    @Test("'state-owned Zarubezhvod' is an organization; the same word alone is nothing")
    func stateOwned() throws {
        let owned = try Recognized("The sanctions hit state-owned Zarubezhvod last week.")
        #expect(owned.entity(named: "Zarubezhvod")?.type == .organization, "\(owned.summary)")
        let alone = try Recognized("The sanctions hit Zarubezhvod last week.")
        #expect(alone.entity(named: "Zarubezhvod") == nil, "\(alone.summary)")
    }
}

@Suite("Ranked titles and titles after a closing quote")
struct RankedTitleTests {
    @Test("'Deputy Treasury Secretary Ana Cole' is a person with a title, and no agency 'Deputy Treasury'")
    func rankedTitle() throws {
        let result = try Recognized("Deputy Treasury Secretary Ana Cole spoke on Monday.")
        #expect(result.entity(named: "Ana Cole")?.type == .person, "\(result.summary)")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test("After a closing quote, the title still introduces the speaker")
    func titleAfterClosingQuote() throws {
        let result = try Recognized("\"We will act,\" Deputy Treasury Secretary Ana Cole said in a statement.")
        let cole = try #require(result.entity(named: "Ana Cole"), "\(result.summary)")
        #expect(cole.aliases.contains("Deputy Treasury Secretary Ana Cole"), "\(result.summary)")
    }
}

@Suite("Graph ids are unique within an article")
struct GraphIDTests {
    /// A person and a company whose names give one slug ("Jean-Luc Martin" and "Jean Luc Martin"
    /// would be one person, the same name written two ways).
    static let pair = "Prime Minister Lena Hart said the talks would resume on Monday.\n\n"
        + "The Lena-Hart company said nothing about the talks.\n"

    @Test("Two entities whose names give one slug get distinct ids")
    func sameSlug() throws {
        let result = try Recognized(GraphIDTests.pair)
        let ids = result.entities.map(\.id).sorted()
        #expect(ids == ["lena-hart", "lena-hart-2"], "\(result.summary)")
    }

    @Test("Ids stay unique in an article naming many entities", arguments: [10, 80])
    func manyEntities(count: Int) throws {
        // Many distinct people first, so the clash is found among many ids.
        let given = ["Alan", "Maria", "Ahmed", "Olga", "Kenji", "Priya", "Tunde", "Lucia", "Omar", "Elena"]
        let family = ["Novak", "Haddad", "Tanaka", "Okafor", "Silva", "Petrov", "Kaur", "Mensah", "Rossi", "Aziz"]
        let people = (0..<count).map { "Minister \(given[$0 % 10]) \(family[$0 / 10 % 10]) spoke on Monday." }
        let result = try Recognized(people.joined(separator: "\n\n") + "\n\n" + GraphIDTests.pair)
        let ids = result.entities.map(\.id)
        #expect(Set(ids).count == ids.count, "\(result.summary)")
        #expect(ids.contains("lena-hart-2"), "\(result.summary)")
        #expect(result.entities(ofType: .person).count >= count + 1, "\(result.summary)")
    }
}
