import EntityRecognition
import KnowledgeGraph

/// One place in a sentence where an actor stands: a name the recognizer found, or a word that
/// refers back to one ("he", "the department").
struct Actor {
    var tokens: Range<Int>
    var phrase: Range<Int>
    var entity: Int
    var isWeak: Bool
    /// Resolved from a pronoun or a definite noun rather than named.
    var isReference: Bool

    init(_ mention: Mention) {
        tokens = mention.tokens
        phrase = mention.phrase
        entity = mention.entity
        isWeak = mention.kind == .weak
        isReference = false
    }

    /// The tokens between this actor and another, in either order (empty when they touch).
    func gap(to other: Actor) -> Range<Int> {
        let start = min(tokens.upperBound, other.tokens.upperBound)
        return start..<max(start, tokens.lowerBound, other.tokens.lowerBound)
    }

    init(reference tokens: Range<Int>, entity: Int) {
        self.tokens = tokens
        phrase = tokens
        self.entity = entity
        isWeak = false
        isReference = true
    }
}

/// Finds every candidate edge of an article and its features: pairs of actors in a sentence
/// with a cue, and the links across sentences that news writing makes (a sanction announced
/// and its targets listed next; a source named once and then left out).
struct CandidateFinder {
    let analysis: ArticleAnalysis
    let cues: [CueLexicon.Cue]
    let triggerCues: [TriggerCue]
    let cueMatcher: PhraseMatcher
    let markerMatcher: PhraseMatcher
    let markerKinds: [FeaturePart]
    let functionMatcher: PhraseMatcher
    let words: ScanWords
    let relationWords: RelationWords
    /// The parts of the words the model's lexical features name.
    let modelWordParts: ModelWordParts
    /// Whether a sentence's pairs repeat what one actor gives them (`SharedPairFeatures`) rather
    /// than find it for each pair: off only for the differential tests.
    var sharesPairFeatures = true

    /// How many sentences back a source is carried, and forward a list of targets is looked for.
    static let carryReach = 3
    /// How far apart, in tokens, two actors of one sentence may stand to be paired.
    static let pairReach = 40
    /// The most places a sentence gives the candidates of one relation: pairs of its actors (the
    /// nearest kept), and pairs of an earlier sentence's source with its actors. Each place costs
    /// a set of features and may become an edge, and a sentence dense with names and cues would
    /// otherwise give thousands. The evaluation corpora's sentences give at most 550 pairs and 128
    /// carried pairs for a relation, and their articles at most 920 places in all.
    static let maximumPairs = 1024
    static let maximumCarriedPairs = 256
    /// Past this many places in an article, a sentence gives at most `densePairs` pairs and
    /// `denseCarriedPairs` carried pairs per relation: text packed with names and cues sentence
    /// after sentence is read, but no longer each of its names with each other.
    static let articlePlaces = 4096
    static let densePairs = 64
    static let denseCarriedPairs = 16
    /// The most sources of a relation's recent cues that are remembered, the latest kept (at most
    /// 9 in the evaluation corpora).
    static let maximumRecentSources = 16
    /// The most edges the rules find in one sentence (at most 6 for one cue in the evaluation
    /// corpora).
    static let maximumRuleEdges = 64

