#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from the `read(into:)` methods below.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// What a file holds, told by its name: `.jsonl.gz` is compressed JSON Lines.
enum InputFormat: Equatable {
    case text
    case html
    case jsonLines
    case compressed(Inner)

    enum Inner: Equatable {
        case text
        case html
        case jsonLines
        /// `news.gz`: what is inside is told by its first bytes.
        case unknown
    }

    init(path: String) {
        let (ext, compressed) = InputFormat.extensions(of: path)
        let inner: Inner = switch ext {
        case "html", "htm": .html
        case "jsonl", "ndjson": .jsonLines
        case "txt", "md": .text
        default: compressed ? .unknown : .text
        }
        if compressed {
            self = .compressed(inner)
        } else {
            self = switch inner {
            case .html: .html
            case .jsonLines: .jsonLines
            case .text, .unknown: .text
            }
        }
    }

    /// The extension of a file's name, lowercased, without a final `.gz`, and whether there was
    /// one: ("jsonl", true) for `news.JSONL.gz`. Read from the name's bytes: a build asks this of
    /// every file.
    private static func extensions(of path: String) -> (String, Bool) {
        var utf8 = path.utf8[...]
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) { utf8 = utf8[utf8.index(after: slash)...] }
        func lowered(_ bytes: Substring.UTF8View.SubSequence) -> String {
            String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        func lastExtension(_ name: Substring.UTF8View.SubSequence) -> (String, Substring.UTF8View.SubSequence)? {
            guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
            return (lowered(name[name.index(after: dot)...]), name[..<dot])
        }
        guard let (last, rest) = lastExtension(utf8[...]) else { return ("", false) }
        guard last == "gz" else { return (last, false) }
        return (lastExtension(rest)?.0 ?? "", true)
    }

    var isCompressed: Bool {
        if case .compressed = self { return true }
        return false
    }

    var isHTML: Bool { self == .html || self == .compressed(.html) }

    /// Whether a file met in a folder is an article file: a known extension, or one followed by `.gz`.
    static func isArticleFileName(_ name: String) -> Bool {
        Article.extensions.contains(extensions(of: name).0)
    }

    /// The file's name without its extensions: `news-a01` for `news-a01.txt.gz`.
    static func documentName(of path: String) -> String {
        var name = Substring(path)
        while name.hasSuffix("/") { name.removeLast() }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.utf8.count > 3, name.utf8.suffix(3).map({ $0 | 0x20 }) == Array(".gz".utf8) { name.removeLast(3) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return String(name)
    }
}

/// Whole files and streams read with plain system calls: a build reads thousands of files, and
/// Foundation's file APIs cost a fifth of the time of extracting them.
enum InputFile {
    /// The bytes of the file at `path`, refusing folders and files over `limit` bytes.
    static func contents(of path: String, limit: Int) throws(NewsGraphError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw openError(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path, reason: errorText(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, reason: "it is a folder") }
        let size = Int(status.st_size)
        if (status.st_mode & S_IFMT) == S_IFREG {
            if size > limit { throw .tooLarge(path, bytes: size, limit: limit) }
            // A regular file is read straight into an array one byte longer than the file, so
            // that a short read tells the end without another call (or a file that grew while
            // being read: then the rest is read too, up to the limit).
            var failure: NewsGraphError?
            var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
                var count = 0
                while count < buffer.count {
                    let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read < 0 {
                        if errno == EINTR { continue }
                        failure = .unreadable(path, reason: errorText(errno))
                        break
                    }
                    if read == 0 { break }
                    count += read
                }
                initialized = count
            }
            if let failure { throw failure }
            if bytes.count > size { try appendRest(of: descriptor, to: &bytes, path: path, limit: limit) }
            return bytes
        }
        var bytes: [UInt8] = []
        try appendRest(of: descriptor, to: &bytes, path: path, limit: limit)
        return bytes
    }

    /// The files named by `paths` with their sizes (nil when unknown: standard input, a pipe):
    /// files as given, `-` as given, and folders searched recursively for article files, each
    /// folder's in name order.
    static func list(_ paths: [String]) throws(NewsGraphError) -> [(path: String, size: Int?)] {
        var result: [(path: String, size: Int?)] = []
        for path in paths {
            if path == "-" {
                result.append((path, nil))
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw errno == ENOENT || errno == ENOTDIR ? .fileNotFound(path) : .unreadable(path, reason: errorText(errno))
            }
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                result.append((path, (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil))
                continue
            }
            var found: [(path: String, size: Int?)] = []
            try walk(path, into: &found)
            guard !found.isEmpty else { throw .noArticles(path) }
            found.sort { $0.path < $1.path }
            result.append(contentsOf: found)
        }
        return result
    }

