import KnowledgeGraph
import Testing

/// An object named by its office first and by name after a comma ("Chile's interim leader, Ana
/// Ruiz") is the person, not the office's country; a subject said to be "of" a country is the
/// person, not the country.
@Suite("Offices in apposition and origins of subjects")
struct OfficeAppositionTests {
    @Test(
        "The holder named after the office is the object",
        arguments: [
            "Carl Olsen held talks with Chile's interim leader, Ana Ruiz, in Santiago on Tuesday.",
            "Carl Olsen met the Chilean ambassador to Peru, Ana Ruiz, in Lima on Tuesday.",
            "Carl Olsen met the president of Chile, Ana Ruiz, in Santiago on Tuesday.",
            "Carl Olsen held talks with Chile's military chief, Gen. Ana Ruiz, in Santiago on Tuesday.",
        ])
    func holderIsObject(sentence: String) throws {
        let features = try candidateFeatures("Talks\n\n\(sentence)\n", .metWith, from: "Carl Olsen", to: "Ana Ruiz")
        #expect(features.contains("roles|subject|object"), "\(features.sorted())")
    }

    @Test("A name after a comma that ends the office's clause is no holder")
    func clauseAfterComma() throws {
        let text = """
            Talks

            Carl Olsen held talks with Chile's trade envoy, and Ana Ruiz said on Tuesday they went well.
            """
        let features = try candidateFeatures(text, .metWith, from: "Carl Olsen", to: "Ana Ruiz")
        #expect(!features.contains("roles|subject|object"), "\(features.sorted())")
    }

    @Test(
        "'X of Chile held talks with Y': X, not Chile, is the subject, also across an apposition",
        arguments: [
            "Deputy Prime Minister Ana Ruiz of Chile held talks with Carl Olsen in Lima on Tuesday.",
            "Deputy Prime Minister Ana Ruiz of Chile, this year's chair of the bloc, held talks with Carl Olsen in Lima.",
        ])
    func personOfCountry(sentence: String) throws {
        let text = "Talks\n\n\(sentence)\n"
        let person = try candidateFeatures(text, .metWith, from: "Ana Ruiz", to: "Carl Olsen")
        #expect(person.contains("roles|subject|object"), "\(person.sorted())")
        let country = try candidateFeatures(text, .metWith, from: "Chile", to: "Carl Olsen")
        #expect(!country.contains("roles|subject|object"), "\(country.sorted())")
    }
}
