/// A lexicon file that cannot be used, with the place to fix it.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, or nil when the whole file is the problem.
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Reads a tab-separated data file: `#` comment lines and blank lines are skipped.
struct DataFile {
    let name: String
    let rows: [(line: Int, columns: [Substring])]

    init(name: String, bytes: [UInt8]) throws(LexiconError) {
        self.name = name
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LexiconError(file: name, reason: "not UTF-8 text")
        }
        if bytes.contains(0) { throw LexiconError(file: name, reason: "binary data, not a lexicon") }
        // Lines and columns are found on UTF-8 bytes: splitting into Characters costs several
        // times more, and the generated lexicons run to tens of thousands of lines.
        var rows: [(Int, [Substring])] = []
        for (number, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == 0x23 { continue }
            rows.append((number + 1, line.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }))
        }
        self.rows = rows
    }

    /// The `|`-separated values of a column, trimmed, without empties.
    static func values(_ column: Substring?) -> [String] {
        guard let column else { return [] }
        return column.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
