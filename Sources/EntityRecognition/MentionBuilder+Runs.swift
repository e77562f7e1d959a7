import KnowledgeGraph

/// The fourth stage: runs of capitalized words. A run is a named administration, an acronym the
/// article defined, a body (by its head word), a company, or a person when something says so.
extension MentionBuilder {
    /// A person's title as the run receives it: the text (nil for an honorific), where it points,
    /// and whether it is an honorific.
    typealias RunTitle = (text: String?, target: String?, honorific: Bool)

    /// `owner` and `ownerStart` are the run's owner and where its phrase starts: the scan's owner,
    /// or the owner a title found.
    func handleRun(
        _ range: Range<Int>, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, owner: Int?, ownerStart: Int,
        title: RunTitle?, state: inout ScanState
    ) {
        if let company = organizationAfterBoard(range) {
            // "Chairman of the Board of Directors of Bank Rossiya": a board is no actor of its own,
            // and what has a board of directors is an organization, or the body the lexicon knows
            // ("the Board of Directors of the International Monetary Fund").
            if let (length, category) = lexiconMatch(at: company.lowerBound, end: company.upperBound), length == company.count {
                handleHit(company, category, state: &state)
                return
            }
            let organization = add(Candidate(tokens: company, phrase: company, kind: .name, type: .organization,
                                             key: organizationKey(company), name: string(company)))
            if let acronymEnd = defineAcronym(after: company.upperBound, for: organization) {
                state.skipItems(through: acronymEnd - 1, in: items)
            }
            return
        }
        let surface = string(range)
        if !lexicon.regions.isEmpty, let (region, official) = regionNamed(range, surface: surface) {
            addRegion(range, name: region.name, country: region.country, official: official, state: &state)
            return
        }
        // "Trump's administration", "President Biden’s administration": the leader's administration,
        // and the leader. ("Erdogan's government" is as often the country, and is left alone.)
        if isPossessive(range.upperBound), isLowercaseWord(range.upperBound + 1, .administration),
            !isLowercaseWord(range.upperBound + 1, .governmentNoun), !sentence.isTitleCase
        {
            let phrase = range.lowerBound..<(range.upperBound + 2)
            let lastWord = range.lowerBound + (wordCount(range) > 1 ? lastWordOffset(range) : 0)
            let leader = string(lastWord..<range.upperBound)
            let word = string((range.upperBound + 1)..<phrase.upperBound)
            add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .agency,
                          key: .organization(leader.lowercased() + " administration"), name: leader + " " + word,
                          aliases: Aliases(string(phrase))))
            addPerson(range, surface: surface, owner: owner, ownerStart: ownerStart, title: title)
            state.skipItems(through: range.upperBound + 1, in: items)
            return
        }
        // "Biden administration", "the Maduro regime", "Tamil Nadu government": one body per
        // leader or place, whichever of the words names it.
        if isLowercaseWord(range.upperBound, .administration)
            // "the Federal government", "Central government": no leader and no place.
            && !(range.count == 1 && !classes(range.lowerBound).isDisjoint(with: [.compass, .publicModifier]))
        {
            let phrase = range.lowerBound..<(range.upperBound + 1)
            // "Biden-Harris administration" is the Biden administration; "Donald Trump administration"
            // the Trump administration.
            let lastWord = range.lowerBound + (wordCount(range) > 1 ? lastWordOffset(range) : 0)
            let leader = string(lastWord..<range.upperBound).split(separator: "-").first.map(String.init) ?? surface
            let word = string(range.upperBound..<phrase.upperBound)
            add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .agency,
                          key: .organization(leader.lowercased() + " administration"), name: surface + " " + word,
                          aliases: Aliases(string(phrase))))
            state.skipItems(through: range.upperBound, in: items)
            // "the Habib Bourguiba regime" names Habib Bourguiba too.
            if wordCount(range) > 1 && !sentence.isTitleCase {
                addPerson(range, surface: surface, owner: nil, ownerStart: range.lowerBound, title: nil)
            }
            return
        }
        // "Marco Ferri, also known as Tano Bruni": another name of the one before, which the
        // article may use later on its own.
        if let named = nameKnownAs(range) {
            acronyms[surface] = named
            candidates[named].aliases.append(surface)
            return
        }
        if let existing = acronyms[surface] {
            var candidate = candidates[existing]
            candidate.tokens = range
            candidate.phrase = range
            candidate.aliases = Aliases(surface)
            candidate.owner = owner
            add(candidate)
            return
        }
        if var type = bodyType(range), !(title != nil && isPersonNameWithHeadWord(range)) {
            // Headlines only repeat bodies the article names; their capitals invent none.
            if sentence.isTitleCase { return }
            // "the 27th Brigade": a numbered unit is one of a state's forces.
            if tokens[range.lowerBound].kind == .number { type = .agency }
            // "Ministry of Foreign Affairs Bahram Ghasemi": a body, then the person it speaks through.
            if !isHead(range.upperBound - 1), let name = nameInside(range), name.upperBound == range.upperBound,
                case let body = range.lowerBound..<name.lowerBound, let bodyKind = bodyType(body)
            {
                addBodyThenPerson(body, type: bodyKind, name: name, absorbed: absorbed, owner: owner, ownerStart: ownerStart,
                                  state: &state)
                return
            }
            addBody(range, type: type, absorbed: absorbed, owner: owner, ownerStart: ownerStart, state: &state)
            return
        }
        // "the Swedish Defense Research Agency Asa Scott": a body's name that ends in its head, then
        // the name of a person who speaks for it.
        if !sentence.isTitleCase, let name = nameInside(range), name.upperBound == range.upperBound,
            case let body = range.lowerBound..<name.lowerBound, isHead(body.upperBound - 1), let bodyKind = bodyType(body)
        {
            addBodyThenPerson(body, type: bodyKind, name: name, absorbed: absorbed, owner: owner, ownerStart: ownerStart,
                              state: &state)
            return
        }
        // "state-owned Rosneft", "state-run Petrobras": a company.
        if range.lowerBound >= 3, isMark(range.lowerBound - 2, "-"), isWord(range.lowerBound - 3, .stateNoun),
            classes(range.lowerBound - 1).contains(.stateOwnership), !classes(range.lowerBound).contains(.givenName)
        {
            add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization, key: organizationKey(range), name: surface))
            return
        }
        // "Harland & Wolff": two names an ampersand joins are a firm's, never one person's.
        if title == nil, !sentence.isTitleCase, isFirmOfTwoNames(range) {
            add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization, key: organizationKey(range), name: surface))
            return
        }
        // "the 300 Kalba gang", "the Distrito 9 gangs", "KR-7": a number is part of a group's name.
        // A number before the name is left out of its key: "the Kalba gang" is the same gang.
        if title == nil, !sentence.isTitleCase, let named = numberedOrganization(range) {
            let key = organizationKey(named.lowerBound < range.lowerBound ? range : named)
            add(Candidate(tokens: named, phrase: named, kind: .name, type: .organization, key: key, name: string(named)))
            return
        }
        // "energy company Gazprom", "news agency SUNA", "the Kaldera company", "ADP party": the noun
        // beside the name says what it names.
        if title == nil, isNamedOrganization(range) {
            add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization, key: organizationKey(range), name: surface))
            return
        }
        // "CPI General Secretary D Raja": an acronym that holds a title is an organization, as
        // is one in parentheses after a person's name ("Lula (PT)").
        if range.count == 1 && tokens[range.lowerBound].isAllCaps {
            let afterPerson = isMark(range.lowerBound - 1, "(") && isMark(range.upperBound, ")")
                && candidates.last.map { $0.type == .person && $0.canStartEntity && $0.tokens.upperBound == range.lowerBound - 1 } ?? false
            if afterPerson {
                add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization, key: organizationKey(range), name: surface))
            }
            return
        }
        // "Lenta.ru", "News.Az": a website.
        if range.count == 1, isWebsite(range.lowerBound) {
            add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization, key: organizationKey(range), name: surface))
            return
        }
        if range.count == 1, let site = websiteDomain(after: range.lowerBound) {
            // The tokenizer cuts "Civil.ge" at its period: the name and its domain are one site.
            let whole = range.lowerBound..<site.upperBound
            add(Candidate(tokens: whole, phrase: whole, kind: .name, type: .organization, key: organizationKey(whole), name: string(whole)))
            return
        }
        // Otherwise a person, when something says so; shouted words ("LETTER TO CONGRESS") are not a name.
        if range.count > 1 && range.allSatisfy({ tokens[$0].isAllCaps || tokens[$0].kind != .word || !tokens[$0].isCapitalized }) {
            return
        }
        addPerson(range, surface: surface, owner: owner, ownerStart: ownerStart, title: title)
    }

    /// A body and, right after it in the same run, the person it speaks through: the person's owner
    /// is the body.
    private func addBodyThenPerson(
        _ body: Range<Int>, type: EntityType, name: Range<Int>, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, owner: Int?,
        ownerStart: Int, state: inout ScanState
    ) {
        addBody(body, type: type, absorbed: absorbed.filter { $0.0.upperBound <= body.upperBound }, owner: owner,
                ownerStart: ownerStart, state: &state)
        let bodyCandidate = candidates.indices.last.flatMap { candidates[$0].tokens == body ? $0 : nil }
        addPerson(name, surface: string(name), owner: bodyCandidate, ownerStart: name.lowerBound, title: nil)
    }

    /// The name after "Board of Directors of" (and an article) inside a run, when a name follows.
    private func organizationAfterBoard(_ range: Range<Int>) -> Range<Int>? {
        guard let board = range.first(where: { tokens[$0].isCapitalized && classes($0).contains(.boardMembers) }),
            isLowercaseWord(board + 1, .genitive)
        else { return nil }
        let start = isWord(board + 2, .article) ? board + 3 : board + 2
        guard start < range.upperBound, tokens[start].isCapitalized || tokens[start].isAllCaps else { return nil }
        return start..<range.upperBound
    }

    /// A country or a body of its own name at the end of a run ("... of Kenya", "... of the Asian
    /// Development Bank"), not a word of the portfolio that a lexicon also knows ("Ministry of
    /// Commerce").
    private func isNamedPlace(_ category: LexiconCategory, _ range: Range<Int>) -> Bool {
        switch category {
        case .country: return true
        case .body: return range.count >= 2 || tokens[range.lowerBound].isAllCaps
        default: return false
        }
    }

    /// A body named by a run with a head word: "Foreign Ministry", "Central Bank of Kenya",
    /// "Board of Governors of the Asian Development Bank", with the country or body that owns it.
    func addBody(
        _ range: Range<Int>, type: EntityType, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, owner: Int?,
        ownerStart: Int, state: inout ScanState
    ) {
        let surface = string(range)
        if let country = governedCountry(range, absorbed: absorbed, owner: owner) {
            // "the Canadian Government", "Government of Nepal": the country itself.
            let phrase = (owner != nil ? ownerStart : range.lowerBound)..<range.upperBound
            var candidate = countryCandidate(range, country)
            candidate.phrase = phrase
            candidate.aliases = Aliases(string(phrase))
            add(candidate)
            return
        }
        var bodyOwner = owner
        var country: String?
        if let owner, case .country(let name) = candidates[owner].key { country = name }
        for (absorbedRange, category) in absorbed {
            if case .country(let name) = category {
                country = name
                bodyOwner = add(countryCandidate(absorbedRange, name))
            } else if case .body(let bodyName, let bodyType, let bodyCountry) = category, bodyOwner == nil,
                absorbedRange.upperBound == range.upperBound,
                // "Ministry of Commerce": a portfolio, though the lexicon knows "Commerce" as a body.
                !absorbedRange.allSatisfy({ classes($0).contains(.trade) || classes($0).contains(.bodyModifier) })
            {
                // "Board of Governors of the Asian Development Bank": part of the named body.
                bodyOwner = add(bodyCandidate(absorbedRange, name: bodyName, type: bodyType, country: bodyCountry))
            }
        }
        if bodyOwner == nil || candidates[bodyOwner!].type == .country,
            let parent = parentBody(of: range, absorbed: absorbed, country: country, countryCandidate: bodyOwner)
        {
            // "Department 53 of the Ministry of the People's Armed Forces": the unit, and the body it
            // belongs to, which the article names by the way.
            bodyOwner = parent
        }
        let phrase = (owner != nil ? ownerStart : range.lowerBound)..<range.upperBound
        var aliases = Aliases(surface)
        if owner != nil && !isPossessive(phrase.lowerBound + 1) { aliases.append(string(phrase)) }
        let adjacentOwner = owner.map { !isPossessive(candidates[$0].tokens.upperBound) } ?? false
        // "ECOWAS Commission" is not the "African Union Commission".
        var generic = lexicon.keys.genericKey(adjacentOwner && candidates[owner!].type != .country ? string(phrase) : surface)
        if let (countryRange, category) = absorbed.last, countryRange.upperBound == range.upperBound,
            isNamedPlace(category, countryRange)
        {
            // "Central Bank of Kenya" is the "Central Bank" of the article.
            var cut = countryRange.lowerBound
            while cut > range.lowerBound, !tokens[cut - 1].isCapitalized { cut -= 1 }
            if cut > range.lowerBound { generic = lexicon.keys.genericKey(string(range.lowerBound..<cut)) }
        }
        // "Chinese Foreign Ministry", "ECOWAS Commission": an adjacent owner is part of the name.
        var name = adjacentOwner ? string(phrase) : surface
        if let owner, !adjacentOwner, case .country(let countryName) = candidates[owner].key {
            // "Japan's Foreign Ministry" keeps its country in the name: ministries of different
            // countries must not merge across articles.
            name = "\(countryName)'s \(surface)"
            aliases.append(string(phrase))
        }
        // A body that belongs to an agency is itself public ("the Ministry's Institute of ...").
        var type = type
        if let bodyOwner, candidates[bodyOwner].type == .agency { type = .agency }
        // "Hezbollah's Central Finance Unit", "Central Committee of the Workers' Party of Korea": a
        // body of an organization is the organization's, whatever its head word.
        if let bodyOwner, candidates[bodyOwner].type == .organization { type = .organization }
        // "Conservative Party Human Rights Commission", "Propaganda Department of the ruling
        // Workers' Party": an organ of a party is the party's, an organization.
        if type == .agency, namesParty(atStartOf: range) || partyFollows(range.upperBound) { type = .organization }
        // "the Iranian Atomic Energy Organization", "National Development Fund of Iran": a country's
        // organization or fund is a body of its state.
        if type == .organization, let bodyOwner, candidates[bodyOwner].type == .country, ownsAsState(bodyOwner, range),
            range.contains(where: { tokens[$0].isCapitalized && classes($0).contains(.stateBodyHead) })
        {
            type = .agency
        }
        let key: EntityKey
        var known: String?
        if type == .organization && range.count == 1 && owner == nil {
            // "the Fund", "the League": a head word alone is the body of that kind named before, or nobody.
            key = .generic(generic, country: nil)
        } else if type == .organization {
            key = organizationKey(range)
        } else {
            (key, known) = genericKey(generic, country: country)
        }
        let candidate = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: type, key: key, name: name,
                                      aliases: aliases, lexiconName: known, knownCountry: known == nil ? nil : country,
                                      owner: bodyOwner, genericName: type == .agency ? generic : nil))
        if let acronymEnd = defineAcronym(after: range.upperBound, for: candidate) {
            state.skipItems(through: acronymEnd - 1, in: items)
        }
    }

    /// Whether a run opens with a party the lexicon knows and goes on to a body of its own:
    /// "Conservative Party Human Rights Commission".
    private func namesParty(atStartOf range: Range<Int>) -> Bool {
        guard let (length, category) = lexiconMatch(at: range.lowerBound, end: range.upperBound), length < range.count,
            case .body(_, .organization, _) = category
        else { return false }
        return isWord(range.lowerBound + length - 1, .partyNoun)
    }

    /// Whether "of the" and a party's name follow `index`, with at most one lowercase word
    /// between ("of the ruling Workers' Party"): the body before is the party's.
    private func partyFollows(_ index: Int) -> Bool {
        guard isLowercaseWord(index, .genitive), isWord(index + 1, .article) else { return false }
        var next = index + 2
        if inSentence(next), tokens[next].kind == .word, !tokens[next].isCapitalized { next += 1 }
        // The party's name: capitalized words (and their possessive marks) up to its party noun.
        var seenName = false
        while inSentence(next), next < index + 8 {
            if tokens[next].kind == .word && tokens[next].isCapitalized {
                if seenName && isWord(next, .partyNoun) { return true }
                seenName = true
            } else if !(seenName && tokens[next].kind != .word && !tokens[next].shape.contains(.spaceBefore)) {
                return false
            }
            next += 1
        }
        return false
    }

    /// The body named after "of the" in a body's name, added as a candidate of its own: "Policy
    /// Office of the Ministry of National Defence" names the ministry too. Both sides need a
    /// head word, and the unit more than its head ("Ministry of the People's Armed Forces" is one
    /// name); a parent the lexicon knows is added already (`absorbed`), and a government is its
    /// country.
    private func parentBody(
        of range: Range<Int>, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, country: String?, countryCandidate: Int?
    ) -> Int? {
        guard range.count >= 5,
            let of = range.dropLast(2).first(where: { isLowercaseWord($0, .genitive) && isLowercaseWord($0 + 1, .article) })
        else { return nil }
        let unit = range.lowerBound..<of
        let parent = (of + 2)..<range.upperBound
        // "of the Central People's Government": a government is its country's, which the article names.
        guard unit.count >= 2, bodyType(unit) != nil, parent.count >= 2, tokens[parent.lowerBound].isCapitalized,
            !isWord(parent.upperBound - 1, .governmentNoun), let type = bodyType(parent),
            !absorbed.contains(where: { $0.0.lowerBound == parent.lowerBound })
        else { return nil }
        let surface = string(parent)
        var generic = lexicon.keys.genericKey(surface)
        if let (countryRange, category) = absorbed.last, countryRange.upperBound == range.upperBound,
            countryRange.lowerBound > parent.lowerBound, isNamedPlace(category, countryRange)
        {
            // "Ministry of Foreign Affairs of China" is the article's "Ministry of Foreign Affairs".
            var cut = countryRange.lowerBound
            while cut > parent.lowerBound, !tokens[cut - 1].isCapitalized { cut -= 1 }
            if cut > parent.lowerBound { generic = lexicon.keys.genericKey(string(parent.lowerBound..<cut)) }
        }
        let key: EntityKey
        var known: String?
        if type == .organization {
            key = organizationKey(parent)
        } else {
            (key, known) = genericKey(generic, country: country)
        }
        return add(Candidate(tokens: parent, phrase: parent, kind: .name, type: type, key: key, name: surface,
                             aliases: Aliases(surface), lexiconName: known, knownCountry: known == nil ? nil : country,
                             owner: countryCandidate, genericName: type == .agency ? generic : nil))
    }

    /// A run that a lowercase organization noun stands next to: "defence manufacturer Kronshtadt",
    /// "state news agency SUNA", "the Kaldera company", "the New Eurasia think tank".
    private func isNamedOrganization(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        if before >= sentence.tokens.lowerBound && isLowercaseWord(before, .organizationNoun) { return true }
        let after = range.upperBound
        guard after < sentence.tokens.upperBound else { return false }
        // "the Kurdish militia", "Asian carriers": an adjective of a people names no organization.
        if range.count == 1 && isPeopleAdjective(range.lowerBound) { return false }
        // "State news agency Wam": a common word opening the sentence is no name.
        if range.count == 1 && !classes(range.lowerBound).subtracting(.lookups).isEmpty { return false }
        if isLowercaseWord(after, .organizationNoun) || isWord(after, .partyNoun) { return true }
        // One word of the organization's trade between: "the New Eurasia think tank", "the Wagner mercenary group".
        if after + 1 < sentence.tokens.upperBound && isLowercaseWord(after, .organizationModifier)
            && isLowercaseWord(after + 1, .organizationNoun)
        {
            return true
        }
        // "the LTTE movement", "SWIFT network": an acronym before any organization head.
        if range.count == 1 && tokens[range.lowerBound].isAllCaps && isLowercaseWord(after, .organizationHead) { return true }
        // The signs below are weaker than a noun beside the name: a person's name is not taken.
        if readsAsPersonName(range) { return false }
        // "Republican leader X": one word the lexicons know only inside longer names ("Republican
        // Party") is an adjective here, not a name; but only a company has a CEO.
        if range.count == 1 && tokens[range.lowerBound].id >= 0 && !tokens[range.lowerBound].isAllCaps {
            return organizationRoleFollows(range, roles: .companyRole)
        }
        if organizationRoleFollows(range) || isReportingOutlet(range) || organizationApposition(after: range) { return true }
        // "its financial firm, Al-Qard al-Hassan", "a new company, Voltara, which": the noun, then
        // the name in apposition (one word before a comma too).
        if isMark(before, ","), before - 1 >= sentence.tokens.lowerBound, isLowercaseWord(before - 1, .organizationNoun) {
            return true
        }
        return false
    }

    /// A group's name that holds a number, told by the lowercase organization noun after it: the
    /// number before the name after an article ("the 300 Kalba gang"), or after it, spaced or
    /// hyphenated ("Distrito 9 gangs", "KR-7"). The noun may also follow a second name joined by
    /// a conjunction ("the KR-7 and Distrito 9 gangs").
    private func numberedOrganization(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        if tokens[lower].kind != .number, lower >= 2, tokens[lower - 1].kind == .number, tokens[lower].shape.contains(.spaceBefore),
            isWord(lower - 2, .article)
        {
            lower -= 1
        } else if isMark(upper, "-"), !tokens[upper].shape.contains(.spaceBefore), inSentence(upper + 1),
            tokens[upper + 1].kind == .number, !tokens[upper + 1].shape.contains(.spaceBefore)
        {
            upper += 2
        } else if inSentence(upper), tokens[upper].kind == .number, tokens[upper].shape.contains(.spaceBefore) {
            upper += 1
        } else {
            return nil
        }
        guard inSentence(upper), !readsAsPersonName(range) else { return nil }
        if isLowercaseWord(upper, .organizationNoun) { return lower..<upper }
        // "the KR-7 and Distrito 9 gangs": a capitalized name and numbers, then the noun.
        guard isLowercaseWord(upper, .conjunction) else { return nil }
        var next = upper + 1
        while inSentence(next), next < upper + 6 {
            let token = tokens[next]
            if token.kind == .word && !token.isCapitalized { return isLowercaseWord(next, .organizationNoun) ? lower..<upper : nil }
            guard token.kind == .number || (token.kind == .word && token.isCapitalized) || token.isMark("-") else { return nil }
            next += 1
        }
        return nil
    }

    /// "Harland & Wolff", "Perez & Sons": one capitalized word on each side of a spaced ampersand,
    /// neither a given name or a person the lexicons know ("Biden & Xi" are two people), nor a
    /// word of the word lists ("Center for Space & Security" joins two portfolio words).
    private func isFirmOfTwoNames(_ range: Range<Int>) -> Bool {
        guard range.count == 3, case let mark = range.lowerBound + 1, isMark(mark, "&"), tokens[mark].shape.contains(.spaceBefore)
        else { return false }
        return [range.lowerBound, range.upperBound - 1].allSatisfy { side in
            tokens[side].kind == .word && tokens[side].isCapitalized && !tokens[side].isAllCaps
                && (tokens[side].id < 0 || classes(side).isEmpty) && !readsAsPersonName(side..<(side + 1))
        }
    }

    /// Whether a run reads as a person's name by its first word (a given name, a family name
    /// written first) or as a whole (a person the lexicons know).
    private func readsAsPersonName(_ range: Range<Int>) -> Bool {
        !classes(range.lowerBound).isDisjoint(with: [.givenName, .familyNameFirst]) || isKnownPerson(range)
    }

    /// "Snap CEO Evan Spiegel", "Fuerza Popular leader Keiko Fujimori": a role an organization
    /// gives, then its holder's name.
    private func organizationRoleFollows(_ range: Range<Int>, roles: WordClass = .organizationRole) -> Bool {
        let after = range.upperBound
        guard let (length, category) = lexiconMatch(at: after, end: sentence.tokens.upperBound),
            case .title(nil, false) = category, classes(after + length - 1).contains(roles)
        else { return false }
        let name = after + length
        return inSentence(name) && tokens[name].kind == .word && tokens[name].isCapitalized && isNameToken(name)
            && !isHead(name)
    }

    /// The candidate that a run names again after "known as": "Marco Ferri, also known as Tano
    /// Bruni", "the Bangla Rifles, now known as the Border Guard" (a quote mark may stand around the
    /// name). The candidate is a person or a body whose name ends right before the cue, or before
    /// a comma and one apposition word ("also", "now") there.
    private func nameKnownAs(_ range: Range<Int>) -> Int? {
        var cursor = range.lowerBound - 1
        if isMark(cursor, "\"") { cursor -= 1 }
        if isLowercaseWord(cursor, .article) { cursor -= 1 }
        guard cursor >= 2, isLowercaseWord(cursor, .aliasCue), isLowercaseWord(cursor - 1, .aliasCue),
            tokens[cursor].id != tokens[cursor - 1].id
        else { return nil }
        cursor -= 2
        if isLowercaseWord(cursor, .appositionOpener) { cursor -= 1 }
        if isMark(cursor, ",") { cursor -= 1 }
        guard cursor >= 0, let last = candidates.indices.last, candidates[last].tokens.upperBound == cursor + 1,
            candidates[last].type != .country, candidates[last].canStartEntity
        else { return nil }
        return last
    }

    /// ", Trend reports", ", Channel 12 reported", "reported by NewsMaker": an outlet reporting.
    private func isReportingOutlet(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        if isMark(before, ","), isLowercaseWord(range.upperBound, .reportVerb) { return true }
        if before >= 1 && isLowercaseWord(before, .byline) && isLowercaseWord(before - 1, .reportVerb) { return true }
        return isQuotedSource(range)
    }

    /// "the source told Kestrelwire.", "according to Vantor,": one unknown word that a source cue
    /// opens and a mark closes is the outlet the words came from. A person is told too, but then
    /// the article has named that person before ("Lavrov told Blinken," after "Antony Blinken").
    private func isQuotedSource(_ range: Range<Int>) -> Bool {
        var cue = range.lowerBound - 1
        if isLowercaseWord(cue, .recipient) { cue -= 1 }
        guard range.count == 1, cue >= sentence.tokens.lowerBound, isLowercaseWord(cue, .sourceCue),
            !sentence.isTitleCase, !isPeopleAdjective(range.lowerBound)
        else { return false }
        let after = range.upperBound
        if inSentence(after) && (tokens[after].kind != .punctuation || isMark(after, "-") || isMark(after, "'")) { return false }
        let word = string(range)
        return !candidates.contains { candidate in
            // A lone word the article names with no sign of a person ("Kestrelwire" alone on the
            // masthead line) is no person yet.
            candidate.type == .person && candidate.canStartEntity && (candidate.name.split(separator: " ").last.map { $0 == word } ?? false)
        }
    }

    /// "Caplugs, an American company specializing in ...", "Kimsuky, a North Korean cyber espionage
    /// group": an apposition whose noun is a kind of organization. A few modifiers may stand before
    /// the noun, but no preposition (", a senior official at the company" is a person's), and no
    /// role after it (", a company spokesman").
    private func organizationApposition(after range: Range<Int>) -> Bool {
        guard isMark(range.upperBound, ","), isLowercaseWord(range.upperBound + 1, .determiner),
            classes(range.upperBound + 1).contains(.appositionOpener)
        else { return false }
        var index = range.upperBound + 2
        let stops: WordClass = [.connector, .locative, .genitive, .placePreposition, .determiner, .headComplement, .recipient,
                                .relativePronoun, .speechVerb]
        while inSentence(index), index < range.upperBound + 8 {
            let token = tokens[index]
            if token.kind == .word && !token.isCapitalized && classes(index).contains(.organizationNoun) {
                let next = index + 1
                guard inSentence(next) else { return true }
                // "the rebels' deputy chief": a possessive noun is no apposition's head.
                if tokens[next].kind != .word { return !isMark(next, "-") && !isMark(next, "'") }
                if let (_, category) = lexiconMatch(at: next, end: sentence.tokens.upperBound), case .title = category { return false }
                return !tokens[next].isCapitalized
            }
            if token.kind == .word && !classes(index).isDisjoint(with: stops) { return false }
            if token.kind == .punctuation && !token.isMark("-") { return false }
            index += 1
        }
        return false
    }

    /// "Kurdish", "Asian", "Congolese": a capitalized adjective of a people or region, by its ending.
    private func isPeopleAdjective(_ index: Int) -> Bool {
        guard tokens[index].kind == .word, !tokens[index].isAllCaps else { return false }
        let word = text[Int(tokens[index].start)..<Int(tokens[index].end)]
        return lexicon.keys.isAdjectiveEnding(word)
    }

    /// Whether a title (not an honorific) starts at `index`.
    private func isTitleAfter(_ index: Int) -> Bool {
        guard index < sentence.tokens.upperBound, let (_, category) = lexiconMatch(at: index, end: sentence.tokens.upperBound),
            case .title(_, let honorific) = category
        else { return false }
        return !honorific
    }

    /// The period and domain written against a capitalized word, as in a web address ("Civil.ge",
    /// "Censor.NET"): a domain in lowercase or capitals, not a capitalized word that a missing
    /// space glued to the last one ("Iran.The").
    private func websiteDomain(after index: Int) -> Range<Int>? {
        let dot = index + 1
        let domain = index + 2
        guard inSentence(domain), isMark(dot, "."), !tokens[dot].shape.contains(.spaceBefore), tokens[domain].kind == .word,
            !tokens[domain].shape.contains(.spaceBefore), tokens[domain].isAllCaps || !tokens[domain].isCapitalized,
            Int(tokens[domain].end - tokens[domain].start) >= 2,
            !inSentence(domain + 1) || tokens[domain + 1].shape.contains(.spaceBefore) || tokens[domain + 1].kind == .punctuation,
            // "S.NEW DELHI": a name the lexicons know starts there, and the site would overlap it.
            lexiconMatch(at: domain, end: sentence.tokens.upperBound) == nil
        else { return nil }
        return dot..<(domain + 1)
    }

    /// A word with a period between letters, as in a web address ("Lenta.ru", "Censor.NET").
    private func isWebsite(_ index: Int) -> Bool {
        let start = Int(tokens[index].start)
        let end = Int(tokens[index].end)
        guard end - start >= 5 else { return false }
        for dot in (start + 2)..<(end - 1) where text[dot] == UInt8(ascii: ".") {
            let before = text[dot - 1]
            let after = text[dot + 1]
            if before.asciiLowercased &- 0x61 < 26 && after.asciiLowercased &- 0x61 < 26 && end - dot > 2 { return true }
        }
        return false
    }

    /// The key of an organization: its name in lowercase without the legal form, so "Seagate
    /// Technology LLC" and "Seagate Technology" are one company, and the lexicon's body of that
    /// name ("Facebook Inc" is Facebook).
    func organizationKey(_ range: Range<Int>) -> EntityKey {
        var end = range.upperBound
        while end > range.lowerBound + 1, classes(end - 1).contains(.legalForm) || isMark(end - 1, ",")
            || (isLowercaseWord(end - 1, .connector) && end - 2 > range.lowerBound && classes(end - 2).contains(.legalForm))
        {
            end -= 1
        }
        if end < range.upperBound, let (length, category) = lexiconMatch(at: range.lowerBound, end: end),
            range.lowerBound + length == end, case .body(let name, .organization, _) = category
        {
            return .body(name)
        }
        return .organization(string(range.lowerBound..<end).lowercased())
    }

    /// The key of a body named by its kind and country: the known agency of that country by that
    /// name ("China's Ministry of Commerce" is MOFCOM, "Sudan's army" the Sudanese Armed Forces),
    /// or a generic body of the country; the known agency's name comes with it.
    func genericKey(_ generic: String, country: String?) -> (key: EntityKey, lexiconName: String?) {
        if let country, let known = lexicon.genericBody(key: generic, country: country) { return (.body(known), known) }
        return (.generic(generic, country: country), nil)
    }

    /// The offset of the last word of a name ("Trump" in "Donald Trump", "Sisi" in "el-Sisi").
    private func lastWordOffset(_ range: Range<Int>) -> Int {
        var last = range.lowerBound
        for index in range where tokens[index].kind == .word && tokens[index].shape.contains(.spaceBefore) { last = index }
        return last - range.lowerBound
    }

    /// The country a run names as its government: "Government" after a country word ("the
    /// Canadian Government", "Ethiopia's Government"), or "Government of Nepal".
    private func governedCountry(_ range: Range<Int>, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, owner: Int?) -> String? {
        guard classes(range.lowerBound).contains(.governmentNoun) else { return nil }
        if range.count == 1 {
            guard let owner, case .country(let name) = candidates[owner].key else { return nil }
            return name
        }
        // "Government of [the] Country", and nothing more.
        guard owner == nil, let (countryRange, category) = absorbed.last, case .country(let name) = category,
            countryRange.upperBound == range.upperBound, isWord(range.lowerBound + 1, .genitive)
        else { return nil }
        let countryStart = isWord(range.lowerBound + 2, .article) ? range.lowerBound + 3 : range.lowerBound + 2
        return countryRange.lowerBound == countryStart ? name : nil
    }

    /// A run that may be a person's name: it starts an entity only with some sign of a person (a
    /// title, a given name, a speech verb after it), and may take an owner from an apposition.
    private func addPerson(_ range: Range<Int>, surface: String, owner: Int?, ownerStart: Int, title: RunTitle?) {
        if title == nil && !isKnownPerson(range) && namesNoPerson(range) { return }
        var surface = surface
        var parts = nameParts(range, surface: surface)
        var nickname: String?
        if tokens[range.lowerBound].kind == .punctuation,
            let closing = (range.lowerBound + 2..<range.upperBound).first(where: { isMark($0, ")") || isMark($0, "]") })
        {
            // "(Nikos) Dendias" is Nikos Dendias.
            surface = string((range.lowerBound + 1)..<closing) + " " + string((closing + 1)..<range.upperBound)
            parts = lexicon.keys.parts(of: surface)
        } else if let opening = range.first(where: { isMark($0, "\"") }), let closing = quotedNickname(at: opening, limit: range.upperBound) {
            // "Changpeng “CZ” Zhao" is Changpeng Zhao, also called CZ.
            surface = string(range.lowerBound..<opening) + " " + string((closing + 1)..<range.upperBound)
            nickname = string((opening + 1)..<closing)
            parts = lexicon.keys.parts(of: surface)
        }
        let hasTitle = title != nil
        let firstIsGiven = classes(range.lowerBound).contains(.givenName) || classes(range.lowerBound).contains(.familyNameFirst)
        // "Suga, who took office": "who" speaks of a person, where an organization takes "which".
        let followedByWho = isMark(range.upperBound, ",") && isWord(range.upperBound + 1, .relativePronoun)
        let followedBySpeech = isLowercaseWord(range.upperBound, .speechVerb) || followedByWho
            || (wordCount(range) >= 2 && isInvertedSpeech(before: range.lowerBound))
        let sentenceInitial = range.lowerBound == sentence.tokens.lowerBound
        var canStart: Bool
        let words = wordCount(range)
        if words >= 2 {
            canStart = hasTitle || firstIsGiven || followedBySpeech || !sentence.isTitleCase
            // Five words or more need a title, but particles are no words of their own there
            // ("Mohammed bin Zayed Al Nahyan" has three).
            if words > 4 && wordCount(range) - particleCount(range) > 4 { canStart = hasTitle }
        } else {
            canStart = hasTitle || (followedBySpeech && !sentenceInitial) || (followedBySpeech && firstIsGiven)
                || (followedByWho && isBareName(range.lowerBound)) || pronounFollows(range)
                || (firstIsGiven && isKinBefore(range.lowerBound))
        }
        if sentence.isTitleCase { canStart = false }
        // A run of two or more names with no sign of a person and no given name is kept only if it
        // later matches a person ("Executive Order" is not one).
        if words >= 2 && !hasTitle && !firstIsGiven && !followedBySpeech && !isBracketedBodyAfter(range) {
            // "Toraq Velmund Oskay, Deputy Minister of Justice": a post in apposition is a sign too.
            canStart = canStart && postInApposition(after: range)
        }
        // A person the lexicons know: "Putin" alone is a person.
        if isKnownPerson(range) { canStart = true }
        // The phrase holds the title too ("President Yoon Suk Yeol"), with or without an owner.
        let phrase = (owner != nil || title != nil ? ownerStart : range.lowerBound)..<range.upperBound
        var aliases = Aliases(surface)
        if let nickname { aliases.append(nickname) }
        // "president, Ali Mansour" and "president of Belarus, X" are no names.
        if let title, title.text != nil, !(phrase.lowerBound..<range.lowerBound).contains(where: { isMark($0, ",") }) {
            aliases.append(string(phrase))
        }
        // Only a name standing free mid-sentence ("a response from Harmon") vouches for a surname.
        let vouchesForSurname = words == 1 && !sentenceInitial && tokens[range.lowerBound].shape.contains(.spaceBefore)
            && !sentence.isTitleCase
        // "Kurti claimed ...": a word no lexicon knows, opening a sentence before a speech verb.
        let startsIfVouched = words == 1 && sentenceInitial && followedBySpeech && !sentence.isTitleCase
            && isBareName(range.lowerBound)
        // Made in the call, so it moves into the list instead of being copied.
        let personIndex = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: .person, key: .person, name: surface,
                                        aliases: aliases, owner: owner, title: title.flatMap(\.text),
                                        titleTarget: title.flatMap(\.target), nameParts: parts, canStartEntity: canStart,
                                        vouchesForSurname: vouchesForSurname, startsIfVouched: startsIfVouched,
                                        inHeadline: sentence.isTitleCase,
                                        nickname: nickname?.lowercased()))
        // Apposition: "Dana Park, the U.S. ambassador to Chile", "Lee Moran, Under Secretary of Energy".
        // "the governor of Kandahar, the commander of ...": one word after "of" or "in" is a place.
        let placeLike = words == 1 && range.lowerBound > 0
            && classes(range.lowerBound - 1).contains(.placePreposition)
        if isMark(range.upperBound, ","), !placeLike {
            var start = range.upperBound + 1
            // "Ama Boateng, also chairman of ...", "X, the U.S. ambassador".
            while start < range.upperBound + 3, classes(start).contains(.appositionOpener) {
                start += 1
            }
            appositionOwner(for: personIndex, from: start)
        }
    }

    /// The particles that stand as words of their own in a name ("bin", "Al" in "Mohammed bin
    /// Zayed Al Nahyan"; not the "al" of "al-Sisi").
    private func particleCount(_ range: Range<Int>) -> Int {
        range.dropFirst().count { tokens[$0].kind == .word && tokens[$0].shape.contains(.spaceBefore) && classes($0).contains(.particle) }
    }

    /// "Aliyev renewed his threats", "Moraes' defenders see him": a lone name no lexicon knows that
    /// acts (a verb in the past or of speech) or owns (a possessive) right after it, and a person's
    /// pronoun a few words on with no other name between, so it can only mean the name. A place after
    /// a preposition ("in Irpin, his forces"), a name after "the" ("the Constitution") and an
    /// adjective before its noun ("European leaders") are no one.
    private func pronounFollows(_ range: Range<Int>) -> Bool {
        guard !sentence.isTitleCase, isBareName(range.lowerBound), !isPlacePrepositionBefore(range.lowerBound),
            !isWord(range.lowerBound - 1, .determiner), !isWord(range.lowerBound - 1, .article)
        else { return false }
        let next = range.upperBound
        guard isPossessive(next) || (isMark(next, "'") && !isMark(next + 1, "'")) || isPastTense(next)
            || isLowercaseWord(next, .speechVerb)
        else { return false }
        var index = range.upperBound
        while inSentence(index), index < range.upperBound + 6 {
            let token = tokens[index]
            if token.kind == .word {
                if token.isCapitalized || token.isAllCaps { return false }
                if classes(index).contains(.personalPronoun) { return true }
            } else if !token.isMark("'") {
                return false
            }
            index += 1
        }
        return false
    }

    /// "...," said Brad Adams: a speech verb after a quotation or a comma, and then its speaker.
    private func isInvertedSpeech(before start: Int) -> Bool {
        let verb = start - 1
        guard isLowercaseWord(verb, .speechVerb), inSentence(verb - 1) else { return false }
        return isMark(verb - 1, ",") || (isMark(verb - 1, "\"") && !isOpeningQuote(verb - 1))
    }

    /// "spokesman Qin Gang": after a person's title, a family or given name and one more word is a
    /// person's name although its last word ("Gang") ends organizations' names too.
    func isPersonNameWithHeadWord(_ range: Range<Int>) -> Bool {
        wordCount(range) == 2 && !classes(range.lowerBound).isDisjoint(with: [.givenName, .familyNameFirst])
            && !classes(range.upperBound - 1).contains(.agencyHead)
    }

    /// Whether the country word of candidate `owner` states that the country owns the body named by
    /// `range`: an adjective or possessive before it ("the Latvian State Language Centre", "China's
    /// Institute of Forensic Science") or "of" the country after its head ("National Development
    /// Fund of Iran"). A country's name opening the name ("Cameroon Centre for Democracy") or a
    /// subject after "for" ("Mercator Institute for China Studies") names no owner.
    private func ownsAsState(_ owner: Int, _ range: Range<Int>) -> Bool {
        let words = candidates[owner].tokens
        if words.lowerBound >= range.lowerBound {
            let before = isWord(words.lowerBound - 1, .article) ? words.lowerBound - 2 : words.lowerBound - 1
            return isLowercaseWord(before, .genitive)
        }
        if isPossessive(words.upperBound) { return true }
        guard let (_, category) = lexiconMatch(at: words.lowerBound, end: words.upperBound), case .demonym = category else { return false }
        return true
    }

    /// "Sajid Mir (LeT)", "Ana Costa (PT)": a known body's short name in brackets after a name is
    /// the group the person belongs to, a sign that the name is a person's.
    private func isBracketedBodyAfter(_ range: Range<Int>) -> Bool {
        let inside = range.upperBound + 1
        guard isMark(range.upperBound, "("), isMark(inside + 1, ")"), tokens[inside].kind == .word,
            let (length, category) = lexiconMatch(at: inside, end: inside + 1), length == 1, case .body = category
        else { return false }
        // "Extended Fund Facility (EFF)", "Muslim League Nawaz (PML-N)": the name's own acronym,
        // whatever body the lexicon gives those letters.
        let capitals = text[Int(tokens[inside].start)..<Int(tokens[inside].end)].filter { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        var next = capitals.startIndex
        for index in range where tokens[index].kind == .word && tokens[index].isCapitalized {
            let initial = text[Int(tokens[index].start)]
            guard let found = capitals[next...].firstIndex(of: initial) else { return true }
            next = found + 1
        }
        return false
    }

    /// A capitalized word that the lexicons know, if at all, only as part of people's names.
    private func isBareName(_ index: Int) -> Bool {
        guard tokens[index].kind == .word, tokens[index].isCapitalized, !tokens[index].isAllCaps,
            classes(index).subtracting([.givenName, .familyNameFirst]).isEmpty
        else { return false }
        guard let (_, category) = lexiconMatch(at: index, end: index + 1) else { return true }
        if case .person = category { return true }
        return false
    }

    /// A run that names no person without a title: a place, law or event ("Executive Order",
    /// "Bayan Palace"), a region ("Central Africa"), a photo credit in parentheses or after a
    /// slash ("(Takeshi Iwashita)", "REUTERS/Name"), or a byline ("By Name" opening a line).
    private func namesNoPerson(_ range: Range<Int>) -> Bool {
        let last = range.upperBound - 1
        if range.count > 1, classes(last).contains(.nonPersonHead),
            classes(last).isDisjoint(with: [.givenName, .familyNameFirst])
        {
            return true
        }
        if range.count > 1, tokens[range.lowerBound].isCapitalized, classes(range.lowerBound).contains(.compass) { return true }
        // "Russians", "Crimean Tatars said": a people, not a person.
        if isPeoplePlural(last) && classes(last).isDisjoint(with: [.givenName, .familyNameFirst]) { return true }
        let before = range.lowerBound - 1
        if isMark(before, "(") && isMark(range.upperBound, ")") { return true }
        if isMark(before, "/") && !tokens[range.lowerBound].shape.contains(.spaceBefore) { return true }
        if before >= 0, tokens[before].kind == .word, tokens[before].shape.contains(.lineStart), tokens[before].isCapitalized,
            classes(before).contains(.byline)
        {
            return true
        }
        return false
    }

    /// A capitalized word that is a demonym the lexicon knows with an "s" after it ("Russians",
    /// "Mauritanians"): the plural of a people.
    private func isPeoplePlural(_ index: Int) -> Bool {
        let token = tokens[index]
        let start = Int(token.start)
        let end = Int(token.end)
        guard token.kind == .word, token.isCapitalized, !token.isAllCaps, end - start > 3, text[end - 1] == UInt8(ascii: "s") else {
            return false
        }
        let singular = text[start..<(end - 1)].map(\.asciiLowercased)
        let id = lexicon.vocabulary.id(of: singular)
        guard id >= 0, let node = lexicon.trie.child(of: 0, id) else { return false }
        for position in 0..<lexicon.trie.entryCount(at: node) {
            if case .demonym = lexicon.entries[Int(lexicon.trie.entry(position, at: node))].category { return true }
        }
        return false
    }

    /// Whether the lexicons name the whole run as a person.
    private func isKnownPerson(_ range: Range<Int>) -> Bool {
        guard let (length, category) = lexiconMatch(at: range.lowerBound, end: range.upperBound), length == range.count,
            case .person = category
        else { return false }
        return true
    }

    /// "his son Pavel", "Novak's daughter Maria": a family tie owned by someone names a person.
    private func isKinBefore(_ start: Int) -> Bool {
        guard start >= 2, isLowercaseWord(start - 1, .kin) else { return false }
        return isPossessive(start - 2) || isLowercaseWord(start - 2, .determiner)
    }

    /// The title and owner an apposition after a person's name gives: "X, chairman of the Y",
    /// "X, the U.S. ambassador".
    private func appositionOwner(for person: Int, from start: Int) {
        guard var itemIndex = items.firstIndex(where: { $0.range.lowerBound == start }) else { return }
        // "X, the former President of Congress", "X, an assistant defence minister": modifiers of
        // the role before its title.
        itemIndex = afterRoleModifiers(itemIndex)
        guard case .hit(let range, let categoryIndex) = items[itemIndex] else { return }
        let category = hitCategories[categoryIndex]
        // "A, President B" and "A, Kyrgyz President B": a name right after the title holds it; the
        // comma joined two items of a list, not a name and its apposition.
        func nameFollows(_ titleItem: Int) -> Bool {
            guard titleItem + 1 < items.count, case .run(let run, _) = items[titleItem + 1] else { return false }
            return run.lowerBound == items[titleItem].range.upperBound
        }
        if case .title(let target, let honorific) = category, !honorific {
            guard !nameFollows(itemIndex) else { return }
            candidates[person].title = candidates[person].title ?? string(range)
            candidates[person].titleTarget = candidates[person].titleTarget ?? target
            candidates[person].canStartEntity = true
            // "X, chairman of the Authority of ...": the body after "of" owns the title, once it is built.
            if target == nil, isWord(range.upperBound, .genitive) {
                let bodyStart = isWord(range.upperBound + 1, .article) ? range.upperBound + 2 : range.upperBound + 1
                if let item = items.first(where: { $0.range.lowerBound == bodyStart }) {
                    switch item {
                    case .hit(_, let hit):
                        switch hitCategories[hit] {
                        // "Kim Jong Un, the leader of North Korea".
                        case .body, .country: pendingOwners[bodyStart] = person
                        default: break
                        }
                    case .run(let runRange, _) where bodyType(runRange) != nil: pendingOwners[bodyStart] = person
                    default: break
                    }
                }
            }
            return
        }
        let ownerCandidate: Candidate
        switch category {
        case .country(let name), .demonym(let name), .seat(let name):
            ownerCandidate = countryCandidate(range, name)
        case .body(let name, _, _):
            guard let info = lexicon.bodies[name] else { return }
            ownerCandidate = bodyCandidate(range, name: name, type: info.type, country: info.country)
        default:
            return
        }
        var next = itemIndex + 1
        if next < items.count, case .token(let tokenIndex) = items[next], isPossessive(tokenIndex) { next += 1 }
        // "X, Berlin's public prosecutor".
        next = afterRoleModifiers(next)
        // Allow one or two lowercase modifiers ("top trade negotiator" is not a title we know).
        guard next < items.count, case .hit(_, let nextCategory) = items[next],
            case .title(let target, let honorific) = hitCategories[nextCategory], !honorific, !nameFollows(next)
        else { return }
        let ownerIndex = add(ownerCandidate)
        candidates[person].owner = ownerIndex
        candidates[person].title = candidates[person].title ?? string(items[next].range)
        candidates[person].titleTarget = candidates[person].titleTarget ?? target
        candidates[person].canStartEntity = true
    }

    /// The first item from `index` past up to three lowercase words that qualify a role ("former",
    /// "public", "deputy"), when a title follows them; `index` otherwise.
    private func afterRoleModifiers(_ index: Int) -> Int {
        var next = index
        while next < items.count, next < index + 3, case .token(let token) = items[next],
            tokens[token].kind == .word, !tokens[token].isCapitalized,
            !classes(token).isDisjoint(with: [.rank, .roleModifier, .bodyModifier])
        {
            next += 1
        }
        guard next > index, next < items.count, case .hit(_, let category) = items[next], case .title = hitCategories[category]
        else { return index }
        return next
    }

    /// The type a run's head word gives it: the last word ("Border and Customs Police"), or the
    /// word before "of" ("Ministry of Finance", "Assembly of Heads of Government").
    func bodyType(_ range: Range<Int>) -> EntityType? {
        var last = range.upperBound - 1
        // "Channel 12": the head before a number that closes the name types it.
        if range.count >= 2, tokens[last].kind == .number { last -= 1 }
        // "Qatar News Agency": a two-word head outranks its last word.
        if last > range.lowerBound, let type = lexicon.pairHeadType(tokens[last - 1].id, tokens[last].id) { return type }
        if classes(last).contains(.agencyHead) { return .agency }
        // "Quinta Verde Exportadora, S.A. de C.V.": a legal form makes a company.
        if classes(last).contains(.legalForm) && (tokens[last].isCapitalized || tokens[last].isAllCaps) && range.count > 1 {
            return .organization
        }
        // "Central Bank", "Reserve Bank": a public body although "Bank" alone is not.
        for index in range.dropLast() where classes(index).contains(.publicModifier) && classes(index + 1).contains(.organizationHead) {
            return .agency
        }
        // "Ministry of Mining", "Bank of America": the head before "of" decides.
        for index in range where isLowercaseWord(index, .headComplement) {
            for head in range.lowerBound..<index {
                if classes(head).contains(.agencyHead) { return .agency }
                if classes(head).contains(.organizationHead) { return .organization }
            }
            break
        }
        if classes(last).contains(.organizationHead) { return .organization }
        return nil
    }

    // MARK: Regions

    /// The state or province a run names: the region's own name ("Texas", "Gujarat"), or its
    /// official name ("State of California", "Government of Gujarat"), which says it acts.
    private func regionNamed(_ range: Range<Int>, surface: String) -> (region: (name: String, country: String), official: Bool)? {
        if let region = lexicon.regions[surface] { return (region, false) }
        // "State of California": a government word, "of", and the region.
        var start = range.lowerBound + 2
        guard range.count >= 3, isWord(range.lowerBound, .governmentNoun), isWord(range.lowerBound + 1, .genitive) else { return nil }
        if isWord(start, .article) { start += 1 }
        guard start < range.upperBound, let region = lexicon.regions[string(start..<range.upperBound)] else { return nil }
        return (region, true)
    }

    /// A region acts as a government ("Texas deployed barriers", "the Gujarat government", "Florida
    /// Gov. Ron DeSantis") or only places something ("a port in Texas"). The guidelines make the
    /// acting one an agency of its country and the place no entity: a place mention is weak, and
    /// joins the region only where the article makes it act elsewhere.
    private func addRegion(_ range: Range<Int>, name: String, country: String, official: Bool, state: inout ScanState) {
        var phrase = range
        var acts = official
        let after = range.upperBound
        // "Sinaloa state police" is the state's police, not its government.
        if isLowercaseWord(after, .governmentNoun) || isLowercaseWord(after, .administration),
            !isLowercaseWord(after + 1, .lowercaseBodyHead)
        {
            // "the Gujarat government", "the Tamil Nadu state government".
            phrase = range.lowerBound..<(after + 1)
            if isLowercaseWord(after + 1, .governmentNoun) { phrase = range.lowerBound..<(after + 2) }
            acts = true
        } else if titleFollows(after) {
            // "Gujarat Chief Minister Narendra Modi", "Florida Gov. Ron DeSantis": a post of its government.
            acts = true
        } else if !isPlacePrepositionBefore(range.lowerBound), isLowercaseWord(after, .speechVerb) || isPastTense(after) {
            // "Texas deployed marine barriers", "California announced": the region as a subject.
            acts = true
        }
        var candidate = Candidate(tokens: range, phrase: phrase, kind: acts ? .name : .weak, type: .agency, key: .body(name),
                                  name: name, aliases: Aliases(string(phrase)), lexiconName: name, knownCountry: country)
        if phrase != range { candidate.aliases.append(string(range)) }
        add(candidate)
        if phrase.upperBound > range.upperBound { state.skipItems(through: phrase.upperBound - 1, in: items) }
    }

    /// A role title (not an honorific) in apposition after a name: "X, Deputy Minister of Justice",
    /// "X, the Executive Director of the Fund", "X, Deputy Minister". A title before another name is a list's next item
    /// ("X, President Y"), and says nothing of X.
    private func postInApposition(after range: Range<Int>) -> Bool {
        guard isMark(range.upperBound, ",") else { return false }
        var start = isWord(range.upperBound + 1, .article) ? range.upperBound + 2 : range.upperBound + 1
        // "Deputy Minister", "Vice Chairman": a rank before the title.
        while start < range.upperBound + 4, inSentence(start), !classes(start).isDisjoint(with: [.rank, .roleModifier]) { start += 1 }
        guard let item = items.first(where: { $0.range.lowerBound >= start }), item.range.lowerBound == start,
            case .hit(_, let category) = item, case .title(_, false) = hitCategories[category]
        else { return false }
        let after = item.range.upperBound
        return !(inSentence(after) && tokens[after].kind == .word && (tokens[after].isCapitalized || tokens[after].isAllCaps))
    }

    /// Whether a role title (not an honorific) starts at `index`, after a possessive if any.
    private func titleFollows(_ index: Int) -> Bool {
        let start = isPossessive(index) ? index + 1 : index
        guard let item = items.first(where: { $0.range.lowerBound >= start }), item.range.lowerBound == start,
            case .hit(_, let category) = item, case .title(_, let honorific) = hitCategories[category]
        else { return false }
        return !honorific
    }

    /// A preposition before a name that makes it a place: "in Texas", "the governors of Texas".
    private func isPlacePrepositionBefore(_ index: Int) -> Bool {
        let before = index - 1
        return isLowercaseWord(before, .placePreposition) || isLowercaseWord(before, .locative) || isLowercaseWord(before, .genitive)
            || isLowercaseWord(before, .recipient)
    }

    /// A lowercase word in the past tense by its ending ("deployed", "sued"), right after the name.
    func isPastTense(_ index: Int) -> Bool {
        guard inSentence(index), tokens[index].kind == .word, !tokens[index].isCapitalized, !tokens[index].isAllCaps,
            tokens[index].shape.contains(.spaceBefore)
        else { return false }
        let start = Int(tokens[index].start)
        let end = Int(tokens[index].end)
        return end - start >= 4 && text[end - 2] == UInt8(ascii: "e") && text[end - 1] == UInt8(ascii: "d")
    }
}
