import EntityRecognition
import KnowledgeGraph

/// A cue word or phrase found in a sentence: a word that may state a relation.
///
/// A class: every pair of the sentence reads its cue's trigger, and copying a struct of these
/// strings and arrays retained each of them (some ten thousand copies per hundred articles).
final class Trigger {
    let range: Range<Int>
    let relation: RelationType
    /// The relation's place in `RelationExtractor.judgedRelations` (-1 for another relation), and
    /// its feature part: every pair of the sentence asks, and names compare as strings.
    let judged: Int
    let relationPart: FeaturePart
    /// The cue's class: its pattern in the curated cues, its CAMEO code in the generated ones.
    let kind: FeaturePart
    /// The cue as written in the lexicon.
    let phrase: FeaturePart
    /// CAMEO's markers of intent, threat or refusal at or just before the cue.
    let markers: [FeaturePart]
    /// What the cue's clause says of it, read once per cue (`SentenceScan.context(of:speaker:)`).
    var context = TriggerContext()

    init(range: Range<Int>, relation: RelationType, kind: FeaturePart, phrase: FeaturePart, markers: [FeaturePart] = []) {
        self.range = range
        self.relation = relation
        judged = RelationExtractor.judgedRelations.firstIndex(of: relation) ?? -1
        relationPart = FeaturePart.relation(relation)
        self.kind = kind
        self.phrase = phrase
        self.markers = markers
    }

    /// Speech and quotations are cues of criticism judged by what is said.
    var isSpeech: Bool { kind == .speech || kind == .quote }

    /// Whether the cue pairs its targets with sources carried from earlier sentences
    /// (`CandidateFinder.addCarriedSources`): a sanction's cue ("It also designated X"), and a
    /// quotation whose speaker is named where it opens. A meeting's or another criticism's cue
    /// does not. On train + dev, their 13,641 carried places were 28% of the three judged
    /// relations' places; the model scored all but 186 of them under 0.1, and in cross-validation
    /// they alone made two accepted edges (one true). Retrained without them, the cross-validated mission F1
    /// stays at 0.540 (0.541 with them).
    var carriesSources: Bool { relation == .sanctioned || kind == .quote }
}

/// What a cue's clause says of it: whether it is passive, hypothetical or quoted, and which
/// actors fill its roles. Read once per cue, since every pair of the sentence asks.
struct TriggerContext {
    var passive = false
    var hypothetical = false
    var quoted = false
    var subjects: [Int] = []
    var objects: [Int] = []
    var agents: [Int] = []
    /// Who announced what a passive without an agent reports ("The ministry announced that eight
    /// officials were banned"): the one who acted, when the announcer is a government body.
    var announcers: [Int] = []
    /// The entities the clause makes the cue's source (subject, passive agent, speaker of its
    /// quote) and its targets (objects, passive subjects).
    var sources: [Int] = []
    var targets: [Int] = []
    /// The name nearest before the cue and the first after it.
    var nearestBefore: Range<Int>?
    var firstAfter: Range<Int>?
}

/// Where the features of a sentence's pairs that depend on one actor alone (its context words) or
/// on one actor and a cue (a source's or a target's place) were written, for the pairs after the
/// first to repeat (`FeatureSet.repeatFeatures`): a sentence of n actors has n² pairs but n actors.
/// Valid for one relation of one sentence (`reset`), as the features name the relation.
struct SharedPairFeatures {
    /// Per slot, the range written; nil until the first pair writes it. Four blocks: source and
    /// target context (per actor), source and target place (per actor and cue).
    private var written: [Range<Int>?] = []
    private var actors = 0
    private var cues = 0

    mutating func reset(actors: Int, cues: Int) {
        self.actors = actors
        self.cues = cues
        written.removeAll(keepingCapacity: true)
        written.append(contentsOf: repeatElement(nil, count: 2 * actors + 2 * actors * cues))
    }

    func sourceContext(_ actor: Int) -> Int { actor }
    func targetContext(_ actor: Int) -> Int { actors + actor }
    func sourceCue(_ actor: Int, _ cue: Int) -> Int { 2 * actors + actor * cues + cue }
    func targetCue(_ actor: Int, _ cue: Int) -> Int { 2 * actors + actors * cues + actor * cues + cue }

