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
        let key = OfficeHolders.key(name)
        guard key.contains(" ") else { return [] }
        return byName[key] ?? []
    }

    /// Adds the rows of an office-holder file: `name aliases country agent from to role`.
    mutating func add(tsv text: String, curated: Bool, file: String) throws(ModelError) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 7 else {
                throw ModelError(line: number + 1, reason: "expected name, aliases, country, agent, from, to, role")
            }
            let holding = Holding(country: String(columns[2]), agent: String(columns[3]), role: String(columns[6]), curated: curated)
            var names = [String(columns[0])]
            if !columns[1].isEmpty { names += columns[1].split(separator: "|").map(String.init) }
            for name in names {
                let key = OfficeHolders.key(name)
                guard key.contains(" ") else { continue }
                if !(byName[key]?.contains(holding) ?? false) { byName[key, default: []].append(holding) }
            }
        }
    }

    struct ModelError: Error {
        var line: Int
        var reason: String
    }
}
