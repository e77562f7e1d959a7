import EntityRecognition
import KnowledgeGraph
import Testing

/// One unknown word that "told" or "according to" opens and a mark closes: the outlet a report
/// came from, unless the article has named a person of that name before.
@Suite("An outlet named by a source cue")
struct SourceCueTests {
    @Test("'a diplomat told Kestrelwire.': the word after 'told' is an organization")
    func toldOutlet() throws {
        let result = try Recognized("The talks will resume next week, a senior diplomat told Kestrelwire.")
        #expect(result.entity(named: "Kestrelwire")?.type == .organization, "\(result.summary)")
    }

    @Test("'according to Vantorix,': the word after 'according to' is an organization")
    func accordingToOutlet() throws {
        let result = try Recognized("The mine lost two billion dollars last year, according to Vantorix, which tracks the trade.")
        #expect(result.entity(named: "Vantorix")?.type == .organization, "\(result.summary)")
    }

    @Test("A person named before is told too: 'Minister Orla Brennick … told Brennick,'")
    func toldPersonNamedBefore() throws {
        let result = try Recognized(
            "Foreign Minister Orla Brennick arrived in the capital on Monday. The plan is dead, the envoy told Brennick, according to aides."
        )
        #expect(result.entity(named: "Orla Brennick")?.type == .person, "\(result.summary)")
        #expect(result.entities.allSatisfy { $0.type != .organization }, "\(result.summary)")
    }

    @Test("A masthead line with the outlet's name alone is no person: 'Kestrelwire' on top, then 'told Kestrelwire.'")
    func mastheadThenSource() throws {
        let result = try Recognized("Kestrelwire\n\nThe talks will resume next week, a senior diplomat told Kestrelwire.")
        #expect(result.entity(named: "Kestrelwire")?.type == .organization, "\(result.summary)")
    }

    @Test("No mark after the word: 'told Kestrelwire reporters' names no outlet")
    func noClosingMark() throws {
        let result = try Recognized("A senior diplomat told Kestrelwire reporters the talks would resume.")
        #expect(result.entity(named: "Kestrelwire") == nil, "\(result.summary)")
    }
}
