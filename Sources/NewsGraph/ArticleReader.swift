#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something wrong with one input: a file that is not an article, or a line of a news dump that is
/// not a usable record. The build reports it, skips it, and goes on.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// The line of a JSON Lines file, counted from 1; nil for a whole file.
    public var line: Int?
    public var reason: String
    /// A warning leaves the article stored (a date that cannot be read, say); anything else
    /// means the article or line was skipped.
    public var isWarning: Bool

    package init(path: String, line: Int?, reason: String, isWarning: Bool = false) {
        self.path = path
        self.line = line
        self.reason = reason
        self.isWarning = isWarning
    }

    /// A whole file that cannot be read; the error's description names the file.
    init(_ error: NewsGraphError, path: String) {
        self.init(path: path, line: nil, reason: error.description)
    }

    /// `dump.jsonl:17: no "text" field`, the form editors and compilers use. A warning about a
    /// whole article names it: `story.txt: warning: ...`.
    public var description: String {
        guard let line else { return isWarning ? "\(path): warning: \(reason)" : reason }
        return "\(path):\(line): \(isWarning ? "warning: " : "")\(reason)"
    }
}

/// Reads articles from the paths a user gives, in order: text, Markdown and HTML files, JSON Lines
/// dumps (one article per line), gzip-compressed files of any of these, folders of them, and
/// standard input (`-`). Large dumps are read a chunk at a time, so memory does not grow with them.
public struct ArticleReader {
    /// One step of reading: an article to read from a file (left to the caller, so that files
    /// can be read on many cores), an article already read, or a problem.
    enum Item {
        case file(String)
        case article(Article)
        case problem(InputProblem)
    }

    private let paths: [String]
    private var position = 0
    private var sizes: [Int?]
    private var lines: DumpLines?
    private var queued: [Item] = []
    /// Bytes of the input files fully read or handed out, for progress.
    private var finishedBytes = 0

    /// The sum of the input files' sizes; nil when reading standard input, whose size is unknown.
    public let totalBytes: Int?

    /// The reader of these files, folders and `-`; fails at once when a path does not exist, so a
    /// typo stops a build before it starts.
    public init(paths: [String]) throws(NewsGraphError) {
        let files = try InputFile.list(paths)
        self.paths = files.map(\.path)
        sizes = files.map(\.size)
        totalBytes = self.paths.contains("-") ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
    }

    /// How many bytes of the inputs (as stored, compressed or not) have been read.
    public var consumedBytes: Int { finishedBytes + (lines?.consumed ?? 0) }

    /// The next article, or the problem that stopped one; nil at the end.
    public mutating func next() -> Result<Article, InputProblem>? {
        while let item = nextItem() {
            switch item {
            case .file(let path): return ArticleReader.read(path)
            case .article(let article): return .success(article)
            case .problem(let problem): return .failure(problem)
            }
        }
        return nil
    }

    /// Reads an article file named by `Item.file`.
    static func read(_ path: String) -> Result<Article, InputProblem> {
        do {
            return .success(try Article(contentsOf: path))
        } catch {
            return .failure(InputProblem(error, path: path))
        }
    }

    /// The next items, up to `articles` articles or `bytes` bytes of text already read; problems
    /// do not count toward either. Empty at the end.
    mutating func nextBatch(articles maximumArticles: Int, bytes maximumBytes: Int) -> [Item] {
        var items: [Item] = []
        var articles = 0
        var bytes = 0
        while articles < maximumArticles && bytes < maximumBytes, let item = nextItem() {
            items.append(item)
            switch item {
            case .file: articles += 1
            case .article(let article):
                articles += 1
                bytes += article.text.count
            case .problem: break
            }
        }
        return items
    }

    mutating func nextItem() -> Item? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if lines != nil {
                if let item = nextLine() { return item }
                continue
            }
            guard position < paths.count else { return nil }
            let path = paths[position]
            let size = sizes[position] ?? 0
            position += 1
            switch path == "-" ? nil : InputFormat(path: path) {
            case nil:
                if let item = open(FileStream(standardInputNamed: "stdin"), path: "stdin", document: "stdin", sniffing: true) {
                    return item
                }
            case .jsonLines?, .compressed(.jsonLines)?, .compressed(.unknown)?:
                let format = InputFormat(path: path)
                do {
                    var stream: any ByteStream = try FileStream(path: path)
                    if format.isCompressed { stream = try GzipStream(stream, path: path) }
                    if let item = open(stream, path: path, document: InputFormat.documentName(of: path),
                                       sniffing: format == .compressed(.unknown), size: size)
                    {
                        return item
                    }
                } catch {
                    finishedBytes += size
                    return .problem(InputProblem(error, path: path))
                }
            default:
                finishedBytes += size
                return .file(path)
            }
        }
    }

    /// Starts reading a stream as JSON Lines, or, when `sniffing` and its first character is not
    /// "{", reads it whole as one article.
    private mutating func open(_ stream: any ByteStream, path: String, document: String, sniffing: Bool, size: Int = 0) -> Item? {
        do {
            var stream = stream
            if sniffing {
                let (peeked, head) = try PeekedStream.peeking(stream, count: 2)
                stream = Gzip.isCompressed(head) ? try GzipStream(peeked, path: path) : peeked
                let (text, start) = try PeekedStream.peeking(stream, count: 65_536)
                stream = text
                let body = start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start[...]
                let first = body.first { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
                if first == nil && start.count < 65_536 {
                    finishedBytes += size
                    return .problem(InputProblem(path: path, line: nil, reason: "\(path) is empty: there is no article to read"))
                }
                if first != UInt8(ascii: "{") {
                    let bytes = try ArticleReader.readAll(stream, path: path, limit: Article.sizeLimit)
                    finishedBytes += size
                    return .article(try Article(path: path, bytes: bytes, isHTML: first == UInt8(ascii: "<"), document: document))
                }
            }
            lines = DumpLines(stream: stream, path: path, document: document, size: size)
            return nil
        } catch {
            finishedBytes += size
            return .problem(InputProblem(error, path: path))
        }
    }

    private static func readAll(_ stream: any ByteStream, path: String, limit: Int) throws(NewsGraphError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 262_144)
        while true {
            let count = try stream.read(into: &chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path, bytes: bytes.count, limit: limit) }
        }
    }

    /// The next record of the dump being read; nil when it has ended (and `lines` is cleared).
    private mutating func nextLine() -> Item? {
        guard let dump = lines else { return nil }
        do {
            while let line = try dump.reader.next() {
                switch line {
                case .tooLong(let number):
                    return .problem(InputProblem(path: dump.path, line: number,
                                                 reason: "the line is over \(LineReader.defaultLimit / 1_048_576) MB, more than an article of at most \(Article.sizeLimit / 1_048_576) MB can take"))
                case .line(let number, let bytes):
                    if let item = dump.record(bytes, number: number, queue: &queued) { return item }
                }
            }
        } catch {
            lines = nil
            finishedBytes += dump.size
            // The location names the file; the reason need not again.
            let reason = if case .unreadable(_, let reason) = error { reason } else { error.description }
            return .problem(InputProblem(path: dump.path, line: dump.reader.lineNumber + 1, reason: reason))
        }
        lines = nil
        finishedBytes += dump.size
        return nil
    }
}

