import EntityRecognition
import KnowledgeGraph

/// The feature part of each word the model's lexical features name, by vocabulary ID, and of
/// each ASCII mark, made once with the extractor: scoring reads a part for every token of the
/// sentences it loads, and making each from the token's string cost more than the features.
struct ModelWordParts: Sendable {
    private let byID: [FeaturePart?]
    private static let marks = (0..<128).map { FeaturePart(String(UnicodeScalar(UInt8($0)))) }

    /// `ids` are the vocabulary IDs of `words` (`WordSet.vocabularyIDs(of:lexicon:)`).
    init(words: [String], ids: [Int32]) {
        var byID = [FeaturePart?](repeating: nil, count: Int(ids.max() ?? -1) + 1)
        for (word, id) in zip(words, ids) where id >= 0 { byID[Int(id)] = FeaturePart(word) }
        self.byID = byID
    }

    /// The part of a token that a lexical feature may name, as `FeaturePart(lowercaseWord)`
    /// gives it: a mark, or a word the model names; nil for numbers and other words.
    func part(of token: Token) -> FeaturePart? {
        switch token.kind {
        case .number: return nil
        case .punctuation: return ModelWordParts.marks[Int(token.mark & 0x7F)]
        case .word:
            let id = Int(token.vocabularyID)
            return id >= 0 && id < byID.count ? byID[id] : nil
        }
    }
}

/// A sentence token's function word (an index into `FunctionWord.allCases`) and quotation state.
private struct TokenMarks {
    static let none = UInt8.max
    var functionWord = TokenMarks.none
    /// A speech word, whatever class it is read in first ("announced" is also a done verb).
    var isSpeech = false
    var inQuote = false
}

/// One sentence seen by the extractor: its mentions, function words and quotes.
///
/// Made once per article and loaded with each sentence that holds a cue, so its buffers are
/// allocated once.
struct SentenceScan {
    let analysis: ArticleAnalysis
    private(set) var sentenceIndex = 0
    private(set) var range: Range<Int> = 0..<0
    /// Mentions in the sentence that head a noun phrase (not the "Chinese" of "Chinese Foreign Ministry").
    private(set) var heads: [Mention] = []
    /// Per token of the sentence: its function word and whether it stands inside a quotation.
    private var marks: [TokenMarks] = []
    private var functionMatches: [(range: Range<Int>, payloads: [Int])] = []
    private let functionMatcher: PhraseMatcher
    let words: ScanWords
    /// The sentence continues a quotation opened in an earlier sentence.
    private var startsInQuote = false
    /// The quotation over several sentences that this sentence opens or lies inside.
    private var quotation: QuotationSpans.Span?
    /// Where the sentence's relation cues start and end (a bit per token of the sentence): a name
    /// right before a cue is its subject, one right after it its object, whatever list it seems
    /// to continue.
    private var cueStarts: [Bool] = []
    private var cueEnds: [Bool] = []
    /// How many words of negative judgement the sentence holds.
    private(set) var judgementCount = 0

    /// How far a target may stand from its cue, in tokens.
    private static let targetReach = 9
    private static let subjectReach = 14
    /// How far before a listing cue its verb may stand: the names listed between them can be many
    /// ("added A, B's wife C, D and E to the sanctions list").
    private static let listingReach = 40
    /// The most coordinated subjects and objects a cue takes ("A, B and C imposed sanctions on D,
    /// E and F"): each source is paired with each target, and a sentence that chains names without
    /// end would otherwise pair every name with every later one. The evaluation corpora's cues have
    /// at most 3 subjects and 6 objects.
    static let maximumSubjects = 8
    static let maximumObjects = 16

    /// Each token's word as a feature part, for the words the model knows (all of them when
    /// training spells features out); nil for the others. Indexed from the sentence's first token;
    /// entries past its last are left from longer sentences.
    private var wordParts: [FeaturePart?] = []
    /// The parts of the words the model's lexical features name; nil when training, which needs
    /// every word.
    private let modelWordParts: ModelWordParts?

    /// Each entity's type, read once: reading an entity of the analysis copies (and retains)
    /// all its names.
    let entityTypes: [EntityType]

    init(analysis: ArticleAnalysis, functionMatcher: PhraseMatcher, words: ScanWords, modelWordParts: ModelWordParts? = nil) {
        self.analysis = analysis
        entityTypes = analysis.entities.map(\.type)
        self.functionMatcher = functionMatcher
        self.words = words
        self.modelWordParts = modelWordParts
    }

    /// The feature part of a token's word, if a feature may name it.
    func wordPart(_ token: Int) -> FeaturePart? {
        range.contains(token) ? wordParts[token - range.lowerBound] : nil
    }

