import KnowledgeGraph

extension ArticleAnalysis {
    /// Per entity (in `entities` order), the country the article's own words tie a body to: the
    /// lexicon's country ("Congress"), else the one country that owns its mentions ("Chinese
    /// Foreign Ministry", "the Foreign Ministry of China"). Nil for people and countries, for a
    /// body nothing ties to a country, and for one whose mentions name two.
    ///
    /// A store uses it to keep apart the bodies many states have: "the Foreign Ministry" of one
    /// article is not that of another unless both name the same country.
    package func statedCountries() -> [String?] {
        var countries = [String?](repeating: nil, count: entities.count)
        var conflicting = [Bool](repeating: false, count: entities.count)
        for mention in mentions where mention.kind == .name {
            let entity = entities[mention.entity]
            guard entity.type == .agency || entity.type == .organization, entity.knownCountry == nil,
                let owner = mention.owner, entities[owner].type == .country
            else { continue }
            let country = entities[owner].name
            if countries[mention.entity] == nil {
                countries[mention.entity] = country
            } else if countries[mention.entity] != country {
                conflicting[mention.entity] = true
            }
        }
        for index in entities.indices {
            if let known = entities[index].knownCountry, entities[index].type != .person, entities[index].type != .country {
                countries[index] = known
            } else if conflicting[index] {
                countries[index] = nil
            }
        }
        return countries
    }

    /// Per entity (in `entities` order), for a lexicon body with a name many states' bodies bear
    /// ("Senate", "Foreign Office": bodies.tsv's generic forms), its name lowercased as the key
    /// of a shared name, and the country the article's evidence gives it: the lexicon's where a
    /// mention is no generic form ("U.S. Senate") or a country word owns one of the lexicon's
    /// country; another's that owns one ("Brazil's Senate"); else the country the article names
    /// most, if it names no other as often, and only when that is the lexicon's or the article
    /// never names the lexicon's. Nil country where the evidence says none: the body may be any
    /// state's. Nil for every other entity, whose lexicon name is its identity.
    package func genericLexiconBodies() -> [(key: String, country: String?)?] {
        var result = [(key: String, country: String?)?](repeating: nil, count: entities.count)
        guard !genericForms.isEmpty else { return result }
        let genericNames = Set(genericForms.values)
        // How often the article names each country, itself or by an agency the lexicon ties to it
        // ("Senate Armed Services Committee" speaks of the United States), generic names aside;
        // adjectives ("Chinese firms") are no names.
        var countryMentions: [String: Int] = [:]
        var named: [Bool] = Array(repeating: false, count: entities.count)
        var owners: [Set<String>] = Array(repeating: [], count: entities.count)
        for mention in mentions {
            let entity = entities[mention.entity]
            guard mention.kind == .name else { continue }
            if entity.type == .country {
                countryMentions[entity.name, default: 0] += 1
                continue
            }
            guard entity.type == .agency, let country = entity.knownCountry else { continue }
            guard let name = entity.lexiconName, genericNames.contains(name) else {
                countryMentions[country, default: 0] += 1
                continue
            }
            if let owner = mention.owner, entities[owner].type == .country { owners[mention.entity].insert(entities[owner].name) }
            // An acronym the article defines for the body ("the Foreign Office (FO)") says nothing.
            let acronym = mention.tokens.count == 1 && tokens[mention.tokens.lowerBound].shape.contains(.allCaps)
            if !acronym && genericForms[string(mention.tokens).lowercased()] != name { named[mention.entity] = true }
        }
        // Ties in name order, so that one article always ranks them alike.
        let ranked = countryMentions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let dominant = ranked.first.flatMap { ranked.count == 1 || ranked[1].value < $0.value ? $0.key : nil }
        for (index, entity) in entities.enumerated() {
            guard let name = entity.lexiconName, genericNames.contains(name), let home = entity.knownCountry else { continue }
            let country: String?
            if named[index] || owners[index].contains(home) {
                country = home
            } else if owners[index].count == 1 {
                country = owners[index].first
            } else if !owners[index].isEmpty {
                country = nil
            } else if let dominant, dominant == home || countryMentions[home] == nil {
                country = dominant
            } else {
                country = nil
            }
            result[index] = (name.lowercased(), country)
        }
        return result
    }

    /// The words a name of a body many states have is made of: head words ("Ministry",
    /// "Parliament"), portfolios ("foreign", "defence"), trades, and the shared-body words
    /// ("Supreme", "National"), joined by "of", "the" and "and".
    private static let sharedBodyWords: WordClass = [
        .agencyHead, .lowercaseBodyHead, .bodyModifier, .trade, .keyFiller, .publicModifier, .sharedBodyWord,
        .genitive, .article, .conjunction,
    ]

