import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("A body written two ways in one article is one entity; a body named inside another's name stays its own")
struct BodyVariantTests {
    @Test(
        "Shortened, reordered or respelled names of one body make one entity",
        arguments: [
            (
                "The Moldovan Prosecutor's General Office opened a case on Monday. The Prosecutor's Office said the fund was a threat.",
                "Prosecutor's Office"
            ),
            (
                "The Moldovan Prosecutor's General Office opened a case. Later, Moldova's Prosecutor General's Office banned the paper.",
                "Moldova's Prosecutor General's Office"
            ),
            (
                "Washington sanctioned a Supreme Court judge in Chile. The move against Supreme Federal Court judges angered Santiago.",
                "Supreme Federal Court"
            ),
            (
                "The Al Qaeda Sanctions Committee met on Friday. Officials said the UNSC ISIL and Al Qaida Sanctions Committee listed two men.",
                "UNSC ISIL and Al Qaida Sanctions Committee"
            ),
        ])
    func variantsAreOneBody(text: String, variant: String) throws {
        let result = try Recognized(text)
        let bodies = result.entities.filter { $0.type == .agency }
        #expect(bodies.count == 1, "\(result.summary)")
        #expect(result.entities(calling: variant).count == 1, "\(result.summary)")
    }

    @Test(
        "A unit of a body, or bodies whose first words differ, stay apart",
        arguments: [
            (
                "The Ministry of the People's Armed Forces denied it. Department 53 of the Ministry of the People's Armed Forces was listed.",
                2
            ),
            (
                "The Security Council met in New York. In Washington, the National Security Council declined to comment.",
                2
            ),
            (
                "The Senate Armed Services Committee held a hearing. The House Armed Services Committee held another.",
                2
            ),
        ])
    func distinctBodiesStayApart(text: String, count: Int) throws {
        let result = try Recognized(text)
        #expect(result.entities(ofType: .agency).count == count, "\(result.summary)")
    }
}
