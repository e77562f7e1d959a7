/// Plain-text views for people: what the recognizer saw, and an entity's neighbors.
public enum TextReport {
    /// Every mention with its type and entity, then every edge with the cue that made it.
    package static func describe(_ analysis: ArticleAnalysis, graph: Graph) -> String {
        var out = "# \(analysis.document)\n\nEntities\n"
        let entities = analysis.graphEntities()
        for (index, entity) in entities.enumerated() {
            out += "  [\(index)] \(entity.name) (\(entity.type.rawValue)), \(entity.mentions) mention\(entity.mentions == 1 ? "" : "s")"
            if !entity.aliases.isEmpty { out += ": " + entity.aliases.joined(separator: "; ") }
            out += "\n"
        }
        out += "\nMentions\n"
        for mention in analysis.mentions {
            let kind = switch mention.kind {
            case .name: ""
            case .title: " (title)"
            case .weak: " (reference only)"
            }
            out += "  \"\(analysis.string(mention.phrase))\" -> [\(mention.entity)] \(entities[mention.entity].name)\(kind)\n"
        }
        out += "\nRelations\n"
        let names = Dictionary(uniqueKeysWithValues: graph.entities.map { ($0.id, $0.name) })
        for relation in graph.relations {
            out += "  \(names[relation.source] ?? relation.source) -\(relation.type.rawValue)-> \(names[relation.target] ?? relation.target)\n"
            for evidence in relation.evidence {
                out += "      because \(evidence.rationale ?? "stated") in: \(evidence.sentence)\n"
            }
        }
        return out
    }

    /// An entity's neighbors, one line each (direction, relation, weight, and the entity a
    /// deeper neighbor was reached through), with the sentence behind the edge.
    public static func describe(_ neighbors: [Neighbor], of origin: Entity) -> String {
        var out = "\(origin.name) (\(origin.type.rawValue)): \(neighbors.count) neighbor\(neighbors.count == 1 ? "" : "s")\n"
        for neighbor in neighbors {
            let arrow = switch neighbor.direction {
            case .outgoing: "->"
            case .incoming: "<-"
            case .both: "<->"
            }
            let via = neighbor.depth > 1 ? " (via \(neighbor.via))" : ""
            out += "  \(arrow) \(neighbor.relation.rawValue) \(neighbor.entity.name) [\(neighbor.entity.type.rawValue)] weight \(neighbor.weight)\(via)\n"
            out += evidenceLine(neighbor.evidence)
        }
        return out
    }

    /// A path as one line per step, each with the sentence that states it.
    public static func describe(_ path: PathResult) -> String {
        guard !path.steps.isEmpty else {
            return "no chain of relations links \(path.origin.name) and \(path.destination.name)\n"
        }
        var out = "\(path.origin.name) to \(path.destination.name): \(path.steps.count) step\(path.steps.count == 1 ? "" : "s")\n"
        for step in path.steps {
            let link = switch step.direction {
            case .outgoing: "-\(step.relation.rawValue)->"
            case .incoming: "<-\(step.relation.rawValue)-"
            case .both: "<-\(step.relation.rawValue)->"
            }
            out += "  \(step.from.name) \(link) \(step.to.name) (weight \(step.weight))\n"
            out += evidenceLine(step.evidence)
        }
        return out
    }

    /// A timeline as one line per dated sentence, oldest first.
    public static func describe(_ timeline: Timeline) -> String {
        let pair = "\(timeline.first.name) and \(timeline.second.name)"
        var out: String
        if let first = timeline.entries.first, let last = timeline.entries.last {
            let count = timeline.entries.count
            out = "\(pair): \(count) dated sentence\(count == 1 ? "" : "s"), \(first.date) to \(last.date)\n"
        } else {
            out = "no dated sentence relates \(pair)\n"
        }
        for entry in timeline.entries {
            let link = entry.relation.isSymmetric ? "<-\(entry.relation.rawValue)->" : "-\(entry.relation.rawValue)->"
            out += "  \(entry.date)  \(entry.source.name) \(link) \(entry.target.name)\n"
            out += evidenceLine(entry.evidence)
        }
        if timeline.undated > 0 {
            out += "  (\(timeline.undated) sentence\(timeline.undated == 1 ? "" : "s") from undated articles not listed)\n"
        }
        return out
    }

    /// The sentence behind an edge and its document, indented under the edge; empty without one.
    private static func evidenceLine(_ evidence: Evidence?) -> String {
        guard let evidence else { return "" }
        return "      \"\(evidence.sentence)\" (\(evidence.document))\n"
    }
}
