import KnowledgeGraph

/// How a candidate mention finds its entity.
enum EntityKey: Hashable, Sendable {
    case country(String)
    case body(String)
    /// A body known by its head word ("Foreign Ministry"), normalized, with its country where stated.
    case generic(String, country: String?)
    case organization(String)
    case person
    /// A title standing for a person ("the secretary of state"), with the country adjective if any.
    case titleReference(String, country: String?)
}

/// The names a candidate gives its entity: nearly always one, which is kept without an array.
/// (No array literal: its variadic array would be allocated for every candidate.)
struct Aliases: Sequence {
    private var first: String?
    private var rest: [String] = []

    init() {}

    init(_ name: String) {
        first = name
    }

    mutating func append(_ name: String) {
        if first == nil { first = name } else { rest.append(name) }
    }

    struct Iterator: IteratorProtocol {
        fileprivate var first: String?
        fileprivate var rest: IndexingIterator<[String]>

        mutating func next() -> String? {
            if let name = first {
                first = nil
                return name
            }
            return rest.next()
        }
    }

    func makeIterator() -> Iterator {
        Iterator(first: first, rest: rest.makeIterator())
    }
}

/// A mention before entities are resolved.
struct Candidate {
    var tokens: Range<Int>
    var phrase: Range<Int>
    var kind: Mention.Kind
    var type: EntityType
    var key: EntityKey
    var name: String
    var aliases = Aliases()
    var lexiconName: String?
    var knownCountry: String?
    /// Index of the candidate this one belongs to ("Chinese" for "Chinese Foreign Ministry").
    var owner: Int?
    var title: String?
    var titleTarget: String?
    /// Lowercase name parts of a person ("yun", "byung-se").
    var nameParts: [String] = []
    /// A person named by one word only may start an entity only with some evidence (a title, a
    /// speech verb after it); otherwise it must match a person named in full.
    var canStartEntity = true
    var vouchesForSurname = false
    /// The body an apposition names: "X, chairman of the Y" (set once Y is built).
    var appositionBody: Int?
}

/// Scans sentences into candidate mentions: lexicon phrases, capitalized name runs, and the
/// patterns that tie them together ("Chinese Foreign Ministry spokesman Li Wei").
///
/// A class, made once per article: as a struct, every helper called from a mutating method was
/// handed a copy of the whole builder, lexicon included.
final class MentionBuilder {
    let lexicon: Lexicon
    let text: [UInt8]
    let tokens: [Token]
    private(set) var candidates: [Candidate] = []
    /// Acronyms the article defines ("Office of Foreign Assets Control (OFAC)").
    private var acronyms: [String: Int] = [:]
    /// People whose apposition names a body not built yet, by the body's first token.
    private var pendingOwners: [Int: Int] = [:]
    /// What the current sentence's hits name, and the phrases absorbed into its runs.
    private var hitCategories: [LexiconCategory] = []
    private var absorbedHits: [(Range<Int>, LexiconCategory)] = []
    /// The current sentence's items. Every item takes at least one token, so a sentence's items
    /// fit in as many slots as it has tokens; one buffer serves every sentence, and adding an item
    /// checks neither sharing nor capacity as an array append would.
    private var itemStorage: UnsafeMutablePointer<Item>
    private var itemCapacity = 64

    init(lexicon: Lexicon, text: [UInt8], tokens: [Token]) {
        self.lexicon = lexicon
        self.text = text
        self.tokens = tokens
        itemStorage = .allocate(capacity: itemCapacity)
        // About one candidate per ten tokens in news text.
        candidates.reserveCapacity(tokens.count / 8 + 8)
    }

    deinit { itemStorage.deallocate() }

    /// A sentence's items, valid until the next sentence is itemized.
    private typealias Items = UnsafeBufferPointer<Item>

    /// Items hold no references, so walking and copying them costs no reference counting: a hit's
    /// payload indexes `hitCategories`, a run's the lexicon phrases it absorbed in `absorbedHits`.
    private enum Item {
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

    // MARK: Tokens

    @inline(__always)
    private func classes(_ index: Int) -> WordClass {
        index >= 0 && index < tokens.count ? lexicon.classes(of: tokens[index].id) : []
    }

    private func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let bytes = Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
        // Through a buffer pointer: a slice of the array would retain and release its storage.
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    @inline(__always)
    private func isMark(_ index: Int, _ mark: Unicode.Scalar) -> Bool {
        index < tokens.count && tokens[index].isMark(mark)
    }

    @inline(__always)
    private func isPossessive(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].id >= 0 && tokens[index].id == lexicon.possessiveID
            && tokens[index].kind == .word && !tokens[index].shape.contains(.spaceBefore)
    }

    private func isLowercaseWord(_ index: Int, _ wordClass: WordClass) -> Bool {
        index < tokens.count && tokens[index].kind == .word && !tokens[index].isCapitalized
            && classes(index).contains(wordClass)
    }

    private func isBodyOrTitle(_ category: LexiconCategory) -> Bool {
        switch category {
        case .body, .title: true
        default: false
        }
    }

