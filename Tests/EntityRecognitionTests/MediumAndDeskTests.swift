import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A platform that only carries a message is no actor")
struct MediumTests {
    @Test(
        "'said on Twitter' names no organization",
        arguments: [
            "Foreign Minister Ana Lopes said on Twitter that the talks would resume in June.",
            "The ministry posted the statement via Telegram late on Sunday.",
            "The President's X account reposted the statement late on Sunday.",
        ])
    func platformAsMedium(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .organization).isEmpty, "\(result.summary)")
    }

    @Test("A platform that acts is the organization, also where it is a medium elsewhere")
    func platformAsActor() throws {
        let result = try Recognized(
            "Twitter suspended the account of the defence ministry on Monday. "
                + "Foreign Minister Ana Lopes later said on Twitter that the decision was unfair.")
        let platforms = result.entities(calling: "Twitter")
        #expect(platforms.count == 1, "\(result.summary)")
        #expect(platforms.first?.type == .organization, "\(result.summary)")
    }
}

@Suite("A broadcaster's language desk is no body of a country")
struct LanguageDeskTests {
    @Test("'VOA's Russian Service' is the broadcaster's desk")
    func deskOfBroadcaster() throws {
        let result = try Recognized("The interview was first aired by VOA's Russian Service on Friday.")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
        #expect(result.entity(named: "Russian Service") == nil, "\(result.summary)")
        #expect(result.entities(calling: "VOA").first?.type == .organization, "\(result.summary)")
    }

    @Test("A country's own service after its possessive stays an agency")
    func serviceOfCountry() throws {
        let result = try Recognized("Russia's Federal Security Service detained the reporter in Moscow on Friday.")
        let service = try #require(result.entity(named: "Federal Security Service"), "\(result.summary)")
        #expect(service.type == .agency, "\(result.summary)")
    }
}
