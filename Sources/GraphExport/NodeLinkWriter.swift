import Foundation
import KnowledgeGraph

/// Writes node-link JSON, the shape networkx and D3 read.
///
/// Edges are under `"links"` and each has a `"key"` (its relation type), since two entities can
/// be joined by several relations: in networkx ≥ 3.4 read it with
/// `nx.node_link_graph(data, edges="links")`, which builds a `MultiDiGraph`.
package enum NodeLinkWriter {
    struct Document: Encodable {
        var directed = true
        var multigraph = true
        var graph: [String: String] = ["name": "newsgraph"]
        var nodes: [Node]
        var links: [Link]
    }

    struct Node: Encodable {
        var id: String
        var name: String
        var type: String
        var mentions: Int
        var aliases: [String]
    }

    struct Link: Encodable {
        var source: String
        var target: String
        var key: String
        var relation: String
        var symmetric: Bool
        var weight: Int
        var evidence: [Evidence]
        /// The earliest and latest publication days among the evidence, when dated.
        var firstSeen: String?
        var lastSeen: String?

        enum CodingKeys: String, CodingKey {
            case source, target, key, relation, symmetric, weight, evidence
            case firstSeen = "first_seen"
            case lastSeen = "last_seen"
        }
    }

    package static func write(_ graph: Graph) throws(ExportError) -> String {
        let document = Document(
            nodes: graph.entities.map {
                Node(id: $0.id, name: $0.name, type: $0.type.rawValue, mentions: $0.mentions, aliases: $0.aliases)
            },
            links: graph.strippingRationale().relations.map {
                Link(source: $0.source, target: $0.target, key: $0.type.rawValue, relation: $0.type.rawValue,
                     symmetric: $0.type.isSymmetric, weight: $0.weight, evidence: $0.evidence,
                     firstSeen: $0.firstSeen, lastSeen: $0.lastSeen)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            throw .encoding(format: ExportFormat.nodeLink.rawValue, reason: "\(error)")
        }
    }
}
