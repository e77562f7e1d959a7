import KnowledgeGraph

/// Scans sentences into candidate mentions: lexicon phrases, capitalized name runs, and the
/// patterns that tie them together ("Chinese Foreign Ministry spokesman Li Wei").
///
/// The work goes in stages, one file each: a sentence is cut into items (`MentionBuilder+Items`:
/// lexicon hits, name runs, other tokens); hits become countries and bodies
/// (`MentionBuilder+Hits`); titles find the people they stand before (`MentionBuilder+Titles`);
/// runs become bodies and people (`MentionBuilder+Runs`); names become keys (`NameKeys`).
///
/// A class, made once per article: as a struct, every helper called from a mutating method was
/// handed a copy of the whole builder, lexicon included.
final class MentionBuilder {
    let lexicon: Lexicon
    let text: [UInt8]
    let tokens: [Token]
    var candidates: [Candidate] = []
    /// Acronyms the article defines ("Office of Foreign Assets Control (OFAC)").
    var acronyms: [String: Int] = [:]
    /// People whose apposition names a body not built yet, by the body's first token.
    var pendingOwners: [Int: Int] = [:]
    /// What the current sentence's hits name, and the phrases absorbed into its runs.
    var hitCategories: [LexiconCategory] = []
    var absorbedHits: [(Range<Int>, LexiconCategory)] = []
    /// The current sentence's items. Every item takes at least one token, so a sentence's items
    /// fit in as many slots as it has tokens; one buffer serves every sentence, and adding an item
    /// checks neither sharing nor capacity as an array append would (`TrivialBuffer`).
    var itemBuffer = TrivialBuffer<Item>(capacity: 64)
    /// The sentence being scanned, and its items (valid until the next sentence).
    private(set) var sentence = Sentence(tokens: 0..<0, bytes: 0..<0, isTitleCase: false)
    private(set) var items = Items(start: nil, count: 0)

    init(lexicon: Lexicon, text: [UInt8], tokens: [Token]) {
        self.lexicon = lexicon
        self.text = text
        self.tokens = tokens
        // About one candidate per ten tokens in news text.
        candidates.reserveCapacity(tokens.count / 8 + 8)
    }

    /// A sentence's items, valid until the next sentence is itemized.
    typealias Items = UnsafeBufferPointer<Item>

    /// Items hold no references, so walking and copying them costs no reference counting: a hit's
    /// payload indexes `hitCategories`, a run's the lexicon phrases it absorbed in `absorbedHits`.
    enum Item {
        case hit(Range<Int>, Int)
        case run(Range<Int>, absorbed: Range<Int>)
        case token(Int)

        var range: Range<Int> {
            switch self {
            case .hit(let range, _), .run(let range, _): range
            case .token(let index): index..<(index + 1)
            }
        }
    }

    /// Where the scan of a sentence stands: the next item to read, and the candidate that owns
    /// the name right after it ("Chinese" before "Foreign Ministry", "Treasury" before
    /// "spokeswoman Ana Ruiz") with the tokens its phrase spans.
    struct ScanState {
        var next = 0
        var owner: Int?
        /// The owner's first token: a phrase it owns starts there.
        var ownerStart = -1
        /// The token where an owned name must start (after a possessive "'s", past it).
        var ownerEnd = -1

        /// Moves past every item that starts at or before `token`.
        mutating func skipItems(through token: Int, in items: Items) {
            while next < items.count && items[next].range.lowerBound <= token { next += 1 }
        }
    }

    // MARK: Assembly