    /// Repeats the features of `slot` if they were written, else writes them with `add` and notes
    /// where; with no slot, writes them.
    @inline(__always)
    static func write(_ shared: inout SharedPairFeatures, _ slot: Int?, into features: inout FeatureSet,
                      _ add: (inout FeatureSet) -> Void)
    {
        guard let slot else { return add(&features) }
        if let range = shared.written[slot] { return features.repeatFeatures(range) }
        let start = features.count
        add(&features)
        shared.written[slot] = start..<features.count
    }
}

/// The templates of the features of a target seen against a cue, in two sets: for a target of
/// the cue's own sentence and for one whose source was carried from an earlier sentence.
struct TargetTemplates: Sendable {
    let gap, first, preposition, boundary, comma, nearestBefore, possessor, cue, kind, hypothetical, marker, cueQuoted, type,
        reference: FeaturePart

    init(_ prefix: String) {
        func part(_ suffix: String) -> FeaturePart { FeaturePart(prefix + "-" + suffix) }
        gap = part("gap")
        first = part("first")
        preposition = part("preposition")
        boundary = part("boundary")
        comma = part("comma")
        nearestBefore = part("nearest-before")
        possessor = part("possessor")
        cue = part("cue")
        kind = part("kind")
        hypothetical = part("hypothetical")
        marker = part("marker")
        cueQuoted = part("cue-quoted")
        type = part("type")
        reference = part("reference")
    }

    static let target = TargetTemplates("target")
    static let carried = TargetTemplates("carried")
}

/// The templates of the words around an actor ("w:source-before").
struct ContextTemplates: Sendable {
    let before, after: FeaturePart

    init(_ role: String) {
        before = FeaturePart("w:" + role + "-before")
        after = FeaturePart("w:" + role + "-after")
    }

    static let source = ContextTemplates("source")
    static let target = ContextTemplates("target")
    static let listed = ContextTemplates("listed")
}

extension SentenceScan {
    /// The features that two actors of this sentence, `a` (source) and `b` (target), and the
    /// sentence's triggers of `relation` give the edge `a -relation-> b`.
    func addPairFeatures(source a: Actor, target b: Actor, trigger: Trigger, speaker: Int?, into features: inout FeatureSet) {
        var unshared = SharedPairFeatures()
        addPairFeatures(source: a, target: b, trigger: trigger, speaker: speaker, slots: nil, shared: &unshared, into: &features)
    }