    /// The longest lexicon phrase starting at `start`, checked against each word's capitalization.
    private func lexiconMatch(at start: Int, end: Int, excludingTitles: Bool = false) -> (Int, LexiconCategory)? {
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

    @inline(__always)
    private func isNameToken(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, !isPossessive(index) else { return false }
        if token.isCapitalized || token.isAllCaps { return !classes(index).contains(.nonEntity) || token.isAllCaps }
        // Lowercase particles inside names: "al-Sisi", "bin Salman", "von der Leyen".
        return classes(index).contains(.particle) && index + 1 < tokens.count
            && (tokens[index + 1].isMark("-") || tokens[index + 1].isCapitalized
                || (classes(index + 1).contains(.particle) && index + 2 < tokens.count && tokens[index + 2].isCapitalized))
    }

    private func isHead(_ index: Int) -> Bool {
        classes(index).contains(.agencyHead) || classes(index).contains(.organizationHead)
    }

    // MARK: Items

    private func hitItem(_ range: Range<Int>, _ category: LexiconCategory) -> Item {
        hitCategories.append(category)
        return .hit(range, hitCategories.count - 1)
    }

    private func runItem(_ range: Range<Int>, absorbed: [(Range<Int>, LexiconCategory)]) -> Item {
        let start = absorbedHits.count
        if !absorbed.isEmpty { absorbedHits.append(contentsOf: absorbed) }
        return .run(range, absorbed: start..<absorbedHits.count)
    }

    private func items(_ range: Range<Int>) -> Items {
        if itemCapacity < range.count {
            // Grown by doubling, not to each longer sentence's exact length; nothing in it is kept.
            itemStorage.deallocate()
            itemCapacity = max(range.count, 2 * itemCapacity)
            itemStorage = .allocate(capacity: itemCapacity)
        }
        // One removeLast() per element: a sentence leaves a few, and removeAll(keepingCapacity:)
        // goes through the general range replacement.
        while !hitCategories.isEmpty { hitCategories.removeLast() }
        while !absorbedHits.isEmpty { absorbedHits.removeLast() }
        let storage = itemStorage
        var count = 0
        func add(_ item: Item) {
            (storage + count).initialize(to: item)
            count += 1
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if !lexicon.trie.startsPhrase(token.id)
                && !(token.kind == .word && (token.isCapitalized || token.isAllCaps || classes(index).contains(.particle)))
            {
                // Most tokens start no lexicon phrase and cannot be part of a name.
                add(.token(index))
                index += 1
                continue
            }
            if var (length, category) = lexiconMatch(at: index, end: range.upperBound) {
                if case .title(let target, _) = category,
                    let shorter = lexiconMatch(at: index, end: index + length - 1, excludingTitles: true)
                {
                    // "State Department spokesman": the body, then the title. But "Commerce Minister"
                    // (a generic ministry) does not contain the body "Commerce" (the U.S. department).
                    var split = true
                    if case .body(let name, _, _) = shorter.1, let target, target != name { split = false }
                    if split { (length, category) = shorter }
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
                if case .title = category, let headEnd = (index..<(index + length - 1)).last(where: { isHead($0) }),
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
                    if run.count > length && isHead(run.upperBound - 1) {
                        add(runItem(run, absorbed: absorbed))
                        index = run.upperBound
                        continue
                    }
                }
                add(hitItem(index..<(index + length), category))
                index += length
            } else if isNameToken(index) && !(tokens[index].kind == .word && classes(index).contains(.particle) && !tokens[index].isCapitalized && index + 1 < range.upperBound && !tokens[index + 1].isMark("-") && !isNameToken(index + 1)) {
                let (run, absorbed) = extendRun(from: index, limit: range.upperBound)
                add(runItem(run, absorbed: absorbed))
                index = run.upperBound
            } else {
                add(.token(index))
                index += 1
            }
        }
        return Items(start: storage, count: count)
    }

    /// A maximal run of name words, joined by hyphens and by "of", "for", "and", "the" where a body
    /// name needs them ("Office of Foreign Assets Control", "Ministry of Trade and Industry").
    private func extendRun(from start: Int, limit: Int, ignoringLexicon: Bool = false) -> (Range<Int>, [(Range<Int>, LexiconCategory)]) {
        var end = start + 1
        var absorbed: [(Range<Int>, LexiconCategory)] = []
        var sawHeadOrOfTaking = isHead(start) || classes(start).contains(.ofTaking)
        while end < limit {
            let token = tokens[end]
            // Hyphenated parts: "Byung-Se", "al-Sisi".
            if token.isMark("-") && !token.shape.contains(.spaceBefore) && end + 1 < limit
                && tokens[end + 1].kind == .word && !tokens[end + 1].shape.contains(.spaceBefore)
                && (tokens[end + 1].isCapitalized || tokens[end + 1].isAllCaps)
            {
                end += 2
                continue
            }
            if token.kind == .word && (token.isCapitalized || token.isAllCaps || classes(end).contains(.particle))
                && !isPossessive(end) && isNameToken(end) && token.shape.contains(.spaceBefore)
            {
                if !ignoringLexicon && lexiconMatch(at: end, end: limit) != nil { break }
                if isHead(end) || classes(end).contains(.ofTaking) { sawHeadOrOfTaking = true }
                end += 1
                continue
            }
            // Connectors inside body names.
            if token.kind == .word && !token.isCapitalized && classes(end).contains(.connector)
                && (sawHeadOrOfTaking || (lexicon.vocabulary.word(token.id) == "and" && headFollows(end + 1, limit: limit)))
            {
                var next = end + 1
                if next < limit && tokens[next].kind == .word && !tokens[next].isCapitalized
                    && classes(next).contains(.connector) && lexicon.vocabulary.word(tokens[next].id) == "the"
                {
                    next += 1
                }
                guard next < limit, tokens[next].kind == .word, tokens[next].isCapitalized || tokens[next].isAllCaps else { break }
                if let (length, category) = lexiconMatch(at: next, end: limit) {
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
        while end > start + 1 && (tokens[end - 1].kind != .word || (!tokens[end - 1].isCapitalized && !tokens[end - 1].isAllCaps)) {
            end -= 1
        }
        // "and" joins two names only inside a body name ("Ministry of Trade and Industry"), not
        // "Kim and Putin".
        if !isHead(end - 1) {
            for index in start..<end where tokens[index].kind == .word && !tokens[index].isCapitalized
                && lexicon.vocabulary.word(tokens[index].id) == "and" && absorbed.allSatisfy({ $0.0.upperBound <= index })
            {
                if !(start..<index).contains(where: { isHead($0) }) {
                    end = index
                    break
                }
            }
        }
        if !absorbed.isEmpty { absorbed.removeAll { $0.0.upperBound > end } }
        return (start..<end, absorbed)
    }

    /// Words of a name, counting "Byung-Se" as one.
    private func wordCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where index == range.lowerBound || (tokens[index].kind == .word && tokens[index].shape.contains(.spaceBefore)) {
            count += 1
        }
        return count
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

    // MARK: Assembly

    func scan(_ sentence: Sentence) {
        let items = items(sentence.tokens)
        var index = 0
        var owner: Int?
        var ownerEnd = -1
        var ownerStart = -1
        while index < items.count {
            let item = items[index]
            if owner != nil, item.range.lowerBound != ownerEnd,
                !(item.range.lowerBound == ownerEnd - 1 && isPossessive(item.range.lowerBound))
            {
                owner = nil
            }
            switch item {
            case .token(let tokenIndex):
                if isPossessive(tokenIndex) && owner != nil {
                    ownerEnd = tokenIndex + 1
                } else if owner != nil, tokenIndex == ownerEnd, roleModifiersThenTitle(items, from: index) {
                    // "EU foreign policy chief Josep Borrell", "Hamas political leader X": the owner
                    // reaches over lowercase role words to the title.
                    ownerEnd = tokenIndex + 1
                } else {
                    owner = nil
                }
                index += 1
            case .hit(let range, let category):
                index += 1
                handleHit(range, hitCategories[category], items: items, index: &index, owner: &owner, ownerStart: &ownerStart,
                          ownerEnd: &ownerEnd, sentence: sentence)
            case .run(let range, let absorbed):
                index += 1
                handleRun(range, absorbed: absorbedHits[absorbed], items: items, index: &index, owner: owner,
                          ownerStart: ownerStart, title: nil, sentence: sentence)
                owner = candidates.count > 0 && candidates[candidates.count - 1].tokens == range
                    && candidates[candidates.count - 1].type != .person ? candidates.count - 1 : nil
                ownerStart = range.lowerBound
                ownerEnd = range.upperBound
            }
        }
    }

    /// One or two lowercase role words ("foreign policy", "press", "political") and then a title.
    private func roleModifiersThenTitle(_ items: Items, from start: Int) -> Bool {
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

    /// Takes the candidate over: it moves into the list instead of being copied, strings and all.
    private func add(_ candidate: consuming Candidate) -> Int {
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

    /// A quote mark that opens a quotation (‘“President” Smith’), not one that closes it (‘...," Deputy
    /// Secretary X said’): it stands after a space or at the start of a line.
    private func isOpeningQuote(_ index: Int) -> Bool {
        guard isMark(index, "\"") else { return false }
        return tokens[index].shape.contains(.spaceBefore) || tokens[index].shape.contains(.lineStart)
    }

    private func handleHit(
        _ range: Range<Int>, _ category: LexiconCategory, items: Items, index: inout Int, owner: inout Int?,
        ownerStart: inout Int, ownerEnd: inout Int, sentence: Sentence
    ) {
        let surface = string(range)
        let next = index < items.count ? items[index] : nil
        let adjacentRun: Range<Int>? = {
            if case .run(let runRange, _) = next, runRange.lowerBound == range.upperBound { return runRange }
            return nil
        }()
        switch category {
        case .country(let country), .seat(let country), .demonym(let country):
            var isDemonym = false
            if case .demonym = category { isDemonym = true }
            // "Boston Herald", "China Daily": a place word starting an organization's name.
            if let runRange = adjacentRun, classes(runRange.upperBound - 1).contains(.organizationHead),
                !classes(runRange.upperBound - 1).contains(.agencyHead)
            {
                let whole = range.lowerBound..<runRange.upperBound
                owner = add(Candidate(tokens: whole, phrase: whole, kind: .name, type: .organization,
                                      key: .organization(string(whole).lowercased()), name: string(whole)))
                ownerStart = whole.lowerBound
                ownerEnd = whole.upperBound
                index += 1
                return
            }
            let after = range.upperBound
            if isDemonym {
                // "Chinese firms" names no actor; "the Chinese government" names the country.
                if isLowercaseWord(after, .groupNoun) && !isLowercaseWord(after, .lowercaseBodyHead) { return }
                if isLowercaseWord(after, .governmentNoun) {
                    let phrase = range.lowerBound..<(after + 1)
                    owner = add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .country,
                                          key: .country(country), name: country, aliases: Aliases(string(phrase))))
                    skipItems(through: after, items: items, index: &index)
                    return
                }
                // "Israeli army", "Egyptian foreign ministry".
                var cursor = after
                while isLowercaseWord(cursor, .bodyModifier) { cursor += 1 }
                if isLowercaseWord(cursor, .lowercaseBodyHead) && !isLowercaseWord(cursor, .governmentNoun) {
                    addCountryBody(country: country, at: range, surface: surface, lexiconName: nil, head: after..<(cursor + 1),
                                   items: items, index: &index, owner: &owner, ownerStart: &ownerStart, ownerEnd: &ownerEnd)
                    return
                }
            }
            if !isDemonym, isPossessive(after) {
                // "Iran's defense ministry", "Russia's foreign ministry": a lowercase body of the country.
                var cursor = after + 1
                while isLowercaseWord(cursor, .bodyModifier) { cursor += 1 }
                if isLowercaseWord(cursor, .lowercaseBodyHead) && !isLowercaseWord(cursor, .governmentNoun)
                    && nextWord(cursor) != "military" && (cursor > after + 1 || !isLowercaseWord(cursor + 1, .lowercaseBodyHead))
                {
                    addCountryBody(country: country, at: range, surface: surface, lexiconName: country, head: (after + 1)..<(cursor + 1),
                                   items: items, index: &index, owner: &owner, ownerStart: &ownerStart, ownerEnd: &ownerEnd)
                    return
                }
            }
            let nextStartsAdjacent = next.map { $0.range.lowerBound == after } ?? false
            let ownsNext: Bool = {
                guard nextStartsAdjacent, let next else { return false }
                switch next {
                case .hit(_, let nextCategory):
                    if case .title = hitCategories[nextCategory] { return true }
                    if case .body = hitCategories[nextCategory] { return true }
                    return false
                case .run(let runRange, _): return isHead(runRange.upperBound - 1) || isTitleThenName(items, index)
                case .token: return false
                }
            }()
            let possessive = isPossessive(after)
            let kind: Mention.Kind
            if isDemonym {
                kind = ownsNext ? .name : .weak
            } else if isMark(after, "-"), after + 1 < tokens.count, !tokens[after + 1].isCapitalized,
                !tokens[after + 1].shape.contains(.spaceBefore)
            {
                // "a Panama-flagged tanker", "U.S.-made": an adjective, not the actor.
                kind = .weak
            } else if range.lowerBound > 0, tokens[range.lowerBound - 1].isCapitalized, classes(range.lowerBound - 1).contains(.compass) {
                // "North Kazakhstan province" is a region, not the country.
                kind = .weak
            } else if case .seat = category, range.lowerBound > 0, classes(range.lowerBound - 1).contains(.locative)
                || (range.lowerBound > 1 && lexicon.vocabulary.word(tokens[range.lowerBound - 1].id) == "the"
                    && classes(range.lowerBound - 2).contains(.locative))
            {
                kind = .weak
            } else {
                kind = .name
            }
            let candidate = add(Candidate(tokens: range, phrase: range, kind: kind, type: .country,
                                          key: .country(country), name: country, aliases: Aliases(surface),
                                          lexiconName: country))
            if ownsNext || possessive {
                owner = candidate
                ownerStart = range.lowerBound
                ownerEnd = possessive ? after + 1 : after
            } else {
                owner = nil
            }
        case .body(let name, let type, let country):
            var bodyOwner = owner
            // "U.S. Treasury", "Armed Forces of the Republic of Ghana": one lexicon
            // phrase that still states the agency's country.
            if bodyOwner == nil && type == .agency {
                bodyOwner = statedCountry(inside: range)
            }
            let phrase = owner != nil ? min(ownerStart, range.lowerBound)..<range.upperBound : range
            let candidate = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: type, key: .body(name),
                                          name: name, aliases: Aliases(surface), lexiconName: name, knownCountry: country,
                                          owner: bodyOwner))
            if let acronymEnd = defineAcronym(after: range.upperBound, for: candidate) { skipItems(through: acronymEnd - 1, items: items, index: &index) }
            owner = candidate
            ownerStart = range.lowerBound
            ownerEnd = isPossessive(range.upperBound) ? range.upperBound + 1 : range.upperBound
        case .person(let name, _):
            _ = add(Candidate(tokens: range, phrase: range, kind: .name, type: .person, key: .person, name: name,
                              aliases: Aliases(surface), lexiconName: name, nameParts: MentionBuilder.parts(of: name)))
            owner = nil
        case .title(let target, let honorific):
            handleTitle(range, target: target, honorific: honorific, items: items, index: &index, owner: owner,
                        ownerStart: ownerStart, sentence: sentence)
            owner = nil
        }
    }

    private func statedCountry(inside range: Range<Int>) -> Int? {
        for start in range {
            let end = start == range.lowerBound ? range.upperBound - 1 : range.upperBound
            guard let (length, category) = lexiconMatch(at: start, end: end) else { continue }
            switch category {
            case .country(let stated), .demonym(let stated):
                let stated_range = start..<(start + length)
                return add(Candidate(tokens: stated_range, phrase: stated_range, kind: .name, type: .country,
                                     key: .country(stated), name: stated, aliases: Aliases(string(stated_range))))
            default: continue
            }
        }
        return nil
    }

    private func isTitleThenName(_ items: Items, _ index: Int) -> Bool {
        guard index + 1 < items.count, case .hit(_, let category) = items[index + 1], case .title = hitCategories[category]
        else { return false }
        return true
    }

    /// A country word and the lowercase body after it ("Israeli army", "Iran's defense ministry"):
    /// the country, and the body it owns, which becomes the owner of what follows.
    private func addCountryBody(
        country: String, at range: Range<Int>, surface: String, lexiconName: String?, head: Range<Int>,
        items: Items, index: inout Int, owner: inout Int?, ownerStart: inout Int, ownerEnd: inout Int
    ) {
        let countryIndex = add(Candidate(tokens: range, phrase: range, kind: .name, type: .country,
                                         key: .country(country), name: country, aliases: Aliases(surface), lexiconName: lexiconName))
        let phrase = range.lowerBound..<head.upperBound
        let headName = string(head).lowercased()
        owner = add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .agency,
                              key: .generic(MentionBuilder.genericKey(headName), country: country),
                              name: string(phrase), aliases: Aliases(headName), owner: countryIndex))
        ownerStart = phrase.lowerBound
        ownerEnd = phrase.upperBound
        skipItems(through: head.upperBound - 1, items: items, index: &index)
    }