    /// Scans sentence `sentenceIndex`; `mentions` are the article's mentions that start in it.
    /// Reads a sentence. `quotation` is the quotation running over several sentences that it
    /// opens or lies inside (`isInsideQuotation`: with no quote mark of its own), if any.
    mutating func load(sentenceIndex: Int, mentions: ArraySlice<Mention>, quotation: QuotationSpans.Span? = nil,
                       isInsideQuotation: Bool = false)
    {
        self.sentenceIndex = sentenceIndex
        range = analysis.sentences[sentenceIndex].tokens
        self.quotation = quotation
        // A sentence whose first quote mark closes a quotation ('It must stop," Smith said.') began
        // inside the quote opened in an earlier sentence; so did one wholly inside a quotation.
        var open = isInsideQuotation
        if !open, let first = range.first(where: { analysis.tokens[$0].isQuoteMark }),
            first > range.lowerBound, !analysis.tokens[first].shape.contains(.spaceBefore)
        {
            open = true
        }
        startsInQuote = open
        // Marks past this sentence's tokens are left from longer sentences and never read. Each of
        // this sentence's marks is written whole, with its quotation state, through one buffer.
        if marks.count < range.count { marks.append(contentsOf: repeatElement(TokenMarks(), count: range.count - marks.count)) }
        let start = range.lowerBound
        analysis.tokens.withUnsafeBufferPointer { tokens in
            marks.withUnsafeMutableBufferPointer { marks in
                for token in range {
                    let isQuoteMark = tokens[token].isQuoteMark
                    if isQuoteMark { open.toggle() }
                    marks[token - start] = TokenMarks(inQuote: open && !isQuoteMark)
                }
            }
        }
        judgementCount = range.count { isWord($0, words.negativeJudgements) }
        cueStarts.removeAll(keepingCapacity: true)
        cueStarts.append(contentsOf: repeatElement(false, count: range.count))
        cueEnds.removeAll(keepingCapacity: true)
        cueEnds.append(contentsOf: repeatElement(false, count: range.count))
        functionMatcher.matches(in: analysis.tokens, range: range, into: &functionMatches)
        for (phrase, payloads) in functionMatches {
            let isSpeech = payloads.contains { SentenceScan.functionWords[$0] == .speech }
            for token in phrase {
                marks[token - start].functionWord = UInt8(payloads[0])
                marks[token - start].isSpeech = isSpeech
            }
        }
        SentenceScan.headMentions(mentions, into: &heads)
        // Like the marks, parts past this sentence's tokens are left from longer sentences and
        // never read (`wordPart(_:)` reads this sentence's only); each of this sentence's is written.
        if wordParts.count < range.count { wordParts.append(contentsOf: repeatElement(nil, count: range.count - wordParts.count)) }
        if let modelWordParts {
            // Through the buffers: written element by element, the array asks the runtime
            // whether its storage is shared for every token.
            let range = range
            analysis.tokens.withUnsafeBufferPointer { tokens in
                wordParts.withUnsafeMutableBufferPointer { parts in
                    for token in range { parts[token - start] = modelWordParts.part(of: tokens[token]) }
                }
            }
        } else {
            for token in range {
                wordParts[token - start] = analysis.tokens[token].kind == .number ? nil : FeaturePart(lower(token))
            }
        }
    }

    private static func headMentions(_ inside: ArraySlice<Mention>, into heads: inout [Mention]) {
        // Compared in place by index: copying a mention retains its title strings.
        heads.removeAll(keepingCapacity: true)
        for index in inside.indices {
            let start = inside[index].tokens.lowerBound
            // Drop a mention that only qualifies a larger one ("Chinese" in "Chinese Foreign Ministry",
            // "U.S." in "U.S. Treasury").
            let qualifies = inside.indices.contains { other in
                inside[other].entity != inside[index].entity && inside[other].phrase.contains(start)
                    && (!inside[other].tokens.contains(start)
                        // "the Central Bank of Kenya": a name inside a longer name heads nothing.
                        || (inside[other].tokens.count > inside[index].tokens.count
                            && inside[other].tokens.upperBound >= inside[index].tokens.upperBound))
            }
            if !qualifies { heads.append(inside[index]) }
        }
    }

    /// Whether the token is a speech word of this sentence ("said", "announced").
    func isSpeech(_ token: Int) -> Bool { range.contains(token) && marks[token - range.lowerBound].isSpeech }

    func word(_ token: Int) -> FunctionWord? {
        guard range.contains(token) else { return nil }
        let raw = marks[token - range.lowerBound].functionWord
        return raw == TokenMarks.none ? nil : SentenceScan.functionWords[Int(raw)]
    }

    static let functionWords = FunctionWord.allCases

    func lower(_ token: Int) -> String { analysis.lowercaseWord(token) }

    /// Whether a token is one of `set`, by vocabulary ID: no string is made.
    func isWord(_ token: Int, _ set: WordSet) -> Bool { analysis.token(token, isIn: set) }

    /// Notes the cues of the loaded sentence (`load` forgets them).
    mutating func noteCues(_ cues: some Sequence<Range<Int>>) {
        for cue in cues where range.contains(cue.lowerBound) && cue.upperBound <= range.upperBound {
            // A cue opening with a preposition ("to the entity list") follows its objects and takes no subject.
            if !isWord(cue.lowerBound, words.prepositions) && !isWord(cue.lowerBound, words.to) {
                cueStarts[cue.lowerBound - range.lowerBound] = true
            }
            cueEnds[cue.upperBound - 1 - range.lowerBound] = true
        }
    }

    /// Whether a relation cue starts at `token`.
    private func cueStarts(at token: Int) -> Bool { range.contains(token) && cueStarts[token - range.lowerBound] }