    /// Adds the article's candidates; returns how many sentences had more pairs or edges than a
    /// bound lets through (the nearest pairs are kept).
    func find(affiliated: AffiliationIndex, into candidates: inout Candidates) -> Int {
        var firstMention = 0
        var accusations: [(source: Int, target: Int, sentence: Int)] = []
        var cueMatches: [(range: Range<Int>, payloads: [Int])] = []
        var markerMatches: [(range: Range<Int>, payloads: [Int])] = []
        var triggers: [Trigger] = []
        var actors: [Actor] = []
        var scan = SentenceScan(analysis: analysis, functionMatcher: functionMatcher, words: words,
                                modelWordParts: candidates.recordingNames ? nil : modelWordParts)
        var references = ReferenceResolver(analysis: analysis, words: relationWords)
        var delegations = DelegationFinder(words: relationWords)
        var meetings = MeetingEventReader(words: relationWords)
        var sanctions = SanctionEventReader(relationWords: relationWords, words: words)
        let quotations = QuotationSpans(analysis)
        /// The speaker of the quotation over several sentences being read, found where it opened.
        var quotationSpeaker: Int?
        /// Per judged relation (by its place in `RelationExtractor.judgedRelations`): the sources
        /// of the cues of recent sentences, with their position (`positions`).
        var recentSources = [[(entity: Int, position: Int)]](repeating: [], count: RelationExtractor.judgedRelations.count)
        /// Per judged relation: the last sentence with a cue of it.
        var lastCue = [Int?](repeating: nil, count: RelationExtractor.judgedRelations.count)
        var profiles = RoleProfiles(entityCount: analysis.entities.count)
        var pairScratch = PairScratch()
        /// The places the sentences have given so far, and the sentences a bound cut short.
        var places = 0
        var cutSentences = 0
        /// The sentence that opened the bulleted list being read (it ends with a colon).
        var listOpening: Int?
        /// Where each sentence read so far stands in the article's run of sentences, a bulleted
        /// list counting as one: its items stand where it opened. How far a cue and its sources
        /// reach is counted in these, so that a list of twenty items does not outrun them.
        var positions: [Int] = []
        positions.reserveCapacity(analysis.sentences.count)
        for sentenceIndex in analysis.sentences.indices {
            let tokens = analysis.sentences[sentenceIndex].tokens
            // A bulleted list after a colon ("Those sanctioned include:", then "• A", "• B", …)
            // is one list however many items it has: each item is as near the cues as the
            // sentence that opened it, so the reach of a cue is counted from there.
            // The opening of the list this sentence is an item of; nil when it is none.
            let openingOfItem = listOpening.flatMap { startsWithBullet(tokens) ? $0 : nil }
            let position = openingOfItem.map { positions[$0] } ?? (positions.last.map { $0 + 1 } ?? 0)
            positions.append(position)
            if openingOfItem == nil { listOpening = endsWithColon(tokens) ? sentenceIndex : nil }
            while firstMention < analysis.mentions.count && analysis.mentions[firstMention].tokens.lowerBound < tokens.lowerBound {
                firstMention += 1
            }
            var endMention = firstMention
            while endMention < analysis.mentions.count && analysis.mentions[endMention].tokens.lowerBound < tokens.upperBound {
                endMention += 1
            }
            if !accusations.isEmpty { accusations.removeAll { $0.sentence < sentenceIndex - 1 } }
            cueMatcher.matches(in: analysis.tokens, range: tokens, into: &cueMatches)
            let recentCue = lastCue.contains { last in
                last.map { position - $0 <= CandidateFinder.carryReach } ?? false
            }
            let mentions = analysis.mentions[firstMention..<endMention]
            let isInsideQuotation = quotations.isInside[sentenceIndex]
            let quoted = isInsideQuotation || quotations.hasQuoteMarks[sentenceIndex]
            if cueMatches.isEmpty && !recentCue && !quoted {
                references.note(mentions)
                continue
            }
            scan.load(sentenceIndex: sentenceIndex, mentions: mentions, quotation: quotations.spans[sentenceIndex],
                      isInsideQuotation: isInsideQuotation)
            scan.noteCues(cueMatches.lazy.map(\.range).filter { cue in !mentions.contains { $0.tokens.overlaps(cue) } })
            actors.removeAll(keepingCapacity: true)
            for head in scan.headMentions { actors.append(Actor(head)) }
            references.resolve(in: tokens, mentions: mentions, into: &actors)
            references.note(mentions)

            markerMatcher.matches(in: analysis.tokens, range: tokens, into: &markerMatches)
            triggers.removeAll(keepingCapacity: true)
            var ruleEdges = 0
            var cut = false
            for (cueRange, payloads) in cueMatches {
                // A cue word inside a name ("United States", "Human Rights Watch") is no cue.
                if mentions.contains(where: { $0.tokens.overlaps(cueRange) }) { continue }
                var seenRelations: [RelationType] = []
                for payload in payloads {
                    let entry = triggerCues[payload]
                    // One trigger per relation and place: a phrase both lists name is read once, as curated.
                    if !seenRelations.contains(entry.relation) {
                        seenRelations.append(entry.relation)
                        var markers: [FeaturePart] = []
                        for (markerRange, kinds) in markerMatches
                        where markerRange.lowerBound < cueRange.upperBound && markerRange.upperBound + 6 > cueRange.lowerBound {
                            markers.append(markerKinds[kinds[0]])
                        }
                        triggers.append(Trigger(range: cueRange, relation: entry.relation, kind: entry.kind, phrase: entry.phrase,
                                                markers: markers))
                    }
                    guard let curated = entry.curated else { continue }
                    let cue = cues[curated]
                    let found = scan.edges(for: cue, at: cueRange) { accused in
                        accusations.last { $0.target == accused }?.source
                    }
                    for edge in found where edge.source != edge.target {
                        guard ruleEdges < CandidateFinder.maximumRuleEdges else {
                            cut = true
                            break
                        }
                        ruleEdges += 1
                        candidates.addRuleEdge(edge, sentence: sentenceIndex)
                        if edge.type == .criticized { accusations.append((edge.source, edge.target, sentenceIndex)) }
                    }
                }
            }
            // A sentence inside a quotation of several sentences is spoken by whoever speaks where
            // the quotation opens (or, failing that, closes).
            let speaker = isInsideQuotation ? quotationSpeaker ?? scan.quoteSpeaker() : scan.quoteSpeaker()
            if let span = quotations.spans[sentenceIndex], span.opening == sentenceIndex { quotationSpeaker = speaker }
            // A quotation whose speaker is known may criticize whoever it names; inside a quotation
            // of several sentences its first word stands for the mark.
            if quoted, speaker != nil,
                let mark = tokens.first(where: { scan.isQuoteMark($0) }) ?? (isInsideQuotation ? tokens.first : nil)
            {
                triggers.append(Trigger(range: mark..<(mark + 1), relation: .criticized, kind: .quote, phrase: .quoteMark))
            }
            for trigger in triggers { trigger.context = scan.context(of: trigger, speaker: speaker) }
            // The speaker of a quotation of several sentences is rarely named inside it: it is a
            // source carried into each of its sentences, as a source named a sentence before is.
            if isInsideQuotation, let speaker, let span = quotations.spans[sentenceIndex] {
                for judged in recentSources.indices where !recentSources[judged].contains(where: { $0.entity == speaker }) {
                    recentSources[judged].append((speaker, positions[span.opening]))
                }
            }
            delegations.read(sentence: sentenceIndex, tokens: tokens, mentions: mentions,
                             meetingCues: triggers.lazy.filter { $0.relation == .metWith }.map(\.range), in: analysis)
            meetings.read(sentence: sentenceIndex, position: position, tokens: tokens, mentions: mentions,
                          meetingCues: triggers.lazy.filter { $0.relation == .metWith },
                          otherCues: triggers.lazy.filter { $0.relation != .metWith && !$0.isSpeech }.map(\.range), scan: scan, in: analysis)
            sanctions.read(sentence: sentenceIndex, position: position, tokens: tokens, actors: actors,
                           sanctionCues: triggers.lazy.filter { $0.relation == .sanctioned },
                           otherCues: triggers.lazy.filter { $0.relation != .sanctioned && !$0.isSpeech }.map(\.range),
                           isListItem: openingOfItem != nil || (sentenceIndex > 0 && endsWithColon(analysis.sentences[sentenceIndex - 1].tokens)),
                           scan: scan, in: analysis)
            for (judged, relation) in RelationExtractor.judgedRelations.enumerated() {
                let hasCue = triggers.contains { $0.judged == judged }
                if hasCue {
                    let dense = places >= CandidateFinder.articlePlaces
                    let before = candidates.occurrences.count
                    let pairsCut = addSentencePairs(
                        relation: relation, judged: judged, sentence: sentenceIndex, actors: actors, triggers: triggers, speaker: speaker,
                        affiliated: affiliated, scan: scan, limit: dense ? CandidateFinder.densePairs : CandidateFinder.maximumPairs, scratch: &pairScratch,
                        into: &candidates)
                    let carries = triggers.contains { $0.judged == judged && $0.carriesSources }
                    let carriedCut = carries && addCarriedSources(
                        relation: relation, judged: judged, sentence: sentenceIndex, position: position, actors: actors, triggers: triggers,
                        affiliated: affiliated, recent: recentSources[judged], scan: scan,
                        limit: dense ? CandidateFinder.denseCarriedPairs : CandidateFinder.maximumCarriedPairs, scratch: &pairScratch,
                        into: &candidates)
                    if pairsCut || carriedCut { cut = true }
                    places += candidates.occurrences.count - before
                } else if let last = lastCue[judged], position - last <= CandidateFinder.carryReach {
                    profiles.noteList(scan.listNames(actors: actors), judged: judged, sentence: sentenceIndex)
                    // An item of a list is read as a list in the sentence after its opening.
                    addListedTargets(relation: relation, sentence: sentenceIndex, distance: max(1, position - last),
                                     isListItem: openingOfItem != nil, actors: actors, recent: recentSources[judged], scan: scan,
                                     scratch: &pairScratch, into: &candidates)
                }
                if hasCue {
                    // Speech is no criticism by itself: its roles say nothing of who criticized whom.
                    for index in triggers.indices where triggers[index].judged == judged && !triggers[index].isSpeech {
                        var fillers = (sources: triggers[index].context.sources, targets: triggers[index].context.targets)
                        for listed in scan.listedTargets(after: triggers[index].range, openers: relationWords.listOpeners)
                        where !fillers.targets.contains(listed) && !fillers.sources.contains(listed) {
                            fillers.targets.append(listed)
                        }
                        profiles.note(fillers, judged: judged, sentence: sentenceIndex, hypothetical: triggers[index].context.hypothetical)
                    }
                    lastCue[judged] = position
                    var sources = recentSources[judged].filter { position - $0.position <= CandidateFinder.carryReach * 2 }
                    for index in triggers.indices where triggers[index].judged == judged {
                        for entity in scan.sourceCandidates(of: triggers[index], actors: actors, speaker: speaker) where !sources.contains(where: { $0.entity == entity }) {
                            sources.append((entity, position))
                        }
                    }
                    if sources.count > CandidateFinder.maximumRecentSources {
                        sources.removeFirst(sources.count - CandidateFinder.maximumRecentSources)
                    }
                    recentSources[judged] = sources
                }
            }
            if cut { cutSentences += 1 }
        }
        if let meeting = RelationExtractor.judgedRelations.firstIndex(of: .metWith) {
            // The people of the article's meetings, who meet the members of a delegation.
            let participants = analysis.entities.indices.filter { entity in
                let profile = profiles.profile(entity, judged: meeting)
                return analysis.entities[entity].type == .person && profile.asSource + profile.asTarget > 0
            }
            delegations.addPairs(participants: participants, affiliated: affiliated, entityTypes: scan.entityTypes, into: &candidates)
            meetings.addPairs(affiliated: affiliated, entityTypes: scan.entityTypes, into: &candidates)
        }
        sanctions.addPairs(affiliated: affiliated, entityTypes: scan.entityTypes, into: &candidates)
        profiles.addPairs(into: &candidates)
        candidates.addArticleFeatures(affiliated: affiliated, profiles: profiles)
        return cutSentences
    }

