import KnowledgeGraph

/// The first stage: a sentence cut into items. A lexicon phrase is a hit, a run of capitalized
/// words (with the small words that join body names) is a run, and every other token stands alone.
extension MentionBuilder {

    func itemize(_ range: Range<Int>) -> Items {
        itemBuffer.removeAll(reservingCapacity: range.count)
        // One removeLast() per element: a sentence leaves a few, and removeAll(keepingCapacity:)
        // goes through the general range replacement.
        while !hitCategories.isEmpty { hitCategories.removeLast() }
        while !absorbedHits.isEmpty { absorbedHits.removeLast() }
        func add(_ item: Item) { itemBuffer.appendWithinCapacity(item) }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.kind == .punctuation, let closing = bracketedGivenName(at: index, limit: range.upperBound) {
                // "Foreign Minister (Nikos) Dendias", "President [Recep Tayyip] Erdogan": an editor's
                // brackets around the given name; the name goes on after them.
                let (run, absorbed) = extendRun(from: closing + 1, limit: range.upperBound)
                add(runItem(index..<run.upperBound, absorbed: absorbed))
                index = run.upperBound
                continue
            }
            if token.kind == .word, let (owner, bodies, end) = distributedHead(at: index, limit: range.upperBound) {
                // "the State and Treasury departments", "the departments of Justice and State": one
                // head shared by several known bodies, each named by its own word.
                var cursor = index
                if let (country, category) = owner {
                    // "the U.S. Treasury and State Departments": the country first.
                    add(hitItem(country, category))
                    cursor = country.upperBound
                }
                for (word, category) in bodies {
                    while cursor < word.lowerBound {
                        add(.token(cursor))
                        cursor += 1
                    }
                    add(hitItem(word, category))
                    cursor = word.upperBound
                }
                while cursor < end {
                    add(.token(cursor))
                    cursor += 1
                }
                index = end
                continue
            }
            if token.kind == .number, let (unit, absorbed) = numberedUnit(at: index, limit: range.upperBound) {
                add(runItem(unit, absorbed: absorbed))
                index = unit.upperBound
                continue
            }
            if !lexicon.trie.startsPhrase(token.id)
                && !(token.kind == .word && (token.isCapitalized || token.isAllCaps || classes(index).contains(.particle)))
            {
                // Most tokens start no lexicon phrase and cannot be part of a name.
                add(.token(index))
                index += 1
                continue
            }
            if var (length, category) = lexiconMatch(at: index, end: range.upperBound),
                !isHonorificInCapitals(index, length: length, category, limit: range.upperBound)
            {
                if case .body = category, length > 1, classes(index).contains(.article), index + length < range.upperBound,
                    (tokens[index + length].isCapitalized && isNameToken(index + length))
                        || isLowercaseWord(index + length, .lowercaseBodyHead)
                {
                    // "The Australian Government", "The National Security Council", "The Australian
                    // government": a title such as "The Australian" followed by more of a name, or
                    // by a body's head, is not the newspaper.
                    add(.token(index))
                    index += 1
                    continue
                }
                if case .person = category {
                    // A known person's name is read as a name run: titles, appositions and owners
                    // apply to it as to any name, and the article's spelling names the entity. A
                    // longer name goes on ("Maung Maung Kyaw"), unless in a headline's capitals.
                    var run = index..<(index + length)
                    if !sentence.isTitleCase {
                        let (longer, _) = extendRun(from: index, limit: range.upperBound)
                        if longer.upperBound > run.upperBound { run = longer }
                    }
                    add(runItem(run, absorbed: []))
                    index = run.upperBound
                    continue
                }
                if case .title = category, length == 1, index + 2 < range.upperBound, isLowercaseWord(index + 1, .particle),
                    tokens[index + 2].kind == .word, tokens[index + 2].isCapitalized,
                    lexicon.keys.patronymics.contains(string((index + 1)..<(index + 2)))
                {
                    // "Prince Faisal bin Omar": a title word before "bin" is the given name of a son.
                    let (run, absorbed) = extendRun(from: index, limit: range.upperBound)
                    add(runItem(run, absorbed: absorbed))
                    index = run.upperBound
                    continue
                }
                if case .title(let target, _) = category,
                    let shorter = lexiconMatch(at: index, end: index + length - 1, excludingTitles: true)
                {
                    // "State Department spokesman": the body, then the title. But "Commerce Minister"
                    // (a generic ministry) does not contain the body "Commerce" (the U.S. department).
                    var split = true
                    if case .body(let name, _, _) = shorter.1, let target, target != name { split = false }
                    if split { (length, category) = shorter }
                }
                if case .title = category, isPossessive(index + length),
                    let headEnd = headEnd(from: index + length + 1, limit: range.upperBound)
                {
                    // "Prime Minister's Office", "Prosecutor General's Office": the office of a post.
                    add(runItem(index..<headEnd, absorbed: []))
                    index = headEnd
                    continue
                }
                if case .title = category, length > 1,
                    let (overlap, later) = lexiconMatch(at: index + length - 1, end: range.upperBound), overlap > 1,
                    case .title(let laterTarget, _) = later
                {
                    // "State Minister" + "Minister of Finance": one title, "State Minister of Finance",
                    // pointing where the longer one points.
                    if case .title(let target, let honorific) = category {
                        category = .title(target: laterTarget ?? target, honorific: honorific)
                    }
                    length += overlap - 1
                }
                if case .title = category,
                    let headEnd = (index..<(index + length - 1)).last(where: { classes($0).contains(.agencyHead) }),
                    (index...headEnd).allSatisfy({ tokens[$0].isCapitalized || classes($0).contains(.connector) }),
                    // "Deputy Treasury Secretary" is one title, not a body "Deputy Treasury".
                    !classes(index).contains(.rank)
                {
                    // "Foreign Ministry spokesperson": the body named inside the title is a body.
                    add(runItem(index..<(headEnd + 1), absorbed: []))
                    index = headEnd + 1
                    continue
                }
                if isBodyOrTitle(category), isNameToken(index) {
                    let (run, absorbed) = extendRun(from: index, limit: range.upperBound, ignoringLexicon: true)
                    // "President of the Senate" is a title and a body, not a body.
                    let titleOfBody: Bool = {
                        guard case .title = category else { return false }
                        return run.contains { isLowercaseWord($0, .headComplement) }
                    }()
                    // "General Directorate of Security": a head word right after a rank title opens
                    // a body named by its head ("Directorate ... of Security").
                    let bodyAfterTitle: Bool = {
                        guard case .title = category, index + length < run.upperBound else { return false }
                        return tokens[index + length].isCapitalized && classes(index + length).contains(.agencyHead)
                            && bodyType(run) == .agency
                    }()
                    // "Department of Energy and Climate Change": a known body's portfolio goes on
                    // with "and" into words that name no other body.
                    let coordinatedPortfolio: Bool = {
                        guard case .body = category, run.count > length + 1, isLowercaseWord(index + length, .conjunction),
                            (index..<(index + length)).contains(where: { isLowercaseWord($0, .headComplement) })
                        else { return false }
                        return ((index + length + 1)..<run.upperBound).allSatisfy { !isHead($0) && lexiconMatch(at: $0, end: run.upperBound) == nil }
                            && bodyType(run) != nil
                    }()
                    // "Congressman Walter Holding": a title, then a person's name whose last word is
                    // also a company's ("Holding"), is the title and the name.
                    let personAfterTitle: Bool = {
                        guard case .title(_, false) = category, run.upperBound > index + length else { return false }
                        return isPersonNameWithHeadWord((index + length)..<run.upperBound)
                    }()
                    if run.count > length && ((isHead(run.upperBound - 1) && !titleOfBody && !personAfterTitle) || bodyAfterTitle
                        || coordinatedPortfolio)
                    {
                        // "United States Treasury Department": a country, then a body the lexicon
                        // knows by the rest of the run.
                        if let split = knownBodyEnding(run, within: index..<(index + length)),
                            let (headLength, headCategory) = lexiconMatch(at: index, end: split), index + headLength == split
                        {
                            add(hitItem(index..<split, headCategory))
                            index = split
                            continue
                        }
                        add(runItem(run, absorbed: absorbed))
                        index = run.upperBound
                        continue
                    }
                }
                // "US Treasury Department": an alias that opens with the body's country names the
                // country, then the body, as "US Department of the Treasury" does.
                if case .body(let name, _, _) = category, length > 1,
                    let (countryLength, countryCategory) = countryOpening(index..<(index + length)),
                    let (restLength, rest) = lexiconMatch(at: index + countryLength, end: index + length, excludingTitles: true),
                    countryLength + restLength == length, case .body(let restName, _, _) = rest, restName == name
                {
                    add(hitItem(index..<(index + countryLength), countryCategory))
                    add(hitItem((index + countryLength)..<(index + length), rest))
                    index += length
                    continue
                }
                // "SK Hynix Inc.": a known company's legal form belongs to its name.
                if case .body(_, .organization, _) = category {
                    while index + length < range.upperBound, classes(index + length).contains(.legalForm),
                        tokens[index + length].isCapitalized || tokens[index + length].isAllCaps
                    {
                        length += 1
                    }
                }
                add(hitItem(index..<(index + length), category))
                index += length
            } else if classes(index).contains(.rank) {
                // "Under Traore, ...", "Under the X administration": a rank word with no title after
                // it is no part of a name.
                add(.token(index))
                index += 1
            } else if isNameToken(index) && !isStrayParticle(index, limit: range.upperBound) {
                let (run, absorbed) = extendRun(from: index, limit: range.upperBound)
                add(runItem(run, absorbed: absorbed))
                index = run.upperBound
            } else {
                add(.token(index))
                index += 1
            }
        }
        return itemBuffer.elements
    }

    /// "the MS-13 gang", "MS Dhoni": a one-word courtesy title ("Ms", "Dr") written in capitals is
    /// an acronym or initials, read as a name; in a line of capitals ("MR SMITH SAID") it is still
    /// the title, and so is one the lexicon writes in capitals ("H.E.").
    private func isHonorificInCapitals(_ index: Int, length: Int, _ category: LexiconCategory, limit: Int) -> Bool {
        guard tokens[index].isAllCaps, length == 1, case .title(_, true) = category,
            !(index + 1 < limit && tokens[index + 1].kind == .word && tokens[index + 1].isAllCaps),
            let node = lexicon.trie.child(of: 0, tokens[index].id)
        else { return false }
        // "H.E." is written in capitals in the lexicon too: there the capitals are the title's own.
        for position in 0..<lexicon.trie.entryCount(at: node) {
            let entry = lexicon.entries[Int(lexicon.trie.entry(position, at: node))]
            if case .title = entry.category, entry.tokens.count == 1, (entry.caseRule.first ?? 0) >= 2 { return false }
        }
        return true
    }

    /// A head in the plural shared by a list of single words that each name a known body with the
    /// head in the singular: "State and Treasury departments" (the State Department and the Treasury
    /// Department), "departments of Homeland Security, Justice and State". The bodies by the word
    /// that names each, and the token after the phrase.
    private func distributedHead(at index: Int, limit: Int)
        -> (owner: (Range<Int>, LexiconCategory)?, bodies: [(Range<Int>, LexiconCategory)], end: Int)?
    {
        guard tokens[index].isCapitalized || tokens[index].isAllCaps || isLowercaseWord(index + 1, .genitive) else { return nil }
        if let (bodies, end) = distributedBodies(at: index, limit: limit) { return (nil, bodies, end) }
        // "U.S. Treasury and State Departments": a country word, then the list.
        guard lexicon.trie.startsPhrase(tokens[index].id) else { return nil }
        for countryEnd in (index + 1)..<min(index + 3, limit) {
            // A list follows the country word: a comma or "and" after its first or second word.
            guard isMark(countryEnd + 1, ",") || isLowercaseWord(countryEnd + 1, .conjunction) || isMark(countryEnd + 2, ",")
                || isLowercaseWord(countryEnd + 2, .conjunction),
                let (length, category) = lexiconMatch(at: index, end: countryEnd, excludingTitles: true),
                index + length == countryEnd
            else { continue }
            switch category {
            case .country, .demonym:
                if let (bodies, end) = distributedBodies(at: countryEnd, limit: limit) { return ((index..<countryEnd, category), bodies, end) }
            default: break
            }
        }
        return nil
    }

    private func distributedBodies(at index: Int, limit: Int) -> ([(Range<Int>, LexiconCategory)], Int)? {
        if tokens[index].isCapitalized && !tokens[index].isAllCaps {
            // "State and Treasury departments": the names, then the head.
            guard let (words, end) = coordinatedWords(from: index, limit: limit), end < limit,
                let singular = singularHead(end)
            else { return nil }
            guard let bodies = knownBodies(words, head: singular, genitive: nil) else { return nil }
            return (bodies, end + 1)
        }
        // "departments of Justice and State": the head, "of", then the names.
        guard let singular = singularHead(index), isLowercaseWord(index + 1, .genitive),
            let (words, end) = coordinatedWords(from: index + 2, limit: limit),
            let bodies = knownBodies(words, head: singular, genitive: tokens[index + 1].id)
        else { return nil }
        return (bodies, end)
    }

    /// Single capitalized words joined by commas and a last "and": "State and Treasury",
    /// "Homeland Security, Justice and State" (a word may be two when a lexicon body knows them).
    private func coordinatedWords(from start: Int, limit: Int) -> ([Range<Int>], Int)? {
        var words: [Range<Int>] = []
        var index = start
        while index < limit, tokens[index].kind == .word, tokens[index].isCapitalized, !tokens[index].isAllCaps {
            var end = index + 1
            // "Homeland Security": two capitalized words before a separator.
            if end < limit, tokens[end].kind == .word, tokens[end].isCapitalized, end + 1 < limit,
                isMark(end + 1, ",") || isLowercaseWord(end + 1, .conjunction)
            {
                end += 1
            }
            // A first word that neither a comma nor "and" follows starts no list: most capitalized
            // words of a text end here, before the array is made.
            if words.isEmpty, !isMark(end, ","), !isLowercaseWord(end, .conjunction) { return nil }
            words.append(index..<end)
            if isMark(end, ",") {
                index = end + 1
                if isLowercaseWord(index, .conjunction) { index += 1 }
                continue
            }
            if isLowercaseWord(end, .conjunction), words.count >= 1, end + 1 < limit {
                index = end + 1
                // The last word ends the list.
                guard tokens[index].kind == .word, tokens[index].isCapitalized, !tokens[index].isAllCaps else { return nil }
                words.append(index..<(index + 1))
                return words.count >= 2 ? (words, index + 1) : nil
            }
            return nil
        }
        return nil
    }

    /// The singular of a plural agency head at `index` ("departments" -> "department").
    private func singularHead(_ index: Int) -> Int32? {
        guard inSentence(index), tokens[index].kind == .word else { return nil }
        let start = Int(tokens[index].start)
        let end = Int(tokens[index].end)
        guard end - start > 4, text[end - 1].asciiLowercased == UInt8(ascii: "s") else { return nil }
        var singular = text[start..<(end - 1)].map(\.asciiLowercased)
        // "ministries" -> "ministry".
        if singular.count > 3, singular.suffix(2).elementsEqual("ie".utf8) { singular.removeLast(2); singular.append(UInt8(ascii: "y")) }
        let id = lexicon.vocabulary.id(of: singular)
        guard id >= 0, lexicon.classes(of: id).contains(.agencyHead) else { return nil }
        return id
    }

    /// The known body each word names with the head ("State" + "department"), or nil if one names none.
    /// "Justice" names the "Department of Justice" through `genitive`, the "of" of the phrase.
    private func knownBodies(_ words: [Range<Int>], head: Int32, genitive: Int32?) -> [(Range<Int>, LexiconCategory)]? {
        var bodies: [(Range<Int>, LexiconCategory)] = []
        for word in words {
            let ids = word.map { tokens[$0].id }
            var category = lexiconBody(ids + [head])
            if category == nil, let genitive { category = lexiconBody([head, genitive] + ids) }
            guard let category else { return nil }
            bodies.append((word, category))
        }
        return bodies
    }

    /// The body the lexicon knows by exactly these token IDs.
    private func lexiconBody(_ ids: [Int32]) -> LexiconCategory? {
        var node: Int32 = 0
        for id in ids {
            guard id >= 0, let child = lexicon.trie.child(of: node, id) else { return nil }
            node = child
        }
        for position in 0..<lexicon.trie.entryCount(at: node) {
            let category = lexicon.entries[Int(lexicon.trie.entry(position, at: node))].category
            if case .body = category { return category }
        }
        return nil
    }

    /// A numbered unit: a number made an ordinal ("27th", "4th") before a name with a head word
    /// ("the 27th Brigade", "Iraq's 4th Armored Division").
    private func numberedUnit(at index: Int, limit: Int) -> (Range<Int>, [(Range<Int>, LexiconCategory)])? {
        let suffix = index + 1
        let start = index + 2
        guard start < limit, tokens[suffix].kind == .word, !tokens[suffix].isCapitalized,
            !tokens[suffix].shape.contains(.spaceBefore), classes(suffix).contains(.ordinal),
            tokens[start].kind == .word, tokens[start].isCapitalized, tokens[start].shape.contains(.spaceBefore),
            isNameToken(start), lexiconMatch(at: start, end: limit) == nil
        else { return nil }
        let (run, absorbed) = extendRun(from: start, limit: limit)
        guard bodyType(run) != nil else { return nil }
        return (index..<run.upperBound, absorbed)
    }

    /// The closing bracket of one or two capitalized words in brackets that a name follows
    /// ("(Nikos) Dendias", "[Recep Tayyip] Erdogan"): words no lexicon knows as anything but a
    /// person, and a name word right after the bracket.
    func bracketedGivenName(at index: Int, limit: Int) -> Int? {
        let opening = tokens[index]
        guard opening.isMark("(") || opening.isMark("["), index + 3 < limit else { return nil }
        let closingMark: Unicode.Scalar = opening.isMark("(") ? ")" : "]"
        var closing = index + 1
        while closing < limit, closing <= index + 2, tokens[closing].kind == .word, tokens[closing].isCapitalized,
            !tokens[closing].isAllCaps, classes(closing).isDisjoint(with: [.nonEntity, .agencyHead, .organizationHead])
        {
            closing += 1
        }
        guard closing > index + 1, closing + 1 < limit, tokens[closing].isMark(closingMark) else { return nil }
        let name = closing + 1
        guard tokens[name].kind == .word, tokens[name].isCapitalized, !tokens[name].isAllCaps,
            tokens[name].shape.contains(.spaceBefore), isNameToken(name), !isHead(name)
        else { return nil }
        for word in (index + 1)..<closing {
            if let (_, category) = lexiconMatch(at: word, end: closing), !isPersonCategory(category) { return nil }
        }
        if let (_, category) = lexiconMatch(at: name, end: limit), !isPersonCategory(category) { return nil }
        return closing
    }

    private func isPersonCategory(_ category: LexiconCategory) -> Bool {
        if case .person = category { return true }
        return false
    }

    /// A lowercase particle that no name follows ("al" before a lowercase word).
    private func isStrayParticle(_ index: Int, limit: Int) -> Bool {
        tokens[index].kind == .word && classes(index).contains(.particle) && !tokens[index].isCapitalized
            && index + 1 < limit && !tokens[index + 1].isMark("-") && !isNameToken(index + 1)
    }

    private func hitItem(_ range: Range<Int>, _ category: LexiconCategory) -> Item {
        hitCategories.append(category)
        return .hit(range, hitCategories.count - 1)
    }

    private func runItem(_ range: Range<Int>, absorbed: [(Range<Int>, LexiconCategory)]) -> Item {
        let start = absorbedHits.count
        if !absorbed.isEmpty { absorbedHits.append(contentsOf: absorbed) }
        return .run(range, absorbed: start..<absorbedHits.count)
    }

    private func isBodyOrTitle(_ category: LexiconCategory) -> Bool {
        switch category {
        case .body, .title: true
        default: false
        }
    }

    /// The country's name or adjective that opens a lexicon hit ("US" of "US Treasury Department"),
    /// shorter than the hit.
    private func countryOpening(_ hit: Range<Int>) -> (Int, LexiconCategory)? {
        for end in (hit.lowerBound + 1)..<hit.upperBound {
            if let (length, category) = lexiconMatch(at: hit.lowerBound, end: end, excludingTitles: true),
                hit.lowerBound + length == end
            {
                switch category {
                case .country, .demonym: return (length, category)
                default: continue
                }
            }
        }
        return nil
    }

    /// The longest lexicon phrase starting at `start`, checked against each word's capitalization.
    func lexiconMatch(at start: Int, end: Int, excludingTitles: Bool = false) -> (Int, LexiconCategory)? {
        // Entries are compared by index, through their packed checks: copying one copies its
        // arrays and names.
        var node: Int32 = 0
        var best: (length: Int, entry: Int, priority: Int)?
        var index = start
        // Offsets (from `start`) of the tokens passed so far that are capitalized, and all caps.
        var capitalized: UInt64 = 0
        var allCaps: UInt64 = 0
        while index < end, let child = lexicon.trie.child(of: node, tokens[index].id) {
            let offset = index - start
            if offset < EntryCheck.maximumLength {
                if tokens[index].isCapitalized || tokens[index].isAllCaps { capitalized |= 1 << offset }
                if tokens[index].isAllCaps { allCaps |= 1 << offset }
            }
            node = child
            index += 1
            for position in 0..<lexicon.trie.entryCount(at: node) {
                let entry = Int(lexicon.trie.entry(position, at: node))
                let check = lexicon.entryChecks[entry]
                if excludingTitles && check.isTitle { continue }
                let matches = check.needsEntry
                    ? caseMatches(entry, from: start)
                    : check.capitalized & ~capitalized == 0 && check.allCaps & ~allCaps == 0
                if matches, best == nil || best!.length < index - start || check.priority > best!.priority {
                    best = (index - start, entry, check.priority)
                }
            }
        }
        return best.map { ($0.length, lexicon.entries[$0.entry].category) }
    }

    private func caseMatches(_ entry: Int, from start: Int) -> Bool {
        let ruleCount = lexicon.entries[entry].caseRule.count
        for offset in 0..<ruleCount {
            let token = tokens[start + offset]
            switch lexicon.entries[entry].caseRule[offset] {
            case 1 where !token.isCapitalized && !token.isAllCaps: return false
            case 2 where !token.isAllCaps: return false
            case 3:
                guard let spelling = lexicon.entries[entry].exactSpelling[offset],
                    text[Int(token.start)..<Int(token.end)].elementsEqual(spelling)
                else { return false }
            default: continue
            }
        }
        return true
    }

    /// The most tokens a run of name words reaches. A title that no head word ends is one token
    /// long and the run is tried again from the next token ("President President ..."): without a
    /// bound, the work would grow with the square of such a run. The longest run of the
    /// evaluation corpora has 19 tokens.
    static let maximumRunTokens = 48

    /// A maximal run of name words, joined by hyphens and by "of", "for", "and", "the" where a body
    /// name needs them ("Office of Foreign Assets Control", "Ministry of Trade and Industry"), of at
    /// most `maximumRunTokens`.
    /// A one-word post that is also an agency's head word: "Prosecutor".
    private func isAgencyHeadingPost(_ index: Int) -> Bool {
        guard classes(index).contains(.agencyHead), let (length, category) = lexiconMatch(at: index, end: index + 1), length == 1,
            case .title = category
        else { return false }
        return true
    }

    func extendRun(from start: Int, limit: Int, ignoringLexicon: Bool = false) -> (Range<Int>, [(Range<Int>, LexiconCategory)]) {
        let limit = min(limit, start + MentionBuilder.maximumRunTokens)
        var end = start + 1
        var absorbed: [(Range<Int>, LexiconCategory)] = []
        var sawHeadOrOfTaking = isHead(start) || classes(start).contains(.ofTaking)
        // The number the run took last ("Channel 12"): a name may end on it.
        var closingNumber: Int?
        extending: while end < limit {
            let token = tokens[end]
            // Hyphenated parts: "Byung-Se", "al-Sisi", and the lowercase second syllable of an East
            // Asian given name ("Kim Jong-un", "John Lee Ka-chiu").
            if token.isMark("-") && !token.shape.contains(.spaceBefore) && end + 1 < limit
                && tokens[end + 1].kind == .word && !tokens[end + 1].shape.contains(.spaceBefore)
                && (tokens[end + 1].isCapitalized || tokens[end + 1].isAllCaps || isGivenNameSyllable(end + 1, run: start..<end)
                    || classes(end - 1).contains(.hyphenPrefix))
                && !startsSecondName(afterHyphen: end, run: start..<end, limit: limit)
            {
                end += 2
                continue
            }
            // "Ministry of the People's Armed Forces": a possessive inside a body's name.
            // The word before it is a common noun ("People", a head), not a name whose body it is
            // ("Hezbollah's Central Finance Unit", "Biden's Cabinet"). A run that a title opens
            // takes it after a post that heads an agency ("General Prosecutor's Office"), not
            // after a body ("State Council's Military Commission" is the council's commission).
            if !ignoringLexicon || isAgencyHeadingPost(end - 1), isPossessive(end), tokens[end - 1].isCapitalized, end + 1 < limit, tokens[end + 1].isCapitalized,
                !classes(end - 1).isDisjoint(with: [.groupNoun, .agencyHead, .organizationHead]),
                lexiconMatch(at: end - 1, end: end).map({ match in
                    if case .title = match.1 { return classes(end - 1).contains(.agencyHead) } else { return false }
                }) ?? true, !isPersonName(start..<end)
            {
                if let headEnd = headEnd(from: end + 1, limit: limit), classes(headEnd - 1).contains(.agencyHead) {
                    end = headEnd
                    continue
                }
                // "People's National Party": a people's possessive opens a party's name too.
                if classes(end - 1).contains(.groupNoun), let headEnd = headEnd(from: end + 1, limit: limit),
                    classes(headEnd - 1).contains(.organizationHead)
                {
                    end = headEnd
                    continue
                }
                // "Ministry of People's Security": after a body's head and "of", a people's
                // possessive is part of the portfolio.
                if classes(end - 1).contains(.groupNoun), isLowercaseWord(end - 2, .headComplement),
                    (start..<(end - 2)).contains(where: { classes($0).contains(.agencyHead) }), isNameToken(end + 1)
                {
                    end += 1
                    continue
                }
            }
            // "House Committee on Veterans' Affairs": a plural possessive inside a body's name.
            if !ignoringLexicon, sawHeadOrOfTaking, token.isMark("'"), !token.shape.contains(.spaceBefore), end + 1 < limit,
                tokens[end - 1].kind == .word, tokens[end - 1].isCapitalized, text[Int(tokens[end - 1].end) - 1] == UInt8(ascii: "s"),
                tokens[end + 1].kind == .word, tokens[end + 1].isCapitalized, tokens[end + 1].shape.contains(.spaceBefore),
                isNameToken(end + 1)
            {
                end += 1
                continue
            }
            // "Changpeng “CZ” Zhao": a nickname in quotes inside a person's name.
            if let closing = quotedNickname(at: end, limit: limit), closing + 1 < limit, tokens[closing + 1].kind == .word,
                tokens[closing + 1].isCapitalized, tokens[closing + 1].shape.contains(.spaceBefore), isNameToken(closing + 1),
                !isHead(end - 1)
            {
                end = closing + 2
                continue
            }
            // "Harland & Wolff", "Mitsui E&S": an ampersand always joins two parts of a name.
            if token.isMark("&") && end + 1 < limit && tokens[end + 1].kind == .word
                && (tokens[end + 1].isCapitalized || tokens[end + 1].isAllCaps)
            {
                end += 2
                continue
            }
            // "Calvert 22 Foundation", "Channel 12": a number inside a name or after a media head.
            if token.kind == .number && token.shape.contains(.spaceBefore) && tokens[end - 1].kind == .word
                && ((end + 1 < limit && tokens[end + 1].shape.contains(.spaceBefore) && isHead(end + 1))
                    || (end == start + 1 && !classes(start).isDisjoint(with: [.organizationHead, .agencyHead])
                        && !isMark(end + 1, "-")))
            {
                // "Channel 12": an organization's head and its number make the whole name.
                if end == start + 1 && classes(start).contains(.organizationHead) { closingNumber = end }
                end += 1
                continue
            }
            if token.kind == .word && (token.isCapitalized || token.isAllCaps || classes(end).contains(.particle))
                && !isPossessive(end) && (isNameToken(end) || opensHyphenatedGivenName(end, run: start..<end))
                && token.shape.contains(.spaceBefore)
            {
                // "Speaker of the National Assembly of Armenia Taron Vardanyan": after a body's "of"
                // and its country, capitalized words with no head are the holder's name, not the body's
                // (a party's name goes on: "Communist Party of Nepal Unified Marxist-Leninist").
                if let last = absorbed.last, last.0.upperBound == end, case .country = last.1, isLowercaseWord(last.0.lowerBound - 1, .genitive)
                    || (isWord(last.0.lowerBound - 1, .article) && isLowercaseWord(last.0.lowerBound - 2, .genitive)),
                    !headFollows(end, limit: limit), (start..<end).contains(where: { classes($0).contains(.agencyHead) })
                {
                    break extending
                }
                if !ignoringLexicon, let (length, category) = lexiconMatch(at: end, end: limit) {
                    switch category {
                    // "Luiz Inácio Lula da Silva": a known name inside a longer one that opens with a
                    // given name (but "Leader of Opposition Sushma Swaraj" is a title and a name).
                    case .person where classes(start).contains(.givenName) || classes(start).contains(.familyNameFirst)
                        || (start..<end).allSatisfy({ isInitial($0) }): break
                    // "Leila De Lima": after a particle, a place name is the surname.
                    case .seat where length == 1 && classes(end - 1).contains(.particle): break
                    // "Tabacos USA Inc.", "Shenyang China Trade Industry": a country inside a company's name,
                    // before the rest of the name up to its head.
                    case .country where end + length < limit && headFollows(end + length, limit: limit): break
                    // "Al-Jabri General Trading Co": a rank word inside a company's name.
                    case .title where length == 1 && headFollows(end + 1, limit: limit): break
                    // "Public Prosecutor's Office": a post whose office the name is (see the possessive above).
                    case .title where length == 1 && classes(end).contains(.agencyHead) && isPossessive(end + 1)
                        && headEnd(from: end + 2, limit: limit) != nil: break
                    // "the Office of the Ohio Governor": a title closes the name of its holder's office.
                    case .title where closesOfficeName(start..<end, titleEnd: end + length, limit: limit): break
                    // "Evan Spiegel", "Julie Bishop": after a lone given name, a known word is the surname.
                    case _ where length == 1 && end == start + 1 && classes(start).contains(.givenName)
                        && !(end + 1 < limit && tokens[end + 1].isCapitalized && tokens[end + 1].shape.contains(.spaceBefore)): break
                    default: break extending
                    }
                }
                if isHead(end) || classes(end).contains(.ofTaking) { sawHeadOrOfTaking = true }
                end += 1
                continue
            }
            // Connectors inside body names, unless "and" joins two whole names ("Lockheed Martin Corp.
            // and Raytheon Co.", "the Federation Council and the State Duma") or follows a person's
            // name ("Abdel Fattah al-Sisi and EU Commission President ...").
            if token.kind == .word && !token.isCapitalized && classes(end).contains(.connector)
                && (sawHeadOrOfTaking
                    || (classes(end).contains(.conjunction) && headFollows(end + 1, limit: limit) && !classes(start).contains(.givenName)))
                && !(classes(end).contains(.conjunction) && joinsTwoNames(start..<end, conjunction: end, limit: limit))
            {
                var next = end + 1
                if next < limit && isLowercaseWord(next, .connector) && classes(next).contains(.article) {
                    next += 1
                }
                // "Ministry of Foreign Affairs on Friday": a date word ends the name.
                guard next < limit, tokens[next].kind == .word, tokens[next].isCapitalized || tokens[next].isAllCaps,
                    isNameToken(next)
                else { break }
                if let (length, category) = lexiconMatch(at: next, end: limit) {
                    // "the Government of President Jonas Mbeki": a title right after "of" with a name
                    // after it is its holder's; the body's own name ended before "of". ("the Office of
                    // the Minister of Foreign Affairs Karim Haddad" names the office.)
                    if case .title = category, isLowercaseWord(end, .genitive), next == end + 1, next + length < limit,
                        tokens[next + length].kind == .word, tokens[next + length].isCapitalized,
                        tokens[next + length].shape.contains(.spaceBefore), isNameToken(next + length)
                    {
                        break
                    }
                    absorbed.append((next..<(next + length), category))
                    end = next + length
                } else {
                    end = next + 1
                }
                continue
            }
            break
        }
        // A run never ends on a joining word.
        while end > start + 1 && end - 1 != closingNumber
            && (tokens[end - 1].kind != .word || (!tokens[end - 1].isCapitalized && !tokens[end - 1].isAllCaps))
            && !(tokens[end - 1].kind == .word && isMark(end - 2, "-") && !tokens[end - 1].shape.contains(.spaceBefore))
        {
            end -= 1
        }
        // "and" joins two names only inside a body name ("Ministry of Trade and Industry"), not
        // "Kim and Putin".
        if !isHead(end - 1) {
            for index in start..<end where isLowercaseWord(index, .conjunction) && absorbed.allSatisfy({ $0.0.upperBound <= index }) {
                if !(start..<index).contains(where: { isHead($0) }) {
                    end = index
                    break
                }
            }
        }
        if !absorbed.isEmpty { absorbed.removeAll { $0.0.upperBound > end } }
        // "Acuaindustria Narciso Mendoza, S.C. de R.L. de C.V.": a legal form after a comma.
        if isMark(end, ","), end + 1 < limit, classes(end + 1).contains(.legalForm), tokens[end + 1].isCapitalized || tokens[end + 1].isAllCaps {
            end += 2
            while end < limit, classes(end).contains(.legalForm) || (isLowercaseWord(end, .connector) && classes(end + 1).contains(.legalForm)) {
                end += 1
            }
        }
        return (start..<end, absorbed)
    }

    /// Whether the "and" at `conjunction` joins two whole names rather than two words of one: the
    /// run so far ends in a head or a sector word ("Lockheed Martin Corp.", "Osong Shipping") and a
    /// name of two or more words with a head follows that does not open with a sector word
    /// ("Raytheon Co.", not "Gas Enterprise" after "Oil"), or "the" opens a name with a head ("and
    /// the Security Service"). A run with "of" coordinates its portfolio ("Ministry of Trade and
    /// Industry").
    private func joinsTwoNames(_ run: Range<Int>, conjunction: Int, limit: Int) -> Bool {
        var next = conjunction + 1
        let article = next < limit && isLowercaseWord(next, .article)
        if article { next += 1 }
        guard next < limit, tokens[next].isCapitalized || tokens[next].isAllCaps else { return false }
        // "Vice President of the Council of Ministers and Minister of Defence": a title after "and"
        // starts a second role, not a word of the body.
        if let (_, category) = lexiconMatch(at: next, end: limit), case .title = category { return true }
        // "the Foreign Ministry and the White House", "the Foreign Ministry and China": after a
        // whole body name, a known name is a second actor, never the rest of the first.
        if isHead(run.upperBound - 1), lexiconMatch(at: next, end: limit, excludingTitles: true) != nil
            || classes(next).contains(.givenName)
        {
            return true
        }
        // "the National Reserve Fund of Oman and Oman's Naval Industries Organization": a name
        // whose possessive opens another name is that name's owner, not the rest of the first one
        // ("Ministry of Labour and People's Welfare" goes on: a people's possessive is a word of it).
        var owner = next
        while owner < limit, owner < next + 4, tokens[owner].kind == .word, tokens[owner].isCapitalized || tokens[owner].isAllCaps,
            !isPossessive(owner)
        {
            owner += 1
        }
        if owner > next, isPossessive(owner), owner + 1 < limit, tokens[owner + 1].kind == .word, tokens[owner + 1].isCapitalized,
            !classes(owner - 1).contains(.groupNoun)
        {
            return true
        }
        // "Zhejiang Hengli Industry Co Ltd and Smith & Partners": a legal form ends a company's name.
        let last = run.upperBound - 1
        if classes(last).contains(.legalForm) && (tokens[last].isCapitalized || tokens[last].isAllCaps) && run.count > 1 {
            return true
        }
        // "President William Ruto and Azimio La Umoja Coalition": a person's name is never the first
        // part of a body's.
        if !isHead(last), run.contains(where: { tokens[$0].kind == .word && tokens[$0].isCapitalized && classes($0).contains(.givenName) }) {
            return true
        }
        // "Corvale Agro and Corvale Contracting": a name that opens with the first word of the run
        // repeats it, and is a second name of the same family, not the rest of the first.
        if run.count >= 2, next + 1 < limit, tokens[next].kind == .word, tokens[next + 1].kind == .word,
            tokens[next + 1].isCapitalized, !run.contains(where: { isLowercaseWord($0, .headComplement) }),
            string(run.lowerBound..<(run.lowerBound + 1)) == string(next..<(next + 1))
        {
            return true
        }
        // The capitalized words that follow, up to a head, through the small words and ampersands
        // inside a name ("Yixin Science and Technology Co. Ltd.").
        var end = next
        var headEnd: Int?
        while end < limit, end < next + 8, tokens[end].kind == .word, tokens[end].isCapitalized || tokens[end].isAllCaps {
            if isHead(end) { headEnd = end + 1 }
            end += 1
            if end + 1 < limit, isLowercaseWord(end, .connector) || isMark(end, "&"), tokens[end + 1].kind == .word,
                tokens[end + 1].isCapitalized || tokens[end + 1].isAllCaps
            {
                end += 1
                continue
            }
            // "the Bosniak-Croat Federation": a hyphenated word is one word of the name.
            if end + 1 < limit, isMark(end, "-"), !tokens[end].shape.contains(.spaceBefore), tokens[end + 1].kind == .word,
                !tokens[end + 1].shape.contains(.spaceBefore)
            {
                end += 1
            }
        }
        guard let headEnd else { return false }
        if article { return true }
        let hasGenitive = run.contains { isLowercaseWord($0, .headComplement) }
        // "the Bonyad Fund of Iran and Mehr Trading Co.": after a country, the portfolio is over.
        if hasGenitive, endsInCountry(run), headEnd - next >= 2 { return true }
        // "Sberbank and Alfa Bank": the run so far is a known name of its own, with no portfolio
        // that "and" could go on ("Department of Energy and Climate Change").
        if !hasGenitive, let (length, category) = lexiconMatch(at: run.lowerBound, end: conjunction, excludingTitles: true),
            length == run.count, case .body = category
        {
            return true
        }
        return !hasGenitive && (isHead(run.upperBound - 1) || classes(run.upperBound - 1).contains(.trade))
            && headEnd - next >= 2 && !classes(next).contains(.trade)
    }

    /// Whether a title from the run's end to `titleEnd` is the last word of the name of its
    /// holder's office: the run opens with an agency head and "of the" ("Office of the Ohio
    /// Governor"), and no name follows the title ("the Office of the Governor Tom Reyes").
    private func closesOfficeName(_ run: Range<Int>, titleEnd: Int, limit: Int) -> Bool {
        guard run.count >= 3, classes(run.lowerBound).contains(.agencyHead), isLowercaseWord(run.lowerBound + 1, .genitive),
            isWord(run.lowerBound + 2, .article)
        else { return false }
        return titleEnd >= limit || tokens[titleEnd].kind != .word || !(tokens[titleEnd].isCapitalized || tokens[titleEnd].isAllCaps)
    }

    /// Whether the run ends with "of [the] Country".
    private func endsInCountry(_ run: Range<Int>) -> Bool {
        guard let genitive = run.last(where: { isLowercaseWord($0, .genitive) }) else { return false }
        let start = isWord(genitive + 1, .article) ? genitive + 2 : genitive + 1
        guard start < run.upperBound, let (length, category) = lexiconMatch(at: start, end: run.upperBound),
            start + length == run.upperBound, case .country = category
        else { return false }
        return true
    }

    /// The closing quote of a short quoted nickname opening at `index` ("“CZ”", "\"Jokowi\"").
    func quotedNickname(at index: Int, limit: Int) -> Int? {
        guard isMark(index, "\""), tokens[index].shape.contains(.spaceBefore), index + 2 < limit,
            tokens[index + 1].kind == .word, tokens[index + 1].isCapitalized || tokens[index + 1].isAllCaps
        else { return nil }
        for closing in (index + 2)..<min(index + 5, limit) where isMark(closing, "\"") {
            return closing
        }
        return nil
    }

    /// An initial of a name: one capital letter with its period ("R." of "R. James Woolsey").
    private func isInitial(_ index: Int) -> Bool {
        tokens[index].kind == .word && tokens[index].isCapitalized && tokens[index].end - tokens[index].start == 2
            && text[Int(tokens[index].end) - 1] == UInt8(ascii: ".")
    }

    /// "Winston Peters-Antony Blinken talks": after a name of two words or more, a hyphen before a
    /// given name and another name word joins two people's names, not the parts of one (but
    /// "Al-Ahmad Al-Jaber" joins a particle to its name).
    private func startsSecondName(afterHyphen hyphen: Int, run: Range<Int>, limit: Int) -> Bool {
        wordCount(run) >= 2 && !classes(hyphen - 1).contains(.particle) && classes(hyphen + 1).contains(.givenName) && hyphen + 2 < limit
            && tokens[hyphen + 2].kind == .word && tokens[hyphen + 2].isCapitalized && tokens[hyphen + 2].shape.contains(.spaceBefore)
    }

    /// A short lowercase syllable after a hyphen, in a run of two or more words that holds a
    /// family name written first: "un" in "Kim Jong-un", "chiu" in "John Lee Ka-chiu".
    private func isGivenNameSyllable(_ index: Int, run: Range<Int>) -> Bool {
        let token = tokens[index]
        guard !token.isCapitalized, token.end - token.start <= 5, wordCount(run) >= 2 else { return false }
        return run.dropLast().contains { classes($0).contains(.familyNameFirst) }
    }

    /// "In" of "Jong In-chol": after a family name written first, a capitalized small word with a
    /// lowercase syllable hyphenated to it opens the given name, whatever else the word is.
    private func opensHyphenatedGivenName(_ index: Int, run: Range<Int>) -> Bool {
        let hyphen = index + 1
        guard inSentence(hyphen + 1), tokens[index].isCapitalized, tokens[hyphen].isMark("-"),
            !tokens[hyphen].shape.contains(.spaceBefore), !tokens[hyphen + 1].shape.contains(.spaceBefore),
            tokens[hyphen + 1].kind == .word, !tokens[hyphen + 1].isCapitalized
        else { return false }
        return isGivenNameSyllable(hyphen + 1, run: run.lowerBound..<(index + 1))
    }

    /// Where a lexicon body starts inside the first words of `run` and ends with it, if one does.
    private func knownBodyEnding(_ run: Range<Int>, within hit: Range<Int>) -> Int? {
        for start in (hit.lowerBound + 1)..<hit.upperBound {
            if let (length, category) = lexiconMatch(at: start, end: run.upperBound), start + length == run.upperBound,
                case .body = category
            {
                return start
            }
        }
        return nil
    }

    /// Whether a run so far reads as a person's name: it opens with a given name or a family name.
    private func isPersonName(_ run: Range<Int>) -> Bool {
        !classes(run.lowerBound).isDisjoint(with: [.givenName, .familyNameFirst])
    }

    /// The end of the capitalized words from `start` (at most four) that end in a head word.
    private func headEnd(from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit && index < start + 4 && tokens[index].kind == .word && tokens[index].isCapitalized {
            if isHead(index) && !(index + 1 < limit && tokens[index + 1].kind == .word && tokens[index + 1].isCapitalized) {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Whether capitalized words from `start` end in a head word ("... and Security Forces").
    private func headFollows(_ start: Int, limit: Int) -> Bool {
        var index = start
        while index < limit && index < start + 4 && tokens[index].kind == .word && tokens[index].isCapitalized {
            if isHead(index) { return true }
            index += 1
        }
        return false
    }
}
