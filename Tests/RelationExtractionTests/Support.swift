import EntityRecognition
import Foundation
import KnowledgeGraph
import RelationExtraction
import Testing
import TestSupport

/// A recognizer and relation extractor built from the shipped lexicons (plus optional user cue
/// files), the way the pipeline builds them.
struct Pipeline: Sendable {
    let recognizer: EntityRecognizer
    let relations: RelationExtractor

    init(cueFiles: [String] = []) throws {
        var lexicon = try Lexicon.bundled()
        relations = RelationExtractor(cues: try CueLexicon.bundled(adding: cueFiles), lexicon: &lexicon)
        recognizer = EntityRecognizer(lexicon: lexicon)
    }

    static let shared: Result<Pipeline, any Error> = Result { try Pipeline() }

    func extract(_ text: String) -> Extracted {
        let analysis = recognizer.analyze(Array(text.utf8), document: "t")
        return Extracted(text: text, graph: relations.extract(from: analysis))
    }
}

/// Runs the shared pipeline on a text.
func extract(_ text: String) throws -> Extracted {
    try Pipeline.shared.get().extract(text)
}

/// The features of the scorer's places for `source -relation-> target` (either way round for a
/// symmetric relation), without the relation's name ("frame|apposition-role"), whatever weight the
/// model gives them. Both names must be recognized, or a test that expects no feature would pass
/// for nothing.
func candidateFeatures(_ text: String, _ relation: RelationType, from source: String, to target: String) throws -> Set<String> {
    let pipeline = try Pipeline.shared.get()
    let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
    let found = pipeline.relations.trainingCandidates(from: analysis)
    let ids = found.graph.entities.reduce(into: [String: String]()) { $0[$1.name] = $1.id }
    let sourceID = try #require(ids[source], "\(ids.keys.sorted())")
    let targetID = try #require(ids[target], "\(ids.keys.sorted())")
    let prefix = relation.rawValue + "|"
    var names = Set<String>()
    for candidate in found.candidates where candidate.relation == relation {
        let forward = candidate.source == sourceID && candidate.target == targetID
        let backward = relation.isSymmetric && candidate.source == targetID && candidate.target == sourceID
        guard forward || backward else { continue }
        for occurrence in candidate.occurrences {
            for feature in occurrence.features where feature.hasPrefix(prefix) { names.insert(String(feature.dropFirst(prefix.count))) }
        }
    }
    return names
}

/// A graph with lookups by entity name, and a summary of everything for failure messages.
struct Extracted {
    let text: String
    let graph: Graph

    /// The id of the entity with this name (or, failing that, this alias).
    func id(_ name: String) -> String? {
        graph.entities.first { $0.name == name }?.id ?? graph.entities.first { $0.aliases.contains(name) }?.id
    }

    func edges(_ type: RelationType) -> [Relation] {
        graph.relations.filter { $0.type == type }
    }

    /// Whether the graph has `source -type-> target`, by entity names; symmetric types in either order.
    func has(_ source: String, _ type: RelationType, _ target: String) -> Bool {
        guard let s = id(source), let t = id(target) else { return false }
        return graph.relations.contains { relation in
            relation.type == type
                && ((relation.source == s && relation.target == t)
                    || (type.isSymmetric && relation.source == t && relation.target == s))
        }
    }

    func relation(_ source: String, _ type: RelationType, _ target: String) -> Relation? {
        guard let s = id(source), let t = id(target) else { return nil }
        return graph.relations.first { relation in
            relation.type == type
                && ((relation.source == s && relation.target == t)
                    || (type.isSymmetric && relation.source == t && relation.target == s))
        }
    }

    var summary: String {
        let entities = graph.entities.map { "\($0.name) [\($0.type.rawValue)]" }
        let relations = graph.relations.map { "\($0.source) -\($0.type)-> \($0.target)" }
        return "text: \(text.debugDescription) -> entities: \(entities); relations: \(relations)"
    }
}

/// From the shared TestSupport target; the alias lets every file of this target use it
/// without importing TestSupport itself.
typealias TemporaryFile = TestSupport.TemporaryFile
