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
    /// The words the model's lexical features name.
    let modelWords: WordSet

    /// How many sentences back a source is carried, and forward a list of targets is looked for.
    static let carryReach = 3
    /// How far apart, in tokens, two actors of one sentence may stand to be paired.
    static let pairReach = 40

    func find(affiliated: AffiliationIndex, into candidates: inout Candidates) {
        var firstMention = 0
        var accusations: [(source: Int, target: Int, sentence: Int)] = []
        var cueMatches: [(range: Range<Int>, payloads: [Int])] = []
        var markerMatches: [(range: Range<Int>, payloads: [Int])] = []
        var triggers: [Trigger] = []
        var actors: [Actor] = []
        var scan = SentenceScan(analysis: analysis, functionMatcher: functionMatcher, words: words,
                                modelWords: candidates.recordingNames ? nil : modelWords)
        var references = ReferenceResolver(analysis: analysis, words: relationWords)
        /// Per relation: the sources of the cues of recent sentences, with their sentence.
        var recentSources: [RelationType: [(entity: Int, sentence: Int)]] = [:]
        /// Per relation: the last sentence with a cue of it.
        var lastCue: [RelationType: Int] = [:]
        var profiles = RoleProfiles()
        for sentenceIndex in analysis.sentences.indices {
            let tokens = analysis.sentences[sentenceIndex].tokens
            while firstMention < analysis.mentions.count && analysis.mentions[firstMention].tokens.lowerBound < tokens.lowerBound {
                firstMention += 1
            }
            var endMention = firstMention
            while endMention < analysis.mentions.count && analysis.mentions[endMention].tokens.lowerBound < tokens.upperBound {
                endMention += 1
            }
            if !accusations.isEmpty { accusations.removeAll { $0.sentence < sentenceIndex - 1 } }
            cueMatcher.matches(in: analysis.tokens, range: tokens, into: &cueMatches)
            let recentCue = RelationExtractor.judgedRelations.contains { relation in
                lastCue[relation].map { sentenceIndex - $0 <= CandidateFinder.carryReach } ?? false
            }
            let mentions = analysis.mentions[firstMention..<endMention]
            let quoted = tokens.contains { analysis.tokens[$0].kind == .punctuation && analysis.tokens[$0].mark == UInt8(ascii: "\"") }
            if cueMatches.isEmpty && !recentCue && !quoted {
                references.note(mentions)
                continue
            }
            scan.load(sentenceIndex: sentenceIndex, mentions: mentions)
            actors.removeAll(keepingCapacity: true)
            for head in scan.headMentions { actors.append(Actor(head)) }
            references.resolve(in: tokens, mentions: mentions, into: &actors)
            references.note(mentions)

            markerMatcher.matches(in: analysis.tokens, range: tokens, into: &markerMatches)
            triggers.removeAll(keepingCapacity: true)
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
                        candidates.addRuleEdge(edge, sentence: sentenceIndex)
                        if edge.type == .criticized { accusations.append((edge.source, edge.target, sentenceIndex)) }
                    }
                }
            }
            let speaker = scan.quoteSpeaker()
            // A quotation whose speaker is known may criticize whoever it names.
            if quoted, speaker != nil, let mark = tokens.first(where: { scan.isQuoteMark($0) }) {
                triggers.append(Trigger(range: mark..<(mark + 1), relation: .criticized, kind: .quote, phrase: "\""))
            }
            for index in triggers.indices { triggers[index].context = scan.context(of: triggers[index], speaker: speaker) }
            for relation in RelationExtractor.judgedRelations {
                let hasCue = triggers.contains { $0.relation == relation }
                if hasCue {
                    addSentencePairs(relation: relation, sentence: sentenceIndex, actors: actors, triggers: triggers,
                                     speaker: speaker, scan: scan, into: &candidates)
                    addCarriedSources(relation: relation, sentence: sentenceIndex, actors: actors, triggers: triggers,
                                      recent: recentSources[relation] ?? [], scan: scan, into: &candidates)
                } else if let last = lastCue[relation], sentenceIndex - last <= CandidateFinder.carryReach {
                    profiles.noteList(scan.listNames(actors: actors), relation: relation, sentence: sentenceIndex)
                    addListedTargets(relation: relation, sentence: sentenceIndex, distance: sentenceIndex - last, actors: actors,
                                     recent: recentSources[relation] ?? [], scan: scan, into: &candidates)
                }
                if hasCue {
                    // Speech is no criticism by itself: its roles say nothing of who criticized whom.
                    for trigger in triggers where trigger.relation == relation && !trigger.isSpeech {
                        var fillers = (sources: trigger.context.sources, targets: trigger.context.targets)
                        for listed in scan.listedTargets(after: trigger.range, openers: relationWords.listOpeners)
                        where !fillers.targets.contains(listed) && !fillers.sources.contains(listed) {
                            fillers.targets.append(listed)
                        }
                        profiles.note(fillers, relation: relation, sentence: sentenceIndex, hypothetical: trigger.context.hypothetical)
                    }
                    lastCue[relation] = sentenceIndex
                    var sources = (recentSources[relation] ?? []).filter { sentenceIndex - $0.sentence <= CandidateFinder.carryReach * 2 }
                    for trigger in triggers where trigger.relation == relation {
                        for entity in scan.sourceCandidates(of: trigger.range, actors: actors, speaker: speaker) where !sources.contains(where: { $0.entity == entity }) {
                            sources.append((entity, sentenceIndex))
                        }
                    }
                    recentSources[relation] = sources
                }
            }
        }
        profiles.addPairs(into: &candidates)
        candidates.addArticleFeatures(affiliated: affiliated, profiles: profiles)
    }

    /// Every ordered pair of actors of a sentence with a cue of `relation`, read against the cue
    /// that best relates them: one that gives both a role, else the nearest. One place per pair
    /// and sentence, so that a sentence with several cues does not count as several places.
    private func addSentencePairs(relation: RelationType, sentence: Int, actors: [Actor], triggers: [Trigger], speaker: Int?,
                                  scan: SentenceScan, into candidates: inout Candidates)
    {
        let relevant = triggers.filter { $0.relation == relation }
        let roles = relevant.map(\.context)
        // Speech criticizes only through its speaker: with no other cue, the speaker (or the
        // subject of the speech word) is the only source.
        let speechOnly = relevant.allSatisfy(\.isSpeech)
        var speakers = Set(roles.flatMap(\.sources))
        if let speaker { speakers.insert(speaker) }
        for source in actors {
            if speechOnly && !speakers.contains(source.entity) { continue }
            for target in actors where target.entity != source.entity {
                // Two actors far apart in a long sentence belong to different clauses.
                if abs(target.tokens.lowerBound - source.tokens.lowerBound) > CandidateFinder.pairReach { continue }
                // A symmetric relation is seen once per pair, from the earlier actor.
                if relation.isSymmetric && target.tokens.lowerBound < source.tokens.lowerBound { continue }
                var best = 0
                var bestRank = Int.max
                for (index, trigger) in relevant.enumerated() {
                    let filled = (roles[index].sources.contains(source.entity) ? 0 : 1) + (roles[index].targets.contains(target.entity) ? 0 : 1)
                    let distance = abs(trigger.range.lowerBound - source.tokens.lowerBound) + abs(trigger.range.lowerBound - target.tokens.lowerBound)
                    let rank = filled * 1000 + distance
                    if rank < bestRank {
                        bestRank = rank
                        best = index
                    }
                }
                let trigger = relevant[best]
                // A denied, planned, threatened or conditional event did not happen (guidelines):
                // the place states no edge, whatever else it holds.
                if trigger.context.hypothetical { continue }
                // Actors listed together ("the United States and Canada sanctioned ...", "a drill
                // by A, B and C") share a role; one does not sanction or criticize the other,
                // unless the cue says they did it to each other.
                if !relation.isSymmetric, trigger.kind != .symmetricPattern, scan.areCoordinated(source, target, actors: actors) {
                    continue
                }
                candidates.addOccurrence(source: source.entity, target: target.entity, relation: relation, sentence: sentence,
                                         rationale: .cue(trigger.phrase.name)) { features in
                    scan.addPairFeatures(source: source, target: target, trigger: trigger, speaker: speaker, into: &features)
                    features.add(FeaturePart.relation(relation), .cuesInSentence, FeaturePart.bucket(relevant.count))
                    if relevant.contains(where: { $0.range != trigger.range && $0.context.hypothetical }) {
                        features.add(FeaturePart.relation(relation), .otherCueHypothetical)
                    }
                }
            }
        }
    }

    /// "The Treasury announced sanctions on Monday. It also designated X": a cue whose sentence
    /// names a target but no source takes the sources of the relation's recent cues.
    private func addCarriedSources(relation: RelationType, sentence: Int, actors: [Actor], triggers: [Trigger],
                                   recent: [(entity: Int, sentence: Int)], scan: SentenceScan, into candidates: inout Candidates)
    {
        for (source, sourceSentence) in recent where !actors.contains(where: { $0.entity == source }) {
            for target in actors where target.entity != source {
                for trigger in triggers where trigger.relation == relation {
                    candidates.addOccurrence(source: source, target: target.entity, relation: relation, sentence: sentence,
                                             rationale: .carriedCue(trigger.phrase.name)) { features in
                        let r = FeaturePart.relation(relation)
                        features.add(r, .carriedSource, FeaturePart.bucket(sentence - sourceSentence))
                        scan.addTargetFeatures(target, trigger: trigger, templates: .carried, into: &features)
                    }
                }
            }
        }
    }

    /// "… imposed sanctions on four officials. They are A, B and C.": actors of the sentences
    /// after a cue, paired with the cue's sources.
    private func addListedTargets(relation: RelationType, sentence: Int, distance: Int, actors: [Actor],
                                  recent: [(entity: Int, sentence: Int)], scan: SentenceScan, into candidates: inout Candidates)
    {
        let names = actors.filter { !$0.isWeak && !$0.isReference }
        guard !names.isEmpty else { return }
        for (source, _) in recent.suffix(4) {
            for target in names where target.entity != source {
                candidates.addOccurrence(source: source, target: target.entity, relation: relation, sentence: sentence,
                                         rationale: .listed(relation)) { features in
                    let r = FeaturePart.relation(relation)
                    features.add(r, .listed, FeaturePart.bucket(distance))
                    features.add(r, .listedNames, FeaturePart.bucket(names.count))
                    scan.addListFeatures(target, relation: relation, into: &features)
                }
            }
        }
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

    /// Per judged relation (in `RelationExtractor.judgedRelations` order), each entity's profile.
    private var byRelation: [[Int: Profile]] = RelationExtractor.judgedRelations.map { _ in [:] }
    /// Per judged relation, the largest number of times one entity is its source.
    private var topSources = RelationExtractor.judgedRelations.map { _ in 0 }

    private static func index(_ relation: RelationType) -> Int? {
        RelationExtractor.judgedRelations.firstIndex(of: relation)
    }

    mutating func note(_ fillers: (sources: [Int], targets: [Int]), relation: RelationType, sentence: Int, hypothetical: Bool) {
        // What did not happen gives nobody a role.
        guard !hypothetical, let index = RoleProfiles.index(relation) else { return }
        for entity in Set(fillers.sources) {
            byRelation[index][entity, default: Profile()].asSource += 1
            topSources[index] = max(topSources[index], byRelation[index][entity]!.asSource)
        }
        for entity in Set(fillers.targets) {
            byRelation[index][entity, default: Profile()].asTarget += 1
            if byRelation[index][entity]!.firstTargetSentence == nil { byRelation[index][entity]!.firstTargetSentence = sentence }
        }
    }

    mutating func noteList(_ names: [Int], relation: RelationType, sentence: Int) {
        guard names.count >= 2, let index = RoleProfiles.index(relation) else { return }
        for entity in Set(names) {
            byRelation[index][entity, default: Profile()].asListed += 1
            if byRelation[index][entity]!.firstTargetSentence == nil { byRelation[index][entity]!.firstTargetSentence = sentence }
        }
    }

    func profile(_ entity: Int, _ relation: RelationType) -> Profile {
        RoleProfiles.index(relation).flatMap { byRelation[$0][entity] } ?? Profile()
    }

    /// The largest number of times one entity is a source of the relation in the article.
    func topSource(_ relation: RelationType) -> Int {
        RoleProfiles.index(relation).map { topSources[$0] } ?? 0
    }

    /// Pairs the article's sources and targets of a relation that no sentence names together.
    func addPairs(into candidates: inout Candidates) {
        for (index, relation) in RelationExtractor.judgedRelations.enumerated() {
            let profiles = byRelation[index]
            let sources = profiles.filter { $0.value.asSource > 0 }.keys.sorted()
            let targets = profiles.filter { $0.value.asTarget > 0 || $0.value.asListed > 0 }.keys.sorted()
            for source in sources {
                for target in targets where target != source && !candidates.contains(source, target, relation) {
                    guard let sentence = profiles[target]?.firstTargetSentence else { continue }
                    candidates.addOccurrence(source: source, target: target, relation: relation, sentence: sentence,
                                             rationale: .profile(relation)) { features in
                        features.add(FeaturePart.relation(relation), .profilePair)
                    }
                }
            }
        }
    }
}