    /// The same features, those that depend on one actor alone (with the cue) repeated from where
    /// an earlier pair of the sentence wrote them: `slots` are the two actors' indexes and the
    /// cue's in `shared` (nil finds every feature anew).
    func addPairFeatures(source a: Actor, target b: Actor, trigger: Trigger, speaker: Int?,
                         slots: (source: Int, target: Int, cue: Int)?, shared: inout SharedPairFeatures,
                         into features: inout FeatureSet)
    {
        let r = trigger.relationPart
        let sourceType = FeaturePart.type(entityTypes[a.entity])
        let targetType = FeaturePart.type(entityTypes[b.entity])
        features.add(r, .types, sourceType, targetType)
        if a.isWeak { features.add(r, .weakSource) }
        if b.isWeak { features.add(r, .weakTarget) }
        if a.isReference { features.add(r, .referenceSource) }
        if b.isReference { features.add(r, .referenceTarget) }
        if analysis.sentences[sentenceIndex].isTitleCase { features.add(r, .headline) }
        if speaker == a.entity { features.add(r, .sourceSpeaks) }
        if speaker == b.entity { features.add(r, .targetSpeaks) }
        if inQuote(a.tokens.lowerBound) { features.add(r, .sourceQuoted) }
        if inQuote(b.tokens.lowerBound) { features.add(r, .targetQuoted) }
        let first = a.tokens.lowerBound < b.tokens.lowerBound ? a : b
        let second = a.tokens.lowerBound < b.tokens.lowerBound ? b : a
        let between = first.tokens.upperBound..<max(first.tokens.upperBound, second.phrase.lowerBound)
        features.add(r, .pairGap, FeaturePart.bucket(between.count), first.entity == a.entity ? .ab : .ba)
        if between.count <= 12 {
            for token in between { addWord(token, relation: r, template: .wordBetween, into: &features) }
        }
        if isCoordinated(first, second) { features.add(r, .coordinated) }
        addJudgementFeatures(between: between, target: b, relation: r, into: &features)
        if trigger.relation == .criticized { addReportedContentFeatures(source: a, target: b, speaker: speaker, relation: r, into: &features) }
        if let shape = analysis.gapShapePart(between, words: words, features: features) {
            features.add(r, .shape, first.entity == a.entity ? .ab : .ba, shape)
        }
        let sourceContext = slots.map { shared.sourceContext($0.source) }
        SharedPairFeatures.write(&shared, sourceContext, into: &features) {
            addContextWords(of: a, relation: r, templates: .source, into: &$0)
        }
        let targetContext = slots.map { shared.targetContext($0.target) }
        SharedPairFeatures.write(&shared, targetContext, into: &features) {
            addContextWords(of: b, relation: r, templates: .target, into: &$0)
        }

        let cue = trigger.range
        let order = Self.order(a.tokens.lowerBound, b.tokens.lowerBound, cue.lowerBound)
        features.add(r, .order, order)
        features.add(r, .order, order, trigger.kind)
        features.add(r, .cue, trigger.phrase, order)
        if trigger.context.hypothetical { features.add(r, .hypothetical, order) }
        for marker in trigger.markers { features.add(r, .marker, marker) }
        if inQuote(cue.lowerBound) {
            features.add(r, .cueQuoted, speaker == a.entity ? .sourceSpeaks : .otherSpeaks)
        }
        let passive = trigger.context.passive
        if passive { features.add(r, .passive, order) }
        let sourcePlace = slots.map { shared.sourceCue($0.source, $0.cue) }
        SharedPairFeatures.write(&shared, sourcePlace, into: &features) {
            addSourceFeatures(a, trigger: trigger, relation: r, into: &$0)
        }
        addRoleFeatures(a, b, trigger: trigger, passive: passive, speaker: speaker, into: &features)
        let targetPlace = slots.map { shared.targetCue($0.target, $0.cue) }
        SharedPairFeatures.write(&shared, targetPlace, into: &features) {
            addTargetFeatures(b, trigger: trigger, passive: passive, templates: .target, into: &$0)
        }
    }

    /// Criticism is often said without a criticism verb: "called the move illegal", "X's reckless
    /// policy". Words of negative judgement in the sentence, between the two actors and right
    /// around the target.
    func addJudgementFeatures(between: Range<Int>?, target b: Actor, relation r: FeaturePart, into features: inout FeatureSet) {
        features.add(r, .judgements, FeaturePart.bucket(judgementCount))
        guard judgementCount > 0 else { return }
        if let between, hasJudgement(in: between) { features.add(r, .judgementBetween) }
        if hasJudgement(in: (b.phrase.lowerBound - SentenceScan.judgementReach)..<b.phrase.lowerBound)
            || hasJudgement(in: b.tokens.upperBound..<(b.tokens.upperBound + SentenceScan.judgementReach))
        {
            features.add(r, .judgementNearTarget)
        }
    }

    /// How many tokens before and after a target a word of judgement is read as judging it.
    static let judgementReach = 4

