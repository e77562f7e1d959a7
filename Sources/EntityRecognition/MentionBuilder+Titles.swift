import KnowledgeGraph

/// The third stage: titles. A title finds the name it stands before ("Foreign Minister Wang
/// Yi"), the country or body that owns it ("the president of Ghana, Kwame Asante"), or stands
/// for a person by itself ("the secretary of state").
extension MentionBuilder {
    func handleTitle(_ range: Range<Int>, target: String?, honorific: Bool, state: inout ScanState) {
        let owner = state.owner
        let ownerStart = state.ownerStart
        let (titleRange, titleTarget) = extendTitle(range, target: target, honorific: honorific, state: &state)
        var titleOwner = owner
        if !honorific, titleOwner == nil, let anaphor = anaphoricCountry(before: titleRange.lowerBound) {
            // "the country's elected president, Ali Mansour": the country the text is about.
            titleOwner = anaphor
        }
        if !honorific, handleOfOwner(after: titleRange, target: titleTarget, sendingState: titleOwner, state: &state) {
            return
        }
        if !honorific, let (portfolio, name, next) = portfolioThenName(after: titleRange, from: state.next) {
            // "Commissioner for Competition Margrethe Vestager", "Speaker of the National Assembly
            // of Armenia Alen Simonyan": the portfolio belongs to the title, the name follows it.
            state.next = next
            var nameOwner = titleOwner
            if let body = portfolio.last, bodyType(body) != nil, !sentence.isTitleCase {
                // The portfolio names a body: it owns the title.
                addBody(body, type: bodyType(body)!, absorbed: [], owner: nil, ownerStart: body.lowerBound, state: &state)
                if let last = candidates.indices.last, candidates[last].tokens == body { nameOwner = last }
            }
            let title = titleRange.lowerBound..<name.lowerBound
            let phraseStart = owner != nil ? min(ownerStart, titleRange.lowerBound) : titleRange.lowerBound
            handleRun(name, absorbed: [], owner: nameOwner, ownerStart: phraseStart, title: (string(title), titleTarget, false),
                      state: &state)
            return
        }
        var nameIndex = state.next
        var comma = false
        if nameIndex < items.count, case .token(let tokenIndex) = items[nameIndex], tokenIndex == titleRange.upperBound,
            tokens[tokenIndex].isMark(","), nameIndex + 1 < items.count
        {
            comma = true
            nameIndex += 1
        }
        let titleText = string(titleRange)
        if nameIndex < items.count, case .run(let runRange, let absorbed) = items[nameIndex],
            runRange.lowerBound == titleRange.upperBound + (comma ? 1 : 0),
            !isHead(runRange.upperBound - 1) || (!honorific && isPersonNameWithHeadWord(runRange)),
            !comma || wordCount(runRange) >= 2, namesAfterTitle(runRange),
            // A role right after an opening quote is quoted ("“President” Smith"); a courtesy title
            // there opens an address ("“Mr. Chew, you are ...").
            !(titleRange.lowerBound > sentence.tokens.lowerBound && isOpeningQuote(titleRange.lowerBound - 1) && !honorific)
        {
            state.next = nameIndex + 1
            let phraseStart = owner != nil ? min(ownerStart, titleRange.lowerBound) : titleRange.lowerBound
            handleRun(runRange, absorbed: absorbedHits[absorbed], owner: honorific ? nil : titleOwner,
                      ownerStart: phraseStart, title: (honorific ? nil : titleText, titleTarget, honorific), state: &state)
            return
        }
        if nameIndex < items.count, case .hit(let hitRange, let category) = items[nameIndex], case .person = hitCategories[category],
            hitRange.lowerBound == titleRange.upperBound
        {
            return
        }
        // A title standing for a person: "the secretary of state", "The Spokesperson",
        // "the South African President".
        guard !honorific else { return }
        let before = (owner != nil ? ownerStart : titleRange.lowerBound) - 1
        let afterDeterminer = before >= sentence.tokens.lowerBound && classes(before).contains(.article)
        let multiword = titleRange.count > 1 || tokens[titleRange.lowerBound].isCapitalized
        var country: String?
        if let titleOwner, case .country(let name) = candidates[titleOwner].key { country = name }
        // "the secretary of state", "Indian Defence Minister's remarks": a title standing for its holder.
        guard (afterDeterminer || country != nil) && multiword else { return }
        let phrase = (owner != nil ? min(ownerStart, titleRange.lowerBound) : titleRange.lowerBound)..<titleRange.upperBound
        add(Candidate(tokens: titleRange, phrase: phrase, kind: .title, type: .person,
                      key: .titleReference(lexicon.keys.normalizedTitle(lowercased: titleText.lowercased()), country: country),
                      name: titleText, canStartEntity: false))
    }