    /// Whether a relation cue ends just before `token`.
    private func cueEnds(before token: Int) -> Bool { range.contains(token - 1) && cueEnds[token - 1 - range.lowerBound] }

    /// Whether a name stands right after a relation cue, as its object.
    func followsCue(_ phrase: Range<Int>) -> Bool { cueEnds(before: phrase.lowerBound) }

    /// Whether a word of negative judgement stands in `tokens` (clamped to the sentence).
    func hasJudgement(in tokens: Range<Int>) -> Bool {
        judgementCount > 0 && tokens.clamped(to: range).contains { isWord($0, words.negativeJudgements) }
    }

    // MARK: Edges

    /// The edges the clause rules read off a cue: one rule per pattern, each in its own file of
    /// `Patterns/` (`CuePattern` names them). `accuser` gives, for an entity, who criticized it in
    /// this or the previous sentence.
    func edges(for cue: CueLexicon.Cue, at cueRange: Range<Int>, accuser: (Int) -> Int? = { _ in nil }) -> [FoundEdge] {
        if isHypothetical(before: cueRange.lowerBound) { return [] }
        // "the new sanctions", "further sanctions": a noun, which needs "on"/"against" (a noun cue).
        if cue.pattern == .verb, cueRange.lowerBound > range.lowerBound,
            isWord(cueRange.lowerBound - 1, words.nounMarkers)
        {
            return []
        }
        let place = CuePlace(cue: cue, range: cueRange)
        switch cue.pattern {
        case .verb, .noun: return actionEdges(place)
        case .possessiveObject: return possessiveObjectEdges(place)
        case .symmetric: return symmetricEdges(place)
        case .listing: return listingEdges(place)
        case .rebuttal: return rebuttalEdges(place, accuser: accuser)
        case .evaluative, .evaluativeSubject: return evaluativeEdges(place)
        case .reverse: return reverseEdges(place)
        case .scored: return []
        }
    }

    func pairs(_ sources: [Int], _ targets: [Int], _ type: RelationType, _ makeRationale: @autoclosure () -> String) -> [FoundEdge] {
        var edges: [FoundEdge] = []
        var rationale: String?
        for source in sources {
            for target in targets where target != source {
                if rationale == nil { rationale = makeRationale() }
                edges.append(FoundEdge(source: source, target: target, type: type, rationale: rationale!))
            }
        }
        return edges
    }

    func inQuote(_ token: Int) -> Bool { range.contains(token) && marks[token - range.lowerBound].inQuote }

    /// Negated, planned, asked-for or conditional: the event did not (yet) happen.
    func isHypothetical(before cue: Int) -> Bool {
        if isWord(range.lowerBound, words.conditionals) { return true }
        // The window is the cue's own clause: back to the nearest mention or clause boundary. A
        // cue that opens with "to" ("to the entity list") ends a verb phrase whose objects stand
        // before it ("plans to add Huawei and ZTE to the entity list"): the window reaches over them.
        var reachingOverObjects = isWord(cue, words.to)
        // Where the clause's verb starts: the cue, or the word before the objects reached over.
        var verb = cue
        var token = cue - 1
        var steps = 0
        while token >= range.lowerBound && steps < 8 {
            if let mention = heads.last(where: { $0.tokens.contains(token) && $0.kind != .weak }) {
                guard reachingOverObjects else { break }
                token = mention.phrase.lowerBound - 1
                verb = token
                continue
            }
            if reachingOverObjects && isWord(token, words.coordinators) {
                token -= 1
                continue
            }
            // Past the objects, the window is the verb's clause as for any cue.
            reachingOverObjects = false
            // "plans for a meeting with" reaches over "for"; a passive agent ("by X") ends the window.
            if word(token) == .boundary || isWord(token, words.windowEnds) {
                // "denied that it blacklisted": a denied clause did not happen.
                if isWord(token, words.that), token - 1 >= range.lowerBound, word(token - 1) == .negation { return true }
                break
            }
            if word(token) == .negation || word(token) == .modal { return true }
            if token == verb - 1 && isWord(token, words.to) {
                // "agreed to impose", "went to Beijing to meet" happened; "plans to impose",
                // "offered to mediate" did not.
                return !completesDoneVerb(infinitive: token)
            }
            token -= 1
            steps += 1
        }
        return false
    }


    /// How far back from an infinitive's "to" the verb it completes is looked for: over a place
    /// and a time ("flew to Kabul on Saturday to meet").
    static let purposeReach = 6

    /// Whether the infinitive at `to` completes a verb that says the event happened: "agreed to
    /// impose", "decided on Monday to impose", "went to Beijing to meet" (a journey's purpose, done
    /// once the journey was). The verb is looked for back over places and times, not over a
    /// clause boundary, a negation, a modal or another actor ("agreed with Japan's minister to
    /// meet" is a plan).
    func completesDoneVerb(infinitive to: Int) -> Bool {
        var token = to - 1
        while token >= range.lowerBound && to - token <= SentenceScan.purposeReach {
            if let mention = heads.last(where: { $0.tokens.contains(token) && $0.kind != .weak }) {
                guard entityTypes[mention.entity] == .country else { return false }
                token = mention.phrase.lowerBound - 1
                continue
            }
            switch word(token) {
            case .done: return true
            case .boundary, .negation, .modal: return false
            default: token -= 1
            }
        }
        return false
    }

