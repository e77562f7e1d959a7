import EntityRecognition
import Testing

/// Data files are split and trimmed on their bytes where that reads as reading by characters
/// does; these tests hold the byte reading to the character reading it replaced, on the shipped
/// lexicons' shapes and on the spots where the two could part (a combining mark after a space or
/// a bar is one character with it).
@Suite("Data file reading")
struct DataFileTests {
    /// The reading as first written: lines and columns on characters, values split on "|" and
    /// trimmed of " " characters.
    static func referenceRows(_ text: String) -> [(line: Int, columns: [String])] {
        var rows: [(Int, [String])] = []
        for (number, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == 0x23 { continue }
            rows.append((number + 1, line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }))
        }
        return rows
    }

    static func referenceTrim(_ text: Substring) -> String {
        var slice = text[...]
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return String(slice)
    }

    static func referenceValues(_ column: Substring) -> [String] {
        column.split(separator: "|").map { referenceTrim($0) }.filter { !$0.isEmpty }
    }

    static let text = [
        "# comment\tline", "", "   \t ", "Name\tperson\t\tAlias One| Alias Two |", "Ünïcode Name \t agency \tFrance\t Zoë | Éric|",
        "mark after space\t \u{301}x | \u{301}y\t a\u{301} ", "bar and mark\tx|\u{301}y|z\u{301}|w", "crlf\tline\r",
        "trailing tab\t", "\tleading tab", "only|bars\t|||\t  |  ", "\u{600} prepend\t\u{600}|x",
    ].joined(separator: "\n") + "\n"

    @Test("Rows, columns, trimmed cells and values read as by characters")
    func matchesCharacterReading() throws {
        let file = try DataFile(name: "test", bytes: Array(DataFileTests.text.utf8))
        let reference = DataFileTests.referenceRows(DataFileTests.text)
        #expect(file.rows.map(\.line) == reference.map(\.line))
        #expect(file.rows.map { $0.columns.map(String.init) } == reference.map(\.columns))
        for row in file.rows {
            for column in row.columns {
                #expect(column.trimmingSpaces() == DataFileTests.referenceTrim(column), "\(Array(column.utf8))")
                #expect(DataFile.values(column) == DataFileTests.referenceValues(column), "\(Array(column.utf8))")
            }
        }
    }
}
