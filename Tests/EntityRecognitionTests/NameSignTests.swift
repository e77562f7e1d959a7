import EntityRecognition
import KnowledgeGraph
import Testing

/// Signs that tie a name to an entity the article already names, or give an unknown name its
/// type: "also known as", a role only a company gives.
@Suite("Names the article explains: 'known as', a company's CEO")
struct NameSignTests {
    @Test("The name after 'also known as' is another name of the person before it, used later on its own")
    func knownAsPerson() throws {
        let result = try Recognized(
            """
            The Treasury named Marcel Dorvil, also known as Ti Blan Koukou, who heads the Canaan gang. \
            Ti Blan Koukou has denied the charges.
            """)
        let person = try #require(result.entity(named: "Marcel Dorvil"), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
        #expect(person.aliases.contains("Ti Blan Koukou"), "\(result.summary)")
        #expect(result.entities(calling: "Ti Blan Koukou").count == 1, "\(result.summary)")
    }

    @Test("A body 'now known as' another name is one entity")
    func knownAsBody() throws {
        let result = try Recognized(
            "The mutiny broke out in the Frontier Defence Force, now known as the Coastal Frontier Command, in 2009.")
        let body = try #require(result.entity(named: "Frontier Defence Force"), "\(result.summary)")
        #expect(body.aliases.contains("Coastal Frontier Command"), "\(result.summary)")
        #expect(result.entity(named: "Coastal Frontier Command") == nil, "\(result.summary)")
    }

    @Test("'known as' with no name right before it names nothing new: 'a law, known as Norvex'")
    func knownAsAfterNoName() throws {
        let result = try Recognized("Congress passed a sweeping law, known as Norvex, in 2017.")
        #expect(result.entities.allSatisfy { !$0.aliases.contains("Norvex") }, "\(result.summary)")
    }

    @Test("A word the lexicon knows before 'CEO' and a person's name is the company: 'Arrow CEO Dana Whitfield'")
    func companyRole() throws {
        // "Arrow" is a word of the lists (a share button), as "Discord" is of the relation words.
        let result = try Recognized("The panel heard Arrow CEO Dana Whitfield on Wednesday.")
        #expect(result.entity(named: "Arrow")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Dana Whitfield")?.type == .person, "\(result.summary)")
    }

    @Test("A party adjective before 'leader' stays no organization: 'Republican leader Mitch McConnell'")
    func leaderIsNoCompanyRole() throws {
        let result = try Recognized("Republican leader Mitch McConnell said the vote would go ahead.")
        #expect(result.entity(named: "Republican") == nil, "\(result.summary)")
        #expect(result.entity(named: "Mitch McConnell")?.type == .person, "\(result.summary)")
    }

    @Test("Two names an ampersand joins are a firm: 'Harland & Wolff', not a person")
    func ampersandFirm() throws {
        let result = try Recognized("Argentina objected to the contract with Dunmore & Keats for the construction of a ship.")
        #expect(result.entity(named: "Dunmore & Keats")?.type == .organization, "\(result.summary)")
    }

    @Test("Portfolio words around an ampersand are no firm of their own: 'Center for Space & Security'")
    func ampersandPortfolio() throws {
        let result = try Recognized("The report was published by a think tank on Monday. It was read as Space & Security.")
        #expect(result.entity(named: "Space & Security") == nil, "\(result.summary)")
    }

    @Test("A post that heads an agency goes on through its possessive after a rank: 'General Prosecutor's Office'")
    func rankedPostOffice() throws {
        let result = try Recognized("The General Prosecutor's Office said on Tuesday that the site was a threat.")
        let office = try #require(result.entity(named: "General Prosecutor's Office"), "\(result.summary)")
        #expect(office.type == .agency, "\(result.summary)")
    }
}