    /// The verb of a listing cue ("added" of "added X and Y to the entity list"): the last listing
    /// verb before the cue, over the names listed between them.
    func listingVerb(before cue: Range<Int>) -> Int? {
        (max(range.lowerBound, cue.lowerBound - SentenceScan.listingReach)..<cue.lowerBound).last { isWord($0, words.listingVerbs) }
    }

    /// The objects of a listing verb that stand before its cue: "added A, B and C" of "added A,
    /// B and C to the entity list".
    func listedObjects(verb: Int, cue: Range<Int>) -> [Int] {
        objects(after: verb + 1, quoted: inQuote(verb)).filter { object in
            heads.contains { $0.entity == object && $0.tokens.upperBound <= cue.lowerBound }
        }
    }

    func isPassive(_ cue: Int) -> Bool {
        var token = cue - 1
        // "was also sanctioned", "were again accused", "has been repeatedly criticized": adverbs
        // (listed ones, or any lowercase word in -ly) may stand between the auxiliary and the cue.
        var skipped = 0
        while token >= range.lowerBound, skipped < 2,
            isWord(token, words.passiveAdverbs) || (analysis.tokens[token].kind == .word && !analysis.tokens[token].isCapitalized
                && lower(token).hasSuffix("ly"))
        {
            token -= 1
            skipped += 1
        }
        return token >= range.lowerBound && word(token) == .auxiliary
    }

    /// The agents of a passive: the name after "by", with those coordinated with it ("were
    /// sanctioned by Canada and the United States").
    func agents(after end: Int) -> [Int] {
        var token = end
        while token < min(range.upperBound, end + 6) {
            if isWord(token, words.by) {
                guard let first = heads.first(where: { $0.tokens.lowerBound > token && $0.kind != .weak }),
                    first.tokens.lowerBound <= token + 4
                else { return [] }
                // The first agent, then the names listed with it, read as a cue's objects are.
                let listed = objects(after: token + 1, quoted: inQuote(token))
                return listed.first == first.entity ? listed : [first.entity]
            }
            token += 1
        }
        return []
    }

    /// The one whose announcement reports the cue: the subject of the last speech verb before it,
    /// outside quotes ("The Foreign Ministry on Friday announced that eight officials were banned").
    func announcer(before cue: Int) -> Int? {
        guard let speech = (range.lowerBound..<cue).last(where: { isSpeech($0) && !inQuote($0) }),
            let subject = heads.last(where: {
                $0.tokens.upperBound <= speech && speech - $0.tokens.upperBound <= 3 && $0.kind != .weak
                    && !inQuote($0.tokens.lowerBound)
            })
        else { return nil }
        return origin(of: subject).entity
    }

    /// The subject: the nearest mention before the cue, with any mentions coordinated with it
    /// ("Norway and Canada imposed ...").
    func subjects(before cue: Int) -> [Int] {
        let quoted = inQuote(cue)
        // "Vassily Nebenzia, Russia's envoy to the UN, accused ...": skip the apposition.
        if cue - 1 > range.lowerBound, isWord(cue - 1, words.comma),
            let open = (range.lowerBound..<(cue - 1)).last(where: { isWord($0, words.comma) }),
            let person = heads.last(where: { $0.tokens.upperBound == open && $0.kind != .weak })
        {
            return [origin(of: person).entity]
        }
        guard let nearest = heads.last(where: {
            $0.tokens.upperBound <= cue && cue - $0.tokens.upperBound <= SentenceScan.subjectReach && $0.kind != .weak
                && inQuote($0.tokens.lowerBound) == quoted
        }).map(origin(of:)) else { return [] }
        // A clause boundary between the subject and the cue means the subject is someone else's.
        for token in nearest.tokens.upperBound..<cue where word(token) == .boundary {
            if isWord(token, words.relativePronouns) { continue }
            return []
        }
        var result = [nearest.entity]
        var current = nearest
        while result.count < SentenceScan.maximumSubjects,
            let previous = heads.last(where: { $0.tokens.upperBound <= current.phrase.lowerBound && $0.kind != .weak })
        {
            let gap = previous.tokens.upperBound..<current.phrase.lowerBound
            guard gap.count <= 2, gap.allSatisfy({ isWord($0, words.conjunctions) }) else { break }
            // "According to Reuters, Ruiz and Sato met": an attribution or a place is no co-subject.
            let before = previous.phrase.lowerBound - 1
            if before >= range.lowerBound, isSpeech(before) || isWord(before, words.prepositions) { break }
            // "A criticized B, C criticized D": B, right after a cue, is that cue's object.
            if cueEnds(before: previous.phrase.lowerBound) { break }
            result.append(previous.entity)
            current = previous
        }
        return result
    }

    /// The person a place or body is said of: "Prak Sokhonn" of "Prak Sokhonn of Cambodia held
    /// talks", where the place only says where the subject comes from; else the mention itself.
    private func origin(of mention: Mention) -> Mention {
        let of = mention.phrase.lowerBound - 1
        guard of > range.lowerBound, isWord(of, words.of),
            let person = heads.last(where: { $0.tokens.upperBound == of }),
            person.kind != .weak, entityTypes[person.entity] == .person
        else { return mention }
        return person
    }

