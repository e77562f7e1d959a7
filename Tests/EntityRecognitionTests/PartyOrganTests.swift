import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("An organ of a party is an organization, whatever its head word")
struct PartyOrganTests {
    @Test(
        "A body named with a party before it, or after 'of the', is an organization",
        arguments: [
            (
                "The report was backed by the Conservative Party Human Rights Commission on Monday.",
                "Conservative Party Human Rights Commission"
            ),
            (
                "Ri Chol, head of the Cadres Department of the ruling Workers' Party, was listed.",
                "Cadres Department"
            ),
            ("The Politburo met in Beijing on Friday to discuss the economy.", "Politburo Standing Committee"),
        ])
    func partyOrgan(text: String, name: String) throws {
        let result = try Recognized(text)
        let organ = try #require(result.entities(calling: name).first, "\(result.summary)")
        #expect(organ.type == .organization, "\(result.summary)")
    }

    @Test(
        "A body followed by 'of the' and no party, or named beside a party it does not hold, stays an agency",
        arguments: [
            (
                "Ri Chol, head of the Cadres Department of the Ministry of Defence, was listed.",
                "Cadres Department of the Ministry of Defence"
            ),
            (
                "The Ethics Commission of the Parliament said the Labour Party had broken no rule.",
                "Ethics Commission of the Parliament"
            ),
        ])
    func agencyStays(text: String, name: String) throws {
        let result = try Recognized(text)
        let body = try #require(result.entities(calling: name).first, "\(result.summary)")
        #expect(body.type == .agency, "\(result.summary)")
    }
}