    /// The roles the clause gives the two actors around the cue: subject, passive agent or
    /// speaker for the source; object (with the objects coordinated with it) or passive subject
    /// for the target. The pair of roles is the strongest sign of who did what to whom.
    /// The entities the clause makes the cue's source (subject, passive agent, speaker of its
    /// quote) and its targets (objects, passive subjects).
    func context(of trigger: Trigger, speaker: Int?) -> TriggerContext {
        let cue = trigger.range
        // "The Treasury added A, B and C to the sanctions list": a listing cue's roles are its
        // verb's, its objects the names between the verb and the cue.
        let verb = trigger.kind == .listingPattern ? listingVerb(before: cue) : nil
        let start = verb ?? cue.lowerBound
        var context = TriggerContext()
        context.passive = isPassive(start)
        context.hypothetical = isHypothetical(before: start)
        context.quoted = inQuote(start)
        context.subjects = subjects(before: start)
        context.objects = verb.map { listedObjects(verb: $0, cue: cue) } ?? objects(after: cue.upperBound, quoted: context.quoted)
        context.agents = context.passive ? agents(after: cue.upperBound) : []
        if context.passive, context.agents.isEmpty, !context.quoted, let announcer = announcer(before: start) {
            context.announcers = [announcer]
        }
        if context.passive {
            context.sources = context.agents + context.announcers
            context.targets = context.subjects
        } else {
            context.sources = context.subjects
            // A listing verb's source is its subject, as in the listing rule, never the quote's speaker.
            if context.quoted, verb == nil, let speaker { context.sources.append(speaker) }
            context.targets = context.objects
        }
        let objectsStart = verb.map { $0 + 1 } ?? cue.upperBound
        context.nearestBefore = heads.last { $0.tokens.upperBound <= start && $0.kind != .weak }?.tokens
        context.firstAfter = heads.first { $0.tokens.lowerBound >= objectsStart && $0.kind != .weak }?.tokens
        return context
    }

    /// The names of a list sentence: people, bodies and organizations standing in a row of
    /// commas, semicolons, dashes and "and" (each perhaps with its description), not after "of",
    /// "at" and the like, which describe a listed name.
    func listNames(actors: [Actor]) -> [Int] {
        guard range.contains(where: { isWord($0, words.coordinators) || isMark($0, ";") || isMark($0, "-") }) else { return [] }
        var result: [Int] = []
        for actor in actors where !actor.isWeak && !actor.isReference && entityTypes[actor.entity] != .country {
            let before = actor.phrase.lowerBound - 1
            if before >= range.lowerBound, isWord(before, words.prepositions) || isWord(before, words.possessive) { continue }
            if !result.contains(actor.entity) { result.append(actor.entity) }
        }
        return result
    }

    /// Whether two actors stand in one coordination ("A, B and C", "A and the B"): nothing but
    /// commas, "and", "or", "the" and other actors' names between them.
    func areCoordinated(_ first: Actor, _ second: Actor, actors: [Actor]) -> Bool {
        let (earlier, later) = first.phrase.lowerBound < second.phrase.lowerBound ? (first, second) : (second, first)
        guard earlier.phrase.upperBound <= later.phrase.lowerBound else { return false }
        var sawCoordinator = false
        var token = earlier.phrase.upperBound
        while token < later.phrase.lowerBound {
            if isWord(token, words.coordinators) {
                sawCoordinator = true
                token += 1
            } else if isWord(token, words.the) {
                token += 1
            } else if let other = actors.first(where: { $0.phrase.contains(token) }) {
                token = other.phrase.upperBound
            } else {
                return false
            }
        }
        return sawCoordinator
    }

    private func isMark(_ token: Int, _ mark: Character) -> Bool {
        analysis.tokens[token].kind == .punctuation && analysis.tokens[token].mark == mark.asciiValue
    }

    /// The names listed after a cue: "Those hit by the new sanctions are A, chairman of B; C and
    /// D", "the companies sanctioned include A and B". Names after "of", "at" and the like
    /// describe a listed name and are left out.
    func listedTargets(after cue: Range<Int>, openers: WordSet) -> [Int] {
        guard let opener = (cue.upperBound..<min(range.upperBound, cue.upperBound + 8)).first(where: { isWord($0, openers) })
        else { return [] }
        var result: [Int] = []
        for head in heads where head.tokens.lowerBound > opener && head.kind != .weak && !inQuote(head.tokens.lowerBound) {
            let before = head.phrase.lowerBound - 1
            if before > opener, isWord(before, words.prepositions) || isWord(before, words.possessive) { continue }
            if !result.contains(head.entity) { result.append(head.entity) }
        }
        return result
    }

