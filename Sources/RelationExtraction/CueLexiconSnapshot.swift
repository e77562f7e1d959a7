import EntityRecognition
import Foundation
import KnowledgeGraph

// The shipped cue files' tables as bytes, and back, for `LexiconCache` (see LexiconCache.swift in
// EntityRecognition): reading cameo-cues.tsv, the office holders and the relation model is most
// of what a one-article `newsgraph extract` costs once the lexicon comes from the cache. A
// snapshot holds what `CueLexicon.shipped()` makes: the cue lists in order, the word classes, the
// office holders' bytes and index, and the model's weight table. `CueLexiconSnapshotTests`
// compares a restored cue lexicon with a read one and holds the list of stored properties to the
// one saved here, so a table added to `CueLexicon` fails that test until it is saved too.

extension CueLexicon {
    /// The stored properties a snapshot covers, by name.
    package static let snapshotProperties: Set<String> = [
        "cues", "functionWords", "cameoCues", "cameoMarkers", "wordClasses", "judgementWords", "officeHolders", "model",
    ]

    /// The shipped files' cues and tables, restored from `cache` when it holds a snapshot of
    /// these files made by this program, and read (and their snapshot kept) otherwise.
    static func shipped(cache: LexiconCache?) throws(LexiconError) -> CueLexicon {
        guard let cache, let folder = resourceFolder(), let key = LexiconCache.key(ofFilesIn: folder) else { return try shipped() }
        if var reader = cache.snapshot("cues", for: key), let lexicon = try? CueLexicon(snapshot: &reader) { return lexicon }
        let lexicon = try shipped()
        cache.store(lexicon.snapshot(), "cues", for: key)
        return lexicon
    }

    /// The folder of the shipped cue files.
    static func resourceFolder() -> String? {
        (Bundle.module.url(forResource: "cues", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/cues.tsv"))?.deletingLastPathComponent().path
    }

    /// The tables as bytes.
    func snapshot() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.append(cues.count)
        for cue in cues {
            writer.append(cue.phrase)
            writer.append(cue.relation.rawValue)
            writer.append(cue.pattern.rawValue)
        }
        writer.append(functionWords.count)
        for (phrase, word) in functionWords {
            writer.append(phrase)
            writer.append(word.rawValue)
        }
        // CAMEO's tens of thousands of cues name a few relations, codes and kinds: those are
        // written once, in a table, and each cue points to them by number.
        var table: [String] = []
        var numbers: [String: Int32] = [:]
        func number(_ string: String) -> Int32 {
            if let known = numbers[string] { return known }
            numbers[string] = Int32(table.count)
            table.append(string)
            return Int32(table.count - 1)
        }
        let cueFields = cameoCues.flatMap { [number($0.relation.rawValue), number($0.code)] }
        let markerKinds = cameoMarkers.map { number($0.kind) }
        writer.append(strings: table)
        writer.append(strings: cameoCues.map(\.phrase))
        writer.append(cueFields)
        writer.append(strings: cameoMarkers.map(\.phrase))
        writer.append(markerKinds)
        writer.append(wordClasses.count)
        for (name, words) in wordClasses.sorted(by: { $0.key < $1.key }) {
            writer.append(name)
            writer.append(strings: words)
        }
        writer.append(strings: judgementWords)
        officeHolders.write(to: &writer)
        model.write(to: &writer)
        return writer.bytes
    }

    /// The cue lexicon whose `snapshot()` gave the reader's bytes.
    init(snapshot reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        for _ in 0..<(try reader.int()) {
            let phrase = try reader.string()
            let relation = RelationType(rawValue: try reader.string())
            guard let pattern = CuePattern(rawValue: try reader.string()) else { throw SnapshotError() }
            cues.append(Cue(phrase: phrase, relation: relation, pattern: pattern))
        }
        for _ in 0..<(try reader.int()) {
            let phrase = try reader.string()
            guard let word = FunctionWord(rawValue: try reader.string()) else { throw SnapshotError() }
            functionWords.append((phrase, word))
        }
        let table = try reader.strings()
        let cuePhrases = try reader.strings()
        let cueFields = try reader.array(Int32.self)
        let markerPhrases = try reader.strings()
        let markerKinds = try reader.array(Int32.self)
        guard cueFields.count == cuePhrases.count * 2, markerKinds.count == markerPhrases.count,
            (cueFields + markerKinds).allSatisfy({ $0 >= 0 && Int($0) < table.count })
        else { throw SnapshotError() }
        let relations = table.map { RelationType(rawValue: $0) }
        cameoCues.reserveCapacity(cuePhrases.count)
        for (index, phrase) in cuePhrases.enumerated() {
            cameoCues.append((phrase, relations[Int(cueFields[2 * index])], table[Int(cueFields[2 * index + 1])]))
        }
        for (phrase, kind) in zip(markerPhrases, markerKinds) { cameoMarkers.append((phrase, table[Int(kind)])) }
        for _ in 0..<(try reader.int()) {
            let name = try reader.string()
            wordClasses[name] = try reader.strings()
        }
        judgementWords = try reader.strings()
        officeHolders = try OfficeHolders(reading: &reader)
        model = try RelationModel(reading: &reader)
        guard reader.remaining == 0 else { throw SnapshotError() }
    }
}

extension OfficeHolders {
    func write(to writer: inout SnapshotWriter) {
        writer.append(files.count)
        for file in files {
            writer.append(file.bytes)
            writer.append(file.curated ? 1 : 0)
        }
        // Rows and names field by field: a range is not a plain value to copy whole.
        writer.append(
            rows.flatMap {
                [
                    $0.file, $0.country.lowerBound, $0.country.upperBound, $0.agent.lowerBound, $0.agent.upperBound,
                    $0.role.lowerBound, $0.role.upperBound,
                ]
            })
        writer.append(names.map(\.keyHash))
        writer.append(names.flatMap { [$0.row, $0.bytes.lowerBound, $0.bytes.upperBound, $0.next] })
        writer.append(chains.slots)
        writer.append(chains.count)
    }

