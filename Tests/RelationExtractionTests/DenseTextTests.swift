import EntityRecognition
import KnowledgeGraph
import RelationExtraction
import Testing

/// Text dense with names and cues: the extractor bounds the pairs and edges a sentence gives, so
/// that time and output grow with the length of any text (Benchmarks/PathologicalBenchmark.swift
/// measures the time).
@Suite("Text dense with names and cues: bounded pairs and edges per sentence")
struct DenseTextTests {
    /// "Senator A criticized Senator B, Senator C criticized Senator D, ..." with distinct names.
    static func clauses(_ count: Int, from first: Int = 0) -> String {
        let given = ["Ana", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marco",
                     "Nadia", "Omar", "Petra", "Rosa", "Stefan", "Tariq", "Ursula"]
        let family = ["Abbot", "Brandt", "Castro", "Dorn", "Eklund", "Fischer", "Gomez", "Holm", "Ivanov", "Jansen", "Keller",
                      "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"]
        func name(_ index: Int) -> String { "\(given[index % given.count]) \(family[(index / given.count) % family.count])" }
        return (first..<(first + count)).map { "Senator \(name(2 * $0)) criticized Senator \(name(2 * $0 + 1))" }
            .joined(separator: ", ") + ".\n"
    }

    /// Per sentence (by the evidence's start), the edges that cite it.
    static func edgesPerSentence(_ graph: Graph) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for relation in graph.relations {
            for start in Set(relation.evidence.map(\.start)) { counts[start, default: 0] += 1 }
        }
        return counts
    }

    @Test("A chain of 40 clauses gives each cue at most 16 objects and the sentence at most 64 edges by rule")
    func clauseChain() throws {
        // The rules read "B, Senator C criticized D" as objects coordinated with B, so every cue
        // took every later name as an object: 40 clauses gave some 800 edges by rule.
        let result = try extract(DenseTextTests.clauses(40))
        let byRule = result.graph.relations.filter { relation in relation.evidence.contains { $0.rationale?.hasSuffix("(verb)") ?? false } }
        #expect(byRule.count <= 64, "\(byRule.count) edges by rule")
        #expect(result.has("Ana Abbot", .criticized, "Ben Abbot"), "\(result.summary)")
    }

    @Test("Past the article's first 4,096 places, each sentence gives at most its 64 nearest pairs per relation")
    func denseArticle() throws {
        let pipeline = try Pipeline.shared.get()
        // 60 sentences of 40 clauses, each of about 330 tokens with 80 senators. Criticism carries
        // no source into the next sentence: its pairs alone pass 4,096 places after some 25 sentences.
        let text = (0..<60).map { DenseTextTests.clauses(40, from: 40 * $0) }.joined(separator: "\n")
        let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
        var cutSentences = 0
        let graph = pipeline.relations.extract(from: analysis, cutSentences: &cutSentences)
        #expect(cutSentences > 20, "\(cutSentences)")
        // The last ten sentences are past the limit: 64 pairs, 16 carried pairs, 64 edges by rule.
        let counts = DenseTextTests.edgesPerSentence(graph)
        let lastTen = counts.keys.sorted().suffix(10)
        #expect(lastTen.allSatisfy { counts[$0]! <= 64 + 16 + 64 }, "\(lastTen.map { counts[$0]! })")
        #expect(graph.checkInvariants())
    }

    @Test("An ordinary article is read whole")
    func ordinaryArticle() throws {
        let pipeline = try Pipeline.shared.get()
        let text = """
            U.S. Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Beijing on Monday. \
            The State Department sanctioned three Chinese companies, and China's Foreign Ministry criticized the move.

            Later, Blinken held talks with Chinese President Xi Jinping.
            """
        let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
        var cutSentences = 0
        _ = pipeline.relations.extract(from: analysis, cutSentences: &cutSentences)
        #expect(cutSentences == 0)
        #expect(analysis.longSentences == 0)
    }
}
