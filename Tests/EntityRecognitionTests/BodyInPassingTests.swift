import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A body's name in passing: inside a title, or as an adjective")
struct BodyInPassingTests {
    @Test("A short word for a body inside a title names no body by itself")
    func shortNameInTitle() throws {
        let result = try Recognized("Treasury Secretary Lena Moss flew to Lima on Monday.")
        #expect(result.entity(named: "Treasury Department") == nil, "\(result.summary)")
        #expect(result.entity(named: "Lena Moss") != nil, "\(result.summary)")
    }

    @Test("The title's body joins the body the article names elsewhere, and owns the holder")
    func shortNameInTitleJoins() throws {
        let result = try Recognized("The Treasury announced new rules. Treasury Secretary Lena Moss defended them.")
        let body = try #require(result.index(of: "Treasury Department"), "\(result.summary)")
        let person = try #require(result.index(of: "Lena Moss"), "\(result.summary)")
        #expect(result.analysis.mentions.contains { $0.entity == person && $0.owner == body }, "\(result.summary)")
    }

    @Test(
        "The body's own name or acronym before a title still names it",
        arguments: [
            ("State Department spokesman Carl Dorn declined to comment.", "State Department"),
            ("UN Secretary-General Ana Ruiz spoke on Monday.", "United Nations"),
        ])
    func ownNameInTitle(text: String, body: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: body) != nil, "\(result.summary)")
    }

    @Test(
        "'military' before a noun is an adjective, not the armed forces",
        arguments: [
            "He posed in a Russian military uniform for the photo.",
            "The town has been under Russian military occupation since March.",
        ])
    func adjective(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test(
        "'military' before a verb is the armed forces",
        arguments: [
            "The Russian military said it had struck the depot.",
            "The Russian military has denied the report.",
            "The event ended with the U.S. military downing the balloon.",
        ])
    func armedForces(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).count == 1, "\(result.summary)")
    }
}

@Suite("A people's forces are an unnamed group")
struct UnnamedForcesTests {
    @Test(
        "'German forces' and 'Syrian security forces' name no body",
        arguments: [
            "German forces crossed the river at dawn.",
            "The attack was blamed on Syrian security forces by the monitors.",
        ])
    func forces(text: String) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }
}
