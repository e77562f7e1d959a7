import KnowledgeGraph

/// Merges candidate mentions into the entities of one article: one entity per actor.
package struct EntityResolver {
    /// How titles are compared.
    let keys: NameKeys

    init(keys: NameKeys) {
        self.keys = keys
    }

    /// How many of the latest people, bodies and organizations a name is compared with: a name
    /// is matched against the actors before it, and an article of many thousands of names would
    /// otherwise take time with the square of their number. The most any article of the
    /// evaluation corpora names is 28 people and 8 organizations.
    static let lookBack = 64

    private var entities: [ArticleEntity] = []
    private var keyed = KeyIndex()
    /// Generic bodies by key alone, for "Foreign Ministry" without a country.
    private var genericByName: [String: [Int]] = [:]
    /// By entity index (these and `personTitles` grow with `entities`): the name parts of people,
    /// as written (for the display name) and as compared (`NameKeys.matchParts`).
    private var personParts: [[String]?] = []
    private var personKeys: [[String]?] = []
    /// Per entity, a bit for each of its name parts (`partBits`): a person shares no part with a
    /// name whose bits miss all of these, and needs no comparison.
    private var personPartBits: [UInt64] = []
    /// Persons in order of their latest mention, most recent last.
    private var personRecency = RecencyList()
    private var personTitles: [[(title: String, country: String?)]] = []
    private var singleNames: Set<String> = []
    /// By entity index: the name in lowercase (kept with the name, which changes), and the
    /// generic key of a lexicon agency's name.
    private var lowercaseNames: [String] = []
    private var lexiconKeys: [String?] = []
    /// Per lexicon agency of a country, the key of the name the article first wrote it by, its
    /// first word aside ("commerce ministry" of MOFCOM written "the Chinese Ministry of Commerce").
    private var writtenKeys: [String?] = []
    /// Agencies and organizations, in order of creation.
    private var bodyOrder: [Int] = []
    /// Organizations, in order of creation.
    private var organizationOrder: [Int] = []
    /// People's nicknames ("jokowi"), by the lowercase nickname.
    private var nicknames: [String: Int] = [:]
    /// By entity index: the country a body belongs to, as its key or the lexicon states it.
    private var bodyCountries: [String?] = []
    /// By entity index: the generic key of a body named generically ("armed forces").
    private var bodyKeys: [String?] = []
    /// By entity index: the generic key a body was named by, also when the lexicon knows it.
    private var genericNames: [String?] = []
    /// By entity index: whether a name of the body holds its country ("Chinese Foreign Ministry").
    private var namedWithCountry: [Bool] = []
    /// By entity index: the words a body's first name is compared by (`comparedBodyWords`), and the
    /// country its name or the lexicon gives it; nil for people and countries.
    private var bodyWords: [[String]?] = []
    private var bodyWordCountries: [String?] = []
    /// The start token of each sentence, in order, and the countries each sentence names.
    private var sentenceStarts: [Int] = []
    private var sentenceCountries: [[String]] = []
    /// By entity: the sentence of a country-less generic body's first mention ("the foreign
    /// ministry said" in a sentence about Niger's junta).
    private var ownerlessSentences: [Int: Int] = [:]

    /// `sentences` are the token ranges of the article's sentences, in order; without them a
    /// body's own sentence gives it no evidence.
    mutating func resolve(_ candidates: [Candidate], sentences: [Range<Int>] = []) -> ([Mention], [ArticleEntity]) {
        readSentenceCountries(candidates, sentences: sentences)
        // A name used alone elsewhere ("Harmon said") shows that "Dale Harmon" is a person.
        // Candidates are large: the loops read them in place rather than copy each one.
        for index in candidates.indices where candidates[index].vouchesForSurname {
            guard let name = keys.matchParts(candidates[index].nameParts).last else { continue }
            singleNames.insert(name)
        }
        var assigned = [Int?](repeating: nil, count: candidates.count)
        keyed.reserveCapacity(candidates.count)
        // An entity per candidate at most: the per-entity arrays are sized once.
        entities.reserveCapacity(candidates.count)
        personParts.reserveCapacity(candidates.count)
        personKeys.reserveCapacity(candidates.count)
        personPartBits.reserveCapacity(candidates.count)
        personTitles.reserveCapacity(candidates.count)
        lowercaseNames.reserveCapacity(candidates.count)
        lexiconKeys.reserveCapacity(candidates.count)
        writtenKeys.reserveCapacity(candidates.count)
        bodyCountries.reserveCapacity(candidates.count)
        bodyKeys.reserveCapacity(candidates.count)
        genericNames.reserveCapacity(candidates.count)
        namedWithCountry.reserveCapacity(candidates.count)
        bodyWords.reserveCapacity(candidates.count)
        bodyWordCountries.reserveCapacity(candidates.count)
        for index in candidates.indices where candidates[index].kind == .name {
            assigned[index] = resolveName(at: index, in: candidates)
            if let entity = assigned[index], let owner = candidates[index].owner,
                candidates[index].phrase.contains(candidates[owner].tokens.lowerBound)
            {
                namedWithCountry[entity] = true
            }
        }
        for index in candidates.indices where candidates[index].kind == .title {
            guard case .titleReference(let title, let country) = candidates[index].key else { continue }
            assigned[index] = personWithTitle(title, country: country)
            if let person = assigned[index] { touch(person) }
        }
        for index in candidates.indices where candidates[index].kind == .weak {
            assigned[index] = keyed[candidates[index].key]
        }
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        // Most aliases repeat: they are gathered per entity without hashing, then sorted once.
        var aliasLists = [[String]](repeating: [], count: entities.count)
        for index in candidates.indices {
            guard let entity = assigned[index] else { continue }
            var ownerEntity = candidates[index].owner.flatMap { assigned[$0] }
            if ownerEntity == entity { ownerEntity = nil }
            mentions.append(Mention(tokens: candidates[index].tokens, phrase: candidates[index].phrase, kind: candidates[index].kind,
                                    type: entities[entity].type, entity: entity, owner: ownerEntity,
                                    title: candidates[index].title, titleTarget: candidates[index].titleTarget,
                                    appositionBody: candidates[index].appositionBody.flatMap { assigned[$0] }))
            if candidates[index].kind != .weak {
                entities[entity].mentionCount += 1
                for alias in candidates[index].aliases where !alias.isEmpty && !aliasLists[entity].contains(alias) {
                    // Room for a few names at once rather than one more each time.
                    if aliasLists[entity].isEmpty { aliasLists[entity].reserveCapacity(4) }
                    aliasLists[entity].append(alias)
                }
            }
        }
        for entity in aliasLists.indices where !aliasLists[entity].isEmpty {
            // Sorted in place: the entity then shares the list's storage.
            aliasLists[entity].sort()
            entities[entity].aliases = aliasLists[entity]
        }
        mentions.sort { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
        for (entity, parts) in personParts.enumerated() {
            guard let parts else { continue }
            entities[entity].name = EntityResolver.displayName(parts: parts, aliases: entities[entity].aliases)
        }
        for entity in entities.indices where bodyKeys[entity] != nil && !namedWithCountry[entity] {
            if let country = bodyCountries[entity] { qualify(entity, by: country) }
        }
        return (mentions, entities)
    }

    /// A body named by its kind alone ("Ministry of Foreign Affairs") keeps its country in its name
    /// once the article states it, so bodies of different countries never share a name in a store
    /// of many articles: the longest name the article gives that holds more than the bare one
    /// ("Chinese Ministry of Foreign Affairs"), or "China's Ministry of Foreign Affairs".
    private mutating func qualify(_ entity: Int, by country: String) {
        let name = entities[entity].name
        guard !name.contains(country) else { return }
        if let fuller = entities[entity].aliases.filter({ $0.hasSuffix(name) && $0.count > name.count }).max(by: { $0.count < $1.count }) {
            entities[entity].name = fuller
        } else if !entities[entity].aliases.contains(where: { $0.count > name.count && $0.hasSuffix(" " + name.split(separator: " ").last!) }) {
            entities[entity].name = "\(country)'s \(name)"
        }
        if !entities[entity].aliases.contains(name) {
            entities[entity].aliases.append(name)
            entities[entity].aliases.sort()
        }
    }

    /// Candidates are passed by index throughout: a copy of one retains all its strings.
    /// `compared` is the body's compared words and country when the caller already has them.
    private mutating func newEntity(_ index: Int, in candidates: [Candidate], compared: ComparedBody? = nil) -> Int {
        entities.append(ArticleEntity(name: candidates[index].name, type: candidates[index].type, aliases: [],
                                      mentionCount: 0, knownCountry: candidates[index].knownCountry,
                                      lexiconName: candidates[index].lexiconName))
        personParts.append(nil)
        personKeys.append(nil)
        let entity = entities.count - 1
        lowercaseNames.append(candidates[index].name.lowercased())
        lexiconKeys.append(candidates[index].type == .agency ? candidates[index].lexiconName.map(keys.genericKey) : nil)
        if candidates[index].type == .agency && candidates[index].lexiconName != nil && candidates[index].knownCountry != nil {
            // The written name without its first word, the country's ("Chinese").
            let written = candidates[index].aliases.first(where: { _ in true }) ?? candidates[index].name
            writtenKeys.append(written.split(separator: " ", maxSplits: 1).dropFirst().first.map { keys.genericKey(String($0)) })
        } else {
            writtenKeys.append(nil)
        }
        if candidates[index].type == .agency || candidates[index].type == .organization { bodyOrder.append(entity) }
        if candidates[index].type == .organization { organizationOrder.append(entity) }
        bodyCountries.append(candidates[index].knownCountry)
        bodyKeys.append(nil)
        genericNames.append(candidates[index].genericName)
        namedWithCountry.append(false)
        if let body = compared ?? comparedBody(at: index, in: candidates) {
            bodyWords.append(body.words)
            bodyWordCountries.append(body.country)
        } else {
            bodyWords.append(nil)
            bodyWordCountries.append(nil)
        }
        personPartBits.append(0)
        personTitles.append([])
        return entities.count - 1
    }

    private mutating func resolveName(at index: Int, in candidates: [Candidate]) -> Int? {
        let key = candidates[index].key
        switch key {
        case .person:
            return resolvePerson(at: index, in: candidates)
        case .generic(let name, let country):
            if let existing = keyed[key] { return existing }
            let sameName = genericByName[name] ?? []
            if country == nil, let latest = sameName.last { return latest }
            // "the foreign ministry" after "Pakistan's Foreign Ministry", "the Ministry of Commerce"
            // after "the Chinese Ministry of Commerce": a body the lexicon knows.
            if country == nil, let known = EntityResolver.latest(in: bodyOrder, where: { entity in
                lexiconKeys[entity] == name || writtenKeys[entity].map { keys.key($0, hasHead: name) } ?? false
            }) {
                keyed[key] = known
                return known
            }
            // A bare head ("the Ministry said", "the Polish Ministry") is the latest body of that
            // kind (of that country), or nobody.
            // (A head alone may have a key of two words: "Army" has "armed forces".)
            if !name.utf8.contains(0x20) || (candidates[index].tokens.count == 1 && candidates[index].phrase == candidates[index].tokens) {
                if country == nil { return latestBody(withHead: name) }
                if let latest = latestBody(withHead: name, country: country) { return latest }
            }
            // "Sudan's army" is the "Sudanese Armed Forces" the lexicon knows.
            if let country, let known = lexiconBody(withKey: name, country: country) {
                keyed[key] = known
                return known
            }
            // "the Judiciary Committee" after "the Senate Judiciary Committee".
            if country == nil, name.utf8.contains(0x20),
                let fuller = EntityResolver.latest(in: bodyOrder, where: { entity in
                    if let generic = genericNames[entity], generic == name || generic.hasSuffix(" " + name) { return true }
                    return (bodyKeys[entity] ?? lexiconKeys[entity])?.hasSuffix(" " + name) ?? false
                })
            {
                keyed[key] = fuller
                return fuller
            }
            // A country-less "Foreign Ministry" seen earlier is the same body once a country is
            // stated, and only for that one country, unless its own sentence names another
            // country ("Niger's junta ordered ..., the foreign ministry said" before "the French
            // foreign ministry"): then it is that other country's, and no variant of this one.
            var otherCountryBody: Int?
            if let country, let ownerless = keyed[.generic(name, country: nil)] {
                if namesOtherCountry(than: country, sentenceOf: ownerless) {
                    otherCountryBody = ownerless
                } else {
                    keyed[.generic(name, country: nil)] = nil
                    keyed[.generic(name, country: country)] = ownerless
                    if entities[ownerless].name.count < candidates[index].name.count { rename(ownerless, candidates[index].name) }
                    return ownerless
                }
            }
            let compared = comparedBody(at: index, in: candidates)
            if let variant = bodyNamedVariantly(compared, type: candidates[index].type, excluding: otherCountryBody) {
                keyed[key] = variant
                return variant
            }
            let entity = newEntity(index, in: candidates, compared: compared)
            keyed[key] = entity
            bodyCountries[entity] = country
            bodyKeys[entity] = name
            if country == nil, let sentence = sentence(of: candidates[index].tokens.lowerBound) { ownerlessSentences[entity] = sentence }
            genericByName[name, default: []].append(entity)
            return entity
        case .country, .body, .organization:
            if let existing = keyed[key] {
                if case .organization = key, entities[existing].name.count < candidates[index].name.count {
                    rename(existing, candidates[index].name)
                }
                return existing
            }
            if case .organization(let name) = key, let known = organization(shortening: name) {
                // "the Communist Party" after "the Communist Party of China", "Seagate Technology"
                // and "Seagate Technology LLC".
                if entities[known].name.count < candidates[index].name.count && entities[known].lexiconName == nil {
                    rename(known, candidates[index].name)
                }
                keyed[key] = known
                return known
            }
            if case .body = key, let shorter = organizationShortForm(ofLexiconBody: index, in: candidates) {
                // "the Communist Party's talking points" before "the CCP": the order of the two
                // names must not decide whether they are one ("the Communist Party" after "the
                // CCP" already joins it through `organization(shortening:)`).
                rename(shorter, candidates[index].name)
                lowercaseNames[shorter] = candidates[index].name.lowercased()
                entities[shorter].lexiconName = candidates[index].lexiconName
                entities[shorter].knownCountry = entities[shorter].knownCountry ?? candidates[index].knownCountry
                bodyCountries[shorter] = bodyCountries[shorter] ?? candidates[index].knownCountry
                keyed[key] = shorter
                return shorter
            }
            if case .body(let name) = key, let country = candidates[index].knownCountry {
                let generic = keys.genericKey(name)
                if let same = genericBody(withKey: generic, country: country) {
                    keyed[key] = same
                    return same
                }
                // A bare "Congress" in an article about "the Peruvian Congress" is that one, not the
                // lexicon's body of another country.
                if candidates[index].owner == nil,
                    let other = EntityResolver.latest(in: bodyOrder, where: { bodyKeys[$0] != nil && bodyCountries[$0] != nil && bodyCountries[$0] != country
                        && keys.key(bodyKeys[$0]!, hasHead: generic) })
                {
                    return other
                }
            }
            // A country is no other body's variant.
            let compared: ComparedBody?
            if case .country = key { compared = nil } else { compared = comparedBody(at: index, in: candidates) }
            if let variant = bodyNamedVariantly(compared, type: candidates[index].type) {
                keyed[key] = variant
                return variant
            }
            let entity = newEntity(index, in: candidates, compared: compared)
            keyed[key] = entity
            return entity
        case .titleReference:
            return nil
        }
    }

    private mutating func rename(_ entity: Int, _ name: String) {
        entities[entity].name = name
        lowercaseNames[entity] = name.lowercased()
    }

    private func latestBody(withHead head: String) -> Int? {
        EntityResolver.latest(in: bodyOrder) { hasHead($0, head) }
    }

    private func latestBody(withHead head: String, country: String?) -> Int? {
        EntityResolver.latest(in: bodyOrder) { bodyCountries[$0] == country && hasHead($0, head) }
    }

    private func hasHead(_ entity: Int, _ head: String) -> Bool {
        lowercaseNames[entity].hasSuffix(head) || (bodyKeys[entity]?.hasSuffix(head) ?? false)
    }

    /// A lexicon body of the country whose name has this generic key.
    private func lexiconBody(withKey key: String, country: String) -> Int? {
        EntityResolver.latest(in: bodyOrder) { entity in bodyCountries[entity] == country && lexiconKeys[entity] == key }
    }

    /// A body of the country named generically ("Sudan's army") with this key.
    private func genericBody(withKey key: String, country: String) -> Int? {
        (genericByName[key] ?? []).last { bodyCountries[$0] == country }
    }

    /// An earlier body of the same type and country that this candidate's name writes another way:
    /// "Prosecutor's Office" and "Russia's Prosecutor General's Office" after "the Russian
    /// Prosecutor's General Office", "Supreme Federal Court" after "Supreme Court" (`isVariant`).
    private func bodyNamedVariantly(_ compared: ComparedBody?, type: EntityType, excluding excluded: Int? = nil) -> Int? {
        guard let compared, compared.words.count >= 2 else { return nil }
        let words = compared.words
        let country = compared.country
        return EntityResolver.latest(in: bodyOrder) { entity in
            guard entity != excluded, entities[entity].type == type, let known = bodyWords[entity] else { return false }
            if let country, let other = bodyWordCountries[entity], other != country { return false }
            return isVariant(words, of: known) || isVariant(known, of: words)
        }
    }

    /// The countries each sentence names by a country's name or word ("Niger's", "French").
    private mutating func readSentenceCountries(_ candidates: [Candidate], sentences: [Range<Int>]) {
        sentenceStarts = sentences.map(\.lowerBound)
        sentenceCountries = [[String]](repeating: [], count: sentences.count)
        for index in candidates.indices where candidates[index].kind == .name {
            guard case .country(let country) = candidates[index].key,
                let sentence = sentence(of: candidates[index].tokens.lowerBound),
                !sentenceCountries[sentence].contains(country)
            else { continue }
            sentenceCountries[sentence].append(country)
        }
    }

    /// The index of the sentence holding a token, if the sentences are known.
    private func sentence(of token: Int) -> Int? {
        var low = 0
        var high = sentenceStarts.count
        while low < high {
            let middle = (low + high) / 2
            if sentenceStarts[middle] <= token { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// Whether the sentence of a country-less body's first mention names a country other than this one.
    private func namesOtherCountry(than country: String, sentenceOf entity: Int) -> Bool {
        guard let sentence = ownerlessSentences[entity] else { return false }
        return sentenceCountries[sentence].contains { $0 != country }
    }

    /// What a body's name is compared by: its words (`comparedBodyWords`) and the country it states.
    typealias ComparedBody = (words: [String], country: String?)

    /// The compared words and country of an agency's or organization's candidate; nil for people
    /// and countries.
    private func comparedBody(at index: Int, in candidates: [Candidate]) -> ComparedBody? {
        let type = candidates[index].type
        guard type == .agency || type == .organization else { return nil }
        return (comparedBodyWords(at: index, in: candidates), statedCountry(at: index, in: candidates))
    }

    /// The country a body's candidate names (its owner) or the lexicon gives it.
    private func statedCountry(at index: Int, in candidates: [Candidate]) -> String? {
        if let owner = candidates[index].owner, case .country(let name) = candidates[owner].key { return name }
        return candidates[index].knownCountry
    }

    /// The words a body's name is compared by: lowercase, without possessive marks, the key's
    /// fillers ("the"), or the country its owner writes before it ("Russian",
    /// "Russia's").
    private func comparedBodyWords(at index: Int, in candidates: [Candidate]) -> [String] {
        func words(_ name: String) -> [String] {
            EntityResolver.asciiComparedWords(name) ?? EntityResolver.comparedWordsByCharacters(name)
        }
        var name = words(candidates[index].name)
        if let owner = candidates[index].owner, case .country = candidates[owner].key {
            for alias in candidates[owner].aliases {
                let country = words(alias)
                if name.count > country.count, name.starts(with: country) {
                    name.removeFirst(country.count)
                    break
                }
            }
        }
        return name.filter { !keys.isFiller($0) }
    }

    /// The words `comparedBodyWords` compares a name by: lowercased, the right quote as an
    /// apostrophe, split on spaces (no empty word), a last "'s" or "'" dropped from each.
    package static func comparedWordsByCharacters(_ name: String) -> [String] {
        name.lowercased().replacingApostrophes().splitOnSpaces().map { word in
            var word = word
            if word.hasSuffix("'s") { word = word.dropLast(2) } else if word.hasSuffix("'") { word = word.dropLast() }
            return String(word)
        }
    }

    /// `comparedWordsByCharacters` of an ASCII name, read byte by byte (most names: several times
    /// faster). Nil for any other name.
    package static func asciiComparedWords(_ name: String) -> [String]? {
        var name = name
        return name.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            var start = 0
            func addWord(_ end: Int) {
                guard end > start else { return }
                var last = end
                if last - start >= 2, bytes[last - 2] == UInt8(ascii: "'"), bytes[last - 1] == UInt8(ascii: "s")
                    || bytes[last - 1] == UInt8(ascii: "S")
                {
                    last -= 2
                } else if bytes[last - 1] == UInt8(ascii: "'") {
                    last -= 1
                }
                words.append(String(unsafeUninitializedCapacity: last - start) { buffer in
                    for index in start..<last {
                        let byte = bytes[index]
                        buffer[index - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return last - start
                })
            }
            for index in bytes.indices where bytes[index] == 0x20 {
                addWord(index)
                start = index + 1
            }
            addWord(bytes.count)
            return words
        }
    }

    /// Whether `short` writes the body `long` names another way: the end of it, three words or more,
    /// with no "of" before them in `long` ("al qaeda sanctions committee" of "unsc isil and al qaida
    /// sanctions committee", but not "council" of "committee of the council"), or, "of" aside, its
    /// first and last word with at most one more between ("supreme court" of "supreme federal
    /// court"). Words compare as name parts do, so one slip or transliteration passes.
    private func isVariant(_ short: [String], of long: [String]) -> Bool {
        guard short.count >= 2, short.count <= long.count, EntityResolver.isSamePart(short.last!, long.last!) else { return false }
        if short.count >= 3, zip(short.reversed(), long.reversed()).allSatisfy(EntityResolver.isSamePart),
            !long.dropLast(short.count).contains(where: keys.isGenitive)
        {
            return true
        }
        let short = short.filter { !keys.isGenitive($0) }
        let long = long.filter { !keys.isGenitive($0) }
        guard short.count >= 2, short.count <= long.count, long.count - short.count <= 1,
            EntityResolver.isSamePart(short[0], long[0])
        else { return false }
        var next = 0
        for word in long where next < short.count && EntityResolver.isSamePart(word, short[next]) { next += 1 }
        return next == short.count
    }

    /// The organization a shorter or longer name of it stands for: the name before "of"
    /// ("Communist Party" of "Communist Party of China"), the first word of a longer name
    /// ("Seagate" of "Seagate Technology"), or the same name with more after "of".
    private func organization(shortening name: String) -> Int? {
        EntityResolver.latest(in: organizationOrder) { entity in
            let known = lowercaseNames[entity]
            return EntityResolver.isShortForm(name, of: known) || EntityResolver.isShortForm(known, of: name)
        }
    }

    /// An organization named earlier by a short form of the name of the lexicon's organization at
    /// `index` ("Communist Party" of "Communist Party of China"), not itself one the lexicon knows.
    private func organizationShortForm(ofLexiconBody index: Int, in candidates: [Candidate]) -> Int? {
        guard candidates[index].type == .organization, candidates[index].lexiconName != nil else { return nil }
        let name = candidates[index].name.lowercased()
        return EntityResolver.latest(in: organizationOrder) { entity in
            entities[entity].lexiconName == nil && EntityResolver.isShortForm(lowercaseNames[entity], of: name)
        }
    }

    private static func isShortForm(_ short: String, of long: String) -> Bool {
        if let ascii = isASCIIShortForm(short, of: long) { return ascii }
        guard long.count > short.count, long.hasPrefix(short) else { return false }
        let rest = long.dropFirst(short.count)
        if rest.hasPrefix(" of ") { return true }
        // A single word that opens a longer name.
        return rest.hasPrefix(" ") && !short.utf8.contains(0x20) && short.utf8.count >= 4
    }

    /// `isShortForm` over bytes, where characters are bytes: both names ASCII with no carriage
    /// return (which joins the line feed after it into one character). Counting characters cost
    /// more than the rest of resolving an organization. Nil for other names.
    private static func isASCIIShortForm(_ short: String, of long: String) -> Bool? {
        var short = short
        var long = long
        return short.withUTF8 { short in
            long.withUTF8 { long -> Bool? in
                func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
                guard isPlain(short), isPlain(long) else { return nil }
                guard long.count > short.count, long.starts(with: short) else { return false }
                let rest = long[short.count...]
                if rest.starts(with: " of ".utf8) { return true }
                return rest.first == 0x20 && !short.contains(0x20) && short.count >= 4
            }
        }
    }

    private mutating func resolvePerson(at index: Int, in candidates: [Candidate]) -> Int? {
        let parts = candidates[index].nameParts
        guard !parts.isEmpty else { return nil }
        // "Seagate said", "Rodong Sinmun accused": an organization's name or first word is no person.
        if candidates[index].title == nil, parts.count <= 3, !organizationOrder.isEmpty {
            let joined = parts.count == 1 ? parts[0] : parts.joined(separator: " ")
            if let company = organization(shortening: joined) ?? organization(named: joined) { return company }
        }
        let compared = keys.matchParts(parts)
        var match: Int?
        // "President Jokowi" after "Joko “Jokowi” Widodo".
        if compared.count == 1, let known = nicknames[compared[0]] { match = known }
        let canExtend = candidates[index].canStartEntity
        // Known names are passed straight from the array: bound to a local, each would be retained.
        let bits = EntityResolver.partBits(compared)
        if match == nil {
            match = personRecency.latest(within: EntityResolver.lookBack) { person in
                personPartBits[person] & bits != 0
                    && EntityResolver.isSamePerson(personKeys[person], compared, canExtend: canExtend, patronymics: keys.patronymics)
            }
        }
        let person: Int
        if let match {
            person = match
            if parts.count > personParts[match]!.count {
                personParts[match] = parts
            }
            if compared.count > personKeys[match]!.count {
                personKeys[match] = compared
                personPartBits[match] = bits
            }
        } else if candidates[index].inHeadline, let known = personRecency.latest(within: EntityResolver.lookBack, where: { person in
            guard let key = personKeys[person], key.count < compared.count else { return false }
            return Array(compared.suffix(key.count)) == key
        }) {
            // "Treasury Sanctions Milorad Dodik": a headline's words before a known name are no
            // part of it.
            touch(known)
            return known
        } else {
            guard candidates[index].canStartEntity
                || (parts.count >= 2 && parts.count <= 3 && singleNames.contains(compared.last!))
                || (candidates[index].startsIfVouched && singleNames.contains(compared.last!))
            else { return nil }
            person = newEntity(index, in: candidates)
            personParts[person] = parts
            personKeys[person] = compared
            personPartBits[person] = bits
        }
        if let nickname = candidates[index].nickname { nicknames[nickname] = person }
        if let title = candidates[index].title {
            var country: String?
            if let owner = candidates[index].owner, case .country(let name) = candidates[owner].key { country = name }
            let held = (title: keys.normalizedTitle(lowercased: title.lowercased()), country: country)
            // Each title once: a person named with it again and again holds it once.
            if !personTitles[person].contains(where: { $0.title == held.title && $0.country == held.country }) {
                personTitles[person].append(held)
            }
        }
        touch(person)
        return person
    }

    private mutating func touch(_ person: Int) {
        personRecency.touch(person)
    }

    /// The latest of `order`'s last `lookBack` entities that `predicate` accepts.
    private static func latest(in order: [Int], where predicate: (Int) -> Bool) -> Int? {
        order[max(0, order.count - lookBack)...].last(where: predicate)
    }

    private func organization(named name: String) -> Int? {
        EntityResolver.latest(in: organizationOrder) { lowercaseNames[$0] == name }
    }

    private func personWithTitle(_ title: String, country: String?) -> Int? {
        personRecency.latest(within: EntityResolver.lookBack) { person in
            personTitles[person].contains { held in
                (held.title == title || held.title.hasSuffix(" " + title)) && (country == nil || held.country == nil || held.country == country)
            }
        }
    }

    /// Whether `parts` name the person known by `known`: a part of the name, the same first and
    /// last name around another middle, or (`canExtend`) a fuller name. In a headline,
    /// "Blinken Meets Wang Yi" is not Wang Yi's full name, so only a sure name may extend one.
    /// A name that starts after a patronymic ("Salman" in "Mohammed bin Salman") is the father's.
    private static func isSamePerson(_ known: [String]?, _ parts: [String], canExtend: Bool, patronymics: Set<String>) -> Bool {
        guard let known else { return false }
        let middleName = known.count >= 2 && parts.count >= 2 && known.first == parts.first
            && isSamePart(known.last!, parts.last!)
        // "Horacio Cartes" and "Horacio Manuel Cartes Jara": the same given name, and the
        // shorter name's parts in order within the longer one.
        let fuller = known.count >= 2 && parts.count >= 2 && known.first == parts.first
            && (isSubsequence(known, of: parts) && canExtend || isSubsequence(parts, of: known))
        return contains(known, parts, patronymics: patronymics) || middleName || fuller
            || (canExtend && contains(parts, known, patronymics: patronymics))
    }

    private static func isSubsequence(_ short: [String], of long: [String]) -> Bool {
        guard short.count < long.count else { return false }
        var next = 0
        for part in long where next < short.count && part == short[next] { next += 1 }
        return next == short.count
    }

    /// One bit per part, chosen by its first byte, which spelling variants of a part share.
    private static func partBits(_ parts: [String]) -> UInt64 {
        var bits: UInt64 = 0
        for part in parts { bits |= 1 << (UInt64(part.utf8.first ?? 0) & 63) }
        return bits
    }

    /// True when `needle` appears in `haystack` as consecutive parts, spelled the same or as
    /// variants (`isSamePart`), with at least one part spelled the same when there are several.
    /// A needle that starts right after a patronymic in the haystack names the father, not the person.
    static func contains(_ haystack: [String], _ needle: [String], patronymics: Set<String> = []) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            if start > 0 && !patronymics.isEmpty && patronymics.contains(haystack[start - 1]) && !patronymics.contains(needle[0]) {
                continue
            }
            var exact = 0
            var matches = true
            for offset in needle.indices {
                let known = haystack[start + offset]
                if known == needle[offset] {
                    exact += 1
                } else if !isSamePart(known, needle[offset]) {
                    matches = false
                    break
                }
            }
            // A lone part may differ by a letter left out or added ("Menedez"), not by a changed
            // one: "Mohamud" and "Mohamed" are two names.
            if matches && (exact > 0
                || (needle.count == 1 && needle[0].utf8.count >= 6 && needle[0].utf8.count != haystack[start].utf8.count))
            {
                return true
            }
        }
        return false
    }

    /// Two spellings of one name part: the same, or one edit apart when both are long enough for
    /// a slip or a transliteration to show ("Sergei" and "Sergey", "Zelensky" and "Zelenskyy",
    /// "Menendez" misspelled "Menedez").
    static func isSamePart(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        // Most pairs differ in length or first letter: no copies for them.
        let firstCount = first.utf8.count
        let secondCount = second.utf8.count
        guard min(firstCount, secondCount) >= 5, abs(firstCount - secondCount) <= 1, first.utf8.first == second.utf8.first
        else { return false }
        let a = Array(first.utf8)
        let b = Array(second.utf8)
        guard min(a.count, b.count) >= 5, abs(a.count - b.count) <= 1, a[0] == b[0] else { return false }
        // One substitution, insertion or deletion: skip the common prefix and suffix.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        return a.count - prefix - suffix <= 1 && b.count - prefix - suffix <= 1
    }

    /// The longest alias whose words are the person's name parts.
    package static func displayName(parts: [String], aliases: [String]) -> String {
        displayName(parts: parts, aliases: aliases, comparingASCIIBytes: true)
    }

    /// `displayName`, comparing plain ASCII names byte by byte (the fast path) or, for the
    /// differential tests' general twin, every name through `lowercased()` and Characters.
    package static func displayName(parts: [String], aliases: [String], comparingASCIIBytes: Bool) -> String {
        let partsAreASCII = comparingASCIIBytes && parts.allSatisfy(isPlainASCII)
        // The parts joined by spaces, made only for a name with other characters.
        var joined: String?
        func target() -> String {
            if let joined { return joined }
            let made = parts.joined(separator: " ")
            joined = made
            return made
        }
        var longest: (alias: String, length: Int, ascii: Bool)?
        for alias in aliases {
            // Plain ASCII (nearly every alias) is compared byte by byte, without lowercased copies.
            let ascii = partsAreASCII && isPlainASCII(alias)
            let length = ascii ? alias.utf8.count : alias.count
            guard length > longest?.length ?? -1 else { continue }
            let matches: Bool
            if ascii {
                matches = endsWithWords(alias, parts)
            } else {
                let folded = alias.lowercased().replacingApostrophes()
                matches = folded == target() || folded.hasSuffix(" " + target())
            }
            if matches { longest = (alias, length, ascii) }
        }
        if let longest {
            if longest.ascii {
                let targetLength = parts.reduce(parts.count - 1) { $0 + $1.utf8.count }
                return String(decoding: longest.alias.utf8.suffix(targetLength), as: UTF8.self)
            }
            return String(longest.alias.suffix(target().count))
        }
        return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Printable ASCII only: one Character per byte, and lowercasing is byte folding.
    private static func isPlainASCII(_ string: String) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } ?? false
    }

    /// Whether `alias`, folded to lowercase, is the parts joined by spaces or ends with a space and
    /// them (all plain ASCII, the parts already lowercase).
    private static func endsWithWords(_ alias: String, _ parts: [String]) -> Bool {
        alias.utf8.withContiguousStorageIfAvailable { aliasBytes in
            var end = aliasBytes.count
            for (number, part) in parts.reversed().enumerated() {
                if number > 0 {
                    guard end > 0, aliasBytes[end - 1] == 0x20 else { return false }
                    end -= 1
                }
                let matched = part.utf8.withContiguousStorageIfAvailable { partBytes -> Bool in
                    let start = end - partBytes.count
                    guard start >= 0 else { return false }
                    for offset in 0..<partBytes.count where aliasBytes[start + offset].asciiLowercased != partBytes[offset] {
                        return false
                    }
                    return true
                } ?? false
                guard matched else { return false }
                end -= part.utf8.count
            }
            return end == 0 || aliasBytes[end - 1] == 0x20
        } ?? false
    }
}

/// Entities in the order of their latest mention, most recent last: a list linked through two
/// arrays indexed by entity, so that moving an entity to the end costs the same however many
/// there are.
struct RecencyList {
    private var previous: [Int] = []
    private var next: [Int] = []
    private var listed: [Bool] = []
    /// The most recent entity, or -1.
    private var last = -1

    /// Makes `entity` the most recent.
    mutating func touch(_ entity: Int) {
        if entity >= listed.count {
            let added = entity + 1 - listed.count
            previous += repeatElement(-1, count: added)
            next += repeatElement(-1, count: added)
            listed += repeatElement(false, count: added)
        }
        if listed[entity] {
            if entity == last { return }
            let before = previous[entity]
            let after = next[entity]
            if before >= 0 { next[before] = after }
            previous[after] = before
        }
        listed[entity] = true
        previous[entity] = last
        next[entity] = -1
        if last >= 0 { next[last] = entity }
        last = entity
    }

    /// The most recent entity that `predicate` accepts among the latest `limit`.
    func latest(within limit: Int, where predicate: (Int) -> Bool) -> Int? {
        var entity = last
        var seen = 0
        while entity >= 0 && seen < limit {
            if predicate(entity) { return entity }
            entity = previous[entity]
            seen += 1
        }
        return nil
    }
}
