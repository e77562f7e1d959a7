import KnowledgeGraph

/// After the scan: a party's short name that is also another body's name. News about India
/// writes "the Congress" for the Indian National Congress, whose "Congress party" gives the
/// lexicon the short name, while a bare "Congress" elsewhere is the U.S. legislature. The short
/// name means the party in an article that names the party's country and writes the name after
/// "the" at least once; an article on India that quotes a law "written by Congress" keeps the
/// legislature.
extension MentionBuilder {
    func readPartyShortNames() {
        guard !lexicon.partyShortNames.isEmpty else { return }
        // Each short name is looked up once, with the party it may name.
        var shortNames: [(index: Int, name: String, party: (name: String, country: String))] = []
        var countries: Set<String> = []
        for index in candidates.indices {
            switch candidates[index].key {
            case .country(let country):
                countries.insert(country)
            case .body(let name) where candidates[index].tokens.count == 1 && candidates[index].owner == nil:
                let shortName = string(candidates[index].tokens)
                if let party = lexicon.partyShortNames[shortName], party.name != name {
                    shortNames.append((index, shortName, party))
                }
            default:
                break
            }
        }
        guard !shortNames.isEmpty else { return }
        var partyNames: Set<String> = []
        for shortName in shortNames where countries.contains(shortName.party.country) {
            if isWrittenAsPartyName(candidates[shortName.index].tokens.lowerBound) { partyNames.insert(shortName.name) }
        }
        for (index, name, party) in shortNames where partyNames.contains(name) {
            candidates[index].type = .organization
            candidates[index].key = .body(party.name)
            candidates[index].name = party.name
            candidates[index].lexiconName = party.name
            candidates[index].knownCountry = party.country
        }
    }

    /// "the Congress" with no "of" after it ("the Congress of the Communist Party" is a meeting).
    private func isWrittenAsPartyName(_ token: Int) -> Bool {
        let before = token - 1
        guard before >= 0, tokens[before].kind == .word, lexicon.classes(of: tokens[before].id).contains(.article)
        else { return false }
        let after = token + 1
        let opensGenitive =
            after < tokens.count && tokens[after].kind == .word
            && lexicon.classes(of: tokens[after].id).contains(.genitive)
        return !opensGenitive
    }
}
