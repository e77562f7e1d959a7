import GraphStore

/// Everything that can go wrong for a user, each with the one line that explains it.
public enum NewsGraphError: Error, Sendable, CustomStringConvertible {
    case fileNotFound(String)
    case unreadable(String, reason: String)
    case binaryFile(String)
    /// A NUL byte past the start of a file that otherwise reads as text; the offset counts from 0.
    case nulByte(String, offset: Int)
    case notUTF8(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case noArticles(String)
    case lexicon(LexiconError)
    case store(StoreError)
    case export(ExportError)
    case noEntity(String, suggestions: [String])
    case invalidArgument(String)
    /// Output that could not be written: a file, a folder, or "standard output".
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path): "no such file or folder: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .binaryFile(let path): "\(path) is a binary file, not an article (expected UTF-8 text)"
        case .nulByte(let path, let offset):
            "\(path) holds a NUL byte at byte \(offset), which text never does; remove it (tr -d '\\000') if the rest is the article"
        case .notUTF8(let path): "\(path) is not UTF-8 text; convert it first (for example with iconv -t UTF-8)"
        case .tooLarge(let path, let bytes, let limit):
            "\(path) is \(bytes / 1_048_576) MB; articles over \(limit / 1_048_576) MB are refused (split it into articles)"
        case .noArticles(let path): "no .txt, .md or .html articles in \(path)"
        case .lexicon(let error): "lexicon error: \(error)"
        case .store(let error): error.description
        case .export(let error): error.description
        case .noEntity(let name, let suggestions):
            suggestions.isEmpty
                ? "no entity named '\(abbreviated(name))'"
                : "no entity named '\(abbreviated(name))'; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
        case .invalidArgument(let message): message
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