    /// Every ordered pair of actors of a sentence with a cue of `relation`, read against the cue
    /// that best relates them: one that gives both a role, else the nearest. One place per pair
    /// and sentence, so that a sentence with several cues does not count as several places. Past
    /// `limit` pairs, the nearest `limit` (by the distance between the two) are kept, and the
    /// result is true.
    private func addSentencePairs(relation: RelationType, judged: Int, sentence: Int, actors: [Actor], triggers: [Trigger],
                                  speaker: Int?, affiliated: AffiliationIndex, scan: SentenceScan, limit: Int,
                                  scratch: inout PairScratch, into candidates: inout Candidates) -> Bool
    {
        // The triggers of the relation, as indexes into `triggers`.
        var relevant = PairScratch.take(&scratch.relevant, filledWith: 0, count: 0)
        var cuePositions = PairScratch.take(&scratch.cuePositions, filledWith: 0, count: 0)
        relevant.append(contentsOf: triggers.indices.lazy.filter { triggers[$0].judged == judged })
        // The judged relations come first among the starting ones, in order.
        let isSymmetric = RelationExtractor.startingSymmetry[judged]
        // Speech criticizes only through its speaker: with no other cue, the speaker (or the
        // subject of the speech word) is the only source.
        let speechOnly = relevant.allSatisfy { triggers[$0].isSpeech }
        var speakers = Set<Int>()
        if speechOnly {
            speakers = Set(relevant.flatMap { triggers[$0].context.sources })
            if let speaker { speakers.insert(speaker) }
        }
        // Per actor, a bit for each cue that gives it the source role, and one for each that gives
        // it the target role: a pair's cues with a role are found without searching role lists.
        let words = (relevant.count + 63) / 64
        // The buffers come from `scratch` and go back to it: a sentence's pairs allocate none.
        var sourceRoles = PairScratch.take(&scratch.sourceRoles, filledWith: 0, count: actors.count * words)
        var targetRoles = PairScratch.take(&scratch.targetRoles, filledWith: 0, count: actors.count * words)
        var near = PairScratch.take(&scratch.near, filledWith: (0, 0), count: 0)
        var cues = PairScratch.take(&scratch.cues, filledWith: nil, count: 0)
        defer {
            scratch.sourceRoles = sourceRoles
            scratch.targetRoles = targetRoles
            scratch.near = near
            scratch.cues = cues
            scratch.relevant = relevant
            scratch.cuePositions = cuePositions
        }
        for (actor, value) in actors.enumerated() {
            for index in relevant.indices {
                let bit: UInt64 = 1 << UInt64(index % 64)
                if triggers[relevant[index]].context.sources.contains(value.entity) { sourceRoles[actor * words + index / 64] |= bit }
                if triggers[relevant[index]].context.targets.contains(value.entity) { targetRoles[actor * words + index / 64] |= bit }
            }
        }
        cuePositions.append(contentsOf: relevant.lazy.map { triggers[$0].range.lowerBound })
        // Where the row of names each actor stands in begins: a name deep in a long list ("the
        // following persons: A; B; ...; Z") shares the role of the list's first name.
        var rowStarts = PairScratch.take(&scratch.rowStarts, filledWith: 0, count: 0)
        scan.rowStarts(of: actors, into: &rowStarts)
        defer { scratch.rowStarts = rowStarts }
        // The pairs of actors near enough, in order (indexes into actors).
        for (sourceIndex, source) in actors.enumerated() {
            if speechOnly && !speakers.contains(source.entity) { continue }
            for (targetIndex, target) in actors.enumerated() where target.entity != source.entity {
                // Two actors far apart in a long sentence belong to different clauses, unless the
                // later one stands in a row of names that begins near the earlier one.
                if abs(target.tokens.lowerBound - source.tokens.lowerBound) > CandidateFinder.pairReach
                    && !CandidateFinder.reachesRow(from: source, to: target, rowStart: rowStarts[targetIndex])
                    && !CandidateFinder.reachesRow(from: target, to: source, rowStart: rowStarts[sourceIndex])
                {
                    continue
                }
                // A symmetric relation is seen once per pair, from the earlier actor.
                if isSymmetric && target.tokens.lowerBound < source.tokens.lowerBound { continue }
                near.append((sourceIndex, targetIndex))
            }
        }
        // Each pair read against its best cue; nil when the place states nothing.
        func place(_ sourceIndex: Int, _ targetIndex: Int) -> Int? {
            let source = actors[sourceIndex]
            let target = actors[targetIndex]
            // The best cue: the fewest roles left unfilled, then the nearest, then the first. A
            // cue that fills a role always beats one that fills none (a sentence, at most
            // `EntityRecognizer.maximumSentenceTokens` long, keeps distances under 1,000), so
            // only those are compared when there are any.
            var best = 0
            var bestRank = Int.max
            func rank(_ index: Int, filled: Int) {
                let distance = abs(cuePositions[index] - source.tokens.lowerBound) + abs(cuePositions[index] - target.tokens.lowerBound)
                let rank = filled * 1000 + distance
                if rank < bestRank {
                    bestRank = rank
                    best = index
                }
            }
            var anyRole = false
            for word in 0..<words {
                let asSource = sourceRoles[sourceIndex * words + word]
                let asTarget = targetRoles[targetIndex * words + word]
                var either = asSource | asTarget
                while either != 0 {
                    let bit = either.trailingZeroBitCount
                    either &= either - 1
                    let filled = (asSource >> UInt64(bit) & 1 == 1 ? 0 : 1) + (asTarget >> UInt64(bit) & 1 == 1 ? 0 : 1)
                    rank(word * 64 + bit, filled: filled)
                    anyRole = true
                }
            }
            if !anyRole {
                for index in relevant.indices { rank(index, filled: 2) }
            }
            let trigger = relevant[best]
            // A denied, planned, threatened or conditional event did not happen (guidelines):
            // the place states no edge, whatever else it holds.
            if triggers[trigger].context.hypothetical { return nil }
            // Actors listed together ("the United States and Canada sanctioned ...", "a drill
            // by A, B and C") share a role; one does not sanction or criticize the other,
            // unless the cue says they did it to each other.
            if !isSymmetric, triggers[trigger].kind != .symmetricPattern, scan.areCoordinated(source, target, actors: actors) {
                return nil
            }
            // "A criticized B, C criticized D": another cue of the relation between the two actors,
            // whose clause has a subject of its own, opens another clause; A did nothing to D.
            let gap = source.gap(to: target)
            for other in relevant where other != trigger && !triggers[other].isSpeech && gap.contains(triggers[other].range.lowerBound)
                && !triggers[other].context.passive
                && triggers[other].context.subjects.contains(where: { $0 != source.entity && $0 != target.entity })
                && !triggers[other].context.subjects.contains(source.entity)
            {
                return nil
            }
            // B of "A criticized B, C criticized D" is the first cue's object, not the second's
            // subject, which C is.
            let context = triggers[trigger].context
            if source.tokens.upperBound <= triggers[trigger].range.lowerBound, scan.followsCue(source.phrase),
                !context.passive, !context.subjects.isEmpty, !context.subjects.contains(source.entity)
            {
                return nil
            }
            return best
        }
        // Per pair in `near`, its cue, or nil for a pair left out.
        cues.append(contentsOf: repeatElement(nil, count: near.count))
        var cut = false
        if near.count <= limit {
            for (index, pair) in near.enumerated() { cues[index] = place(pair.source, pair.target) }
        } else {
            // The nearest first (then in order), until `limit` places are found: distances are at
            // most `pairReach`, so the pairs are sorted by bucket.
            var byDistance = [[Int]](repeating: [], count: CandidateFinder.pairReach + 1)
            for (index, pair) in near.enumerated() {
                let distance = abs(actors[pair.target].tokens.lowerBound - actors[pair.source].tokens.lowerBound)
                byDistance[min(distance, CandidateFinder.pairReach)].append(index)
            }
            var found = 0
            var read = 0
            reading: for bucket in byDistance {
                for index in bucket {
                    cues[index] = place(near[index].source, near[index].target)
                    read += 1
                    if cues[index] != nil {
                        found += 1
                        if found == limit { break reading }
                    }
                }
            }
            cut = read < near.count
        }
        // What one actor (with its cue) gives a pair is written once and repeated for its other pairs.
        var shared = SharedPairFeatures()
        swap(&shared, &scratch.shared)
        shared.reset(actors: actors.count, cues: relevant.count)
        defer { scratch.shared = shared }
        for (index, pair) in near.enumerated() {
            guard let cue = cues[index] else { continue }
            let source = actors[pair.source]
            let target = actors[pair.target]
            let trigger = relevant[cue]
            candidates.addOccurrence(source: source.entity, target: target.entity, relation: relation, sentence: sentence,
                                     rationale: .cue(triggers[trigger].phrase)) { features in
                scan.addPairFeatures(source: source, target: target, trigger: triggers[trigger], speaker: speaker,
                                     slots: sharesPairFeatures ? (pair.source, pair.target, cue) : nil, shared: &shared, into: &features)
                if relation == .metWith {
                    scan.addMeetingFeatures(source, target, trigger: triggers[trigger], speaker: speaker, into: &features)
                }
                let r = triggers[trigger].relationPart
                features.add(r, .cuesInSentence, FeaturePart.bucket(relevant.count))
                let cueRange = triggers[trigger].range
                if relevant.contains(where: { triggers[$0].range != cueRange && triggers[$0].context.hypothetical }) {
                    features.add(r, .otherCueHypothetical)
                }
                // "A criticized B, C criticized D": a cue of the relation between the two actors
                // (not speech, which frames rather than states) most often opens a clause of its own.
                let gap = source.gap(to: target)
                let between = relevant.count {
                    triggers[$0].range != cueRange && !triggers[$0].isSpeech && gap.contains(triggers[$0].range.lowerBound)
                }
                if between > 0 { features.add(r, .cuesBetween, FeaturePart.bucket(between)) }
                // A speaker who is neither of the two reports for the side he belongs to: "Treasury
                // is designating X," said the Treasury secretary (his body's own act); "the two
                // met", said one leader's spokesman (he was no party to it).
                if let speaker, speaker != source.entity, speaker != target.entity {
                    let withSource = affiliated.allied(speaker, source.entity)
                    let withTarget = affiliated.allied(speaker, target.entity)
                    if withSource || withTarget {
                        features.add(r, .speakerSide, withSource ? (withTarget ? .speakerSideBoth : .speakerSideSource) : .speakerSideTarget)
                    }
                }
            }
        }
        return cut
    }