    private func addRoleFeatures(_ a: Actor, _ b: Actor, trigger: Trigger, passive: Bool, speaker: Int?,
                                 into features: inout FeatureSet)
    {
        let r = trigger.relationPart
        let quoted = trigger.context.quoted
        let subjects = trigger.context.subjects
        var sourceRole = FeaturePart.noRole
        if passive, trigger.context.agents.contains(a.entity) {
            sourceRole = .agentRole
        } else if passive, trigger.context.announcers.contains(a.entity) {
            sourceRole = .announcerRole
        } else if !passive, subjects.contains(a.entity) {
            sourceRole = .subjectRole
        } else if quoted, speaker == a.entity {
            sourceRole = .speakerRole
        }
        let targetRole = role(ofTarget: b, trigger: trigger)
        features.add(r, .roleSource, sourceRole, trigger.kind)
        features.add(r, .roleTarget, targetRole, trigger.kind)
        features.add(r, .roles, sourceRole, targetRole)
        // Another actor fills the role: this one is less likely to.
        if sourceRole == .noRole, trigger.context.sources.contains(where: { $0 != a.entity && $0 != b.entity }) {
            features.add(r, .sourceRoleTaken)
        }
        if targetRole == .noRole, trigger.context.targets.contains(where: { $0 != a.entity && $0 != b.entity }) {
            features.add(r, .targetRoleTaken)
        }
    }

    /// The role the clause of `trigger` gives a target: owner of what the cue acts on, passive
    /// subject, first or listed object, or subject.
    private func role(ofTarget b: Actor, trigger: Trigger) -> FeaturePart {
        // The context's fields read where asked: a copy of the whole context retained its four
        // lists, for every pair.
        let passive = trigger.context.passive
        if !passive, ownsObject(b, after: trigger.range.upperBound) {
            // "condemned US sanctions", "rejected Moscow's claims": the owner of what the cue acts on.
            return .objectOwnerRole
        } else if passive, trigger.context.subjects.contains(b.entity) {
            return .passiveSubjectRole
        } else if trigger.context.objects.first == b.entity {
            return .objectRole
        } else if trigger.context.objects.contains(b.entity) {
            return .listedObjectRole
        } else if !passive, trigger.context.subjects.contains(b.entity) {
            return .subjectRole
        }
        return .noRole
    }

    /// A target whose source is carried from an earlier sentence ("The Treasury announced
    /// sanctions. They target A, B and C."): its role in this sentence's clause, and whether it
    /// stands in a row of names.
    func addCarriedRoleFeatures(_ b: Actor, trigger: Trigger, actors: [Actor], into features: inout FeatureSet) {
        let r = trigger.relationPart
        features.add(r, .carriedRole, role(ofTarget: b, trigger: trigger), trigger.kind)
        if actors.contains(where: { $0.entity != b.entity && areCoordinated($0, b, actors: actors) }) {
            features.add(r, .carriedCoordinated)
        }
    }

    /// Whether the actor owns the noun right after the cue: "[the] US sanctions", "Israel's attacks".
    private func ownsObject(_ actor: Actor, after end: Int) -> Bool {
        var token = end
        while token < range.upperBound, isWord(token, words.the) || isWord(token, words.nounMarkers) { token += 1 }
        guard actor.phrase.lowerBound == token || actor.tokens.lowerBound == token else { return false }
        var next = actor.tokens.upperBound
        if next < range.upperBound, isWord(next, words.possessive) { next += 1 }
        guard next < range.upperBound else { return false }
        let value = analysis.tokens[next]
        return value.kind == .word && !value.isCapitalized && word(next) == nil && !isWord(next, words.prepositions)
    }