    /// The objects: the first mention after the cue and those coordinated with it.
    func objects(after end: Int, quoted: Bool) -> [Int] {
        var result: [Int] = []
        var cursor = end
        for (position, mention) in heads.enumerated() where mention.tokens.lowerBound >= end && !isMerePlace(mention) {
            guard mention.phrase.lowerBound >= cursor else { continue }
            let gap = cursor..<mention.phrase.lowerBound
            if result.isEmpty {
                guard gap.count <= SentenceScan.targetReach else { break }
                // "sanctioned X for …": what follows "for" is the reason, not another object.
                if gap.contains(where: { (word($0) == .boundary || isWord($0, words.forWord)) && !inQuote($0) == !quoted }) { break }
                // "sanctioned 10 officials, including X": the named examples are objects too.
                let including = gap.count >= 2 && isWord(gap.upperBound - 1, words.including) && isWord(gap.upperBound - 2, words.comma)
                if !including, gap.contains(where: { isWord($0, words.sentenceMarks) }) { break }
                if including, gap.dropLast(2).contains(where: { isWord($0, words.sentenceMarks) }) { break }
                // "accused the administration of slowing deliveries to Ukraine": a name inside the charge
                // after "of" is no object.
                if let of = gap.first(where: { isWord($0, words.of) }), of > gap.lowerBound,
                    ((of + 1)..<gap.upperBound).contains(where: { !isWord($0, words.of) && isWord($0, words.prepositions) })
                {
                    break
                }
                // "the governor of Kandahar": the object is an unnamed official, not the place.
                if let of = gap.last(where: { isWord($0, words.of) }), of > gap.lowerBound,
                    isWord(of - 1, words.unnamedHolders)
                {
                    break
                }
            } else {
                // Coordination only: "A, B and C", "Novak, his son Pavel".
                guard gap.count <= 5, gap.contains(where: { isWord($0, words.coordinators) }),
                    gap.allSatisfy({ isWord($0, words.coordination) })
                else { break }
                // "A criticized B, C criticized D": C, right before a cue, is that cue's subject.
                if cueStarts(at: mention.tokens.upperBound) { break }
            }
            // "Iran ally Hezbollah", "China's Ministry of Public Security": the later name is the head.
            var mention = mention
            // Heads are in text order: the first one after a mention comes after its place in the list.
            var next = position + 1
            func following(_ mention: Mention) -> Mention? {
                while next < heads.count && heads[next].tokens.lowerBound <= mention.tokens.upperBound { next += 1 }
                return next < heads.count ? heads[next] : nil
            }
            // "Venezuela's state oil company PDVSA": after a possessive, up to three common nouns.
            while let following = following(mention),
                following.phrase.lowerBound > mention.tokens.upperBound,
                (following.phrase.lowerBound - mention.tokens.upperBound <= 2
                    && (mention.tokens.upperBound..<following.phrase.lowerBound).allSatisfy({ isCommonNoun($0) }))
                    || (isPossessive(mention.tokens.upperBound) && following.phrase.lowerBound - mention.tokens.upperBound <= 4
                        && ((mention.tokens.upperBound + 1)..<following.phrase.lowerBound).allSatisfy({ isCommonNoun($0) }))
            {
                mention = following
            }
            // "with Syria's interim leader, Ahmed al-Sharaa", "summoned the Japanese ambassador to
            // Seoul, Koichi Ibushi", "met the president of Cuba, Miguel Díaz-Canel": an office, then its
            // holder named in apposition; the holder is the object, the office's country only says whose.
            let officeBefore = gap.count >= 2 && isWord(gap.upperBound - 2, words.roleNouns)
                && isWord(gap.upperBound - 1, words.prepositions)
            if let holder = holderInApposition(after: mention, officeBefore: officeBefore) { mention = holder }
            if !result.contains(mention.entity) { result.append(mention.entity) }
            if result.count >= SentenceScan.maximumObjects { break }
            cursor = mention.tokens.upperBound
            if isPossessive(cursor) { cursor += 1 }
        }
        return result
    }

    /// The person named in apposition to an office that `owner` holds or names: after "Syria's
    /// interim leader," or "the Japanese ambassador to Seoul,", or after "the president of Cuba,"
    /// (`officeBefore`). Nil when no office and comma come first, or no person right after the comma.
    private func holderInApposition(after owner: Mention, officeBefore: Bool) -> Mention? {
        var token = owner.tokens.upperBound
        if isPossessive(token) { token += 1 }
        var office = officeBefore
        var read = 0
        while token < range.upperBound && !isWord(token, words.comma) {
            // At most a few words of the office: "former deputy foreign minister".
            read += 1
            guard read <= 5 else { return nil }
            if isWord(token, words.roleNouns) {
                office = true
            } else if office, isWord(token, words.prepositions),
                token + 1 < range.upperBound, analysis.tokens[token + 1].isCapitalized
            {
                // "ambassador to Seoul", "president of Chile" (the prepositions include "of"): the
                // post's place (a name, which may be part of the holder's title rather than a mention
                // of its own), then the comma.
                token += 1
                while token < range.upperBound && analysis.tokens[token].isCapitalized { token += 1 }
                continue
            } else if !isCommonNoun(token) {
                return nil
            }
            token += 1
        }
        // The name right after the comma, or after a title the recognizer left out of it ("Senior Gen.").
        guard office, let holder = heads.first(where: { $0.tokens.lowerBound > token }),
            holder.kind != .weak, entityTypes[holder.entity] == .person, holder.tokens.lowerBound - token <= 4,
            ((token + 1)..<holder.tokens.lowerBound).allSatisfy({ analysis.tokens[$0].isCapitalized || analysis.tokens[$0].isMark(".") })
        else { return nil }
        return holder
    }

