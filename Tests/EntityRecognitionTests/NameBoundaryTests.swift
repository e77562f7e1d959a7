import EntityRecognition
import KnowledgeGraph
import Testing

/// Where one name ends and the next begins: a company family written twice, a country inside a
/// company's name, the holder after a body "of" a country, a title that closes an office's name.
@Suite("Name boundaries between bodies, countries, titles and holders")
struct NameBoundaryTests {
    @Test("Two companies of one family joined by 'and' are two names: 'Corvale Agro and Corvale Contracting'")
    func repeatedFirstWord() throws {
        let result = try Recognized("Two firms owned by the trader, Corvale Agro and Corvale Contracting, were also listed on Friday.")
        #expect(result.entity(named: "Corvale Agro")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Corvale Contracting")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Corvale Agro and Corvale Contracting") == nil, "\(result.summary)")
    }

    @Test("A country inside a company's name goes on to its head: 'Shenyang China Trade Industry'")
    func countryInsideCompany() throws {
        let result = try Recognized("The Treasury also named Shenyang China Trade Industry, a firm based in the north.")
        let company = try #require(result.entity(named: "Shenyang China Trade Industry"), "\(result.summary)")
        #expect(company.type == .organization, "\(result.summary)")
    }

    @Test("The holder named after a body 'of' a country is no word of the body's name")
    func holderAfterCountry() throws {
        // A given name no list knows: only the country before it ends the body's name.
        let result = try Recognized("Speaker of the National Assembly of Armenia Taron Vardanyan received the delegation on Monday.")
        let body = try #require(result.entity(named: "National Assembly of Armenia"), "\(result.summary)")
        #expect(body.type == .agency, "\(result.summary)")
        #expect(result.entities.allSatisfy { !$0.name.contains("Vardanyan") || $0.type == .person }, "\(result.summary)")
    }

    @Test("A party's name goes on after its country: 'Communist Party of Nepal Unified Socialist'")
    func partyAfterCountry() throws {
        let result = try Recognized("The Communist Party of Nepal Unified Socialist left the coalition on Monday.")
        #expect(result.entity(named: "Communist Party of Nepal Unified Socialist")?.type == .organization, "\(result.summary)")
    }

    @Test("A title closes the name of its holder's office: 'the Office of the Ohio Governor'")
    func titleClosesOffice() throws {
        let result = try Recognized("In a statement issued by the Office of the Ohio Governor, DeWine said the state would act.")
        let office = try #require(result.entity(named: "Office of the Ohio Governor"), "\(result.summary)")
        #expect(office.type == .agency, "\(result.summary)")
    }

    @Test("A title right after 'of' with a name after it is the person's: 'the Government of President Jonas Mbeki'")
    func titleAfterOfIsHolders() throws {
        let result = try Recognized("Bukele again criticized the Government of President Jonas Mbeki on Tuesday.")
        #expect(result.entity(named: "Jonas Mbeki")?.type == .person, "\(result.summary)")
        #expect(result.entities.allSatisfy { !$0.name.hasSuffix("of President") }, "\(result.summary)")
    }

    @Test("Plural and long titles before names: 'Tory MPs', 'Ambassador at Large for ...'")
    func pluralAndLongTitles() throws {
        let result = try Recognized(
            """
            The letter was signed by Tory MPs Owen Hartley, Tim Loughton and Priya Venn. \
            The panel heard Ambassador at Large for International Religious Freedom Carl Brandt and two others.
            """)
        for name in ["Owen Hartley", "Priya Venn", "Carl Brandt"] {
            #expect(result.entity(named: name)?.type == .person, "\(name): \(result.summary)")
        }
    }

    @Test("A people's possessive opens a party's name: 'the People’s Unity Party'")
    func peoplesParty() throws {
        let result = try Recognized("The People’s Unity Party said on Monday that it would contest the vote.")
        #expect(result.entity(named: "People’s Unity Party")?.type == .organization, "\(result.summary)")
    }

    @Test("A post's office keeps the word before the post: 'the Public Prosecutor’s Office'")
    func officeOfAPost() throws {
        let result = try Recognized("The Public Prosecutor’s Office opened a case against the mayor on Monday.")
        #expect(result.entity(named: "Public Prosecutor’s Office")?.type == .agency, "\(result.summary)")
    }

    @Test("One word in apposition after an organization's noun is its name: 'a new company, Korvath, which'")
    func oneWordApposition() throws {
        let result = try Recognized("The old firm has been replaced by a new company, Korvath, which is run by his son.")
        #expect(result.entity(named: "Korvath")?.type == .organization, "\(result.summary)")
    }
}