    func scan(_ sentence: Sentence) {
        self.sentence = sentence
        items = itemize(sentence.tokens)
        let firstCandidate = candidates.count
        defer { typeListMembers(from: firstCandidate) }
        var state = ScanState()
        while state.next < items.count {
            let item = items[state.next]
            if state.owner != nil, item.range.lowerBound != state.ownerEnd,
                !(item.range.lowerBound == state.ownerEnd - 1 && isPossessive(item.range.lowerBound))
            {
                state.owner = nil
            }
            state.next += 1
            switch item {
            case .token(let tokenIndex):
                if isPossessive(tokenIndex) && state.owner != nil {
                    state.ownerEnd = tokenIndex + 1
                } else if state.owner == nil, let body = lowercaseBody(after: tokenIndex) {
                    // "the foreign ministry said": a body the article names by its kind alone.
                    addLowercaseBody(body, article: tokenIndex, state: &state)
                } else if state.owner != nil, tokenIndex == state.ownerEnd, roleModifiersThenTitle(from: state.next - 1) {
                    // "EU foreign policy chief Josep Borrell", "Hamas political leader X": the owner
                    // reaches over lowercase role words to the title.
                    state.ownerEnd = tokenIndex + 1
                } else {
                    state.owner = nil
                }
            case .hit(let range, let category):
                handleHit(range, hitCategories[category], state: &state)
            case .run(let range, let absorbed):
                handleRun(range, absorbed: absorbedHits[absorbed], owner: state.owner, ownerStart: state.ownerStart,
                          title: nil, state: &state)
                state.owner = candidates.count > 0 && candidates[candidates.count - 1].tokens == range
                    && candidates[candidates.count - 1].type != .person ? candidates.count - 1 : nil
                state.ownerStart = range.lowerBound
                state.ownerEnd = range.upperBound
            }
        }
    }

    /// Takes the candidate over: it moves into the list instead of being copied, strings and all.
    @discardableResult
    func add(_ candidate: consuming Candidate) -> Int {
        let start = candidate.tokens.lowerBound
        let type = candidate.type
        let kind = candidate.kind
        candidates.append(candidate)
        let index = candidates.count - 1
        if !pendingOwners.isEmpty, let person = pendingOwners.removeValue(forKey: start),
            type == .agency || type == .organization || (type == .country && kind == .name)
        {
            if candidates[person].owner == nil { candidates[person].owner = index } else { candidates[person].appositionBody = index }
        }
        return index
    }

    /// A country candidate for the phrase `range`.
    func countryCandidate(_ range: Range<Int>, _ country: String, kind: Mention.Kind = .name, lexiconName: String? = nil) -> Candidate {
        Candidate(tokens: range, phrase: range, kind: kind, type: .country, key: .country(country), name: country,
                  aliases: Aliases(string(range)), lexiconName: lexiconName)
    }

    /// A candidate for a lexicon body named by the phrase `range`.
    func bodyCandidate(_ range: Range<Int>, name: String, type: EntityType, country: String?) -> Candidate {
        Candidate(tokens: range, phrase: range, kind: .name, type: type, key: .body(name), name: name,
                  aliases: Aliases(string(range)), lexiconName: name, knownCountry: country)
    }

    // MARK: Tokens

    /// Whether the token exists and does not stand after the sentence being scanned: a look ahead
    /// stops at the sentence's end, so no mention reaches into the next sentence ("T" and
    /// "government" on two lines are no "T government"). A look back may read the lines before:
    /// web copy breaks sentences across lines ("flew home from\n\nKampala" is a place).
    @inline(__always)
    func inSentence(_ index: Int) -> Bool {
        index >= 0 && index < sentence.tokens.upperBound
    }

    @inline(__always)
    func classes(_ index: Int) -> WordClass {
        inSentence(index) ? lexicon.classes(of: tokens[index].id) : []
    }

    func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let bytes = Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
        // Through a buffer pointer: a slice of the array would retain and release its storage.
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    @inline(__always)
    func isMark(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        inSentence(index) && tokens[index].isMark(mark)
    }

    @inline(__always)
    func isPossessive(_ index: Int) -> Bool {
        inSentence(index) && tokens[index].id >= 0 && tokens[index].id == lexicon.possessiveID
            && tokens[index].kind == .word && !tokens[index].shape.contains(.spaceBefore)
    }

    /// A lowercase word of the class: "government" in "the Chinese government".
    func isLowercaseWord(_ index: Int, _ wordClass: WordClass) -> Bool {
        inSentence(index) && tokens[index].kind == .word && !tokens[index].isCapitalized
            && classes(index).contains(wordClass)
    }

    /// A word of the class in any case: "of" in a name, "The" opening a sentence.
    func isWord(_ index: Int, _ wordClass: WordClass) -> Bool {
        inSentence(index) && tokens[index].kind == .word && classes(index).contains(wordClass)
    }

