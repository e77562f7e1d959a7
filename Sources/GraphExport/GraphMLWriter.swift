import KnowledgeGraph

/// Writes GraphML with typed attributes; Gephi, yEd, Cytoscape and networkx read it.
package enum GraphMLWriter {
    package static func write(_ graph: Graph) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
          <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
          <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
          <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
          <key id="documents" for="edge" attr.name="documents" attr.type="string"/>
          <key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>
          <key id="last_seen" for="edge" attr.name="last_seen" attr.type="string"/>
          <graph id="newsgraph" edgedefault="directed">

        """
        for entity in graph.entities {
            out += "    <node id=\"\(escape(entity.id))\">\n"
            out += "      <data key=\"name\">\(escape(entity.name))</data>\n"
            out += "      <data key=\"type\">\(entity.type.rawValue)</data>\n"
            out += "      <data key=\"aliases\">\(escape(entity.aliases.joined(separator: "|")))</data>\n"
            out += "      <data key=\"mentions\">\(entity.mentions)</data>\n"
            out += "    </node>\n"
        }
        for (index, relation) in graph.relations.enumerated() {
            let documents = Set(relation.evidence.map(\.document))
            out += "    <edge id=\"e\(index)\" source=\"\(escape(relation.source))\" target=\"\(escape(relation.target))\">\n"
            out += "      <data key=\"relation\">\(escape(relation.type.rawValue))</data>\n"
            out += "      <data key=\"weight\">\(documents.count)</data>\n"
            out += "      <data key=\"evidence\">\(escape(relation.evidence.first?.sentence ?? ""))</data>\n"
            out += "      <data key=\"documents\">\(escape(documents.sorted().joined(separator: "|")))</data>\n"
            // The earliest and latest publication days among the evidence (YYYY-MM-DD), when dated.
            if let first = relation.firstSeen { out += "      <data key=\"first_seen\">\(escape(first))</data>\n" }
            if let last = relation.lastSeen { out += "      <data key=\"last_seen\">\(escape(last))</data>\n" }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // As references, which a parser gives back as they are: XML reads "\r\n" and "\r" in
            // text as "\n", and a line break or tab in an attribute (an id) as a space.
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if let allowed = XMLCharacters.replacement(for: scalar) { out.unicodeScalars.append(allowed) }
            }
        }
        return out
    }
}