    /// Per entity (in `entities` order), for an agency no lexicon names whose every name, its
    /// country aside, is one many states' bodies share: the key of its fullest name, the same for "Foreign Ministry",
    /// "Chinese foreign ministry" and "the Ministry of Foreign Affairs of China" ("foreign
    /// ministry"). Across articles, such a body is one only with its country. Nil for any other
    /// entity ("Trump administration", "State Department").
    package func sharedBodyKeys() -> [String?] {
        var keys = [String?](repeating: nil, count: entities.count)
        // Per entity, the words of its fullest name so far, and whether every name was shared:
        // "the Administration" does not make the "Obama administration" one of many.
        var fullest = [Int](repeating: 0, count: entities.count)
        var distinct = [Bool](repeating: false, count: entities.count)
        for mention in mentions where mention.kind == .name && !distinct[mention.entity] {
            let entity = entities[mention.entity]
            guard entity.type == .agency, entity.lexiconName == nil else { continue }
            // An acronym the article defines for the body ("MOFCOM") says nothing either way.
            if mention.phrase.count == 1 && tokens[mention.phrase.lowerBound].shape.contains(.allCaps) { continue }
            // The country that owns the body, or one the name holds ("Ministry of Commerce of China").
            let country =
                mention.owner.flatMap { entities[$0].type == .country ? $0 : nil }
                ?? mentions(startingIn: mention.phrase).first {
                    entities[$0.entity].type == .country && $0.tokens.upperBound <= mention.phrase.upperBound
                }?.entity
            guard let key = sharedKey(of: mention.phrase, country: country) else {
                distinct[mention.entity] = true
                keys[mention.entity] = nil
                continue
            }
            if mention.phrase.count > fullest[mention.entity] {
                fullest[mention.entity] = mention.phrase.count
                keys[mention.entity] = key
            }
        }
        return keys
    }

    private func isSharedBodyWord(_ index: Int) -> Bool {
        tokens[index].kind == .word && !WordClass(of: tokens[index].id, in: wordClasses).isDisjoint(with: ArticleAnalysis.sharedBodyWords)
    }

    /// The "'s" written against the word before it ("Prime Minister's Office").
    private func isPossessive(_ index: Int) -> Bool {
        let id = Int(tokens[index].id)
        return tokens[index].kind == .word && !tokens[index].shape.contains(.spaceBefore) && id >= 0 && id < words.count
            && words[id].utf8.elementsEqual(Tokenizer.possessiveKey)
    }

    private func isWord(_ index: Int, _ wordClass: WordClass) -> Bool {
        tokens[index].kind == .word && WordClass(of: tokens[index].id, in: wordClasses).contains(wordClass)
    }

    /// The key of a name's shared words: all of them, or those left once the name's `country`
    /// before them ("Chinese", "China's") or after an "of" ("of China") is set aside.
    private func sharedKey(of name: Range<Int>, country: Int?) -> String? {
        var words = name
        if let country {
            let named = mentions(startingIn: name).filter { $0.entity == country && $0.tokens.upperBound <= name.upperBound }
            if let before = named.first(where: { $0.tokens.lowerBound == name.lowerBound }) {
                words = before.tokens.upperBound..<name.upperBound
                // A possessive's marks, written against the country: "China's".
                while let first = words.first, !tokens[first].shape.contains(.spaceBefore) {
                    words = words.dropFirst()
                }
            } else if let after = named.last, after.tokens.lowerBound > name.lowerBound + 1,
                isWord(after.tokens.lowerBound - 1, .genitive) || isWord(after.tokens.lowerBound - 1, .article)
            {
                // "of China", "of the People's Republic of China": from the "of".
                var of = after.tokens.lowerBound - 1
                if isWord(of, .article), of > name.lowerBound { of -= 1 }
                if isWord(of, .genitive) { words = name.lowerBound..<of }
            }
        }
        // A possessive inside the name ("Prime Minister's Office") is no word of it.
        let nameWords = words.filter { !isPossessive($0) }
        guard !nameWords.isEmpty, nameWords.allSatisfy(isSharedBodyWord),
            nameWords.contains(where: { isWord($0, .agencyHead) || isWord($0, .lowercaseBodyHead) })
        else { return nil }
        var parts = nameWords.filter { !isWord($0, .keyFiller) && !isWord($0, .article) }.map(lowercaseWord)
        // "Ministry of Foreign Affairs" is the "foreign ministry", "Office of the Prime Minister" the
        // "Prime Minister's Office".
        if parts.count >= 3, isWord(words.lowerBound, .agencyHead), isWord(words.lowerBound + 1, .genitive) {
            parts = Array(parts[2...]) + [parts[0]]
        }
        return parts.joined(separator: " ")
    }
}