    /// The article files under `folder`, with `readdir`: Foundation's directory enumerator asks
    /// for every file's extended attributes, which took longer than extracting the articles.
    private static func walk(_ folder: String, into found: inout [(path: String, size: Int?)]) throws(NewsGraphError) {
        guard let directory = opendir(folder) else { throw .unreadable(folder, reason: "cannot list the folder: \(errorText(errno))") }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var status = stat()
            // Symbolic links are followed, as the enumerator did for the folder given.
            guard stat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: subfolders.append(path)
            // A folder named like an article ("2024.txt/") is searched above, never read.
            case S_IFREG where InputFormat.isArticleFileName(name): found.append((path, Int(status.st_size)))
            default: break
            }
        }
        for subfolder in subfolders { try walk(subfolder, into: &found) }
    }

    /// Fills `bytes` from `offset` to its end, or up to the end of the file; returns the count read.
    private static func readFully(_ descriptor: Int32, into bytes: inout [UInt8], from offset: Int, path: String)
        throws(NewsGraphError) -> Int
    {
        let result = bytes.withUnsafeMutableBytes { buffer -> Result<Int, NewsGraphError> in
            var count = offset
            while count < buffer.count {
                let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    return .failure(.unreadable(path, reason: errorText(errno)))
                }
                if read == 0 { break }
                count += read
            }
            return .success(count - offset)
        }
        return try result.get()
    }

    private static func appendRest(of descriptor: Int32, to bytes: inout [UInt8], path: String, limit: Int) throws(NewsGraphError) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = try readFully(descriptor, into: &chunk, from: 0, path: path)
            if count == 0 { return }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path, bytes: bytes.count, limit: limit) }
        }
    }

    static func openError(_ path: String, _ code: Int32) -> NewsGraphError {
        switch code {
        case ENOENT, ENOTDIR: .fileNotFound(path)
        case EACCES, EPERM: .unreadable(path, reason: "permission denied")
        case EISDIR: .unreadable(path, reason: "it is a folder")
        default: .unreadable(path, reason: errorText(code))
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// A source of bytes read a chunk at a time: a file, standard input, or a gzip stream over either.
protocol ByteStream: AnyObject {
    /// Fills up to `buffer.count` bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(NewsGraphError) -> Int
    /// How many bytes of the underlying file have been consumed, for progress.
    var consumed: Int { get }
}

extension ByteStream {
    /// Reads into `bytes` from `offset` on; returns the count read, 0 at the end.
    func read(into bytes: inout [UInt8], from offset: Int = 0) throws(NewsGraphError) -> Int {
        let result = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(NewsGraphError) in try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[offset...])) }
        }
        return try result.get()
    }
}

/// A file (or standard input) read through its descriptor.
final class FileStream: ByteStream {
    let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private(set) var consumed = 0

    init(path: String) throws(NewsGraphError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputFile.openError(path, errno) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .unreadable(path, reason: "it is a folder")
        }
        self.path = path
        self.descriptor = descriptor
        ownsDescriptor = true
    }

    /// Standard input, named `path` in messages.
    init(standardInputNamed path: String) {
        self.path = path
        descriptor = STDIN_FILENO
        ownsDescriptor = false
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(NewsGraphError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress!, buffer.count)
            if count >= 0 {
                consumed += count
                return count
            }
            if errno != EINTR { throw .unreadable(path, reason: InputFile.errorText(errno)) }
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }
}

/// A stream whose first bytes have been looked at (to tell gzip or JSON from text) and are
/// given back first.
final class PeekedStream: ByteStream {
    private let base: any ByteStream
    private var head: [UInt8]
    private var headOffset = 0

    init(_ base: any ByteStream, head: [UInt8]) {
        self.base = base
        self.head = head
    }

    /// Reads up to `count` bytes from the start of `base` and keeps them to give back.
    static func peeking(_ base: any ByteStream, count: Int) throws(NewsGraphError) -> (PeekedStream, [UInt8]) {
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try base.read(into: &head, from: filled)
            if read == 0 { break }
            filled += read
        }
        head.removeLast(count - filled)
        return (PeekedStream(base, head: head), head)
    }

    var consumed: Int { base.consumed }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(NewsGraphError) -> Int {
        if headOffset < head.count {
            let count = min(buffer.count, head.count - headOffset)
            head.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + headOffset, byteCount: count)
            }
            headOffset += count
            if headOffset == head.count {
                head = []
                headOffset = 0
            }
            return count
        }
        return try base.read(into: buffer)
    }
}

/// UTF-8 validation without making a string: eight ASCII bytes at a time, then each multi-byte
/// sequence checked as the Unicode standard defines it (no overlong forms, no surrogates, nothing
/// past U+10FFFF).
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // News is mostly ASCII: skip it a word at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { return true }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= lower && second <= upper else { return false }
            for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
