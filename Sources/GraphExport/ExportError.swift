/// A graph that could not be written or rendered.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    case graphviz(stage: String, message: String)
    case unknownFormat(String)
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .graphviz(let stage, let message): "Graphviz \(stage) failed: \(message)"
        case .unknownFormat(let format): "unknown format '\(format)' (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .write(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// The file formats an exported graph can take.
public enum ExportFormat: String, Sendable, CaseIterable {
    case dot, svg, png, json, graphml
    /// Node-link JSON for networkx and D3.
    case nodeLink = "node-link"
    /// The two CSV files of Neo4j's bulk import, written into a folder.
    case csv

    /// The format a file name's extension asks for.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "dot", "gv": self = .dot
        case "svg": self = .svg
        case "png": self = .png
        case "json": self = .json
        case "graphml", "xml": self = .graphml
        case "csv": self = .csv
        default: return nil
        }
    }
}
