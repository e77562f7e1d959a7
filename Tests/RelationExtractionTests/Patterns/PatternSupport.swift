import Foundation
import KnowledgeGraph
import RelationExtraction
import TestSupport

/// The edges the clause rules find in a text, whatever the scorer makes of them: the candidates
/// whose shared features say the rules found them ("criticized|rule"), as "source -type-> target".
func ruleEdges(_ text: String, cues: String? = nil) throws -> Set<String> {
    // The file is removed when `file` goes; the cues are read before.
    let file = try cues.map { try TemporaryFile(name: "cues.tsv", contents: $0) }
    let pipeline = try file.map { try Pipeline(cueFiles: [$0.path]) } ?? Pipeline.shared.get()
    let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
    var found = Set<String>()
    for candidate in pipeline.relations.trainingCandidates(from: analysis).candidates
    where candidate.occurrences.contains(where: { $0.features.contains(candidate.relation.rawValue + "|rule") }) {
        found.insert("\(candidate.source) -\(candidate.relation.rawValue)-> \(candidate.target)")
    }
    return found
}
