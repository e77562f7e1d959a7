import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A party's short name, a numbered channel, a diwan and a parent body say what a name is")
struct UnseenNameSignTests {
    @Test(
        "'the Congress' in an article that names India is the Indian National Congress",
        arguments: [
            "Congress president Rahul Gandhi spoke in New Delhi. He said the Congress would win the state.",
            "Congress rejects the remarks\nOfficials met in New Delhi on Monday. The Congress on Monday backed the official line.",
        ])
    func indianPartyByShortName(text: String) throws {
        let result = try Recognized(text)
        let party = try #require(result.entities(calling: "Congress").first, "\(result.summary)")
        #expect(party.type == .organization, "\(result.summary)")
        #expect(party.name == "Indian National Congress", "\(result.summary)")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test(
        "A bare 'Congress' stays the U.S. legislature without India or without 'the Congress'",
        arguments: [
            "Prime Minister Narendra Modi spoke in New Delhi. The waiver, as written into the law by Congress, lets the President act.",
            "Lawmakers in Washington said the Congress would vote on the bill next week.",
        ])
    func legislatureKeepsItsName(text: String) throws {
        let result = try Recognized(text)
        let congress = try #require(result.entity(named: "Congress"), "\(result.summary)")
        #expect(congress.type == .agency, "\(result.summary)")
        #expect(result.entity(named: "Indian National Congress") == nil, "\(result.summary)")
    }

    @Test("A media name that ends in a number keeps it: 'Channel 12 reported'")
    func numberedChannel() throws {
        let result = try Recognized("The visit was put off until next week, Channel 12 reported on Tuesday.")
        let channel = try #require(result.entity(named: "Channel 12"), "\(result.summary)")
        #expect(channel.type == .organization, "\(result.summary)")
    }

    @Test("A number after a body's head that is no organization's is left out: 'Title 10 of the code'")
    func numberAfterOtherWords() throws {
        let result = try Recognized("The Pentagon acted under Title 10 of the U.S. Code, officials said.")
        #expect(result.entities(ofType: .person).isEmpty, "\(result.summary)")
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }

    @Test("A diwan is a ruler's office, an agency, however 'Emiri' is spelled")
    func diwan() throws {
        let result = try Recognized(
            "The emir received the army chief in Doha, the Emiri Diwan said in a statement. The Amiri Diwan also released photos.")
        let diwans = result.entities(calling: "Emiri Diwan")
        #expect(diwans.count == 1, "\(result.summary)")
        #expect(diwans.first?.type == .agency, "\(result.summary)")
        #expect(diwans.first.map { $0.name == "Amiri Diwan" || $0.aliases.contains("Amiri Diwan") } == true, "\(result.summary)")
    }

    @Test("The African Union's Peace and Security Council is not the UN Security Council")
    func peaceAndSecurityCouncil() throws {
        let result = try Recognized("The bloc's Peace and Security Council said in a statement that it suspended the country.")
        #expect(result.entity(named: "UN Security Council") == nil, "\(result.summary)")
        let council = try #require(result.entities(calling: "Peace and Security Council").first, "\(result.summary)")
        #expect(council.type == .agency, "\(result.summary)")
    }

    @Test(
        "A unit 'of the' a body with a head names that body too",
        arguments: [
            (
                "The director of the Policy Office of the Ministry of National Defence of Zembla spoke.",
                "Ministry of National Defence of Zembla"
            ),
            (
                "He heads the Department 53 of the Ministry of the People's Armed Forces, officials said.",
                "Ministry of the People's Armed Forces"
            ),
        ])
    func parentBody(text: String, parent: String) throws {
        let result = try Recognized(text)
        let body = try #require(result.entity(named: parent), "\(result.summary)")
        #expect(body.type == .agency, "\(result.summary)")
        #expect(result.entities(ofType: .agency).count == 2, "\(result.summary)")
    }

    @Test(
        "A head word alone before 'of the', or a government after it, adds no body",
        arguments: [
            "He joined the Ministry of the People's Armed Forces in 1990.",
            "The Office for Safeguarding National Security of the Central People's Government opened on Monday.",
        ])
    func noParentBody(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }

    @Test(
        "A body's one-word short name after another capitalized word ends a building's name",
        arguments: [
            "Talks were held at Peace House of Panmunjeom on Tuesday.",
            "He spoke at a news conference at Parliament House in Canberra on Tuesday.",
        ])
    func shortNameInOtherName(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test("A short name after its country or after 'the' stays the body")
    func shortNameAlone() throws {
        let result = try Recognized("The Senate passed the bill, and the House will vote on it next week.")
        let house = try #require(result.entities(calling: "House").first, "\(result.summary)")
        #expect(house.type == .agency, "\(result.summary)")
    }
}