    private func skipItems(through token: Int, items: Items, index: inout Int) {
        while index < items.count && items[index].range.lowerBound <= token { index += 1 }
    }

    private func handleTitle(
        _ range: Range<Int>, target: String?, honorific: Bool, items: Items, index: inout Int, owner: Int?,
        ownerStart: Int, sentence: Sentence
    ) {
        // Further titles and bodies may follow: "Foreign Office Spokesperson", "Under Secretary".
        var titleRange = range
        var titleTarget = target
        var titleOwner = owner
        while index < items.count, case .hit(let nextRange, let category) = items[index], nextRange.lowerBound == titleRange.upperBound {
            if case .title(let nextTarget, _) = hitCategories[category] {
                titleRange = titleRange.lowerBound..<nextRange.upperBound
                if nextTarget != nil { titleTarget = nextTarget }
                index += 1
            } else {
                break
            }
        }
        // "Chief Foreign Affairs Correspondent", "Adviser to the President on Energy": a run
        // between two titles belongs to the title.
        while index + 1 < items.count, case .run(let inner, _) = items[index], inner.lowerBound == titleRange.upperBound,
            case .hit(let nextRange, let category) = items[index + 1], case .title(let nextTarget, _) = hitCategories[category],
            nextRange.lowerBound == inner.upperBound
        {
            titleRange = titleRange.lowerBound..<nextRange.upperBound
            if nextTarget != nil { titleTarget = nextTarget }
            index += 2
        }
        // "Senior Adviser to the President on Trade and Investment, Ade Okoro": a title may
        // name whom the holder serves ("to the President") and the portfolio ("on Energy ...").
        if !honorific {
            var cursor = index
            var extended = titleRange
            while cursor < items.count, case .token(let word) = items[cursor], word == extended.upperBound {
                let text = nextWord(word)
                if text == "to", cursor + 2 < items.count, case .token(let the) = items[cursor + 1], nextWord(the) == "the",
                    case .hit(let next, let category) = items[cursor + 2], case .title = hitCategories[category],
                    next.lowerBound == the + 1
                {
                    extended = extended.lowerBound..<next.upperBound
                    cursor += 3
                } else if text == "on" || text == "for", cursor + 1 < items.count, case .run(let portfolio, _) = items[cursor + 1],
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
                index = cursor
            }
        }
        if !honorific, titleOwner == nil, let anaphor = anaphoricCountry(before: titleRange.lowerBound) {
            // "the country's elected president, Ali Mansour": the country the text is about.
            titleOwner = anaphor
        }
        if !honorific, handleOfOwner(after: titleRange, target: titleTarget, sendingState: titleOwner, items: items,
                                     index: &index, sentence: sentence)
        {
            return
        }
        var nameIndex = index
        var comma = false
        if nameIndex < items.count, case .token(let tokenIndex) = items[nameIndex], tokenIndex == titleRange.upperBound,
            tokens[tokenIndex].isMark(","), nameIndex + 1 < items.count
        {
            comma = true
            nameIndex += 1
        }
        let titleText = string(titleRange)
        if nameIndex < items.count, case .run(let runRange, let absorbed) = items[nameIndex],
            runRange.lowerBound == titleRange.upperBound + (comma ? 1 : 0), !isHead(runRange.upperBound - 1),
            !comma || wordCount(runRange) >= 2, wordCount(runRange) <= 3 || classes(runRange.lowerBound).contains(.givenName),
            !(titleRange.lowerBound > sentence.tokens.lowerBound && isOpeningQuote(titleRange.lowerBound - 1))
        {
            index = nameIndex + 1
            let phraseStart = owner != nil ? min(ownerStart, titleRange.lowerBound) : titleRange.lowerBound
            handleRun(runRange, absorbed: absorbedHits[absorbed], items: items, index: &index, owner: honorific ? nil : titleOwner,
                      ownerStart: phraseStart, title: (honorific ? nil : titleText, titleTarget, honorific), sentence: sentence)
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
        let afterDeterminer = before >= sentence.tokens.lowerBound && lexicon.vocabulary.word(tokens[before].id) == "the"
        let multiword = titleRange.count > 1 || tokens[titleRange.lowerBound].isCapitalized
        var country: String?
        if let titleOwner, case .country(let name) = candidates[titleOwner].key { country = name }
        // "the secretary of state", "Indian Defence Minister's remarks": a title standing for its holder.
        guard (afterDeterminer || country != nil) && multiword else { return }
        titleOwner = nil
        let phrase = (owner != nil ? min(ownerStart, titleRange.lowerBound) : titleRange.lowerBound)..<titleRange.upperBound
        _ = add(Candidate(tokens: titleRange, phrase: phrase, kind: .title, type: .person,
                          key: .titleReference(MentionBuilder.normalizedTitle(titleText), country: country),
                          name: titleText, canStartEntity: false))
    }

    /// "the president of Ghana, Kwame Asante", "the chairman of the Federal Reserve Jerome
    /// Powell": the country or body after "of" owns the title of the name that follows.
    private func handleOfOwner(after titleRange: Range<Int>, target: String?, sendingState: Int?, items: Items,
                                        index: inout Int, sentence: Sentence) -> Bool
    {
        guard index + 1 < items.count, case .token(let ofToken) = items[index], ofToken == titleRange.upperBound,
            (nextWord(ofToken) == "of" && sendingState == nil) || (nextWord(ofToken) == "to" && sendingState != nil)
        else { return false }
        // "China's ambassador to the United States, Xie Feng": the post's country is where the
        // envoy serves; the envoy belongs to the country before the title.
        let serves = nextWord(ofToken) == "to"
        var ownerItem = index + 1
        if case .token(let token) = items[ownerItem], nextWord(token) == "the" { ownerItem += 1 }
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
            wordCount(runRange) >= 2, wordCount(runRange) <= 3 || classes(runRange.lowerBound).contains(.givenName)
        else { return false }
        let surface = string(ownerRange)
        let ownerCandidate: Candidate
        switch category {
        case .country(let country):
            ownerCandidate = Candidate(tokens: ownerRange, phrase: ownerRange, kind: .name, type: .country,
                                       key: .country(country), name: country, aliases: Aliases(surface), lexiconName: country)
        case .body(let name, let type, let country):
            ownerCandidate = Candidate(tokens: ownerRange, phrase: ownerRange, kind: .name, type: type, key: .body(name),
                                       name: name, aliases: Aliases(surface), lexiconName: name, knownCountry: country)
        default:
            return false
        }
        let placeIndex = add(ownerCandidate)
        let ownerIndex = serves ? sendingState! : placeIndex
        index = nameItem + 1
        handleRun(runRange, absorbed: absorbedHits[absorbed], items: items, index: &index, owner: ownerIndex,
                  ownerStart: titleRange.lowerBound, title: (string(titleRange), target, false), sentence: sentence)
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
        guard cursor >= 2, isPossessive(cursor), ["country", "nation"].contains(nextWord(cursor - 1) ?? ""),
            nextWord(cursor - 2) == "the"
        else { return nil }
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

    static func normalizedTitle(_ title: String) -> String {
        normalizedTitle(lowercased: title.lowercased())
    }

    /// The normalized form of a title already lowercased.
    static func normalizedTitle(lowercased title: String) -> String {
        title.replacingOccurrencesOfDefence()
    }

    private func handleRun(
        _ range: Range<Int>, absorbed: ArraySlice<(Range<Int>, LexiconCategory)>, items: Items, index: inout Int, owner: Int?,
        ownerStart: Int, title: (text: String?, target: String?, honorific: Bool)?, sentence: Sentence
    ) {
        let surface = string(range)
        // "Biden administration", "Trump administration".
        if isLowercaseWord(range.upperBound, .administration) && !isLowercaseWord(range.upperBound, .governmentNoun) {
            let phrase = range.lowerBound..<(range.upperBound + 1)
            // "Biden-Harris administration" is the Biden administration.
            let leader = surface.split(separator: "-").first.map(String.init) ?? surface
            _ = add(Candidate(tokens: phrase, phrase: phrase, kind: .name, type: .agency,
                              key: .organization(leader.lowercased() + " administration"), name: leader + " administration",
                              aliases: Aliases(string(phrase))))
            skipItems(through: range.upperBound, items: items, index: &index)
            return
        }
        if let existing = acronyms[surface] {
            var candidate = candidates[existing]
            candidate.tokens = range
            candidate.phrase = range
            candidate.aliases = Aliases(surface)
            candidate.owner = owner
            _ = add(candidate)
            return
        }
        if let type = bodyType(range) {
            // Headlines only repeat bodies the article names; their capitals invent none.
            if sentence.isTitleCase { return }
            var bodyOwner = owner
            var country: String?
            if let owner, case .country(let name) = candidates[owner].key { country = name }
            for (absorbedRange, category) in absorbed {
                if case .country(let name) = category {
                    country = name
                    bodyOwner = add(Candidate(tokens: absorbedRange, phrase: absorbedRange, kind: .name, type: .country,
                                              key: .country(name), name: name, aliases: Aliases(string(absorbedRange))))
                } else if case .body(let bodyName, let bodyType, let bodyCountry) = category, bodyOwner == nil,
                    absorbedRange.upperBound == range.upperBound
                {
                    // "Board of Governors of the Asian Development Bank": part of the named body.
                    bodyOwner = add(Candidate(tokens: absorbedRange, phrase: absorbedRange, kind: .name, type: bodyType,
                                              key: .body(bodyName), name: bodyName, aliases: Aliases(string(absorbedRange)),
                                              lexiconName: bodyName, knownCountry: bodyCountry))
                }
            }
            let phrase = (owner != nil ? ownerStart : range.lowerBound)..<range.upperBound
            var aliases = Aliases(surface)
            if owner != nil && !isPossessive(phrase.lowerBound + 1) { aliases.append(string(phrase)) }
            let adjacentOwner = owner.map { !isPossessive(candidates[$0].tokens.upperBound) } ?? false
            // "ECOWAS Commission" is not the "African Union Commission".
            var generic = MentionBuilder.genericKey(adjacentOwner && candidates[owner!].type != .country ? string(phrase) : surface)
            if let (countryRange, _) = absorbed.last, countryRange.upperBound == range.upperBound {
                // "Central Bank of Kenya" is the "Central Bank" of the article.
                var cut = countryRange.lowerBound
                while cut > range.lowerBound, !tokens[cut - 1].isCapitalized { cut -= 1 }
                if cut > range.lowerBound { generic = MentionBuilder.genericKey(string(range.lowerBound..<cut)) }
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
            let key: EntityKey = type == .organization ? .organization(surface.lowercased()) : .generic(generic, country: country)
            let candidate = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: type, key: key, name: name,
                                          aliases: aliases, owner: bodyOwner))
            if let acronymEnd = defineAcronym(after: range.upperBound, for: candidate) { skipItems(through: acronymEnd - 1, items: items, index: &index) }
            return
        }
        // "state-owned Rosneft", "state-run Petrobras": a company.
        if range.lowerBound >= 3, isMark(range.lowerBound - 2, "-"), nextWord(range.lowerBound - 3) == "state",
            classes(range.lowerBound - 1).contains(.stateOwnership), !classes(range.lowerBound).contains(.givenName)
        {
            _ = add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization,
                              key: .organization(surface.lowercased()), name: surface))
            return
        }
        // An acronym followed by "party" or "group": an organization ("ADP party").
        if range.count == 1 && tokens[range.lowerBound].isAllCaps {
            if isLowercaseWord(range.upperBound, .organizationHead) || nextWord(range.upperBound) == "party" {
                _ = add(Candidate(tokens: range, phrase: range, kind: .name, type: .organization,
                                  key: .organization(surface.lowercased()), name: surface))
            }
            return
        }
        // Otherwise a person, when something says so; shouted words ("LETTER TO CONGRESS") are not a name.
        if range.count > 1 && range.allSatisfy({ tokens[$0].isAllCaps || tokens[$0].kind != .word || !tokens[$0].isCapitalized }) {
            return
        }
        let parts = nameParts(range, surface: surface)
        let hasTitle = title != nil
        let firstIsGiven = classes(range.lowerBound).contains(.givenName) || classes(range.lowerBound).contains(.familyNameFirst)
        let followedBySpeech = isLowercaseWord(range.upperBound, .speechVerb)
            || (isMark(range.upperBound, ",") && nextWord(range.upperBound + 1) == "who")
        let sentenceInitial = range.lowerBound == sentence.tokens.lowerBound
        var canStart: Bool
        let words = wordCount(range)
        if words >= 2 {
            canStart = hasTitle || firstIsGiven || followedBySpeech || !sentence.isTitleCase
            if words > 4 { canStart = hasTitle }
        } else {
            canStart = hasTitle || (followedBySpeech && !sentenceInitial) || (followedBySpeech && firstIsGiven)
                || (firstIsGiven && isKinBefore(range.lowerBound))
        }
        if sentence.isTitleCase { canStart = false }
        // A run of two or more names with no sign of a person and no given name is kept only if it
        // later matches a person ("Executive Order" is not one).
        if words >= 2 && !hasTitle && !firstIsGiven && !followedBySpeech { canStart = false }
        // The phrase holds the title too ("President Yoon Suk Yeol"), with or without an owner.
        let phrase = (owner != nil || title != nil ? ownerStart : range.lowerBound)..<range.upperBound
        var aliases = Aliases(surface)
        // "president, Ali Mansour" and "president of Belarus, X" are no names.
        if let title, title.text != nil, !(phrase.lowerBound..<range.lowerBound).contains(where: { isMark($0, ",") }) {
            aliases.append(string(phrase))
        }
        // Only a name standing free mid-sentence ("a response from Harmon") vouches for a surname.
        let vouchesForSurname = words == 1 && !sentenceInitial && tokens[range.lowerBound].shape.contains(.spaceBefore)
            && !sentence.isTitleCase
        // Made in the call, so it moves into the list instead of being copied.
        let personIndex = add(Candidate(tokens: range, phrase: phrase, kind: .name, type: .person, key: .person, name: surface,
                                        aliases: aliases, owner: owner, title: title.flatMap(\.text),
                                        titleTarget: title.flatMap(\.target), nameParts: parts, canStartEntity: canStart,
                                        vouchesForSurname: vouchesForSurname))
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
            appositionOwner(for: personIndex, from: start, items: items)
        }
    }

    /// "his son Pavel", "Novak's daughter Maria": a family tie owned by someone names a person.
    private func isKinBefore(_ start: Int) -> Bool {
        guard start >= 2, isLowercaseWord(start - 1, .kin) else { return false }
        return isPossessive(start - 2) || isLowercaseWord(start - 2, .determiner)
    }

    private func appositionOwner(for person: Int, from start: Int, items: Items) {
        guard let itemIndex = items.firstIndex(where: { $0.range.lowerBound == start }) else { return }
        guard case .hit(let range, let categoryIndex) = items[itemIndex] else { return }
        let category = hitCategories[categoryIndex]
        if case .title(let target, let honorific) = category, !honorific {
            candidates[person].title = candidates[person].title ?? string(range)
            candidates[person].titleTarget = candidates[person].titleTarget ?? target
            candidates[person].canStartEntity = true
            // "X, chairman of the Authority of ...": the body after "of" owns the title, once it is built.
            if target == nil, nextWord(range.upperBound) == "of" {
                let bodyStart = nextWord(range.upperBound + 1) == "the" ? range.upperBound + 2 : range.upperBound + 1
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
        var country: String?
        var bodyName: String?
        switch category {
        case .country(let name), .demonym(let name), .seat(let name): country = name
        case .body(let name, _, _): bodyName = name
        default: return
        }
        var next = itemIndex + 1
        if next < items.count, case .token(let tokenIndex) = items[next], isPossessive(tokenIndex) { next += 1 }
        // Allow one or two lowercase modifiers ("top trade negotiator" is not a title we know).
        guard next < items.count, case .hit(_, let nextCategory) = items[next],
            case .title(let target, let honorific) = hitCategories[nextCategory], !honorific
        else { return }
        let ownerCandidate: Candidate
        if let country {
            ownerCandidate = Candidate(tokens: range, phrase: range, kind: .name, type: .country, key: .country(country),
                                       name: country, aliases: Aliases(string(range)))
        } else if let bodyName, let info = lexicon.bodies[bodyName] {
            ownerCandidate = Candidate(tokens: range, phrase: range, kind: .name, type: info.type, key: .body(bodyName),
                                       name: bodyName, aliases: Aliases(string(range)), lexiconName: bodyName, knownCountry: info.country)
        } else {
            return
        }
        let ownerIndex = add(ownerCandidate)
        candidates[person].owner = ownerIndex
        candidates[person].title = candidates[person].title ?? string(items[next].range)
        candidates[person].titleTarget = candidates[person].titleTarget ?? target
        candidates[person].canStartEntity = true
    }

    private func nextWord(_ index: Int) -> String? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        return tokens[index].id >= 0 ? lexicon.vocabulary.word(tokens[index].id) : String(decoding: text[Int(tokens[index].start)..<Int(tokens[index].end)], as: UTF8.self).lowercased()
    }

    /// The type a run's head word gives it: the last word ("Border and Customs Police"), or the
    /// word before "of" ("Ministry of Finance", "Assembly of Heads of Government").
    private func bodyType(_ range: Range<Int>) -> EntityType? {
        let last = range.upperBound - 1
        if classes(last).contains(.agencyHead) { return .agency }
        // "Central Bank", "Reserve Bank": a public body although "Bank" alone is not.
        for index in range.dropLast() where classes(index).contains(.publicModifier) && classes(index + 1).contains(.organizationHead) {
            return .agency
        }
        if classes(last).contains(.organizationHead) { return .organization }
        for index in range where tokens[index].kind == .word && !tokens[index].isCapitalized
            && ["of", "for"].contains(lexicon.vocabulary.word(tokens[index].id))
        {
            for head in range.lowerBound..<index {
                if classes(head).contains(.agencyHead) { return .agency }
                if classes(head).contains(.organizationHead) { return .organization }
            }
            break
        }
        return nil
    }

    /// "Full Name (ACR)": records ACR as another name of the candidate; returns the token after ")".
    private func defineAcronym(after index: Int, for candidate: Int) -> Int? {
        var cursor = index
        guard isMark(cursor, "(") else { return nil }
        cursor += 1
        if isMark(cursor, "\"") { cursor += 1 }
        guard cursor < tokens.count, tokens[cursor].isAllCaps else { return nil }
        let acronym = string(cursor..<(cursor + 1))
        cursor += 1
        if isMark(cursor, "\"") { cursor += 1 }
        guard isMark(cursor, ")") else { return nil }
        acronyms[acronym] = candidate
        candidates[candidate].aliases.append(acronym)
        return cursor + 1
    }

    /// `parts(of: surface)` for the name in `range`: a part that is one word the vocabulary knows
    /// is its vocabulary key, the same lowercase string, so only unknown words are made anew.
    private func nameParts(_ range: Range<Int>, surface: String) -> [String] {
        var parts: [String] = []
        parts.reserveCapacity(4)
        var first = range.lowerBound
        for index in range where index + 1 == range.upperBound || tokens[index].end != tokens[index + 1].start {
            if index + 1 < range.upperBound {
                // Parts are split at single spaces; any other gap goes the general way.
                let gap = Int(tokens[index].end)
                guard Int(tokens[index + 1].start) == gap + 1, text[gap] == 0x20 else { return MentionBuilder.parts(of: surface) }
            }
            let part: String
            if index == first && tokens[index].kind == .word && tokens[index].id >= 0 {
                part = lexicon.vocabulary.word(tokens[index].id)
            } else {
                let bytes = Int(tokens[first].start)..<Int(tokens[index].end)
                guard let folded = text.withUnsafeBufferPointer({ MentionBuilder.asciiLowercased(UnsafeBufferPointer(rebasing: $0[bytes])) })
                else { return MentionBuilder.parts(of: surface) }
                part = folded
            }
            if MentionBuilder.isNamePart(part) { parts.append(part) }
            first = index + 1
        }
        return parts
    }

    static func parts(of name: String) -> [String] {
        // Names are nearly always ASCII: lowercase their bytes directly instead of through String.
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var parts: [String] = []
            // One allocation for names of up to four words, not one per doubling.
            parts.reserveCapacity(4)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                defer { start = end + 1 }
                guard end > start else { continue }
                guard let part = asciiLowercased(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
                if isNamePart(part) { parts.append(part) }
            }
            return parts
        }
        if let ascii, let parts = ascii { return parts }
        return name.splitOnSpaces().map { $0.lowercased().replacingApostrophes() }
            .filter { !$0.isEmpty && isNamePart($0) }
    }

    /// `bytes` as a lowercase String when they are all ASCII; nil otherwise.
    private static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isASCII = true
        let folded = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for offset in 0..<bytes.count {
                if bytes[offset] >= 0x80 { isASCII = false }
                buffer[offset] = bytes[offset].asciiLowercased
            }
            return bytes.count
        }
        return isASCII ? folded : nil
    }

    /// "Jr." and "Sr." follow a name without being part of it.
    private static func isNamePart(_ part: String) -> Bool {
        part != "jr." && part != "sr."
    }

    /// "Ministry of Foreign Affairs" and "Foreign Ministry" share the key "foreign ministry".
    static func genericKey(_ name: String) -> String {
        if let key = asciiGenericKey(name) { return key }
        return genericKey(words: name.lowercased().replacingOccurrencesOfDefence().splitOnSpaces().map(String.init))
    }

    /// `genericKey` on the bytes of an ASCII name, building only the result (in place, with the
    /// words' ranges on the stack); nil for other names.
    private static func asciiGenericKey(_ name: String) -> String? {
        let key = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { words -> String in
                var count = 0
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                    if end > start {
                        words.initializeElement(at: count, to: start..<end)
                        count += 1
                    }
                    start = end + 1
                }
                func equals(_ word: Range<Int>, _ literal: StaticString) -> Bool {
                    guard word.count == literal.utf8CodeUnitCount else { return false }
                    let letters = literal.utf8Start
                    for offset in 0..<word.count where bytes[word.lowerBound + offset].asciiLowercased != letters[offset] {
                        return false
                    }
                    return true
                }
                // Words are dropped or reordered, never lengthened: the key fits in the name's length.
                return String(unsafeUninitializedCapacity: bytes.count) { key -> Int in
                    var length = 0
                    func append(_ word: Range<Int>) {
                        if equals(word, "the") || equals(word, "affairs") { return }
                        if length > 0 {
                            key[length] = 0x20
                            length += 1
                        }
                        // British and American spellings of one body share a key.
                        let spelling: StaticString = "defense"
                        let american = equals(word, "defence")
                        for offset in 0..<word.count {
                            key[length] = american ? spelling.utf8Start[offset] : bytes[word.lowerBound + offset].asciiLowercased
                            length += 1
                        }
                    }
                    if count >= 2, equals(words[1], "of"), !equals(words[0], "of") {
                        // "ministry of foreign affairs (of ...)": the words up to the next "of", then the head.
                        var index = 2
                        while index < count, !equals(words[index], "of") {
                            append(words[index])
                            index += 1
                        }
                        append(words[0])
                    } else {
                        for index in 0..<count { append(words[index]) }
                    }
                    return length
                }
            }
        }
        return key ?? nil
    }

    private static func genericKey(words: [String]) -> String {
        var words = words
        if let ofIndex = words.firstIndex(of: "of"), ofIndex == 1 {
            let head = words[0]
            var rest = Array(words[(ofIndex + 1)...])
            if let nextOf = rest.firstIndex(of: "of") { rest = Array(rest[..<nextOf]) }
            rest.removeAll { $0 == "the" }
            words = rest + [head]
        }
        words.removeAll { $0 == "the" || $0 == "affairs" }
        return words.joined(separator: " ")
    }
}

extension String {
    /// The parts between ASCII spaces, found on UTF-8 bytes: splitting into Characters costs
    /// several times more and a space never joins a grapheme in names.
    func splitOnSpaces(omittingEmpty: Bool = true) -> [Substring] {
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if !omittingEmpty || start != index { parts.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if !omittingEmpty || start != index { parts.append(self[start..<index]) }
        return parts
    }

    /// British and American spellings of one body share a key.
    public func replacingOccurrencesOfDefence() -> String {
        // A byte scan for "efence" first: most names have none, and Foundation's search is slow.
        let needle: StaticString = "efence"
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 6 else { return false }
            return needle.withUTF8Buffer { pattern in
                (0...(bytes.count - 6)).contains { start in (0..<6).allSatisfy { bytes[start + $0] == pattern[$0] } }
            }
        } ?? true
        guard found else { return self }
        return splitOnSpaces(omittingEmpty: false)
            .map { $0 == "defence" ? "defense" : $0 == "Defence" ? "Defense" : String($0) }
            .joined(separator: " ")
    }
}
