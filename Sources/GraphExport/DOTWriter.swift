import KnowledgeGraph

/// Writes a graph as Graphviz DOT: entity types told apart by shape and colour, relation types
/// by colour and label (their ``RelationType/properties``, from `relation-types.tsv`), a legend,
/// and each edge's evidence as its tooltip.
package struct DOTWriter: Sendable {
    package var includeLegend: Bool
    /// Scale nodes by their degree.
    package var sizeByDegree: Bool
    /// The address each entity's node links to, or nil for none: in SVG, Graphviz draws a linked
    /// node inside an `<a>`, so a drawing served as a page can be clicked through
    /// (`newsgraph serve`).
    package var nodeURL: (@Sendable (Entity) -> String?)? = nil

    package init(includeLegend: Bool = true, sizeByDegree: Bool = true) {
        self.includeLegend = includeLegend
        self.sizeByDegree = sizeByDegree
    }

    static func style(of type: EntityType) -> (shape: String, fill: String) {
        switch type {
        case .person: ("ellipse", "#dbe9f6")
        case .agency: ("box", "#fde2c8")
        case .country: ("hexagon", "#d6efd2")
        case .organization: ("component", "#eadcf3")
        }
    }

    package func write(_ graph: Graph) -> String {
        var out = "digraph newsgraph {\n"
        out += "  graph [fontname=\"DejaVu Sans\", overlap=false, splines=true, rankdir=LR];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=11, style=filled, color=\"#555555\"];\n"
        out += "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n"
        let degrees = graph.degrees()
        var nodeIDs: [String: String] = [:]
        for (index, entity) in graph.entities.enumerated() {
            let id = "n\(index)"
            nodeIDs[entity.id] = id
            let (shape, fill) = DOTWriter.style(of: entity.type)
            var attributes = [
                "label=\(DOTWriter.quoted(entity.name))", "shape=\(shape)", "fillcolor=\"\(fill)\"",
                "tooltip=\(DOTWriter.quotedTooltip("\(entity.type.rawValue): \(([entity.name] + entity.aliases).joined(separator: "; "))"))",
            ]
            if sizeByDegree {
                let degree = degrees[entity.id] ?? 0
                let size = 10 + min(degree, 20)
                attributes.append("fontsize=\(size)")
            }
            if let url = nodeURL?(entity) { attributes.append("URL=\(DOTWriter.quoted(url))") }
            out += "  \(id) [\(attributes.joined(separator: ", "))];\n"
        }
        for relation in graph.relations {
            guard let source = nodeIDs[relation.source], let target = nodeIDs[relation.target] else { continue }
            let properties = relation.type.properties
            var attributes = [
                "label=\(DOTWriter.quoted(properties.label))", "color=\"\(properties.color)\"", "fontcolor=\"\(properties.color)\"",
            ]
            if properties.isSymmetric { attributes.append("dir=none") }
            if relation.evidence.count > 1 { attributes.append("penwidth=\(min(1 + relation.evidence.count, 6))") }
            if let first = relation.evidence.first {
                let tooltip = DOTWriter.quotedTooltip(first.sentence)
                attributes.append("tooltip=\(tooltip)")
                attributes.append("labeltooltip=\(tooltip)")
            }
            out += "  \(source) -> \(target) [\(attributes.joined(separator: ", "))];\n"
        }
        if includeLegend && !graph.entities.isEmpty { out += legend(graph) }
        out += "}\n"
        return out
    }

    private func legend(_ graph: Graph) -> String {
        var out = "  subgraph cluster_legend {\n    label=\"Legend\"; fontname=\"DejaVu Sans\"; fontsize=10; color=\"#bbbbbb\";\n"
        for type in EntityType.allCases {
            let (shape, fill) = DOTWriter.style(of: type)
            out += "    legend_\(type.rawValue) [label=\"\(type.rawValue)\", shape=\(shape), fillcolor=\"\(fill)\", fontsize=9];\n"
        }
        let used = Set(graph.relations.map(\.type))
        for (index, type) in used.sorted().enumerated() {
            let properties = type.properties
            out += "    legend_r\(index)a [label=\"\", shape=point, width=0.05];\n"
            out += "    legend_r\(index)b [label=\"\", shape=point, width=0.05];\n"
            out += "    legend_r\(index)a -> legend_r\(index)b [label=\(DOTWriter.quoted(properties.label)), color=\"\(properties.color)\", fontcolor=\"\(properties.color)\"];\n"
        }
        out += "  }\n"
        return out
    }

    /// A DOT double-quoted string that Graphviz shows exactly as `text` reads, as a label.
    ///
    /// Graphviz reads `\N`, `\G`, `\E`, `\T`, `\H` and `\L` in labels as the names of the node,
    /// graph, edge, its ends and its label, and `\n`, `\l`, `\r` as line breaks: a backslash from
    /// the text is written `\\`, which a label shows as one backslash. Characters XML cannot hold
    /// are left out, so the SVG Graphviz makes from it is well-formed.
    package static func quoted(_ text: String) -> String {
        quoted(text, backslash: #"\\"#)
    }

    /// A DOT double-quoted string that Graphviz shows exactly as `text` reads, as a tooltip.
    ///
    /// Graphviz 2.42 replaces the escapes of a tooltip twice, so a backslash is written `\\\\`
    /// (a Graphviz that replaces them once shows it doubled, never as an escape).
    package static func quotedTooltip(_ text: String) -> String {
        quoted(text, backslash: #"\\\\"#)
    }

    private static func quoted(_ text: String, backslash: String) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += backslash
            case "\"": out += "\\\""
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "&": out += "&amp;"
            default: if let allowed = XMLCharacters.replacement(for: scalar) { out.unicodeScalars.append(allowed) }
            }
            previousWasCR = scalar == "\r"
        }
        return out + "\""
    }
}
