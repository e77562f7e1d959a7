import Foundation
import KnowledgeGraph

/// A linear model that judges candidate edges: a weight per feature, and a bias and a
/// threshold per relation. Trained on the annotated train corpus by `make train-relations`
/// (`Scripts/train_relations.py`); shipped as `relation-model.tsv`.
///
/// Its tables are internal (not private) for CueLexiconSnapshot.swift, which saves them.
struct RelationModel: Sendable {
    var weights = WeightTable()
    var bias: [RelationType: Float] = [:]
    var threshold: [RelationType: Float] = [:]
    /// The words that lexical features name ("criticized|w:between|illegal"): the scorer sees a
    /// word only when the vocabulary knows it.
    var words: [String] = []

    /// A model that knows no relation: every relation is left to the rules.
    static let empty = RelationModel()

    /// Whether the model was trained for `relation`; other relations keep the rules' edges.
    func judges(_ relation: RelationType) -> Bool { bias[relation] != nil }

    /// A relation's bias and decision threshold, read once per article rather than by relation
    /// name for every place; nil for a relation the model does not judge.
    struct Decision {
        let bias: Float
        let threshold: Float
    }

    func decision(for relation: RelationType) -> Decision? {
        guard let bias = bias[relation] else { return nil }
        return Decision(bias: bias, threshold: threshold[relation] ?? 0.5)
    }

    /// The probability that a place with the features in `range` (and a score of features it
    /// shares with the candidate's other places) states an edge of the relation decided by `decision`.
    func probability(of features: FeatureSet, _ range: Range<Int>, adding shared: Float, decision: Decision) -> Float {
        let sum = decision.bias + shared + score(of: features, range)
        return 1 / (1 + expf(-sum))
    }

    /// The sum of the weights of the features in `range`, added in order.
    func score(of features: FeatureSet, _ range: Range<Int>) -> Float {
        // Through the buffers: an occurrence has a few dozen features, and each lookup through the
        // arrays checked its bounds twice and held the tables.
        features.hashes.withUnsafeBufferPointer { hashes in
            weights.withBuffers { table in
                var sum: Float = 0
                for index in range { sum += table.weight(of: hashes[index]) }
                return sum
            }
        }
    }

    /// Reads `relation<TAB>feature<TAB>weight` lines; the features `@bias` and `@threshold` set a
    /// relation's bias and decision threshold. Read over bytes: the file has thousands of lines.
    init(tsv bytes: [UInt8]) throws(ModelError) {
        let lines = DataLines(bytes: bytes)
        var entries: [(UInt64, Float)] = []
        var words = Set<String>()
        for line in lines {
            guard line.fields.count == 3, let value = Float(lines.string(line.fields[2])) else {
                throw ModelError(line: line.number, reason: "expected relation<TAB>feature<TAB>weight")
            }
            let feature = line.fields[1]
            if lines.equals(feature, "@bias") {
                bias[RelationType(rawValue: lines.string(line.fields[0]))] = value
            } else if lines.equals(feature, "@threshold") {
                threshold[RelationType(rawValue: lines.string(line.fields[0]))] = value
            } else {
                // The parts' hashes folded in order, as scoring folds them; the second and third
                // part kept for the lexical features ("criticized|w:between|illegal").
                var state = FeaturePart.seed
                var partCount = 0
                var second = 0..<0
                var third = 0..<0
                var partStart = feature.lowerBound
                for index in feature.lowerBound...feature.upperBound where index == feature.upperBound || bytes[index] == UInt8(ascii: "|") {
                    let part = partStart..<index
                    state = FeaturePart.fold(state, hash: FeaturePart.hash(of: bytes[part]))
                    partCount += 1
                    if partCount == 2 { second = part } else if partCount == 3 { third = part }
                    partStart = index + 1
                }
                entries.append((FeaturePart.finish(state), value))
                if partCount == 3, lines.hasPrefix(second, "w:") { words.insert(lines.string(third)) }
            }
        }
        weights = WeightTable(entries)
        self.words = words.sorted()
    }

    init() {}

    struct ModelError: Error {
        var line: Int
        var reason: String
    }
}

/// Feature weights by hash, in an open-addressing table: the hashes are already well mixed,
/// so their low bits index it directly, with no hashing of their own.
struct WeightTable: Sendable {
    var keys: [UInt64] = [0]
    var values: [Float] = [0]
    var mask = 0

    init() {}

    init(_ entries: [(UInt64, Float)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in entries where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] += value
        }
    }

    /// The table's arrays, for lookups in a loop.
    struct Buffers {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<Float>
        let mask: Int

        /// The weight of a feature; 0 for a feature the model never saw (as `WeightTable[key]`).
        @inline(__always)
        func weight(of key: UInt64) -> Float {
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in body(Buffers(keys: keys, values: values, mask: mask)) }
        }
    }

    /// The weight of a feature; 0 for a feature the model never saw.
    subscript(key: UInt64) -> Float {
        withBuffers { $0.weight(of: key) }
    }
}
