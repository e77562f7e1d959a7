#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article: UTF-8 text, with HTML reduced to its text, and what its source said about it.
public struct Article: Sendable, Hashable {
    /// The name evidence gives the article: a file's name without its extension, a JSON Lines
    /// record's `id`, or the dump's name and line number.
    public var document: String
    /// Where it was read from: a file, or a file and line ("dump.jsonl:17").
    public var path: String
    public var text: [UInt8]
    public var metadata: Metadata

    /// What the source gave besides the text; nil where it gave nothing.
    public struct Metadata: Sendable, Hashable {
        public var title: String?
        /// The publication day, as YYYY-MM-DD.
        public var date: String?
        public var url: String?

        public init(title: String? = nil, date: String? = nil, url: String? = nil) {
            self.title = title
            self.date = date
            self.url = url
        }
    }

    /// Articles larger than this are refused rather than slowly processed.
    package static let sizeLimit = 32 * 1_048_576
    /// The extensions of article files in a folder; each may also end in `.gz`.
    package static let extensions: Set<String> = ["txt", "md", "html", "htm", "jsonl", "ndjson"]

    /// An article from text in memory. A NUL character becomes U+FFFD, as it does in HTML: the
    /// store keeps text as C strings, which would end at it.
    public init(document: String, text: String, metadata: Metadata = Metadata()) {
        self.document = Article.replacingNULs(document)
        self.path = self.document
        self.text = Article.replacingNULs(Array(text.utf8))
        self.metadata = Metadata(title: metadata.title.map(Article.replacingNULs), date: metadata.date.map(Article.replacingNULs),
                                 url: metadata.url.map(Article.replacingNULs))
    }

    /// An article from bytes already checked to be UTF-8 text.
    init(document: String, path: String, text: [UInt8], metadata: Metadata) {
        self.document = document
        self.path = path
        self.text = text
        self.metadata = metadata
    }

    /// Reads one article file: text, Markdown or HTML, or any of them gzip-compressed.
    public init(contentsOf path: String) throws(NewsGraphError) {
        let format = InputFormat(path: path)
        guard format != .jsonLines else {
            throw .invalidArgument("\(path) holds many articles, one per line; read it with ArticleReader")
        }
        var bytes = try InputFile.contents(of: path, limit: Article.sizeLimit)
        if format.isCompressed || Gzip.isCompressed(bytes) {
            bytes = try Gzip.decompress(bytes, path: path, limit: Article.sizeLimit)
        }
        try self.init(path: path, bytes: bytes, isHTML: format.isHTML)
    }

    /// Checks and converts a whole file's bytes (after decompression).
    init(path: String, bytes: [UInt8], isHTML: Bool, document: String? = nil) throws(NewsGraphError) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // A NUL near the start says binary, as it does to grep and git; one further on is still
        // refused, since the store would cut the text at it.
        let firstNUL = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let firstNUL { throw firstNUL < 8192 ? .binaryFile(path) : .nulByte(path, offset: firstNUL) }
        guard UTF8Validation.isValid(bytes) else { throw .notUTF8(path) }
        var metadata = Metadata()
        if isHTML { (bytes, metadata) = HTMLText.read(bytes) }
        self.init(document: document ?? InputFormat.documentName(of: path), path: path, text: bytes, metadata: metadata)
    }

    /// `bytes` with each NUL replaced by U+FFFD.
    static func replacingNULs(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if byte == 0 { result.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { result.append(byte) }
        }
        return result
    }

    static func replacingNULs(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(decoding: replacingNULs(Array(text.utf8)), as: UTF8.self)
    }

    /// The article files named by `paths`: files as given, folders searched recursively for
    /// .txt, .md, .html, .jsonl and .ndjson files (compressed or not), in name order.
    public static func files(in paths: [String]) throws(NewsGraphError) -> [String] {
        try InputFile.list(paths).map(\.path)
    }

    /// The title the source gave, else the first non-empty line (at most 200 characters).
    public var title: String {
        if let title = metadata.title { return title }
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            let line = Article.trimmed(text[lineStart..<lineEnd])
            if !line.isEmpty {
                guard line.count > 200 else { return String(decoding: line, as: UTF8.self) }
                // Characters are counted in a bounded prefix: a 10 MB article may be one line.
                let title = String(decoding: line.prefix(3200), as: UTF8.self)
                return title.count > 200 ? String(title.prefix(200)) + "…" : (line.count > 3200 ? title + "…" : title)
            }
            lineStart = lineEnd + 1
        }
        return ""
    }

    /// The publication day: the source's, else the first date of the opening lines ("2025-01-15",
    /// "March 4, 2023", "9 October 2025"), as YYYY-MM-DD; nil when neither gives one.
    public var date: String? {
        metadata.date ?? PublicationDate.dateline(in: text)
    }

    /// The line without the spaces around it: ASCII white space, and the no-break and other
    /// Unicode spaces that HTML and word processors leave.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        while true {
            if let first = line.first, first == 0x20 || (first >= 0x09 && first <= 0x0D) {
                line.removeFirst()
            } else if let length = unicodeSpaceLength(line, at: line.startIndex) {
                line.removeFirst(length)
            } else {
                break
            }
        }
        while true {
            if let last = line.last, last == 0x20 || (last >= 0x09 && last <= 0x0D) {
                line.removeLast()
            } else if let length = [2, 3].first(where: { unicodeSpaceLength(line, at: line.endIndex - $0) == $0 }) {
                line.removeLast(length)
            } else {
                break
            }
        }
        return line
    }

    /// The length of the Unicode space at `index` (U+00A0, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000, U+FEFF), or nil.
    private static func unicodeSpaceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        guard index >= bytes.startIndex, index < bytes.endIndex else { return nil }
        let lead = bytes[index]
        if lead == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }
        guard index + 2 < bytes.endIndex else { return nil }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        switch (lead, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : nil
        case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : nil
        case (0xE2, 0x81): return third == 0x9F ? 3 : nil
        case (0xE3, 0x80): return third == 0x80 ? 3 : nil
        case (0xEF, 0xBB): return third == 0xBF ? 3 : nil
        default: return nil
        }
    }
}

extension Article {
    /// The store's record of this article.
    public var record: ArticleRecord {
        ArticleRecord(document: document, path: path, title: title, date: date, url: metadata.url, text: text)
    }
}