    func withBeforePartner(after end: Int) -> Bool {
        guard let partner = heads.first(where: { $0.tokens.lowerBound >= end && !isMerePlace($0) }) else { return false }
        return (end..<partner.phrase.lowerBound).contains { isWord($0, words.with) }
    }

    /// "the two leaders" before the cue, and exactly two people named in this sentence before it
    /// or in the two sentences before.
    func twoPeople(before cue: Int) -> (Int, Int)? {
        var token = cue - 1
        while token > range.lowerBound, isWord(token, words.pairAdverbs) {
            token -= 1
        }
        guard token - 2 >= range.lowerBound, isWord(token, words.pairNouns), isWord(token - 1, words.two),
            isWord(token - 2, words.the)
        else { return nil }
        let start = analysis.sentences[max(0, sentenceIndex - 2)].tokens.lowerBound
        var people: [Int] = []
        for mention in analysis.mentions(startingIn: start..<token) where mention.tokens.upperBound <= token - 2
            && mention.kind != .weak && entityTypes[mention.entity] == .person && !people.contains(mention.entity)
        {
            people.append(mention.entity)
        }
        return people.count == 2 ? (people[0], people[1]) : nil
    }


    /// "met in Tokyo": a capital or adjective after "in" is where, not whom.
    private func isMerePlace(_ mention: Mention) -> Bool {
        guard mention.kind == .weak, mention.phrase.lowerBound > range.lowerBound else { return false }
        return isWord(mention.phrase.lowerBound - 1, words.placePrepositions)
    }


    private func isCommonNoun(_ token: Int) -> Bool {
        let value = analysis.tokens[token]
        return value.kind == .word && !value.isCapitalized && word(token) == nil
            && !isWord(token, words.notCommonNouns)
    }

    /// Per actor (in the order given), the first token of the row of names it stands in: names
    /// with only commas, semicolons, "and", "or" and determiners between them ("A; B; C and D")
    /// form a row, and a name in none stands at its own first token.
    func rowStarts(of actors: [Actor], into starts: inout [Int]) {
        starts.append(contentsOf: actors.lazy.map(\.tokens.lowerBound))
        // Actors come in order of position but for references, which come after the names.
        for index in actors.indices where !actors[index].isReference {
            let start = actors[index].phrase.lowerBound
            var previous: Int?
            for other in actors.indices where !actors[other].isReference && actors[other].tokens.upperBound <= start {
                if previous.map({ actors[other].tokens.upperBound > actors[$0].tokens.upperBound }) ?? true { previous = other }
            }
            guard let previous else { continue }
            let gap = actors[previous].tokens.upperBound..<start
            if !gap.isEmpty, gap.count <= 3,
                gap.allSatisfy({ isWord($0, words.coordination) || analysis.tokens[$0].isMark(";") })
            {
                starts[index] = starts[previous]
            }
        }
    }

    /// A verb right after "and": it shares the subject of the sentence's first verb.
    func isCoordinatedVerb(_ cue: Int) -> Bool {
        // ", denouncing Israel's attacks": a participle shares the sentence's subject.
        if cue - 1 > range.lowerBound, isWord(cue - 1, words.comma), lower(cue).hasSuffix("ing") { return true }
        var token = cue - 1
        while token > range.lowerBound, isWord(token, words.sequenceAdverbs) { token -= 1 }
        guard token > range.lowerBound, isWord(token, words.and) else { return false }
        return !heads.contains { $0.tokens.upperBound == token }
    }

    /// The subject of the sentence: a leading he/she, or the first name if the sentence opens with it.
    func sentenceSubject() -> Int? {
        var token = range.lowerBound
        while token < range.upperBound, isWord(token, words.sentenceOpeners) { token += 1 }
        if token < range.upperBound, isWord(token, words.subjectPronouns) { return lastPerson(before: range.lowerBound) }
        return heads.first { $0.phrase.lowerBound <= token + 4 && $0.kind != .weak }?.entity
    }

    func isPossessive(_ token: Int) -> Bool {
        range.contains(token) && isWord(token, words.possessive)
    }

    func isPronounObject(_ token: Int) -> Bool {
        guard range.contains(token) else { return false }
        if isWord(token, words.her) {
            // "met her counterpart": a determiner; "accused her of", "met her on Monday": the object.
            let next = token + 1
            return !range.contains(next) || analysis.tokens[next].kind == .punctuation
                || isWord(next, words.afterObjectPronoun)
        }
        return isWord(token, words.objectPronouns)
    }


