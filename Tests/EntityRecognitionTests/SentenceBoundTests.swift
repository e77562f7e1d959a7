import EntityRecognition
import KnowledgeGraph
import Testing

/// Found by `FuzzExtraction` (seed `Fuzz/Corpus/extraction/name-across-lines`): a capitalized
/// word ending a line took the next line's "government" as its own, and the mention reached into
/// the next sentence, where the relation extractor, reading the sentence's words around it, trapped
/// on a range past the sentence's end.
@Suite("A mention stays inside its sentence")
struct SentenceBoundTests {
    /// The sentence of the analysis that holds `token`.
    static func sentence(holding token: Int, in analysis: ArticleAnalysis) -> Range<Int>? {
        analysis.sentences.first { $0.tokens.contains(token) }?.tokens
    }

    @Test("A word that ends a line does not take the next line's 'government'", arguments: [
        "The U accused\nT\ngovernment",
        "\u{1}U accused\nT\ngovernment",
        "Protesters marched against the Tamil Nadu\ngovernment offices were closed.",
    ])
    func nameDoesNotCrossLines(_ text: String) throws {
        let result = try Recognized(text)
        #expect(!result.entities.contains { $0.name.hasSuffix("government") }, "\(result.summary)")
        for mention in result.analysis.mentions {
            let sentence = Self.sentence(holding: mention.tokens.lowerBound, in: result.analysis)
            #expect(sentence.map { $0.upperBound >= mention.tokens.upperBound && $0.upperBound >= mention.phrase.upperBound } == true,
                    "mention at tokens \(mention.tokens), phrase \(mention.phrase) leaves its sentence \(String(describing: sentence)); \(result.summary)")
        }
    }

    @Test("On one line, a name and 'government' still make one body (control)")
    func sameLine() throws {
        let result = try Recognized("Protesters marched against the Tamil Nadu government on Monday.")
        #expect(result.entities.contains { $0.name == "Tamil Nadu government" || $0.aliases.contains("Tamil Nadu government") },
                "\(result.summary)")
    }
}
