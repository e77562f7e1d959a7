import Foundation

/// An article read from disk: checked to be UTF-8 text, with HTML reduced to its text.
public struct Article: Sendable, Hashable {
    /// The file name without its extension; evidence names it.
    public var document: String
    public var path: String
    public var text: [UInt8]

    /// Articles larger than this are refused rather than slowly processed.
    public static let sizeLimit = 32 * 1_048_576
    public static let extensions: Set<String> = ["txt", "md", "html", "htm"]

    public init(document: String, text: String) {
        self.document = document
        self.path = document
        self.text = Array(text.utf8)
    }

    /// Reads one article file.
    public init(contentsOf path: String) throws(NewsGraphError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        guard !isDirectory.boolValue else { throw .unreadable(path, reason: "it is a folder") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Article.sizeLimit {
            throw .tooLarge(path, bytes: size, limit: Article.sizeLimit)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, reason: "permission denied") }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.prefix(8192).contains(0) { throw .binaryFile(path) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8(path) }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        if ext == "html" || ext == "htm" { bytes = HTMLText.text(of: bytes) }
        self.document = url.deletingPathExtension().lastPathComponent
        self.path = path
        self.text = bytes
    }

    /// The article files named by `paths`: files as given, folders searched recursively for
    /// .txt, .md and .html files, in name order.
    public static func files(in paths: [String]) throws(NewsGraphError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
            if !isDirectory.boolValue {
                result.append(path)
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else { throw .unreadable(path, reason: "cannot list the folder") }
            var found: [String] = []
            for case let relative as String in walker {
                let ext = (relative as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            guard !found.isEmpty else { throw .noArticles(path) }
            result.append(contentsOf: found.sorted())
        }
        return result
    }

    /// The first non-empty line, as a title.
    public var title: String {
        let line = text.split(separator: 0x0A).first { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        let title = line.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        return title.count > 200 ? String(title.prefix(200)) + "…" : title
    }
}

/// Reduces HTML to its readable text: drops scripts, styles and tags, decodes common entities,
/// and keeps block elements on lines of their own.
enum HTMLText {
    static func text(of html: [UInt8]) -> [UInt8] {
        let source = String(decoding: html, as: UTF8.self)
        var output = ""
        var index = source.startIndex
        let blockTags: Set<String> = ["p", "br", "div", "h1", "h2", "h3", "h4", "li", "tr", "title", "article", "section"]
        while index < source.endIndex {
            let character = source[index]
            if character == "<" {
                guard let close = source[index...].firstIndex(of: ">") else { break }
                let tag = source[source.index(after: index)..<close].lowercased()
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
                if !tag.hasPrefix("/") && (name == "script" || name == "style") {
                    if let end = source.range(of: "</\(name)", options: .caseInsensitive, range: close..<source.endIndex) {
                        index = source[end.upperBound...].firstIndex(of: ">").map { source.index(after: $0) } ?? source.endIndex
                        continue
                    }
                }
                if blockTags.contains(name) { output.append("\n") }
                index = source.index(after: close)
                continue
            }
            if character == "&", let semicolon = source[index...].prefix(10).firstIndex(of: ";") {
                let entity = String(source[source.index(after: index)..<semicolon])
                if let decoded = decode(entity) {
                    output.append(decoded)
                    index = source.index(after: semicolon)
                    continue
                }
            }
            output.append(character)
            index = source.index(after: index)
        }
        return Array(output.utf8)
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "rsquo", "lsquo": return "\u{2019}"
        case "ldquo": return "\u{201C}"
        case "rdquo": return "\u{201D}"
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        default:
            if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                return String(scalar)
            }
            if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                return String(scalar)
            }
            return nil
        }
    }
}
