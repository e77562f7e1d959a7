import EntityRecognition
import RelationExtraction
import Testing

/// Criticism said without a criticism verb: the scorer reads words of negative judgement
/// (`judgement-words.tsv`) in the sentence, between the two actors and around the target.
@Suite("Words of negative judgement as features of a candidate")
struct JudgementWordTests {
    /// The features of every occurrence of `source -criticized-> target`, by entity id.
    private func criticizedFeatures(_ text: String, source: String, target: String) throws -> [[String]] {
        let pipeline = try Pipeline.shared.get()
        let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
        let found = pipeline.relations.trainingCandidates(from: analysis).candidates
        return found.filter { $0.source == source && $0.relation == .criticized && $0.target == target }
            .flatMap { $0.occurrences.map(\.features) }
    }

    @Test("'called Serbia's policy reckless and illegal' marks the sentence and the words right after the target")
    func judgementAroundTarget() throws {
        let occurrences = try criticizedFeatures(
            "Foreign Minister Hana Novak said Serbia's reckless and illegal policy must end.", source: "hana-novak", target: "serbia")
        #expect(!occurrences.isEmpty)
        for features in occurrences {
            #expect(features.contains("criticized|judgements|1-2"), "\(features)")
            #expect(features.contains("criticized|judgement-near-target"), "\(features)")
        }
    }

    @Test("A neutral sentence has no judgement features")
    func neutralSentence() throws {
        let occurrences = try criticizedFeatures(
            "Foreign Minister Hana Novak said Serbia's harvest policy must change.", source: "hana-novak", target: "serbia")
        #expect(!occurrences.isEmpty)
        for features in occurrences {
            #expect(features.contains("criticized|judgements|0"), "\(features)")
            #expect(!features.contains { $0.contains("judgement-near-target") || $0.contains("judgement-between") }, "\(features)")
        }
    }

    @Test("The shipped judgement words load, and a malformed line is one clear error")
    func wordsLoad() throws {
        let bytes = try CueLexicon.resource("judgement-words", "tsv")
        let words = try CueLexicon.judgementWords(in: bytes, file: "judgement-words.tsv")
        #expect(words.contains("reckless") && words.contains("illegal"))
        #expect(!words.contains("policy"))
        #expect(throws: LexiconError.self) {
            try CueLexicon.judgementWords(in: Array("reckless\n".utf8), file: "bad.tsv")
        }
    }
}