    init(reading reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        for _ in 0..<(try reader.int()) {
            let bytes = try reader.array(UInt8.self)
            files.append((bytes, try reader.int() != 0))
        }
        let rowFields = try reader.array(Int32.self)
        let keyHashes = try reader.array(UInt64.self)
        let nameFields = try reader.array(Int32.self)
        guard rowFields.count % 7 == 0, nameFields.count == keyHashes.count * 4 else { throw SnapshotError() }
        // A range's bounds must be in order: making one out of order would stop the program.
        func range(_ fields: [Int32], _ start: Int) throws(SnapshotError) -> Range<Int32> {
            guard fields[start] >= 0, fields[start] <= fields[start + 1] else { throw SnapshotError() }
            return fields[start]..<fields[start + 1]
        }
        rows.reserveCapacity(rowFields.count / 7)
        for start in stride(from: 0, to: rowFields.count, by: 7) {
            rows.append(
                Row(
                    file: rowFields[start], country: try range(rowFields, start + 1), agent: try range(rowFields, start + 3),
                    role: try range(rowFields, start + 5)))
        }
        names.reserveCapacity(keyHashes.count)
        for (index, keyHash) in keyHashes.enumerated() {
            let start = index * 4
            names.append(
                Name(keyHash: keyHash, row: nameFields[start], bytes: try range(nameFields, start + 1), next: nameFields[start + 3]))
        }
        chains.slots = try reader.array((hash: UInt64, first: Int32, last: Int32).self)
        chains.count = try reader.int()
        // The lookups index these without checks of their own.
        let files = files
        let rows = rows
        guard chains.slots.count.nonzeroBitCount == 1,
            chains.slots.allSatisfy({ $0.first < Int32(names.count) && $0.last < Int32(names.count) }),
            names.allSatisfy({ name in
                name.row >= 0 && Int(name.row) < rows.count && name.next < Int32(names.count) && name.bytes.lowerBound >= 0
                    && Int(name.bytes.upperBound) <= files[Int(rows[Int(name.row)].file)].bytes.count
            }),
            rows.allSatisfy({ row in
                guard row.file >= 0 && Int(row.file) < files.count else { return false }
                let size = files[Int(row.file)].bytes.count
                return row.country.lowerBound >= 0 && Int(row.country.upperBound) <= size && row.agent.lowerBound >= 0
                    && Int(row.agent.upperBound) <= size && row.role.lowerBound >= 0 && Int(row.role.upperBound) <= size
            })
        else { throw SnapshotError() }
    }
}

extension RelationModel {
    func write(to writer: inout SnapshotWriter) {
        writer.append(weights.keys)
        writer.append(weights.values)
        writer.append(weights.mask)
        for table in [bias, threshold] {
            writer.append(table.count)
            for (relation, value) in table.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                writer.append(relation.rawValue)
                writer.append(Int(value.bitPattern))
            }
        }
        writer.append(strings: words)
    }

