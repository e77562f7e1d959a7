import KnowledgeGraph

/// The second stage: lexicon hits. A country, capital or demonym becomes the country (or only
/// points to it); a known body becomes that body; a title goes to `handleTitle`.
extension MentionBuilder {
    func handleHit(_ range: Range<Int>, _ category: LexiconCategory, state: inout ScanState) {
        switch category {
        case .country(let country), .seat(let country), .demonym(let country):
            handleCountryWord(range, category, country: country, state: &state)
        case .body(let name, let type, let country):
            if let defined = definedAcronym(range, lexiconName: name) {
                // "Office of the Prime Minister (OPM)", then "OPM": the article's own definition
                // outranks the lexicon's body of the same letters.
                var candidate = candidates[defined]
                candidate.tokens = range
                candidate.phrase = range
                candidate.aliases = Aliases(string(range))
                candidate.owner = nil
                state.owner = add(candidate)
                state.ownerStart = range.lowerBound
                state.ownerEnd = isPossessive(range.upperBound) ? range.upperBound + 1 : range.upperBound
                return
            }
            var bodyOwner = state.owner
            // "U.S. Treasury", "Armed Forces of the Republic of Ghana": one lexicon
            // phrase that still states the agency's country. An intergovernmental body has none
            // ("Organization of American States"), and a country before it is a member's
            // ("Venezuela OAS Ambassador").
            if bodyOwner == nil && type == .agency && country != nil {
                bodyOwner = statedCountry(inside: range)
            }
            if type == .agency, country == nil, let owner = bodyOwner, candidates[owner].type == .country {
                bodyOwner = nil
            }
            let phrase = state.owner != nil ? min(state.ownerStart, range.lowerBound)..<range.upperBound : range
            if type == .agency, let country, let owner = state.owner, case .country(let stated) = candidates[owner].key,
                stated != country
            {
                // "the Haitian Senate", "Peru's Congress": another country's body of that kind, not
                // the one the lexicon knows.
                let adjacent = !isPossessive(candidates[owner].tokens.upperBound)
                let bodyName = adjacent ? string(phrase) : "\(stated)'s \(string(range))"
                var aliases = Aliases(string(range))
                if !adjacent { aliases.append(string(phrase)) }
                let generic = lexicon.keys.genericKey(string(range))
                let (key, known) = genericKey(generic, country: stated)
                let candidate = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: .agency, key: key,
                                              name: bodyName, aliases: aliases, lexiconName: known,
                                              knownCountry: known == nil ? nil : stated, owner: owner, genericName: generic))
                state.owner = candidate
                state.ownerStart = range.lowerBound
                state.ownerEnd = isPossessive(range.upperBound) ? range.upperBound + 1 : range.upperBound
                return
            }
            var body = bodyCandidate(range, name: name, type: type, country: country)
            // "a Russian military uniform": a known body's name used as an adjective refers to the
            // body only where the article names it otherwise.
            if isShortNameInTitle(range, name: name) || isAdjectivalHead(range.upperBound - 1) || isMedium(range, type: type)
                || endsOtherName(range, name: name, owner: state.owner)
            {
                body.kind = .weak
            }
            body.phrase = phrase
            body.owner = bodyOwner
            let candidate = add(body)
            if let acronymEnd = defineAcronym(after: range.upperBound, for: candidate) {
                state.skipItems(through: acronymEnd - 1, in: items)
            }
            state.owner = candidate
            state.ownerStart = range.lowerBound
            state.ownerEnd = isPossessive(range.upperBound) ? range.upperBound + 1 : range.upperBound
        case .person:
            // Known people become name runs when the sentence is itemized (`itemize`).
            state.owner = nil
        case .title(let target, let honorific):
            handleTitle(range, target: target, honorific: honorific, state: &state)
            state.owner = nil
        }
    }

    /// A country's name, capital or adjective: the country, a body of it ("Israeli army", "Iran's
    /// defense ministry"), an organization named after a place ("China Daily"), or a mere pointer
    /// to the country ("Chinese firms", "in Beijing").
    private func handleCountryWord(_ range: Range<Int>, _ category: LexiconCategory, country: String, state: inout ScanState) {
        let next = state.next < items.count ? items[state.next] : nil
        var isDemonym = false
        if case .demonym = category { isDemonym = true }
        // "Boston Herald", "China Daily": a place word starting an organization's name.
        // "Namibia Press Agency": a two-word media head outranks "Agency".
        let last = (next?.range.upperBound ?? 0) - 1
        let mediaPair = (next?.range.count ?? 0) >= 2 && lexicon.pairHeadType(tokens[last - 1].id, tokens[last].id) == .organization
        if case .run(let runRange, _) = next, runRange.lowerBound == range.upperBound,
            mediaPair || (classes(runRange.upperBound - 1).contains(.organizationHead) && !classes(runRange.upperBound - 1).contains(.agencyHead)),
            // "the Iranian Atomic Energy Organization" is the country's own body, but a country's
            // name may open an organization's ("Cameroon Centre for Democracy").
            !(isDemonym && runRange.contains(where: { tokens[$0].isCapitalized && classes($0).contains(.stateBodyHead) }))
        {
            let whole = range.lowerBound..<runRange.upperBound
            let organization = add(Candidate(tokens: whole, phrase: whole, kind: .name, type: .organization,
                                             key: organizationKey(whole), name: string(whole)))
            state.owner = organization
            state.ownerStart = whole.lowerBound
            state.ownerEnd = whole.upperBound
            state.next += 1
            if let acronymEnd = defineAcronym(after: whole.upperBound, for: organization) {
                state.skipItems(through: acronymEnd - 1, in: items)
            }
            return
        }
        let after = range.upperBound
        if isDemonym, isLanguageDesk(range, next: next, owner: state.owner) {
            // "VOA's Russian Service": the broadcaster's desk in that language, no body of the country.
            add(countryCandidate(range, country, kind: .weak, lexiconName: country))
            state.next += 1
            state.owner = nil
            return
        }
        if isDemonym {
            // "Chinese firms" names no actor; "the Chinese government" names the country.
            if isLowercaseWord(after, .groupNoun) && !isLowercaseWord(after, .lowercaseBodyHead) { return }
            if isLowercaseWord(after, .governmentNoun) {
                let phrase = range.lowerBound..<(after + 1)
                state.owner = add(countryCandidate(phrase, country))
                state.skipItems(through: after, in: items)
                return
            }
            // "Israeli army", "Egyptian foreign ministry".
            var cursor = after
            while isLowercaseWord(cursor, .bodyModifier) { cursor += 1 }
            if isLowercaseWord(cursor, .lowercaseBodyHead) && !isLowercaseWord(cursor, .governmentNoun) && !isAdjectivalHead(cursor)
                && actsAsBody(cursor)
            {
                addCountryBody(country: country, at: range, lexiconName: nil, head: after..<(cursor + 1), state: &state)
                return
            }
        }
        if !isDemonym, !isPossessive(after), isLowercaseWord(after, .lowercaseBodyHead), !isLowercaseWord(after, .groupNoun),
            !isLowercaseWord(after, .governmentNoun), !isMark(range.lowerBound - 1, "-"), !isAdjectivalHead(after), actsAsBody(after)
        {
            // "the U.S. military", "the Myanmar army": a country's name before its body.
            addCountryBody(country: country, at: range, lexiconName: country, head: after..<(after + 1), state: &state)
            return
        }
        if !isDemonym, isPossessive(after) {
            // "Iran's defense ministry", "Russia's foreign ministry": a lowercase body of the country.
            var cursor = after + 1
            while isLowercaseWord(cursor, .bodyModifier) { cursor += 1 }
            if isLowercaseWord(cursor, .lowercaseBodyHead) && !isLowercaseWord(cursor, .governmentNoun)
                && !classes(cursor).contains(.adjectivalHead) && (cursor > after + 1 || !isLowercaseWord(cursor + 1, .lowercaseBodyHead))
            {
                addCountryBody(country: country, at: range, lexiconName: country, head: (after + 1)..<(cursor + 1), state: &state)
                return
            }
        }
        let ownsNext = next.map { ownsItem($0, after: after, at: state.next) } ?? false
        let possessive = isPossessive(after)
        let kind: Mention.Kind
        if isDemonym {
            // "the pro-Russian president" is no Russian president.
            kind = ownsNext && !isPrefixed(range) ? .name : .weak
        } else if isMark(after, "-"), after + 1 < sentence.tokens.upperBound, !tokens[after + 1].isCapitalized,
            !tokens[after + 1].shape.contains(.spaceBefore)
        {
            // "a Panama-flagged tanker", "U.S.-made": an adjective, not the actor.
            kind = .weak
        } else if range.lowerBound > 0, tokens[range.lowerBound - 1].isCapitalized, classes(range.lowerBound - 1).contains(.compass) {
            // "North Kazakhstan province" is a region, not the country; "Latin American" a continent's people.
            kind = .weak
        } else if isPrefixed(range) {
            // "post-Copenhagen": a prefixed word, not the actor.
            kind = .weak
        } else if isPlaceOfCountry(range) {
            // "the Gulf of Thailand", "in Davos, Switzerland": the country only locates a place.
            kind = .weak
        } else if case .seat = category, range.lowerBound > 0, classes(range.lowerBound - 1).contains(.locative)
            || (range.lowerBound > 1 && isWord(range.lowerBound - 1, .article) && classes(range.lowerBound - 2).contains(.locative))
        {
            // "in Beijing", "at the Kremlin": a place.
            kind = .weak
        } else {
            kind = .name
        }
        let candidate = add(countryCandidate(range, country, kind: kind, lexiconName: country))
        if ownsNext || possessive {
            state.owner = candidate
            state.ownerStart = range.lowerBound
            state.ownerEnd = possessive ? after + 1 : after
        } else {
            state.owner = nil
        }
    }

    /// "Treasury" of "Treasury Secretary Steven Mnuchin": a short word for a body, inside a title
    /// that points to the body, names no body by itself (the guidelines' "implied by a title
    /// alone"); it refers to the body where the article names it elsewhere. "State Department
    /// spokesman" writes the body's own name, "UN Secretary-General" its acronym.
    private func isShortNameInTitle(_ range: Range<Int>, name: String) -> Bool {
        guard !tokens[range.lowerBound].isAllCaps, string(range) != name,
            let (length, category) = lexiconMatch(at: range.lowerBound, end: sentence.tokens.upperBound), length > range.count,
            case .title(let target, _) = category
        else { return false }
        return target == name
    }

    /// "Peace House", "Parliament House", "Wikimedia Commons": a body's one-word short name after a
    /// capitalized word that is not its country ends another name, and names the body only where
    /// the article names it otherwise.
    private func endsOtherName(_ range: Range<Int>, name: String, owner: Int?) -> Bool {
        let before = range.lowerBound - 1
        guard range.count == 1, before > sentence.tokens.lowerBound, !sentence.isTitleCase, tokens[before].kind == .word,
            tokens[before].isCapitalized, !tokens[before].isAllCaps, !classes(before).contains(.nonEntity),
            owner.map({ candidates[$0].type != .country }) ?? true, string(range) != name
        else { return false }
        return true
    }

    /// The candidate whose acronym the article defined with these letters, when it is another body
    /// than the lexicon's of that acronym.
    private func definedAcronym(_ range: Range<Int>, lexiconName: String) -> Int? {
        guard range.count == 1, tokens[range.lowerBound].isAllCaps, let defined = acronyms[string(range)],
            candidates[defined].lexiconName != lexiconName, candidates[defined].name != lexiconName
        else { return nil }
        return defined
    }

    /// "VOA's Russian Service", "Radio Liberty's Kyrgyz Service": a demonym and a desk word after an
    /// organization's possessive name a desk of the organization, not a body of the country.
    private func isLanguageDesk(_ range: Range<Int>, next: Item?, owner: Int?) -> Bool {
        guard case .run(let runRange, _) = next, runRange == range.upperBound..<(range.upperBound + 1),
            tokens[runRange.lowerBound].isCapitalized, classes(runRange.lowerBound).contains(.deskHead),
            isPossessive(range.lowerBound - 1), let owner, candidates[owner].type == .organization
        else { return false }
        return true
    }

    /// "said on Twitter", "posted via Telegram", "the President's X account": a platform after a
    /// preposition of the medium, or before the noun of what is on it, carries the message and does
    /// nothing itself; it is the organization only where the article names it as an actor ("Twitter
    /// suspended the account").
    private func isMedium(_ range: Range<Int>, type: EntityType) -> Bool {
        guard type == .organization, range.count == 1 else { return false }
        return (classes(range.lowerBound).contains(.siteChrome) && isLowercaseWord(range.lowerBound - 1, .mediumPreposition))
            || isLowercaseWord(range.upperBound, .mediumNoun)
    }

    /// A head that is also an adjective, used as one before a noun: "a Russian military uniform",
    /// "U.S. military aid" name no body, where "the Russian military said" and "the Russian military
    /// has" do (a speech verb, a verb in the past, an auxiliary or a conjunction follows).
    private func isAdjectivalHead(_ head: Int) -> Bool {
        let next = head + 1
        guard classes(head).contains(.adjectivalHead), inSentence(next), tokens[next].kind == .word, !tokens[next].isCapitalized,
            !tokens[next].isAllCaps
        else { return false }
        return classes(next).isDisjoint(with: [.speechVerb, .nonEntity, .conjunction]) && !isPastTense(next)
            && !isParticipleWithObject(next) && lexiconMatch(at: next, end: sentence.tokens.upperBound) == nil
    }

    /// Whether a head that names a body only where it acts does so here: a speech verb or a verb in
    /// the past after it ("the French presidency confirmed"), not a noun ("Nigerian presidency
    /// sources") or a comma ("his second U.S. presidency,"). Other heads always name their body.
    private func actsAsBody(_ head: Int) -> Bool {
        !classes(head).contains(.actingHead) || isLowercaseWord(head + 1, .speechVerb) || isPastTense(head + 1)
    }

    /// "-ing" before an article or determiner: a verb taking its object ("the U.S. military downing the
    /// balloon"), not a noun ("military training exercises").
    private func isParticipleWithObject(_ index: Int) -> Bool {
        let start = Int(tokens[index].start)
        let end = Int(tokens[index].end)
        return end - start >= 5 && text[end - 3] == UInt8(ascii: "i") && text[end - 2] == UInt8(ascii: "n")
            && text[end - 1] == UInt8(ascii: "g") && (isWord(index + 1, .article) || isWord(index + 1, .determiner))
    }

    /// A country word after a lowercase prefix and a hyphen: "pro-Russian", "post-Copenhagen".
    private func isPrefixed(_ range: Range<Int>) -> Bool {
        range.lowerBound > 1 && isMark(range.lowerBound - 1, "-") && !tokens[range.lowerBound - 1].shape.contains(.spaceBefore)
            && tokens[range.lowerBound - 2].kind == .word && !tokens[range.lowerBound - 2].isCapitalized
            && !tokens[range.lowerBound - 2].isAllCaps
    }

    /// A country word that only says where a place is: after "Gulf of" and other names of places
    /// ("the Gulf of Thailand"), or after a place and a comma ("in Davos, Switzerland").
    private func isPlaceOfCountry(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        guard before >= 1 else { return false }
        if isLowercaseWord(before, .genitive) || (isWord(before, .genitive) && !tokens[before].isCapitalized) {
            var place = before - 1
            if place >= 0, isWord(place, .article) { place -= 1 }
            return place >= 0 && tokens[place].isCapitalized && classes(place).contains(.nonPersonHead)
        }
        // "in Davos, Switzerland": one capitalized word after a place preposition, then a comma.
        guard isMark(before, ","), before >= 2 else { return false }
        let place = before - 1
        return tokens[place].kind == .word && tokens[place].isCapitalized && !tokens[place].isAllCaps
            && lexiconMatch(at: place, end: before) == nil && classes(place - 1).contains(.locative)
    }

    /// Whether a country word ending before `after` owns the item at `index`: a title or body
    /// right after it, or a body name, or a name with a title.
    private func ownsItem(_ item: Item, after: Int, at index: Int) -> Bool {
        guard item.range.lowerBound == after else { return false }
        switch item {
        case .hit(_, let category):
            switch hitCategories[category] {
            case .title, .body: return true
            default: return false
            }
        // "Russian Ministry of Foreign Affairs": a body, by the head word at its end or before "of".
        case .run(let runRange, _): return bodyType(runRange) != nil || isTitleThenName(index)
        case .token: return false
        }
    }

    /// The country a lexicon body's own name states ("U.S. Treasury"), added as a candidate.
    private func statedCountry(inside range: Range<Int>) -> Int? {
        for start in range {
            let end = start == range.lowerBound ? range.upperBound - 1 : range.upperBound
            guard let (length, category) = lexiconMatch(at: start, end: end) else { continue }
            switch category {
            case .country(let stated), .demonym(let stated):
                return add(countryCandidate(start..<(start + length), stated))
            default: continue
            }
        }
        return nil
    }

    private func isTitleThenName(_ index: Int) -> Bool {
        guard index + 1 < items.count, case .hit(_, let category) = items[index + 1], case .title = hitCategories[category]
        else { return false }
        return true
    }

    /// A country word and the lowercase body after it ("Israeli army", "Iran's defense ministry"):
    /// the country, and the body it owns, which becomes the owner of what follows.
    /// The words of a body named in lowercase by its kind after "the": a portfolio and a head
    /// ("the foreign ministry", "the defence ministry"). A head alone ("the army", "the
    /// government") is left alone: it refers to no one body by itself.
    func lowercaseBody(after article: Int) -> Range<Int>? {
        guard isLowercaseWord(article, .article) else { return nil }
        var cursor = article + 1
        while isLowercaseWord(cursor, .bodyModifier) { cursor += 1 }
        guard cursor > article + 1, isLowercaseWord(cursor, .lowercaseBodyHead), isLowercaseWord(cursor, .agencyHead),
            !isLowercaseWord(cursor, .governmentNoun), !isLowercaseWord(cursor, .groupNoun)
        else { return nil }
        return (article + 1)..<(cursor + 1)
    }

    /// A body named in lowercase by its kind: the latest body of that kind the article names, or
    /// a body of no stated country (`EntityResolver`).
    func addLowercaseBody(_ body: Range<Int>, article: Int, state: inout ScanState) {
        let name = string(body)
        let generic = lexicon.keys.genericKey(name)
        let (key, known) = genericKey(generic, country: nil)
        state.owner = add(Candidate(tokens: body, phrase: body, kind: .name, type: .agency, key: key, name: name,
                                    aliases: Aliases(name), lexiconName: known, genericName: generic))
        state.ownerStart = body.lowerBound
        state.ownerEnd = isPossessive(body.upperBound) ? body.upperBound + 1 : body.upperBound
        state.skipItems(through: body.upperBound - 1, in: items)
    }

    private func addCountryBody(country: String, at range: Range<Int>, lexiconName: String?, head: Range<Int>, state: inout ScanState) {
        let countryIndex = add(countryCandidate(range, country, lexiconName: lexiconName))
        let phrase = range.lowerBound..<head.upperBound
        let headName = string(head).lowercased()
        let generic = lexicon.keys.genericKey(headName)
        let (key, known) = genericKey(generic, country: country)
        state.owner = add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .agency, key: key,
                                    name: string(phrase), aliases: Aliases(headName), lexiconName: known,
                                    knownCountry: known == nil ? nil : country, owner: countryIndex, genericName: generic))
        state.ownerStart = phrase.lowerBound
        state.ownerEnd = phrase.upperBound
        state.skipItems(through: head.upperBound - 1, in: items)
    }
}