    /// Whether `later` stands in a row of names (beginning at `rowStart`) that begins after
    /// `earlier` and within `pairReach` of it.
    static func reachesRow(from earlier: Actor, to later: Actor, rowStart: Int) -> Bool {
        earlier.tokens.upperBound <= rowStart && rowStart < later.tokens.lowerBound
            && rowStart - earlier.tokens.lowerBound <= CandidateFinder.pairReach
    }

    /// "The Treasury announced sanctions on Monday. It also designated X": a cue whose sentence
    /// names a target but no source takes the sources of the relation's recent cues. At most
    /// `limit` pairs; true when more were left out.
    private func addCarriedSources(relation: RelationType, judged: Int, sentence: Int, position: Int, actors: [Actor], triggers: [Trigger],
                                   affiliated: AffiliationIndex,
                                   recent: [(entity: Int, position: Int)], scan: SentenceScan, limit: Int,
                                   scratch: inout PairScratch, into candidates: inout Candidates) -> Bool
    {
        var pairs = 0
        // The features of a target against a trigger, which do not depend on the source: written
        // for the first source paired with them, repeated from there for the others.
        var targetFeatures = PairScratch.take(&scratch.written, filledWith: nil, count: actors.count * triggers.count)
        defer { scratch.written = targetFeatures }
        for (rank, (source, sourcePosition)) in recent.reversed().enumerated() where !actors.contains(where: { $0.entity == source }) {
            for (targetIndex, target) in actors.enumerated() where target.entity != source {
                for trigger in triggers.indices where triggers[trigger].judged == judged && triggers[trigger].carriesSources {
                    pairs += 1
                    // Past the limit, the rest is left out: true.
                    if pairs > limit { return true }
                    candidates.addOccurrence(source: source, target: target.entity, relation: relation, sentence: sentence,
                                             rationale: .carriedCue(triggers[trigger].phrase)) { features in
                        let r = triggers[trigger].relationPart
                        features.add(r, .carriedSource, FeaturePart.bucket(position - sourcePosition))
                        // The latest source of the relation is the likeliest; a person named as a
                        // source is more often the one who announced than the one who acted.
                        features.add(r, .carriedRank, FeaturePart.bucket(rank))
                        features.add(r, .carriedSourceType, FeaturePart.type(scan.entityTypes[source]))
                        let slot = targetIndex * triggers.count + trigger
                        if let written = targetFeatures[slot] {
                            features.repeatFeatures(written)
                        } else {
                            let start = features.count
                            scan.addTargetFeatures(target, trigger: triggers[trigger], templates: .carried, into: &features)
                            scan.addCarriedRoleFeatures(target, trigger: triggers[trigger], actors: actors, into: &features)
                            scan.addJudgementFeatures(between: nil, target: target, relation: r, into: &features)
                            targetFeatures[slot] = start..<features.count
                        }
                        // An actor of this sentence fills the source's role: the carried source is
                        // still right when it is that actor's own government ("Treasury ... OFAC
                        // designated"), rarely when it is another ("Separately, the EU sanctioned").
                        // (Its sources but the target, asked of in place: no array of them is made.)
                        let sources = triggers[trigger].context.sources
                        if sources.contains(where: { $0 != target.entity }) {
                            let allied = sources.contains {
                                $0 != target.entity && affiliated.allied($0, source)
                            }
                            features.add(r, .carriedSourceTaken, allied ? .sameSide : .otherSide)
                        }
                    }
                }
            }
        }
        return false
    }

