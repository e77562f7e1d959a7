/// A lexicon file that cannot be used, with the place to fix it.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, or nil when the whole file is the problem.
    public var line: Int?
    public var reason: String

    package init(file: String, line: Int? = nil, reason: String) {
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
///
/// Package-visible for the test that holds its byte-level reading to reading by characters.
package struct DataFile {
    package let name: String
    package let rows: [(line: Int, columns: [Substring])]

    package init(name: String, bytes: [UInt8]) throws(LexiconError) {
        self.name = name
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LexiconError(file: name, reason: "not UTF-8 text")
        }
        if bytes.contains(0) { throw LexiconError(file: name, reason: "binary data, not a lexicon") }
        // Lines and columns are found on UTF-8 bytes, by offset, in one pass: splitting into
        // Characters, or with the generic `split`, costs several times more, and the generated
        // lexicons run to tens of thousands of lines. Tab and newline are ASCII, so every offset
        // found is a character boundary of `text`.
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var rows: [(line: Int, columns: [Substring])] = []
        var number = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            number += 1
            var lineEnd = lineStart
            // Tabs are counted on the way, so the columns are stored without growing their array.
            var tabs = 0
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
                if bytes[lineEnd] == 0x09 { tabs += 1 }
                lineEnd += 1
            }
            let next = lineEnd + 1
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let blank = bytes[lineStart..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if !blank && bytes[lineStart] != 0x23 {
                var columns: [Substring] = []
                columns.reserveCapacity(tabs + 1)
                var columnStart = lineStart
                for offset in lineStart..<lineEnd where bytes[offset] == 0x09 {
                    columns.append(text[index(columnStart)..<index(offset)])
                    columnStart = offset + 1
                }
                columns.append(text[index(columnStart)..<index(lineEnd)])
                rows.append((number, columns))
            }
            lineStart = next
        }
        self.rows = rows
    }

    /// The `|`-separated values of a column, trimmed, without empties.
    package static func values(_ column: Substring?) -> [String] {
        guard let column else { return [] }
        let utf8 = column.utf8
        // Split on the byte of "|" where the bytes around each bar are ASCII (the bar is then a
        // character of its own); otherwise on characters.
        var bar = utf8.firstIndex(of: 0x7C)
        while let found = bar {
            let next = utf8.index(after: found)
            if (next != utf8.endIndex && utf8[next] >= 0x80) || (found != utf8.startIndex && utf8[utf8.index(before: found)] >= 0x80) {
                return column.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            }
            bar = utf8[next...].firstIndex(of: 0x7C)
        }
        return utf8.split(separator: 0x7C).map { Substring($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    package func trimmingSpaces() -> String {
        // Spaces are trimmed as bytes where the bytes next to them are ASCII, which makes each
        // space a character of its own. Elsewhere (a combining mark after a space makes one
        // character of the two) characters are compared.
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end && utf8[start] == 0x20 { utf8.formIndex(after: &start) }
        while start < end && utf8[utf8.index(before: end)] == 0x20 { utf8.formIndex(before: &end) }
        let leadingSpacesStandAlone = start == utf8.startIndex || start == end || utf8[start] < 0x80
        let trailingSpacesStandAlone = end == utf8.endIndex || start == end || utf8[utf8.index(before: end)] < 0x80
        if leadingSpacesStandAlone && trailingSpacesStandAlone { return String(self[start..<end]) }
        var slice = self[...]
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
