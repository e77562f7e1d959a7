import KnowledgeGraph
import Testing

/// Actors listed together share a role in their clause: neither sanctions nor criticizes the
/// other, unless the cue says they did it to each other.
@Suite("Actors listed together do not act on each other")
struct CoordinatedActorTests {
    @Test("'The United States and Canada sanctioned Iran' gives no edge between the two sanctioning countries")
    func coordinatedSubjects() throws {
        let result = try extract("The United States and Canada sanctioned Iran on Monday.")
        #expect(result.has("United States", .sanctioned, "Iran"), "\(result.summary)")
        #expect(result.has("Canada", .sanctioned, "Iran"), "\(result.summary)")
        #expect(!result.has("United States", .sanctioned, "Canada"), "\(result.summary)")
        #expect(!result.has("Canada", .sanctioned, "United States"), "\(result.summary)")
    }

    @Test("A list of targets: 'condemned a drill by Russia, China and Iran' gives no edge among the three",
          arguments: ["France condemned a joint drill by Russia, China and Iran.",
                      "France condemned Russia, China and Iran over the drill."])
    func coordinatedObjects(text: String) throws {
        let result = try extract(text)
        let listed = ["Russia", "China", "Iran"]
        for source in listed {
            for target in listed where target != source {
                #expect(!result.has(source, .criticized, target), "\(source) -> \(target): \(result.summary)")
            }
        }
    }

    @Test("A post with 'current' or 'former' before it continues the list: 'met former minister A, current president B'")
    func modifiedPostsInAList() throws {
        let text = "Sheikh Abdullah has met former prime minister Yair Lapid, current president Isaac Herzog and Interior "
            + "Minister Ayelet Shaked this week."
        for target in ["Isaac Herzog", "Ayelet Shaked"] {
            let features = try candidateFeatures(text, .metWith, from: "Abdullah", to: target)
            #expect(features.contains("roles|subject|listed-object"), "\(target): \(features.sorted())")
        }
    }

    @Test("'accused each other' still gives both directed edges between the listed pair")
    func reciprocalCueKeepsPair() throws {
        let result = try extract("Chile and Peru accused each other of breaking the ceasefire.")
        #expect(result.has("Chile", .criticized, "Peru") && result.has("Peru", .criticized, "Chile"), "\(result.summary)")
    }
}
