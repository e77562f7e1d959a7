import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A country's presidency that acts is an agency; a presidency as a term or a modifier is none")
struct PresidencyTests {
    @Test(
        "'the South African presidency said' is an agency",
        arguments: [
            ("In a statement, the South African presidency said the decision was final.", "South African presidency"),
            ("The French presidency confirmed the meeting on Tuesday.", "French presidency"),
        ])
    func actingPresidency(text: String, name: String) throws {
        let result = try Recognized(text)
        let presidency = try #require(result.entity(named: name), "\(result.summary)")
        #expect(presidency.type == .agency, "\(result.summary)")
    }

    @Test(
        "A presidency before a noun or after a possessive names no body",
        arguments: [
            "Two Nigerian presidency sources said on Sunday that the envoy had left.",
            "Russia's presidency of the group ends in May.",
            "The sanctions came on the day he secured his second U.S. presidency, officials said.",
        ])
    func presidencyNamingNoBody(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }
}
