import KnowledgeGraph

/// The file formats an exported graph can take.
///
/// A new format is a case here and its entry in ``writer`` (the file extensions that ask for it
/// and the function that writes it); `newsgraph export` offers every case.
public enum ExportFormat: String, Sendable, CaseIterable {
    case dot, svg, png, json, graphml
    /// Node-link JSON for networkx and D3.
    case nodeLink = "node-link"
    /// The two CSV files of Neo4j's bulk import, written into a folder.
    case csv

    /// The format a file name's extension asks for.
    public init?(pathExtension: String) {
        let wanted = pathExtension.lowercased()
        guard let format = ExportFormat.allCases.first(where: { $0.writer.pathExtensions.contains(wanted) }) else {
            return nil
        }
        self = format
    }

    /// Whether the format is several files, written into a folder, rather than one.
    public var writesFolder: Bool {
        if case .folder = writer.output { true } else { false }
    }

    /// How many files the format writes.
    var fileCount: Int {
        switch writer.output {
        case .file: 1
        case .folder(let names, _): names.count
        }
    }

    /// The graph in this format. `layout` applies to the formats Graphviz draws (svg, png); by
    /// default it is chosen from the graph's size.
    public func export(_ graph: Graph, layout: GraphvizRenderer.Layout? = nil) throws(ExportError) -> ExportedGraph {
        switch writer.output {
        case .file(let write): .file(try write(graph, layout))
        case .folder(let names, let write): .folder(zip(names, try write(graph)).map { ExportedFile(name: $0, contents: $1) })
        }
    }

    /// The graph in this format, as one file's bytes. A format written as several files throws
    /// ``ExportError/severalFiles(_:)``: use ``export(_:layout:)`` for it.
    public func render(_ graph: Graph, layout: GraphvizRenderer.Layout? = nil) throws(ExportError) -> [UInt8] {
        switch writer.output {
        case .file(let write): try write(graph, layout)
        case .folder: throw .severalFiles(self)
        }
    }

    /// What a format is: the extensions that ask for it, and its writer.
    struct Writer {
        enum Output {
            case file((Graph, GraphvizRenderer.Layout?) throws(ExportError) -> [UInt8])
            /// The files' names, and their contents in the same order.
            case folder([String], (Graph) throws(ExportError) -> [[UInt8]])
        }

        var pathExtensions: [String]
        var output: Output
    }

    /// The one place that ties a format to its writer.
    var writer: Writer {
        switch self {
        case .dot:
            Writer(pathExtensions: ["dot", "gv"], output: .file { graph, _ in Array(DOTWriter().write(graph).utf8) })
        case .svg, .png:
            Writer(
                pathExtensions: [rawValue],
                output: .file { [self] graph, layout throws(ExportError) in
                    let chosen = layout ?? .automatic(nodes: graph.entities.count, edges: graph.relations.count)
                    return try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: chosen, format: self)
                })
        case .json:
            Writer(pathExtensions: ["json"], output: .file { graph, _ in JSONWriter.bytes(of: graph) })
        case .graphml:
            Writer(pathExtensions: ["graphml", "xml"], output: .file { graph, _ in Array(GraphMLWriter.write(graph).utf8) })
        case .nodeLink:
            // A .json file gets the graph JSON; node-link is only ever asked for by name.
            Writer(pathExtensions: [], output: .file { graph, _ throws(ExportError) in Array(try NodeLinkWriter.write(graph).utf8) })
        case .csv:
            Writer(
                pathExtensions: ["csv"],
                output: .folder([Neo4jCSVWriter.nodesFileName, Neo4jCSVWriter.relationshipsFileName]) { graph in
                    let (nodes, relationships) = Neo4jCSVWriter.write(graph)
                    return [Array(nodes.utf8), Array(relationships.utf8)]
                })
        }
    }
}

/// An exported graph: one file, or the named files of a folder.
public enum ExportedGraph: Sendable {
    case file([UInt8])
    case folder([ExportedFile])
}

/// One file of an export written into a folder.
public struct ExportedFile: Sendable, Hashable {
    public var name: String
    public var contents: [UInt8]

    package init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }
}