    private func addSourceFeatures(_ a: Actor, trigger: Trigger, relation r: FeaturePart, into features: inout FeatureSet) {
        let cue = trigger.range
        let kind = trigger.kind
        let passive = trigger.context.passive
        if a.tokens.upperBound <= cue.lowerBound {
            let gap = a.tokens.upperBound..<cue.lowerBound
            features.add(r, .sourceGap, FeaturePart.bucket(gap.count))
            if trigger.context.nearestBefore == a.tokens { features.add(r, .sourceNearest, kind) }
            if gap.contains(where: { word($0) == .boundary }) { features.add(r, .sourceBoundary) }
            if gap.contains(where: { isWord($0, words.comma) }) { features.add(r, .sourceComma) }
            if isPossessor(a, of: cue) { features.add(r, .sourcePossessor, kind) }
            if gap.isEmpty { features.add(r, .sourceModifiesCue, kind) }
        } else if a.tokens.lowerBound >= cue.upperBound {
            if a.phrase.lowerBound > range.lowerBound, isWord(a.phrase.lowerBound - 1, words.by) {
                features.add(r, .sourceBy, passive ? .passive : .active)
            }
        }
    }

    /// What the target's place says: the object right after the cue, after a preposition, or the
    /// subject of a passive cue.
    func addTargetFeatures(_ b: Actor, trigger: Trigger, passive: Bool, templates t: TargetTemplates, into features: inout FeatureSet) {
        let r = trigger.relationPart
        let cue = trigger.range
        if b.tokens.lowerBound >= cue.upperBound {
            let gap = cue.upperBound..<max(cue.upperBound, b.phrase.lowerBound)
            features.add(r, t.gap, FeaturePart.bucket(gap.count))
            if trigger.context.firstAfter == b.tokens { features.add(r, t.first, trigger.kind) }
            if let preposition = gap.last(where: { isWord($0, words.prepositions) }) {
                let word = features.part(lower(preposition))
                features.add(r, t.preposition, word)
                features.add(r, t.preposition, word, trigger.kind)
            }
            if gap.contains(where: { word($0) == .boundary }) { features.add(r, t.boundary) }
            if gap.contains(where: { isWord($0, words.sentenceMarks) }) { features.add(r, t.comma) }
        } else if b.tokens.upperBound <= cue.lowerBound {
            if trigger.context.nearestBefore == b.tokens { features.add(r, t.nearestBefore, passive ? .passive : .active) }
            if isPossessor(b, of: cue) { features.add(r, t.possessor, trigger.kind) }
        }
    }

    /// Target features against one cue of the sentence, with its class and whether it happened.
    func addTargetFeatures(_ b: Actor, trigger: Trigger, templates t: TargetTemplates, into features: inout FeatureSet) {
        let r = trigger.relationPart
        addTargetFeatures(b, trigger: trigger, passive: trigger.context.passive, templates: t, into: &features)
        features.add(r, t.cue, trigger.phrase)
        features.add(r, t.kind, trigger.kind)
        if trigger.context.hypothetical { features.add(r, t.hypothetical) }
        for marker in trigger.markers { features.add(r, t.marker, marker) }
        if inQuote(trigger.range.lowerBound) { features.add(r, t.cueQuoted) }
        features.add(r, t.type, FeaturePart.type(entityTypes[b.entity]))
        if b.isReference { features.add(r, t.reference) }
    }

    /// An actor in a sentence that follows a cue: whether it stands in a list of names.
    func addListFeatures(_ b: Actor, relation: RelationType, into features: inout FeatureSet) {
        let r = FeaturePart.relation(relation)
        if b.tokens.lowerBound > range.lowerBound, isWord(b.phrase.lowerBound - 1, words.coordinators) { features.add(r, .listedAfterComma) }
        if b.tokens.upperBound < range.upperBound, isWord(b.tokens.upperBound, words.coordinators) { features.add(r, .listedBeforeComma) }
        if headMentions.first?.tokens == b.tokens { features.add(r, .listedFirst) }
        features.add(r, .listedType, FeaturePart.type(entityTypes[b.entity]))
        if inQuote(b.tokens.lowerBound) { features.add(r, .listedQuoted) }
        addContextWords(of: b, relation: r, templates: .listed, into: &features)
        // The sentence's opening words say what the list is: "Those designated include", "They are".
        for token in range.lowerBound..<min(range.upperBound, range.lowerBound + 3) {
            addWord(token, relation: r, template: .wordListOpening, into: &features)
        }
    }