/// The state of one JSON Lines dump being read.
private struct DumpLines {
    let reader: LineReader
    let path: String
    let document: String
    let size: Int

    init(stream: any ByteStream, path: String, document: String, size: Int) {
        reader = LineReader(stream: stream)
        self.path = path
        self.document = document
        self.size = size
    }

    var consumed: Int { reader.consumed }

    /// The article of one line, or its problem; nil for a blank line. A warning goes to `queue`
    /// ahead of the article.
    func record(_ bytes: [UInt8], number: Int, queue: inout [ArticleReader.Item]) -> ArticleReader.Item? {
        var bytes = bytes
        if number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.contains(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else { return nil }
        let record: JSONLine
        do {
            record = try bytes.withUnsafeBufferPointer { buffer throws(JSONLine.Problem) in try JSONLine.parse(buffer) }
        } catch {
            return .problem(InputProblem(path: path, line: number, reason: error.reason))
        }
        guard let text = record.text, UTF8Validation.isValid(text) else {
            return .problem(InputProblem(path: path, line: number, reason: "\"text\" is not valid UTF-8"))
        }
        guard text.count <= Article.sizeLimit else {
            return .problem(InputProblem(path: path, line: number,
                                         reason: "\"text\" is \(text.count / 1_048_576) MB; articles over \(Article.sizeLimit / 1_048_576) MB are refused"))
        }
        var metadata = Article.Metadata(title: record.title.flatMap { $0.isEmpty ? nil : $0 }, url: record.url)
        if let date = record.date, !date.isEmpty {
            metadata.date = PublicationDate.day(fromField: date)
            if metadata.date == nil {
                queue.append(.problem(InputProblem(path: path, line: number, reason: "cannot read the date \"\(date.prefix(60))\"; looking for one in the text",
                                                   isWarning: true)))
            }
        }
        let article = Article(document: record.id ?? "\(document):\(number)", path: "\(path):\(number)", text: text, metadata: metadata)
        queue.append(.article(article))
        return queue.removeFirst()
    }
}

/// Lines of a stream, read a chunk at a time. A line longer than the limit is skipped whole and
/// reported, rather than held in memory.
final class LineReader {
    enum Line {
        case line(number: Int, bytes: [UInt8])
        case tooLong(number: Int)
    }

    /// JSON escapes can double an article's size: twice the article limit, and some room.
    static let defaultLimit = 2 * Article.sizeLimit + 1_048_576

    private let stream: any ByteStream
    private let limit: Int
    private var chunk = [UInt8](repeating: 0, count: 1_048_576)
    private var chunkStart = 0
    private var chunkEnd = 0
    private var ended = false
    private(set) var lineNumber = 0

    init(stream: any ByteStream, limit: Int = LineReader.defaultLimit) {
        self.stream = stream
        self.limit = limit
    }

    var consumed: Int { stream.consumed }

    func next() throws(NewsGraphError) -> Line? {
        var pending: [UInt8] = []
        var tooLong = false
        while true {
            if chunkStart < chunkEnd {
                let newline = chunk.withUnsafeBufferPointer { buffer -> Int? in
                    guard let found = memchr(buffer.baseAddress! + chunkStart, 0x0A, chunkEnd - chunkStart) else { return nil }
                    return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let end = newline ?? chunkEnd
                if !tooLong {
                    if pending.count + (end - chunkStart) > limit {
                        tooLong = true
                        pending = []
                    } else {
                        pending.append(contentsOf: chunk[chunkStart..<end])
                    }
                }
                chunkStart = newline.map { $0 + 1 } ?? chunkEnd
                if newline != nil {
                    lineNumber += 1
                    return tooLong ? .tooLong(number: lineNumber) : .line(number: lineNumber, bytes: pending)
                }
            }
            if ended {
                guard !pending.isEmpty || tooLong else { return nil }
                lineNumber += 1
                return tooLong ? .tooLong(number: lineNumber) : .line(number: lineNumber, bytes: pending)
            }
            chunkStart = 0
            chunkEnd = try stream.read(into: &chunk)
            if chunkEnd == 0 { ended = true }
        }
    }
}