    /// The whole title that starts with the title hit `range`, and where it points: further titles
    /// and bodies ("Foreign Office Spokesperson", "Under Secretary"), a run between two titles
    /// ("Chief Foreign Affairs Correspondent"), and whom the holder serves and the portfolio
    /// ("Senior Adviser to the President on Trade and Investment, Ade Okoro").
    private func extendTitle(_ range: Range<Int>, target: String?, honorific: Bool, state: inout ScanState)
        -> (range: Range<Int>, target: String?)
    {
        var titleRange = range
        var titleTarget = target
        while state.next < items.count, case .hit(let nextRange, let category) = items[state.next],
            nextRange.lowerBound == titleRange.upperBound
        {
            guard case .title(let nextTarget, _) = hitCategories[category] else { break }
            titleRange = titleRange.lowerBound..<nextRange.upperBound
            if nextTarget != nil { titleTarget = nextTarget }
            state.next += 1
        }
        while state.next + 1 < items.count, case .run(let inner, _) = items[state.next], inner.lowerBound == titleRange.upperBound,
            case .hit(let nextRange, let category) = items[state.next + 1], case .title(let nextTarget, _) = hitCategories[category],
            nextRange.lowerBound == inner.upperBound
        {
            titleRange = titleRange.lowerBound..<nextRange.upperBound
            if nextTarget != nil { titleTarget = nextTarget }
            state.next += 2
        }
        guard !honorific else { return (titleRange, titleTarget) }
        var cursor = state.next
        var extended = titleRange
        while cursor < items.count, case .token(let word) = items[cursor], word == extended.upperBound {
            if isWord(word, .recipient), cursor + 2 < items.count, case .token(let the) = items[cursor + 1], isWord(the, .article),
                case .hit(let next, let category) = items[cursor + 2], case .title = hitCategories[category],
                next.lowerBound == the + 1
            {
                extended = extended.lowerBound..<next.upperBound
                cursor += 3
            } else if isWord(word, .portfolio), cursor + 1 < items.count, case .run(let portfolio, _) = items[cursor + 1],
                portfolio.lowerBound == word + 1, cursor + 2 < items.count, case .token(let comma) = items[cursor + 2],
                isMark(comma, ",")
            {
                extended = extended.lowerBound..<portfolio.upperBound
                cursor += 2
            } else {
                break
            }
        }
        // Only when a comma and a name follow the whole title.
        if extended != titleRange, cursor + 1 < items.count, case .token(let comma) = items[cursor], isMark(comma, ","),
            case .run(let name, _) = items[cursor + 1], name.lowerBound == comma + 1, wordCount(name) >= 2
        {
            titleRange = extended
            state.next = cursor
        }
        return (titleRange, titleTarget)
    }

    /// A title's portfolio written before the name with no comma: joining words ("for", "of",
    /// "and", "the") and runs, the last of which goes on into a name that opens with a given
    /// name ("for Competition Margrethe Vestager", "for Terrorism and Financial Intelligence Brian
    /// E. Nelson", "and Trade Peter Szijjarto"). Returns the portfolio's runs (the last cut before
    /// the name), the name, and the item after it.
    private func portfolioThenName(after title: Range<Int>, from item: Int) -> (portfolio: [Range<Int>], name: Range<Int>, next: Int)? {
        var index = item
        var position = title.upperBound
        var portfolio: [Range<Int>] = []
        for _ in 0..<4 {
            // One or two joining words ("for", "of the", "and").
            var joined = 0
            while index < items.count, case .token(let word) = items[index], word == position, joined < 2,
                isLowercaseWord(word, .connector)
            {
                index += 1
                position += 1
                joined += 1
            }
            guard joined > 0, index < items.count, case .run(let run, _) = items[index], run.lowerBound == position else { return nil }
            if let name = nameInside(run) {
                portfolio.append(run.lowerBound..<name.lowerBound)
                return (portfolio, name, index + 1)
            }
            portfolio.append(run)
            index += 1
            position = run.upperBound
        }
        return nil
    }

    /// A person's name inside a run that first names a portfolio or a body: a given name not
    /// after a particle, opening two to four name words with no head word among them, up to a
    /// joining word ("Paul Herbert Oquist Kelley" of "Presidency Paul Herbert Oquist Kelley and
    /// Nicaraguan").
    func nameInside(_ run: Range<Int>) -> Range<Int>? {
        for start in (run.lowerBound + 1)..<run.upperBound
        where tokens[start].isCapitalized && classes(start).contains(.givenName) && !classes(start - 1).contains(.particle)
            && tokens[start].shape.contains(.spaceBefore)
        {
            let end = (start..<run.upperBound).first { isLowercaseWord($0, .connector) && !classes($0).contains(.particle) } ?? run.upperBound
            let name = start..<end
            guard (2...4).contains(wordCount(name)), !name.contains(where: { isHead($0) }) else { continue }
            return name
        }
        return nil
    }

