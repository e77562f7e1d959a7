import EntityRecognition
import KnowledgeGraph

/// The names of the sanction event's features.
extension FeaturePart {
    /// A target named in a sentence after the one that announced a sanction, which refers back to
    /// it ("Also designated were A and B", "The individuals include A and B").
    static let eventTarget: FeaturePart = "event-target"
    /// The target stands in a list of its own: a sentence with no sanction cue that opens with
    /// a list opener or a copula before its first name, or an item of a list after a colon.
    static let eventList: FeaturePart = "list"
    /// The target stands after a sanction cue that names no source of its own ("Three of those
    /// sanctioned live in X: A, B", "Also designated were A and B").
    static let eventSourceless: FeaturePart = "sourceless-cue"
}

/// One sanction that was imposed: who imposed it, and where it was last referred to.
struct SanctionEvent {
    /// The bodies or countries that imposed it, as the announcing cue names them (subject, passive
    /// agent, or the body "it" or "the department" refers back to).
    var sources: [Int]
    /// The targets the later sentences name, in text order, each with the sentence and kind of
    /// its place.
    var targets: [(entity: Int, sentence: Int, kind: FeaturePart)] = []
    /// Where the sanction was last referred to, in the article's run of sentences.
    var position: Int
}

/// Reads the sanctions of an article as events that span sentences, and pairs their sources with
/// the targets the following sentences list.
///
/// News names a sanctioning body once, with the first targets, and lists the others in the
/// sentences that follow: "The Treasury designated the Kalvor Shipping Company on Tuesday. Also
/// designated were A and B." No sentence names the Treasury with A. Each target the reader collects
/// becomes a candidate place with a feature of its own, which the model weighs like any other.
struct SanctionEventReader {
    let relationWords: RelationWords
    let words: ScanWords
    private(set) var events: [SanctionEvent] = []

    /// How many sentences after a sanction a list may refer back to it.
    static let reach = 2
    /// The most events an article keeps, and the most targets one event keeps.
    static let maximumEvents = 16
    static let maximumTargets = 64

    init(relationWords: RelationWords, words: ScanWords) {
        self.relationWords = relationWords
        self.words = words
    }

    /// Reads one sentence. A sanction cue that took place (not planned, threatened, denied or
    /// hypothetical) and names its source opens an event; one that names no source refers back to
    /// the latest event in reach, and the names after it are the event's targets. A sentence with
    /// no sanction cue but a list clause ("They include A and B") gives the latest event in reach
    /// its names as targets, unless another relation's cue says what it lists.
    mutating func read(
        sentence: Int, position: Int, tokens: Range<Int>, actors: [Actor], sanctionCues: some Collection<Trigger>,
        otherCues: some Collection<Range<Int>>, isListItem: Bool, scan: SentenceScan, in analysis: ArticleAnalysis
    ) {
        let latest = events.indices.last.flatMap { position - events[$0].position <= SanctionEventReader.reach ? $0 : nil }
        if sanctionCues.isEmpty {
            guard let latest, let first = actors.first(where: { !$0.isWeak && !$0.isReference }) else { return }
            // A list clause: an item of a list, or an opener before the first name with no name
            // before it. No cue of another relation before the first name ("X condemned ...").
            guard isListItem || isListClause(before: first, actors: actors, tokens: tokens, in: analysis),
                !otherCues.contains(where: { $0.upperBound <= first.phrase.lowerBound })
            else { return }
            collect(
                names(after: tokens.lowerBound, actors: actors, tokens: tokens, in: analysis), into: latest, sentence: sentence,
                position: position, kind: .eventList)
            return
        }
        for cue in sanctionCues where !cue.context.hypothetical && !scan.isUndoneFrame(before: cue.range.lowerBound) {
            // The cue's own source, or the body a reference before it stands for ("it designated").
            var sources = cue.context.sources
            if sources.isEmpty,
                let reference = actors.last(where: { $0.isReference && $0.tokens.upperBound <= cue.range.lowerBound }),
                scan.entityTypes[reference.entity] == .agency || scan.entityTypes[reference.entity] == .country
            {
                sources.append(reference.entity)
            }
            if sources.isEmpty {
                guard let latest else { continue }
                collect(
                    names(after: cue.range.upperBound, actors: actors, tokens: tokens, in: analysis), into: latest,
                    sentence: sentence, position: position, kind: .eventSourceless)
                continue
            }
            // A sanction rejected or criticized ("Iran condemned the sanctions") is not announced here.
            if otherCues.contains(where: { $0.upperBound <= cue.range.lowerBound }) { continue }
            guard events.count < SanctionEventReader.maximumEvents else { break }
            events.append(SanctionEvent(sources: sources, position: position))
        }
    }

    /// The names of a list from `start` on: not weak, not references, and not the owner or place of
    /// another name ("the wife of X", "X's wife", "a manager at X").
    private func names(after start: Int, actors: [Actor], tokens: Range<Int>, in analysis: ArticleAnalysis) -> [Int] {
        var result: [Int] = []
        for actor in actors where !actor.isWeak && !actor.isReference && actor.tokens.lowerBound >= start {
            let before = actor.phrase.lowerBound - 1
            if before >= tokens.lowerBound, analysis.token(before, isIn: words.prepositions) { continue }
            if actor.tokens.upperBound < tokens.upperBound, analysis.token(actor.tokens.upperBound, isIn: words.possessive) { continue }
            if !result.contains(actor.entity) { result.append(actor.entity) }
        }
        return result
    }

    /// Whether the sentence opens a list before its first name: a list opener or copula ("They
    /// include", "Also on the list are") with no name before it.
    private func isListClause(before first: Actor, actors: [Actor], tokens: Range<Int>, in analysis: ArticleAnalysis) -> Bool {
        guard
            let verb = (tokens.lowerBound..<first.phrase.lowerBound).first(where: {
                analysis.token($0, isIn: relationWords.listOpeners) || analysis.token($0, isIn: words.copulas)
            })
        else { return false }
        return !actors.contains { !$0.isWeak && $0.tokens.upperBound <= verb }
    }

    private mutating func collect(_ names: [Int], into event: Int, sentence: Int, position: Int, kind: FeaturePart) {
        // A list told over several sentences keeps the event in reach.
        if !names.isEmpty { events[event].position = position }
        for entity in names where !events[event].sources.contains(entity) && !events[event].targets.contains(where: { $0.entity == entity })
        {
            guard events[event].targets.count < SanctionEventReader.maximumTargets else { break }
            events[event].targets.append((entity, sentence, kind))
        }
    }

    /// Adds the candidates the events give: each source with each collected target, with the kind
    /// of the target's place and the source's type (a person named as the subject is more often
    /// the minister who announced than the one who imposed), and whether the two are on one side
    /// (a source's own officer is its announcer, not its target).
    func addPairs(affiliated: AffiliationIndex, entityTypes: [EntityType], into candidates: inout Candidates) {
        let sanction = FeaturePart.relation(.sanctioned)
        for event in events {
            for source in event.sources {
                for target in event.targets where target.entity != source {
                    candidates.addOccurrence(
                        source: source, target: target.entity, relation: .sanctioned, sentence: target.sentence, rationale: .sanctionEvent
                    ) { features in
                        features.add(sanction, .eventTarget, target.kind, FeaturePart.type(entityTypes[source]))
                        if affiliated.allied(source, target.entity) { features.add(sanction, .eventTarget, .sameSide) }
                    }
                }
            }
        }
    }
}
