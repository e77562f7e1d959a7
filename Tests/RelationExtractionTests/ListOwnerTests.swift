import KnowledgeGraph
import Testing

/// A titled person listed after one whose title names the owner ("Cuban Defense Minister A and
/// Interior Minister B") is a candidate member of that owner.
@Suite("Titled people in a list share the owner the first title names")
struct ListOwnerTests {
    @Test("'Moldovan Defense Minister A and Interior Minister B': B is a candidate of Moldova")
    func ownerSharedWithNextItem() throws {
        let text = """
            Moldovan Defense Minister Karel Vodnik and Interior Minister Tomas Halek were also blacklisted on Tuesday \
            by Moldova's neighbours.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Tomas Halek", to: "Moldova")
        #expect(features.contains("list-owner|country|1-2"), "\(features.sorted())")
    }

    @Test("A country's list states the edge whatever the model says")
    func countryListStated() throws {
        let graph = try extract(
            "Moldovan Defense Minister Karel Vodnik and Interior Minister Tomas Halek were also blacklisted on Tuesday by Moldova's neighbours."
        )
        #expect(graph.has("Tomas Halek", .affiliatedWith, "Moldova"), "\(graph.summary)")
    }

    @Test("The owner reaches the third item of a comma list")
    func ownerReachesThirdItem() throws {
        let text = """
            The ministry sanctioned Moldovan Attorney General Ana Petrova, Finance Minister Karel Vodnik and \
            Interior Minister Tomas Halek on Monday, Moldova said.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Tomas Halek", to: "Moldova")
        #expect(features.contains("list-owner|country|1-2"), "\(features.sorted())")
    }

    @Test("A title that names its own owner ends the list: 'and Chinese President X' is not Moldova's")
    func ownTitleOwnerEndsList() throws {
        let text = """
            Moldovan Prime Minister Karel Vodnik and Chinese President Li Wenhao met in Geneva on Tuesday, a Moldova official said.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Li Wenhao", to: "Moldova")
        #expect(!features.contains { $0.hasPrefix("list-owner") }, "\(features.sorted())")
    }

    @Test("A verb between two names ends the list")
    func verbBetweenEndsList() throws {
        let text = """
            Moldovan Defense Minister Karel Vodnik met Interior Minister Tomas Halek in Geneva on Tuesday, Moldova said.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Tomas Halek", to: "Moldova")
        #expect(!features.contains { $0.hasPrefix("list-owner") }, "\(features.sorted())")
    }
}
