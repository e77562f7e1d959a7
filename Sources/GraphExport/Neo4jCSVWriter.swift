import KnowledgeGraph

/// Writes the graph as the two CSV files of Neo4j's bulk import (`neo4j-admin database import
/// full --nodes=nodes.csv --relationships=relationships.csv`).
///
/// Every node carries the label `Entity` and its type's label (`Person`, `Agency`, …);
/// relationship types are the relation names in upper case (`MET_WITH`), as Cypher style has it.
package enum Neo4jCSVWriter {
    package static let nodesFileName = "nodes.csv"
    package static let relationshipsFileName = "relationships.csv"

    package static func write(_ graph: Graph) -> (nodes: String, relationships: String) {
        var nodes = "id:ID,name,type,mentions:int,aliases:string[],:LABEL\n"
        for entity in graph.entities {
            let fields = [
                quoted(entity.id), quoted(entity.name), quoted(entity.type.rawValue), String(entity.mentions),
                quoted(entity.aliases.map(arrayElement).joined(separator: ";")),
                quoted("Entity;" + label(for: entity.type)),
            ]
            nodes += fields.joined(separator: ",") + "\n"
        }
        var relationships = ":START_ID,:END_ID,:TYPE,weight:int,evidence,documents:string[]\n"
        for relation in graph.relations {
            let documents = Set(relation.evidence.map(\.document)).sorted()
            let fields = [
                quoted(relation.source), quoted(relation.target), quoted(relation.type.rawValue.uppercased()),
                String(documents.count), quoted(relation.evidence.first?.sentence ?? ""),
                quoted(documents.map(arrayElement).joined(separator: ";")),
            ]
            relationships += fields.joined(separator: ",") + "\n"
        }
        return (nodes, relationships)
    }

    static func label(for type: EntityType) -> String {
        type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()
    }

    /// One CSV field, always quoted so commas and quotes in sentences are safe; line breaks
    /// become spaces so the import needs no multi-line mode.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\"\""
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// An element of a `string[]` field, which Neo4j splits on semicolons.
    static func arrayElement(_ text: String) -> String {
        String(text.map { $0 == ";" ? "," : $0 })
    }
}
