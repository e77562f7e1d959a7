import EntityRecognition
import Foundation
import RelationExtraction
import TestSupport
import Testing

// The cue files' snapshot (Sources/RelationExtraction/CueLexiconSnapshot.swift) against the cue
// lexicon read from the files: the same cues, words, office holders and model whichever way a
// start gets them. `make sanitize` runs these under AddressSanitizer.

@Suite("Cue snapshot: a restored cue lexicon has the tables of one read from the files")
struct CueLexiconSnapshotTests {
    @Test("Restoring the shipped cue files' snapshot gives every table of the cue lexicon read from them")
    func roundTrip() throws {
        let read = try CueLexicon.readingShippedFiles()
        let restored = try #require(CueLexicon.restored(from: read.snapshotBytes()))
        #expect(restored.tablesDiffering(from: read) == [])
        #expect(restored.snapshotBytes() == read.snapshotBytes())
    }

    @Test("The snapshot covers every stored property of the cue lexicon (a new table must be saved too)")
    func everyProperty() throws {
        #expect(try CueLexicon.readingShippedFiles().storedPropertyNames == CueLexicon.snapshotProperties)
    }

    @Test("Cut snapshots are refused, never read out of bounds", arguments: [1, 2, 3, 4, 5])
    func cut(seed: Int) throws {
        let bytes = try CueLexicon.readingShippedFiles().snapshotBytes()
        var random = SeededGenerator(state: UInt64(seed))
        #expect(CueLexicon.restored(from: Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))) == nil)
    }

    @Test("An extractor on a cached lexicon and cue files, cold then warm, finds what one without a cache finds")
    func cachedPipeline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-cues-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text =
            "The United States imposed sanctions on Iran on Monday. Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing."
        var plain = try Lexicon.bundled()
        let expected = RelationExtractor(cues: try CueLexicon.bundled(), lexicon: &plain)
            .extract(from: EntityRecognizer(lexicon: plain).analyze(Array(text.utf8), document: "t"))
        for _ in 0..<2 {
            let cache = LexiconCache(directory: folder)
            var lexicon = try Lexicon.bundled(cache: cache)
            let extractor = RelationExtractor(cues: try CueLexicon.bundled(adding: [], cache: cache), lexicon: &lexicon)
            let graph = extractor.extract(from: EntityRecognizer(lexicon: lexicon).analyze(Array(text.utf8), document: "t"))
            #expect(graph == expected)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("cues-") }.count == 1)
        #expect(!expected.relations.isEmpty)
    }
}
