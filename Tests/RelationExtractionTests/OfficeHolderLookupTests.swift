import KnowledgeGraph
import RelationExtraction
import Testing

/// The office-holder index keeps byte ranges under key hashes and makes strings only for the
/// names asked; these tests hold it to the plain dictionary it replaced: every name and alias of
/// every row under its key, each row's holding once per key, in file order.
@Suite("Office-holder lookup")
struct OfficeHolderLookupTests {
    /// The reference: rows read as strings into a dictionary keyed by the folded name.
    struct Reference {
        var byName: [String: [OfficeHolders.Holding]] = [:]

        /// The folding as first written: ASCII byte by byte, other names by characters.
        static func key(_ name: String) -> String {
            if name.utf8.allSatisfy({ $0 < 0x80 }) {
                var bytes: [UInt8] = []
                for byte in name.utf8 {
                    let lower = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
                    if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                        bytes.append(lower)
                    } else if let last = bytes.last, last != 0x20 {
                        bytes.append(0x20)
                    }
                }
                if bytes.last == 0x20 { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            var result = ""
            var space = true
            for character in name.foldingLatinDiacritics.lowercased() {
                if character.isLetter || character.isNumber || character == "'" {
                    result.append(character)
                    space = false
                } else if !space {
                    result.append(" ")
                    space = true
                }
            }
            if result.hasSuffix(" ") { result.removeLast() }
            return result
        }

        mutating func add(_ text: String, curated: Bool) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let holding = OfficeHolders.Holding(country: fields[2], agent: fields[3], role: fields[6], curated: curated)
                let aliases = fields[1].isEmpty ? [] : fields[1].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                for name in [fields[0]] + aliases {
                    let key = Reference.key(name)
                    guard key.contains(" ") else { continue }
                    if !(byName[key]?.contains(holding) ?? false) { byName[key, default: []].append(holding) }
                }
            }
        }

        func holdings(of name: String) -> [OfficeHolders.Holding] {
            guard name.contains(" ") || name.contains("-") else { return [] }
            let key = Reference.key(name)
            guard key.contains(" ") else { return [] }
            return byName[key] ?? []
        }
    }

    /// Invented rows: repeated rows, one holding under several spellings, diacritics, a non-ASCII
    /// alias, empty aliases, one-word names, apostrophes and hyphens.
    static let invented = """
        # name\taliases\tcountry\tagent\tfrom\tto\trole
        Ana Ruiz\tA. Ruiz|ANA  RUIZ||Ruiz\tSpain\tGOV\t2010\t2014\tminister
        Ana Ruiz\t\tSpain\tGOV\t2010\t2014\tminister
        Ana Ruiz\t\tSpain\tGOV\t2015\t2018\tminister
        Ana Ruiz\t\tPortugal\tGOV\t2015\t2018\tenvoy
        José Núñez\tJose Nunez|Núñez\tChile\tGOV\t\t\tpresident
        Jean-Luc O'Brien\tJean Luc O'Brien|jean-luc o'brien.\tFrance\t\t\t\t
        Zoë  Smith-Jones\t Zoe Smith Jones \tUnited Kingdom\tGOV\t\t\tforeign minister
        Madonna\t\tUnited States\t\t\t\tsinger
        """

    @Test("Every name of the shipped and invented rows finds what the dictionary finds")
    func matchesDictionary() throws {
        var index = OfficeHolders()
        var reference = Reference()
        var files: [(text: String, curated: Bool)] = []
        for (name, curated) in [("office-holders", false), ("office-holders-curated", true)] {
            files.append((String(decoding: try CueLexicon.resource(name, "tsv"), as: UTF8.self), curated))
        }
        files.append((OfficeHolderLookupTests.invented, false))
        for file in files {
            try index.add(tsv: Array(file.text.utf8), curated: file.curated, file: "test")
            reference.add(file.text, curated: file.curated)
        }
        var names: [String] = []
        for file in files {
            for line in file.text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                names.append(String(fields[0]))
                names += fields[1].split(separator: "|").map(String.init)
            }
        }
        // Spellings the rows do not hold but fold to their keys, and names no row holds.
        names += ["ANA RUIZ", "ana-ruiz", " Ana   Ruiz ", "Jose Núñez", "JOSÉ NÚÑEZ", "Zoe Smith Jones", "Jean Luc O Brien",
                  "Vladimir  Putin", "vladimir putin.", "Nobody Atall", "Madonna", "", "-", "Ana", "Ana Ruiz-"]
        var compared = 0
        for name in names {
            #expect(index.holdings(of: name) == reference.holdings(of: name), "\(name)")
            compared += 1
        }
        #expect(compared > 20_000)
        #expect(index.holdings(of: "Ana Ruiz").count == 2)
    }
}