    /// "the US has accused it": the nearest other actor named before the subject.
    func pronounTarget(before cue: Int) -> Int? {
        let subjects = subjects(before: cue)
        return heads.last { $0.tokens.upperBound <= cue && !subjects.contains($0.entity) && $0.kind != .weak
            && entityTypes[$0.entity] != .person }?.entity
    }

    /// "He said": the person most recently named before this sentence.
    func pronounSubject(before cue: Int) -> Int? {
        var token = cue - 1
        while token >= range.lowerBound && cue - token <= 3 {
            if isWord(token, words.subjectPronouns) {
                // "Blinken traveled to Beijing, where he met ...": "he" is the unplaced name, not an
                // earlier person.
                if unplacedSubject(before: token) { return nil }
                return lastPerson(before: token)
            }
            token -= 1
        }
        return nil
    }

    /// "The summit between A and B was called off / will take place": a negation or modal word in
    /// the rest of the clause.
    func predicateUndone(after start: Int) -> Bool {
        for token in start..<range.upperBound {
            if word(token) == .boundary || word(token) == .preposition { return false }
            if word(token) == .negation || word(token) == .modal { return true }
        }
        return false
    }

    /// A capitalized name the recognizer did not place, standing where a subject stands (not after a
    /// preposition), earlier in this sentence.
    private func unplacedSubject(before token: Int) -> Bool {
        for index in range.lowerBound..<token where analysis.isUnplacedName(index) {
            if index > range.lowerBound, analysis.tokens[index - 1].kind == .word, analysis.tokens[index - 1].isCapitalized { continue }
            if index > range.lowerBound, isWord(index - 1, words.prepositions) { continue }
            if isQuoteMark(max(range.lowerBound, index - 1)) && index > range.lowerBound { continue }
            return true
        }
        return false
    }

    /// How many mentions back "he" or "she" looks for its person: the latest person is rarely far,
    /// and an article without one would otherwise be read back to its start for every pronoun.
    static let pronounReach = 256

    private func lastPerson(before token: Int) -> Int? {
        // Mentions are in text order: only those starting before the token can end before it.
        let before = analysis.mentions(startingIn: 0..<token)
        return before[max(before.startIndex, before.endIndex - SentenceScan.pronounReach)...]
            .last { $0.tokens.upperBound <= token && entityTypes[$0.entity] == .person }?.entity
    }

    func previousSentencePerson() -> Int? {
        guard sentenceIndex > 0 else { return nil }
        let previous = analysis.sentences[sentenceIndex - 1].tokens
        return analysis.mentions(startingIn: previous).last { entityTypes[$0.entity] == .person }?.entity
    }

    /// The actor an evaluative cue judges: the possessor ("India's [increasingly] reckless conduct") or
    /// the subject ("Harmon \"has been really bad", "Israel bears responsibility").
    func judged(by cue: Range<Int>, possessor: Bool) -> Int? {
        var token = cue.lowerBound - 1
        if token >= range.lowerBound, isQuoteMark(token) { token -= 1 }
        // Possessive: at most one modifier between "'s" and the cue.
        var possessive = token
        if possessive > range.lowerBound, !isPossessive(possessive), word(possessive) == nil,
            analysis.tokens[possessive].kind == .word, !analysis.tokens[possessive].isCapitalized
        {
            possessive -= 1
        }
        if isPossessive(possessive) {
            guard possessor else { return nil }
            return heads.last { $0.tokens.upperBound == possessive && $0.kind != .weak }?.entity
        }
        // Subject: [mention] ["] [is/was/has been] [one or two adverbs] cue.
        var steps = 0
        while token >= range.lowerBound, steps < 2, word(token) == nil, analysis.tokens[token].kind == .word,
            !analysis.tokens[token].isCapitalized, lower(token).hasSuffix("ly") || isWord(token, words.intensifiers)
        {
            token -= 1
            steps += 1
        }
        while token >= range.lowerBound, word(token) == .auxiliary || isWord(token, words.perfectAuxiliaries) {
            token -= 1
        }
        if token >= range.lowerBound, isQuoteMark(token) { token -= 1 }
        // "China's actions are provocative": the possessor of the subject, for strong words only.
        if possessor, token - 1 > range.lowerBound, isCommonNoun(token), isPossessive(token - 1),
            let owner = heads.last(where: { $0.tokens.upperBound == token - 1 && $0.kind != .weak })
        {
            return owner.entity
        }
        guard token >= range.lowerBound,
            let subject = heads.last(where: { $0.tokens.upperBound == token + 1 && $0.kind != .weak })
        else { return nil }
        // "the situation in Iran is bad": a place after a preposition is no subject.
        let before = subject.phrase.lowerBound - 1
        if before >= range.lowerBound, isWord(before, words.prepositions) { return nil }
        return subject.entity
    }





    /// The person an apposition describes, when the apposition ends at a speech word: "Hana
    /// Novak, a spokeswoman for the Foreign Ministry, told reporters", "Ivo Horvat, director of
    /// the Office of Foreign Assets Control, said". The names inside it describe the speaker; the
    /// nearest of them is no speaker.
    func appositionHolder(speech: Int) -> Int? {
        guard speech - 1 > range.lowerBound, isWord(speech - 1, words.comma) else { return nil }
        var opening = speech - 2
        while opening > range.lowerBound, speech - opening <= SentenceScan.appositionReach, !isWord(opening, words.comma) {
            if inQuote(opening) || isSpeech(opening) || word(opening) == .boundary { return nil }
            opening -= 1
        }
        guard opening > range.lowerBound, opening < speech - 2, isWord(opening, words.comma),
            let holder = heads.last(where: { $0.tokens.upperBound == opening && $0.kind != .weak && !inQuote($0.tokens.lowerBound) }),
            entityTypes[holder.entity] == .person
        else { return nil }
        return holder.entity
    }

