import KnowledgeGraph

/// Who held which office in which country: the office holders of the Phoenix actor dictionaries
/// (`office-holders.tsv`, generated) and the project's own list of the heads of state and
/// government, foreign and defence ministers news names most (`office-holders-curated.tsv`).
///
/// An article that names "President Vladimir Putin" and, elsewhere, Russia, ties the two even
/// where no sentence says "Russian President".
struct OfficeHolders: Sendable {
    struct Holding: Sendable, Hashable {
        /// A country name of countries.tsv, or empty for an intergovernmental body.
        var country: String
        /// The body of an intergovernmental office ("United Nations"), or Phoenix's agent code.
        var agent: String
        var role: String
        var curated: Bool
    }

    private var byName: [String: [Holding]] = [:]

    static let empty = OfficeHolders()

    /// A name folded for lookup: lowercase, Latin diacritics removed, hyphens and dots as spaces.
    static func key(_ name: String) -> String {
        // Most names are ASCII: folded byte by byte, without Character properties.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(name.utf8) }
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

    /// The offices a person of this full name held; one-word names are never looked up.
    func holdings(of name: String) -> [Holding] {
        // A one-word name is never looked up: no space, no lookup.
        guard name.utf8.contains(0x20) || name.utf8.contains(UInt8(ascii: "-")) else { return [] }
        let key = OfficeHolders.key(name)
        guard key.utf8.contains(0x20) else { return [] }
        return byName[key] ?? []
    }

    /// Adds the rows of an office-holder file: `name aliases country agent from to role`.
    mutating func add(tsv bytes: [UInt8], curated: Bool, file: String) throws(ModelError) {
        let lines = DataLines(bytes: bytes)
        for line in lines {
            guard line.fields.count == 7 else {
                throw ModelError(line: line.number, reason: "expected name, aliases, country, agent, from, to, role")
            }
            let fields = line.fields
            let holding = Holding(country: lines.string(fields[2]), agent: lines.string(fields[3]), role: lines.string(fields[6]),
                                  curated: curated)
            var names = [fields[0]]
            var start = fields[1].lowerBound
            for index in fields[1] where bytes[index] == UInt8(ascii: "|") {
                names.append(start..<index)
                start = index + 1
            }
            if !fields[1].isEmpty { names.append(start..<fields[1].upperBound) }
            for name in names {
                let key = OfficeHolders.key(bytes[name])
                guard key.utf8.contains(0x20) else { continue }
                if !(byName[key]?.contains(holding) ?? false) { byName[key, default: []].append(holding) }
            }
        }
    }

    /// The lookup key of a name given as bytes: ASCII names are folded byte by byte.
    static func key(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return asciiKey(bytes) }
        return key(String(decoding: bytes, as: UTF8.self))
    }

    private static func asciiKey(_ name: some Collection<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.count)
        for byte in name {
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

    struct ModelError: Error {
        var line: Int
        var reason: String
    }
}