    /// "… imposed sanctions on four officials. They are A, B and C.": actors of the sentences
    /// after a cue, paired with the cue's sources.
    private func addListedTargets(relation: RelationType, sentence: Int, distance: Int, isListItem: Bool, actors: [Actor],
                                  recent: [(entity: Int, position: Int)], scan: SentenceScan, scratch: inout PairScratch,
                                  into candidates: inout Candidates)
    {
        let names = actors.filter { !$0.isWeak && !$0.isReference }
        guard !names.isEmpty else { return }
        // An item of a bulleted list is what its opening lists, as the names after "include" are.
        let listClause = isListItem || isListClause(before: names[0], actors: actors, sentence: analysis.sentences[sentence].tokens)
        // A target's features do not depend on the source: written for the first source, repeated
        // for the others.
        var written = PairScratch.take(&scratch.written, filledWith: nil, count: names.count)
        defer { scratch.written = written }
        let sources = recent.suffix(4)
        for (position, (source, _)) in sources.enumerated() {
            // The latest source first: a list most often names the targets of the cue just before.
            let rank = sources.count - 1 - position
            for (targetIndex, target) in names.enumerated() where target.entity != source {
                candidates.addOccurrence(source: source, target: target.entity, relation: relation, sentence: sentence,
                                         rationale: .listed(relation)) { features in
                    let r = FeaturePart.relation(relation)
                    features.add(r, .listedRank, FeaturePart.bucket(rank))
                    features.add(r, .listedSourceType, FeaturePart.type(scan.entityTypes[source]))
                    if let range = written[targetIndex] {
                        features.repeatFeatures(range)
                        return
                    }
                    let start = features.count
                    if listClause { features.add(r, .listedClause) }
                    features.add(r, .listed, FeaturePart.bucket(distance))
                    features.add(r, .listedNames, FeaturePart.bucket(names.count))
                    scan.addListFeatures(target, relation: relation, into: &features)
                    written[targetIndex] = start..<features.count
                }
            }
        }
    }
}

