/// A graph that could not be written or rendered.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    case graphviz(stage: String, message: String)
    case unknownFormat(String)
    case write(path: String, reason: String)
    /// An encoder refused the document (a writer's bug rather than the graph's).
    case encoding(format: String, reason: String)
    /// A format written as several files (``ExportFormat/csv``) was asked for as one.
    case severalFiles(ExportFormat)

    public var description: String {
        switch self {
        case .graphviz(let stage, let message): "Graphviz \(stage) failed: \(message)"
        case .unknownFormat(let format): "unknown format '\(format)' (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .write(let path, let reason): "cannot write \(path): \(reason)"
        case .encoding(let format, let reason): "cannot encode the \(format) document: \(reason)"
        case .severalFiles(let format): "\(format.rawValue) is written as \(format.fileCount) files, into a folder"
        }
    }
}