    /// The actors that may be the source of a cue: its subject, possessor, passive agent or the
    /// speaker of the quote it stands in.
    func sourceCandidates(of trigger: Trigger, actors: [Actor], speaker: Int?) -> [Int] {
        let cue = trigger.range
        var result: [Int] = []
        // "The ministry announced that eight officials were banned": who banned them is the
        // announcer, not the nearest name, which is among those banned.
        if !trigger.context.announcers.isEmpty { return trigger.context.announcers }
        if let nearest = actors.last(where: { $0.tokens.upperBound <= cue.lowerBound && !$0.isWeak }) {
            result.append(nearest.entity)
        }
        if let agent = actors.first(where: { $0.tokens.lowerBound >= cue.upperBound && $0.phrase.lowerBound > range.lowerBound
            && isWord($0.phrase.lowerBound - 1, words.by) })
        {
            result.append(agent.entity)
        }
        if inQuote(cue.lowerBound), let speaker { result.append(speaker) }
        return result
    }

    /// The two words before an actor's phrase and the two after its name.
    func addContextWords(of actor: Actor, relation r: FeaturePart, templates: ContextTemplates, into features: inout FeatureSet) {
        for token in max(range.lowerBound, actor.phrase.lowerBound - 2)..<actor.phrase.lowerBound {
            addWord(token, relation: r, template: templates.before, into: &features)
        }
        for token in actor.tokens.upperBound..<min(range.upperBound, actor.tokens.upperBound + 2) {
            addWord(token, relation: r, template: templates.after, into: &features)
        }
    }

    /// A word as a lexical feature. Scoring knows only words of the vocabulary (the model's
    /// words are registered in it), so training spells out the same words the scorer can see.
    private func addWord(_ token: Int, relation r: FeaturePart, template: FeaturePart, into features: inout FeatureSet) {
        guard let word = wordPart(token) else { return }
        features.add(r, template, word)
    }

    /// Where the cue stands among source (a) and target (b): "aTb" reads source, cue, target.
    static func order(_ source: Int, _ target: Int, _ cue: Int) -> FeaturePart {
        switch (source < cue, target < cue, source < target) {
        case (true, false, _): .sourceCueTarget
        case (false, true, _): .targetCueSource
        case (false, false, true): .cueSourceTarget
        case (false, false, false): .cueTargetSource
        case (true, true, true): .sourceTargetCue
        case (true, true, false): .targetSourceCue
        }
    }

    /// "A, B and C": two actors with only commas, "and" and determiners between them.
    private func isCoordinated(_ first: Actor, _ second: Actor) -> Bool {
        // Clamped: the second actor's phrase (its title) may open before the first actor ends.
        let gap = first.tokens.upperBound..<max(first.tokens.upperBound, second.phrase.lowerBound)
        return !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { isWord($0, words.coordination) }
    }

    /// "China's sanctions on", "Russia's condemnation of": the actor owns the cue noun.
    private func isPossessor(_ actor: Actor, of cue: Range<Int>) -> Bool {
        let end = actor.tokens.upperBound
        guard end < cue.lowerBound, isWord(end, words.possessive) else { return false }
        return cue.lowerBound - end <= 3
    }
}

extension ArticleAnalysis {
    /// The shape of the words between two actors, in coarse classes with repeats collapsed:
    /// "'s w+" for "China's foreign minister", ", D w+ of" for ", the head of". Returns nil past
    /// eight tokens, where shape says little.
    func gapShape(_ gap: Range<Int>, words: ScanWords) -> String? {
        withGapShape(gap, words: words) { String(decoding: $0, as: UTF8.self) }
    }

