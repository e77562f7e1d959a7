import EntityRecognition
import Testing

/// A matcher over a few phrases, and the analysis of a text made with the same lexicon.
private struct MatchedText {
    let analysis: ArticleAnalysis
    let matcher: PhraseMatcher

    init(phrases: [String], text: String) throws {
        var lexicon = try Shared.lexicon.get()
        matcher = PhraseMatcher(phrases: phrases.enumerated().map { ($1, $0) }, lexicon: &lexicon)
        analysis = EntityRecognizer(lexicon: lexicon).analyze(Array(text.utf8), document: "t")
    }

    /// The text and payloads of every phrase found in the whole article, in order.
    func found() -> [(text: String, payloads: [Int])] {
        var found: [(range: Range<Int>, payloads: [Int])] = []
        matcher.matches(in: analysis.tokens, range: 0..<analysis.tokens.count, into: &found)
        return found.map { (analysis.string($0.range), $0.payloads) }
    }
}

@Suite("Phrase matching over token IDs")
struct PhraseMatcherTests {
    @Test("The longest phrase wins at a start, and matching resumes after it")
    func longestThenResume() throws {
        let text = try MatchedText(phrases: ["imposed", "imposed sanctions", "sanctions on", "on"],
                                   text: "Ottawa imposed sanctions on the firm and then on its owner.")
        let found = text.found()
        #expect(found.map(\.text) == ["imposed sanctions", "on", "on"])
        #expect(found.first?.payloads == [1])
    }

    @Test("Case does not matter, and words outside every phrase match nothing")
    func caseAndMisses() throws {
        let text = try MatchedText(phrases: ["met with"], text: "MET WITH reporters, the envoy Met With nobody; meetings were held.")
        #expect(text.found().map(\.text) == ["MET WITH", "Met With"])
    }

    @Test("Two phrases sharing their first word are told apart by the words after it")
    func sharedFirstWord() throws {
        let text = try MatchedText(phrases: ["called for", "called on"], text: "She called on Rome and called for calm, then called home.")
        #expect(text.found().map(\.payloads) == [[1], [0]])
    }

    @Test("A quote mark inside a phrase is skipped")
    func quoteInsidePhrase() throws {
        let text = try MatchedText(phrases: ["bears responsibility"], text: "He said Moscow bears \"responsibility\" for it.")
        #expect(text.found().map(\.text) == ["bears \"responsibility"])
    }

    @Test("An empty range finds nothing")
    func emptyRange() throws {
        let text = try MatchedText(phrases: ["talks"], text: "The talks ended.")
        var found: [(range: Range<Int>, payloads: [Int])] = [(0..<1, [7])]
        text.matcher.matches(in: text.analysis.tokens, range: 1..<1, into: &found)
        #expect(found.isEmpty)
    }
}