    /// How many tokens an apposition before a speech word spans at most, with its two commas.
    static let appositionReach = 14

    /// A quote left open at the end of this sentence and closed in the next one with its speaker:
    /// "\"Russia is to blame. It must pay,\" Smith said."
    func speakerAfterQuote() -> Int? {
        // The quote must really be open at the end of this sentence.
        guard let last = range.last, inQuote(last) else { return nil }
        // The sentence that closes the quote: the next one, or a later one for a quotation of
        // several sentences.
        let closing = quotation.map(\.closing) ?? sentenceIndex + 1
        guard closing > sentenceIndex, closing < analysis.sentences.count else { return nil }
        let next = analysis.sentences[closing].tokens
        guard let close = next.first(where: { isQuoteMark($0) }) else { return nil }
        let nextMentions = analysis.mentions(startingIn: (close + 1)..<next.upperBound)
        // ..." Smith said / ..." said Smith / ..." he said.
        var token = close + 1
        if token < next.upperBound, isWord(token, words.comma) { token += 1 }
        let window = token..<min(next.upperBound, token + 6)
        guard let speech = window.first(where: { isSpeechWord($0) }) else { return nil }
        let named = nextMentions.filter { $0.kind != Mention.Kind.weak }
        if let before = named.last(where: { $0.tokens.upperBound <= speech && $0.tokens.lowerBound >= token }) {
            return before.entity
        }
        if let after = named.first(where: { $0.tokens.lowerBound > speech && $0.tokens.lowerBound - speech <= 2 }) {
            return after.entity
        }
        if speech > token, isWord(speech - 1, words.subjectPronouns) { return lastPerson(before: range.lowerBound) }
        return nil
    }

    func isQuoteMark(_ token: Int) -> Bool {
        analysis.tokens[token].isQuoteMark
    }

    /// A quotation that began in the previous sentence after its speaker: 'X said: "... . We condemn Y."'
    func speakerBeforeQuote() -> Int? {
        // The sentence that opened the quote: the previous one, or an earlier one for a quotation
        // of several sentences.
        let opening = quotation.map(\.opening) ?? sentenceIndex - 1
        guard startsInQuote, opening >= 0, opening < sentenceIndex else { return nil }
        let previous = analysis.sentences[opening].tokens
        guard let open = previous.last(where: { isQuoteMark($0) }),
            analysis.tokens[open].shape.contains(.spaceBefore) || open == previous.lowerBound
        else { return nil }
        var token = open - 1
        if token >= previous.lowerBound, isWord(token, words.quoteLeads) { token -= 1 }
        guard token >= previous.lowerBound, isSpeechWord(token) else { return nil }
        let named = analysis.mentions(startingIn: previous).filter { $0.kind != Mention.Kind.weak }
        if let before = named.last(where: { $0.tokens.upperBound <= token && token - $0.tokens.upperBound <= 3 }) {
            return before.entity
        }
        if token > previous.lowerBound, isWord(token - 1, words.subjectPronouns) { return lastPerson(before: token - 1) }
        return nil
    }

    /// A speech word of the cue lexicon, in any sentence.
    private func isSpeechWord(_ token: Int) -> Bool {
        guard let (_, payloads) = functionMatcher.match(in: analysis, at: token, end: token + 1) else { return false }
        return payloads.contains { SentenceScan.functionWords[$0] == .speech }
    }

    var headMentions: [Mention] { heads }

    /// Who speaks the quotes of this sentence, here or in the sentences around it.
    func quoteSpeaker() -> Int? { speaker() ?? speakerAfterQuote() ?? speakerBeforeQuote() }

    /// Who speaks the quotes of this sentence: the mention next to a speech word outside quotes,
    /// or "he"/"she" for the last person named.
    func speaker() -> Int? {
        for token in range where isSpeech(token) && !inQuote(token) {
            if let holder = appositionHolder(speech: token) { return holder }
            if let before = heads.last(where: { $0.tokens.upperBound <= token && token - $0.tokens.upperBound <= 3 && !inQuote($0.tokens.lowerBound) && $0.kind != .weak }) {
                return before.entity
            }
            if let after = heads.first(where: { $0.tokens.lowerBound > token && $0.phrase.lowerBound - token <= 2 && !inQuote($0.tokens.lowerBound) && $0.kind != .weak }) {
                return after.entity
            }
            if token > range.lowerBound, isWord(token - 1, words.subjectPronouns) { return lastPerson(before: token) }
        }
        // "X rejected the protest, saying …": a participle of speech after a comma speaks for the
        // sentence's subject.
        for token in range where token > range.lowerBound && isWord(token - 1, words.comma) && !inQuote(token)
            && isWord(token, words.speechParticiples)
        {
            return sentenceSubject()
        }
        return nil
    }

}
