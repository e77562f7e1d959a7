import EntityRecognition
import Testing

/// A body named by its kind alone ("the foreign ministry") is the same body as one a later
/// sentence ties to a country only if its own sentence names no other country.
@Suite("A country-less body and its own sentence's country")
struct OwnSentenceCountryTests {
    @Test("'the foreign ministry said' in a sentence about Niger is not the French foreign ministry named later")
    func otherCountryInSentence() throws {
        let text = """
            Niger's junta ordered the French ambassador to leave the country within two days on Friday, \
            the foreign ministry said. \
            The French foreign ministry did not reply to a request for comment.
            """
        let recognized = try Recognized(text)
        let ministries = recognized.entities(ofType: .agency).filter { $0.name.lowercased().hasSuffix("foreign ministry") }
        #expect(ministries.count == 2, "\(recognized.summary)")
    }

    @Test("Officials of the Ministry of Foreign Affairs in Kenya's delegation are not of the Chinese ministry")
    func delegationSentence() throws {
        let text = """
            The delegation of Kenya included senior officials from the Ministry of Foreign Affairs. \
            The Chinese delegation included senior officials from the Chinese Ministry of Foreign Affairs.
            """
        let recognized = try Recognized(text)
        let ministries = recognized.entities(ofType: .agency)
        #expect(ministries.count == 2, "\(recognized.summary)")
    }

    @Test("A country-less ministry whose sentence names only the later one's country is that ministry")
    func sameCountryInSentence() throws {
        let text = """
            China will answer the tariffs, the foreign ministry said on Monday. \
            The Chinese foreign ministry added that the date was not set.
            """
        let recognized = try Recognized(text)
        #expect(recognized.entities(ofType: .agency).count == 1, "\(recognized.summary)")
    }
}