extension CandidateFinder {
    /// Whether the sentence opens with a list bullet: "•", "·", "▪", "●", "◦" (which the
    /// tokenizer keeps as tokens of their own), a dash or an asterisk.
    func startsWithBullet(_ sentence: Range<Int>) -> Bool {
        guard let first = sentence.first else { return false }
        let token = analysis.tokens[first]
        if token.isMark("-") || token.isMark("*") { return true }
        let bytes = analysis.text[Int(token.start)..<Int(token.end)]
        return CandidateFinder.bullets.contains { $0.elementsEqual(bytes) }
    }

    /// The UTF-8 bytes of the bullets besides the dash and the asterisk.
    static let bullets: [[UInt8]] = ["•", "·", "▪", "●", "◦"].map { Array($0.utf8) }

    /// Whether the sentence ends with a colon (before any closing quote), as a list's opening does.
    func endsWithColon(_ sentence: Range<Int>) -> Bool {
        guard let last = sentence.last(where: { !analysis.tokens[$0].isQuoteMark }) else { return false }
        return analysis.tokens[last].isMark(":")
    }

    /// Whether the sentence is a list of its own before `first`, its first name: a verb that
    /// introduces a list or states what the names are ("Individuals include A; B", "Also on the
    /// list are X and Y") with no name before it, so that the names are what the verb lists.
    func isListClause(before first: Actor, actors: [Actor], sentence: Range<Int>) -> Bool {
        guard let verb = (sentence.lowerBound..<first.phrase.lowerBound).first(where: {
            analysis.token($0, isIn: relationWords.listOpeners) || analysis.token($0, isIn: words.copulas)
        }) else { return false }
        return !actors.contains { !$0.isWeak && $0.tokens.upperBound <= verb }
    }
}

