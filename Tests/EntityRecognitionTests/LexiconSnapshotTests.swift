import EntityRecognition
import Foundation
import TestSupport
import Testing

// The lexicon's snapshot (Sources/EntityRecognition/LexiconSnapshot.swift) and its cache on disk
// (LexiconCache.swift) against the lexicon built from the data files: the same tables whichever
// way a start gets them, and a cache that is missing, damaged or unwritable is only slower.
// `make sanitize` runs these under AddressSanitizer (the snapshot's reader copies raw bytes).

@Suite("Lexicon snapshot: a restored lexicon has the tables of a built one")
struct LexiconSnapshotTests {
    static func words() throws -> [UInt8] {
        try #require(Lexicon.bundledFileBytes("words.tsv"))
    }

    @Test("Restoring the shipped lexicon's snapshot gives every table of the lexicon built from the files")
    func roundTrip() throws {
        let built = try Shared.lexicon.get()
        let restored = try #require(Lexicon.restored(from: built.snapshotBytes(), words: try Self.words()))
        #expect(restored.tablesDiffering(from: built) == [])
        #expect(restored.vocabularyWords.count == built.vocabularyWords.count)
        #expect(restored.snapshotBytes() == built.snapshotBytes())
    }

    @Test("The snapshot covers every stored property of the lexicon (a new table must be saved too)")
    func everyProperty() throws {
        #expect(try Shared.lexicon.get().storedPropertyNames == Lexicon.snapshotProperties)
    }

    @Test("A recognizer on a restored lexicon finds what one on the built lexicon finds")
    func sameRecognition() throws {
        let built = try Shared.lexicon.get()
        let restored = try #require(Lexicon.restored(from: built.snapshotBytes(), words: try Self.words()))
        let text = Array("Senator Ana Ruiz of Chile met the Foreign Ministry of Peru and NATO officials in Lima on Monday.".utf8)
        let fromBuilt = EntityRecognizer(lexicon: built).analyze(text, document: "t").graphEntities()
        let fromRestored = EntityRecognizer(lexicon: restored).analyze(text, document: "t").graphEntities()
        #expect(fromRestored == fromBuilt)
        #expect(fromBuilt.count >= 3)
    }

    @Test("Cut or damaged snapshots are refused, never read out of bounds", arguments: [0, 1, 8, 1000, 100_000])
    func damaged(seed: Int) throws {
        let bytes = try Shared.lexicon.get().snapshotBytes()
        var random = SeededGenerator(state: UInt64(seed + 1))
        // Cut anywhere: every length field is checked against what is left.
        let cut = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        #expect(Lexicon.restored(from: cut, words: try Self.words()) == nil)
        // A length made huge in the first bytes (the vocabulary's): refused before any copy.
        var huge = bytes
        for index in 0..<8 { huge[index] = 0xFF }
        huge[7] = 0x7F
        #expect(Lexicon.restored(from: huge, words: try Self.words()) == nil)
    }
}

@Suite("Lexicon cache: kept between runs, rebuilt when missing or damaged, never an error")
struct LexiconCacheTests {
    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-cache-\(UUID().uuidString)").path
        return path
    }

    static func snapshots(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test("The first start keeps a snapshot, the next restores it, and both equal the lexicon built without a cache")
    func warm() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let built = try Shared.lexicon.get()
        let cold = try Lexicon.bundled(cache: LexiconCache(directory: folder))
        #expect(Self.snapshots(in: folder).count == 1)
        let warm = try Lexicon.bundled(cache: LexiconCache(directory: folder))
        #expect(cold.tablesDiffering(from: built) == [])
        #expect(warm.tablesDiffering(from: built) == [])
        #expect(Self.snapshots(in: folder).count == 1)
    }

    @Test("A damaged or emptied snapshot file is ignored and written again", arguments: ["flip", "empty", "cut"])
    func damagedFile(damage: String) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Lexicon.bundled(cache: LexiconCache(directory: folder))
        let file = folder + "/" + (try #require(Self.snapshots(in: folder).first))
        var bytes = try #require(FileManager.default.contents(atPath: file).map { [UInt8]($0) })
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "empty": bytes = []
        default: bytes = Array(bytes.prefix(bytes.count / 3))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let lexicon = try Lexicon.bundled(cache: LexiconCache(directory: folder))
        #expect(lexicon.tablesDiffering(from: try Shared.lexicon.get()) == [])
        // Written again, whole: the next start restores it.
        let rewritten = try #require(FileManager.default.contents(atPath: file))
        #expect(rewritten.count > bytes.count || damage == "flip")
        #expect(try Lexicon.bundled(cache: LexiconCache(directory: folder)).tablesDiffering(from: try Shared.lexicon.get()) == [])
    }

    @Test("A cache folder that cannot be made or written only means no snapshot")
    func unwritable() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file where the folder should be: the folder cannot be made.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder))
        let lexicon = try Lexicon.bundled(cache: LexiconCache(directory: folder + "/newsgraph"))
        #expect(lexicon.tablesDiffering(from: try Shared.lexicon.get()) == [])
    }

    @Test("User lexicon files are added on top of a restored lexicon as on top of a built one")
    func userFiles() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + ".tsv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("Zorvath Institute\torganization\t\tZI|Zorvath\n".utf8).write(to: URL(fileURLWithPath: file))
        let plain = try Lexicon.bundled(adding: [file])
        _ = try Lexicon.bundled(adding: [file], cache: LexiconCache(directory: folder))
        let cached = try Lexicon.bundled(adding: [file], cache: LexiconCache(directory: folder))
        #expect(cached.tablesDiffering(from: plain) == [])
        #expect(plain.tablesDiffering(from: try Shared.lexicon.get()).contains("entries"))
    }
}
