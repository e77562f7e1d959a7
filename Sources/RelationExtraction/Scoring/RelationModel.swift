import Foundation
import KnowledgeGraph

/// A linear model that judges candidate edges: a weight per feature, and a bias and a
/// threshold per relation. Trained on the annotated train corpus by `make train-relations`
/// (`Scripts/train_relations.py`); shipped as `relation-model.tsv`.
struct RelationModel: Sendable {
    private var weights: [UInt64: Float] = [:]
    private var bias: [RelationType: Float] = [:]
    private var threshold: [RelationType: Float] = [:]

    /// A model that knows no relation: every relation is left to the rules.
    static let empty = RelationModel()

    /// Whether the model was trained for `relation`; other relations keep the rules' edges.
    func judges(_ relation: RelationType) -> Bool { bias[relation] != nil }

    /// The probability that the candidate's edge holds.
    func probability(of features: FeatureSet, relation: RelationType) -> Float {
        var sum = bias[relation] ?? 0
        for hash in features.hashes { sum += weights[hash] ?? 0 }
        return 1 / (1 + expf(-sum))
    }

    func accepts(_ probability: Float, relation: RelationType) -> Bool {
        probability >= (threshold[relation] ?? 0.5)
    }

    /// Reads `relation<TAB>feature<TAB>weight` lines; the features `@bias` and `@threshold` set a
    /// relation's bias and decision threshold.
    init(tsv text: String) throws(ModelError) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, let value = Float(columns[2]) else {
                throw ModelError(line: number + 1, reason: "expected relation<TAB>feature<TAB>weight")
            }
            let relation = RelationType(rawValue: String(columns[0]))
            switch columns[1] {
            case "@bias": bias[relation] = value
            case "@threshold": threshold[relation] = value
            default:
                weights[FeatureSet.hash(String(columns[1]))] = value
                let parts = columns[1].split(separator: "|")
                if parts.count == 3, parts[1].hasPrefix("w:") { words.append(String(parts[2])) }
            }
        }
    }

    private init() {}

    /// The words that lexical features name ("criticized|w:between|illegal"): the scorer sees a
    /// word only when the vocabulary knows it.
    private(set) var words: [String] = []

    struct ModelError: Error {
        var line: Int
        var reason: String
    }
}