    func isHead(_ index: Int) -> Bool {
        !classes(index).isDisjoint(with: [.agencyHead, .organizationHead])
            || (classes(index).contains(.legalForm) && inSentence(index) && (tokens[index].isCapitalized || tokens[index].isAllCaps))
    }

    @inline(__always)
    func isNameToken(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, !isPossessive(index) else { return false }
        // "Blinken Meets Wang Yi in Beijing": a headline capitalizes its verb, which ends the name
        // before it and opens none ("Said", a given name too, stays a name).
        if sentence.isTitleCase, token.isCapitalized, classes(index).contains(.speechVerb), !classes(index).contains(.givenName) {
            return false
        }
        if token.isCapitalized || token.isAllCaps { return !classes(index).contains(.nonEntity) || token.isAllCaps }
        // Lowercase particles inside names: "al-Sisi", "bin Salman", "von der Leyen".
        return classes(index).contains(.particle) && index + 1 < sentence.tokens.upperBound
            && (tokens[index + 1].isMark("-") || tokens[index + 1].isCapitalized
                || (classes(index + 1).contains(.particle) && index + 2 < sentence.tokens.upperBound && tokens[index + 2].isCapitalized))
    }

    /// Words of a name, counting "Byung-Se" as one.
    func wordCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where index == range.lowerBound || (tokens[index].kind == .word && tokens[index].shape.contains(.spaceBefore)) {
            count += 1
        }
        return count
    }

    /// A quote mark that opens a quotation (‘“President” Smith’), not one that closes it (‘...," Deputy
    /// Secretary X said’): it stands after a space or at the start of a line.
    func isOpeningQuote(_ index: Int) -> Bool {
        guard isMark(index, "\"") else { return false }
        return tokens[index].shape.contains(.spaceBefore) || tokens[index].shape.contains(.lineStart)
    }

    /// "Full Name (ACR)": records ACR as another name of the candidate; returns the token after ")".
    func defineAcronym(after index: Int, for candidate: Int) -> Int? {
        var cursor = index
        guard isMark(cursor, "(") else { return nil }
        cursor += 1
        if isMark(cursor, "\"") { cursor += 1 }
        guard inSentence(cursor), tokens[cursor].isAllCaps else { return nil }
        let acronym = string(cursor..<(cursor + 1))
        cursor += 1
        if isMark(cursor, "\"") { cursor += 1 }
        guard isMark(cursor, ")") else { return nil }
        acronyms[acronym] = candidate
        candidates[candidate].aliases.append(acronym)
        return cursor + 1
    }

    /// Two words written without a space, which web copy does to names ("BarackObama"): the
    /// tokenizer parts them, and so does a name.
    private func isGlued(_ index: Int) -> Bool {
        index + 1 < sentence.tokens.upperBound && tokens[index].kind == .word && tokens[index + 1].kind == .word
            && tokens[index].end == tokens[index + 1].start && tokens[index + 1].isCapitalized
    }

    /// The parts of the person's name in `range` (see `NameKeys.parts(of:)`): a part that is one
    /// word the vocabulary knows is its vocabulary key, the same lowercase string, so only
    /// unknown words are made anew.
    func nameParts(_ range: Range<Int>, surface: String) -> [String] {
        var parts: [String] = []
        parts.reserveCapacity(4)
        var first = range.lowerBound
        for index in range where index + 1 == range.upperBound || tokens[index].end != tokens[index + 1].start
            || isGlued(index)
        {
            if index + 1 < range.upperBound && !isGlued(index) {
                // Parts are split at single spaces; any other gap goes the general way.
                let gap = Int(tokens[index].end)
                guard Int(tokens[index + 1].start) == gap + 1, text[gap] == 0x20 else { return lexicon.keys.parts(of: surface) }
            }
            let part: String
            if index == first && tokens[index].kind == .word && tokens[index].id >= 0 {
                part = lexicon.vocabulary.word(tokens[index].id)
            } else {
                let bytes = Int(tokens[first].start)..<Int(tokens[index].end)
                guard let folded = text.withUnsafeBufferPointer({ NameKeys.asciiLowercased(UnsafeBufferPointer(rebasing: $0[bytes])) })
                else { return lexicon.keys.parts(of: surface) }
                part = folded
            }
            if lexicon.keys.isNamePart(part) { parts.append(part) }
            first = index + 1
        }
        return parts
    }
}