/// The buffers `CandidateFinder.addSentencePairs` fills for each sentence, kept between
/// sentences so that their storage is allocated once per article.
struct PairScratch {
    var sourceRoles: [UInt64] = []
    var targetRoles: [UInt64] = []
    var near: [(source: Int, target: Int)] = []
    var cues: [Int?] = []
    var relevant: [Int] = []
    var cuePositions: [Int] = []
    var rowStarts: [Int] = []
    /// Where the features that several places share were written (`FeatureSet.repeatFeatures`).
    var written: [Range<Int>?] = []
    var shared = SharedPairFeatures()

    /// The buffer `buffer` of the scratch, taken out of it (for the caller to put back), holding
    /// `count` copies of `value`. The field is passed in place, not by key path: a key path is
    /// looked up and its generic accessors called every time, some 30,000 times per 400 articles.
    @inline(__always)
    static func take<Element>(_ buffer: inout [Element], filledWith value: Element, count: Int) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &buffer)
        taken.removeAll(keepingCapacity: true)
        taken.append(contentsOf: repeatElement(value, count: count))
        return taken
    }
}

/// How often each entity of an article fills the source or the target role of a relation's
/// cues. A sanctioning government is the subject of the announcement and the agent of the
/// passive that follows; its targets are objects and list members across several sentences.
struct RoleProfiles {
    struct Profile {
        var asSource = 0
        var asTarget = 0
        /// How often the entity is one of several names listed in a sentence after a cue.
        var asListed = 0
        /// The first sentence where the entity is a target, where a pair made from profiles is cited.
        var firstTargetSentence: Int?
    }