    init(reading reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        weights.keys = try reader.array(UInt64.self)
        weights.values = try reader.array(Float.self)
        weights.mask = try reader.int()
        guard weights.keys.count == weights.values.count, weights.keys.count == weights.mask + 1,
            weights.keys.count.nonzeroBitCount == 1
        else { throw SnapshotError() }
        for index in 0..<2 {
            for _ in 0..<(try reader.int()) {
                let relation = RelationType(rawValue: try reader.string())
                let value = Float(bitPattern: UInt32(truncatingIfNeeded: try reader.int()))
                if index == 0 { bias[relation] = value } else { threshold[relation] = value }
            }
        }
        words = try reader.strings()
    }
}

extension CueLexicon {
    /// The names of the tables in which this cue lexicon and `other` differ, for the tests of the
    /// snapshot; empty when they hold the same cues, words, office holders and model.
    package func tablesDiffering(from other: CueLexicon) -> [String] {
        var differing: [String] = []
        if cues != other.cues { differing.append("cues") }
        if functionWords.map(\.0) != other.functionWords.map(\.0) || functionWords.map(\.1) != other.functionWords.map(\.1) {
            differing.append("function words")
        }
        if cameoCues.map(\.phrase) != other.cameoCues.map(\.phrase) || cameoCues.map(\.relation) != other.cameoCues.map(\.relation)
            || cameoCues.map(\.code) != other.cameoCues.map(\.code)
        {
            differing.append("CAMEO cues")
        }
        if cameoMarkers.map(\.phrase) != other.cameoMarkers.map(\.phrase) || cameoMarkers.map(\.kind) != other.cameoMarkers.map(\.kind) {
            differing.append("CAMEO markers")
        }
        if wordClasses != other.wordClasses { differing.append("word classes") }
        if judgementWords != other.judgementWords { differing.append("judgement words") }
        // The office holders and the model are compared through their snapshots: every table of each.
        var mine = SnapshotWriter()
        var theirs = SnapshotWriter()
        officeHolders.write(to: &mine)
        other.officeHolders.write(to: &theirs)
        if mine.bytes != theirs.bytes { differing.append("office holders") }
        mine = SnapshotWriter()
        theirs = SnapshotWriter()
        model.write(to: &mine)
        other.model.write(to: &theirs)
        if mine.bytes != theirs.bytes || model.bias != other.model.bias || model.threshold != other.model.threshold {
            differing.append("model")
        }
        return differing
    }

    /// The shipped files read without a cache.
    package static func readingShippedFiles() throws(LexiconError) -> CueLexicon { try shipped() }

    /// The snapshot's bytes, and the cue lexicon restored from such bytes (nil where they are no
    /// whole snapshot), for the tests.
    package func snapshotBytes() -> [UInt8] { snapshot() }

    package static func restored(from bytes: [UInt8]) -> CueLexicon? {
        var reader = SnapshotReader(bytes: bytes)
        return try? CueLexicon(snapshot: &reader)
    }

    /// The names of the stored properties, for the test that holds them to `snapshotProperties`.
    package var storedPropertyNames: Set<String> { Set(Mirror(reflecting: self).children.compactMap(\.label)) }
}
