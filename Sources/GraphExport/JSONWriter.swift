import Foundation
import KnowledgeGraph

/// Writes the graph in the JSON shape of DESIGN.md, or as node-link JSON for networkx and D3.
public enum JSONWriter {
    public static func write(_ graph: Graph, includeRationale: Bool = false) -> String {
        var copy = graph
        if !includeRationale { copy = graph.strippingRationale() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(copy)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Graph {
    /// The graph without the extractor's explanations, which are for `--format text` only.
    func strippingRationale() -> Graph {
        Graph(entities: entities, relations: relations.map { relation in
            var copy = relation
            copy.evidence = relation.evidence.map { evidence in
                var stripped = evidence
                stripped.rationale = nil
                return stripped
            }
            return copy
        })
    }
}