    /// Per judged relation (in `RelationExtractor.judgedRelations` order), each entity's profile,
    /// by entity: an article's entities are few, and hashing them cost more than the counting.
    private var byRelation: [[Profile]]
    /// Per judged relation, the largest number of times one entity is its source.
    private var topSources = RelationExtractor.judgedRelations.map { _ in 0 }

    init(entityCount: Int = 0) {
        byRelation = RelationExtractor.judgedRelations.map { _ in [Profile](repeating: Profile(), count: entityCount) }
    }

    /// Makes room for `entity` in every relation's profiles.
    private mutating func reserve(_ entity: Int) {
        guard entity >= byRelation[0].count else { return }
        for index in byRelation.indices {
            byRelation[index].append(contentsOf: repeatElement(Profile(), count: entity + 1 - byRelation[index].count))
        }
    }

    /// `judged` is the relation's place in `RelationExtractor.judgedRelations`.
    mutating func note(_ fillers: (sources: [Int], targets: [Int]), judged index: Int, sentence: Int, hypothetical: Bool) {
        // What did not happen gives nobody a role.
        guard !hypothetical else { return }
        // Each entity once, however often it fills the role.
        for (position, entity) in fillers.sources.enumerated() where !fillers.sources[..<position].contains(entity) {
            reserve(entity)
            byRelation[index][entity].asSource += 1
            topSources[index] = max(topSources[index], byRelation[index][entity].asSource)
        }
        for (position, entity) in fillers.targets.enumerated() where !fillers.targets[..<position].contains(entity) {
            reserve(entity)
            byRelation[index][entity].asTarget += 1
            if byRelation[index][entity].firstTargetSentence == nil { byRelation[index][entity].firstTargetSentence = sentence }
        }
    }

    mutating func noteList(_ names: [Int], judged index: Int, sentence: Int) {
        guard names.count >= 2 else { return }
        for (position, entity) in names.enumerated() where !names[..<position].contains(entity) {
            reserve(entity)
            byRelation[index][entity].asListed += 1
            if byRelation[index][entity].firstTargetSentence == nil { byRelation[index][entity].firstTargetSentence = sentence }
        }
    }

    /// `judged` is the relation's place in `RelationExtractor.judgedRelations`.
    func profile(_ entity: Int, judged: Int) -> Profile {
        entity < byRelation[judged].count ? byRelation[judged][entity] : Profile()
    }

    /// The largest number of times one entity is a source of the relation in the article.
    func topSource(judged: Int) -> Int {
        topSources[judged]
    }

    /// How many sources and targets of a relation `addPairs` pairs at most: the pairs grow with
    /// the product of their numbers. The evaluation corpora's articles have at most 7 sources and
    /// 30 targets of a relation.
    static let maximumSources = 32
    static let maximumTargets = 256

    /// Pairs the article's sources and targets of a relation that no sentence names together:
    /// its `maximumSources` most frequent sources with its `maximumTargets` first targets.
    func addPairs(into candidates: inout Candidates) {
        for (index, relation) in RelationExtractor.judgedRelations.enumerated() {
            let profiles = byRelation[index]
            // In entity order, as the sorted keys of a table by entity were.
            var sources = profiles.indices.filter { profiles[$0].asSource > 0 }
            var targets = profiles.indices.filter { profiles[$0].asTarget > 0 || profiles[$0].asListed > 0 }
            if sources.count > RoleProfiles.maximumSources {
                // The most frequent; among as frequent, the first named (entities come in order of mention).
                let kept = Set(sources.sorted { (profiles[$0].asSource, $1) > (profiles[$1].asSource, $0) }
                    .prefix(RoleProfiles.maximumSources))
                sources.removeAll { !kept.contains($0) }
            }
            if targets.count > RoleProfiles.maximumTargets {
                let kept = Set(targets.sorted {
                    (profiles[$0].firstTargetSentence ?? .max, $0) < (profiles[$1].firstTargetSentence ?? .max, $1)
                }.prefix(RoleProfiles.maximumTargets))
                targets.removeAll { !kept.contains($0) }
            }
            for source in sources {
                for target in targets where target != source && !candidates.contains(source, target, relation) {
                    guard let sentence = profiles[target].firstTargetSentence else { continue }
                    candidates.addOccurrence(source: source, target: target, relation: relation, sentence: sentence,
                                             rationale: .profile(relation)) { features in
                        features.add(FeaturePart.relation(relation), .profilePair)
                    }
                }
            }
        }
    }
}