    /// `gapShape(_:words:)` appended to an array, as it was written before it moved to the stack:
    /// its general twin, which the tests compare it with.
    func gapShapeByAppending(_ gap: Range<Int>, words: ScanWords) -> String? {
        guard gap.count <= 8 else { return nil }
        if gap.isEmpty { return "-" }
        var shape: [UInt8] = []
        var last: (UInt8, UInt8) = (0, 0)
        let word = (UInt8(ascii: "w"), UInt8(0))
        let capitalized = (UInt8(ascii: "C"), UInt8(0))
        for token in gap {
            let value = tokens[token]
            let symbol: (UInt8, UInt8)
            if self.token(token, isIn: words.possessive) {
                symbol = (UInt8(ascii: "'"), UInt8(ascii: "s"))
            } else if self.token(token, isIn: words.of) {
                symbol = (UInt8(ascii: "o"), UInt8(ascii: "f"))
            } else if self.token(token, isIn: words.the) {
                symbol = (UInt8(ascii: "D"), 0)
            } else if value.kind == .punctuation {
                symbol = (value.mark & 0x7F, 0)
            } else if value.kind == .number {
                symbol = (UInt8(ascii: "0"), 0)
            } else {
                symbol = value.isCapitalized ? capitalized : word
            }
            if symbol == last && (symbol == word || symbol == capitalized) {
                if shape.last != UInt8(ascii: "+") { shape.append(UInt8(ascii: "+")) }
                continue
            }
            if !shape.isEmpty { shape.append(UInt8(ascii: " ")) }
            shape.append(symbol.0)
            if symbol.1 != 0 { shape.append(symbol.1) }
            last = symbol
        }
        return String(decoding: shape, as: UTF8.self)
    }

    /// The gap's shape as a feature part (`features.part(gapShape(gap, words:))`), written on the
    /// stack and hashed with no string made when scoring: every pair of actors has one.
    func gapShapePart(_ gap: Range<Int>, words: ScanWords, features: FeatureSet) -> FeaturePart? {
        withGapShape(gap, words: words) { features.part(bytes: $0) }
    }

    /// The longest shape: eight tokens of two-byte symbols, each with its separator.
    private static let longestShape = 8 * 3

    /// Calls `body` with the bytes of the gap's shape (see `gapShape(_:words:)`); nil past eight tokens.
    func withGapShape<Result>(_ gap: Range<Int>, words: ScanWords, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard gap.count <= 8 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ArticleAnalysis.longestShape) { shape in
            if gap.isEmpty {
                shape[0] = UInt8(ascii: "-")
                return body(UnsafeBufferPointer(rebasing: shape[0..<1]))
            }
            // Every symbol is ASCII, at most two bytes and a separator per token.
            var count = 0
            /// The last symbol's bytes (the second 0 for a one-byte symbol).
            var last: (UInt8, UInt8) = (0, 0)
            let word = (UInt8(ascii: "w"), UInt8(0))
            let capitalized = (UInt8(ascii: "C"), UInt8(0))
            for token in gap {
                let value = tokens[token]
                let symbol: (UInt8, UInt8)
                if self.token(token, isIn: words.possessive) {
                    symbol = (UInt8(ascii: "'"), UInt8(ascii: "s"))
                } else if self.token(token, isIn: words.of) {
                    symbol = (UInt8(ascii: "o"), UInt8(ascii: "f"))
                } else if self.token(token, isIn: words.the) {
                    symbol = (UInt8(ascii: "D"), 0)
                } else if value.kind == .punctuation {
                    // The mark, as `lowercaseWord` spells it.
                    symbol = (value.mark & 0x7F, 0)
                } else if value.kind == .number {
                    symbol = (UInt8(ascii: "0"), 0)
                } else {
                    symbol = value.isCapitalized ? capitalized : word
                }
                // A run of words or of capitalized words is one symbol and a "+".
                if symbol == last && (symbol == word || symbol == capitalized) {
                    if shape[count - 1] != UInt8(ascii: "+") {
                        shape[count] = UInt8(ascii: "+")
                        count += 1
                    }
                    continue
                }
                if count > 0 {
                    shape[count] = UInt8(ascii: " ")
                    count += 1
                }
                shape[count] = symbol.0
                count += 1
                if symbol.1 != 0 {
                    shape[count] = symbol.1
                    count += 1
                }
                last = symbol
            }
            return body(UnsafeBufferPointer(rebasing: shape[0..<count]))
        }
    }
}