    /// "the president of Ghana, Kwame Asante", "the chairman of the Federal Reserve Jerome
    /// Powell": the country or body after "of" owns the title of the name that follows.
    private func handleOfOwner(after titleRange: Range<Int>, target: String?, sendingState: Int?, state: inout ScanState) -> Bool {
        let index = state.next
        guard index + 1 < items.count, case .token(let ofToken) = items[index], ofToken == titleRange.upperBound,
            (isWord(ofToken, .genitive) && sendingState == nil) || (isWord(ofToken, .recipient) && sendingState != nil)
        else { return false }
        // "China's ambassador to the United States, Xie Feng": the post's country is where the
        // envoy serves; the envoy belongs to the country before the title.
        let serves = isWord(ofToken, .recipient)
        var ownerItem = index + 1
        if case .token(let token) = items[ownerItem], isWord(token, .article) { ownerItem += 1 }
        guard ownerItem + 1 < items.count, case .hit(let ownerRange, let categoryIndex) = items[ownerItem],
            ownerRange.lowerBound == items[ownerItem - 1].range.upperBound
        else { return false }
        let category = hitCategories[categoryIndex]
        var nameItem = ownerItem + 1
        var comma = false
        if case .token(let token) = items[nameItem], isMark(token, ",") {
            comma = true
            nameItem += 1
        }
        guard nameItem < items.count, case .run(let runRange, let absorbed) = items[nameItem],
            runRange.lowerBound == ownerRange.upperBound + (comma ? 1 : 0), !isHead(runRange.upperBound - 1),
            wordCount(runRange) >= 2, namesAfterTitle(runRange)
        else { return false }
        let ownerCandidate: Candidate
        switch category {
        case .country(let country):
            ownerCandidate = countryCandidate(ownerRange, country, lexiconName: country)
        case .body(let name, let type, let country):
            ownerCandidate = bodyCandidate(ownerRange, name: name, type: type, country: country)
        default:
            return false
        }
        let placeIndex = add(ownerCandidate)
        let ownerIndex = serves ? sendingState! : placeIndex
        state.next = nameItem + 1
        handleRun(runRange, absorbed: absorbedHits[absorbed], owner: ownerIndex,
                  ownerStart: titleRange.lowerBound, title: (string(titleRange), target, false), state: &state)
        return true
    }

    /// "the country's (elected) president": the country named last before it, within a few sentences.
    private func anaphoricCountry(before titleStart: Int) -> Int? {
        var cursor = titleStart - 1
        var modifiers = 0
        while cursor > 0, modifiers < 2, tokens[cursor].kind == .word, !tokens[cursor].isCapitalized,
            !isPossessive(cursor), classes(cursor).subtracting(.lookups).isEmpty
        {
            cursor -= 1
            modifiers += 1
        }
        guard cursor >= 2, isPossessive(cursor), isWord(cursor - 1, .anaphoricState), isWord(cursor - 2, .article) else { return nil }
        // The country the text is about: of the countries named in the last stretch of text, the one
        // named most often so far (the latest on a tie).
        // Candidates are in text order (headlines come last, and never hold this phrase).
        let limit = cursor - 2
        var counts: [String: Int] = [:]
        var recent: [Int] = []
        for candidateIndex in candidates.indices.reversed() {
            let end = candidates[candidateIndex].tokens.upperBound
            guard candidates[candidateIndex].type == .country, end <= limit else { continue }
            if limit - end > 1_000 { break }
            counts[candidates[candidateIndex].name, default: 0] += 1
            if limit - end <= 80 { recent.append(candidateIndex) }
        }
        // `recent` runs from the latest back: the first with the highest count wins.
        var best: Int?
        for candidateIndex in recent where best == nil
            || counts[candidates[candidateIndex].name, default: 0] > counts[candidates[best!].name, default: 0]
        {
            best = candidateIndex
        }
        return best
    }

    /// One or two lowercase role words ("foreign policy", "press", "political") and then a title.
    func roleModifiersThenTitle(from start: Int) -> Bool {
        var index = start
        var words = 0
        while index < items.count, case .token(let token) = items[index], words < 2,
            isLowercaseWord(token, .roleModifier) || isLowercaseWord(token, .bodyModifier)
        {
            index += 1
            words += 1
        }
        guard words > 0, index < items.count, case .hit(_, let category) = items[index],
            case .title(_, let honorific) = hitCategories[category]
        else { return false }
        return !honorific
    }

    /// Whether a run after a title can be the holder's name: up to three words, or up to five
    /// ("President Teodoro Obiang Nguema Mbasogo", "Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah")
    /// when it opens with a given name or reads as a name throughout: no word of it is a head, a
    /// lexicon word of another kind, or the end of a place's or law's name.
    func namesAfterTitle(_ run: Range<Int>) -> Bool {
        let words = wordCount(run)
        if words <= 3 || classes(run.lowerBound).contains(.givenName) { return true }
        guard words <= 5, !sentence.isTitleCase, tokens[run.lowerBound].isCapitalized else { return false }
        return run.allSatisfy { index in
            tokens[index].kind != .word || (!tokens[index].isAllCaps && !isHead(index)
                && classes(index).isDisjoint(with: [.nonPersonHead, .nonEntity, .compass]))
        }
    }
}
