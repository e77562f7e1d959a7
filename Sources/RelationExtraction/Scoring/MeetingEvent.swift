import EntityRecognition
import KnowledgeGraph

/// The names of the meeting event's features.
extension FeaturePart {
    /// Two people took part in one meeting the article states once and lists the participants of
    /// ("This gathering included A, B and C", "the full delegations met, including X and Y").
    static let eventParticipants: FeaturePart = "event-participants"
    /// One of the two is a party of the meeting's cue (its subject or partner), the other listed.
    static let partyListed: FeaturePart = "party-listed"
    /// Both are listed.
    static let listedListed: FeaturePart = "listed-listed"
}

/// One meeting that took place: the parties its cue names, and the people a list that refers
/// back to it names, in this sentence or the next ones.
struct MeetingEvent {
    /// The cue's subjects and partners, in the order the cue gives them.
    var parties: [Int]
    /// The people the participant lists name, in text order.
    var listed: [Int] = []
    /// Where the meeting was last referred to, in the article's run of sentences, and the
    /// sentence of its last list (where its pairs are cited).
    var position: Int
    var sentence: Int
}

/// Reads the meetings of an article as events that span sentences, and pairs their participants.
///
/// News names a meeting once and its participants in a list that refers back to it: "Biden
/// convened a meeting with the leaders of five nations. This gathering included A, B, C, D and
/// E." No cue relates Biden and A in one sentence, nor A and B. The guidelines count everyone who
/// took part in a multi-party meeting as having met everyone else; the pairs become candidates
/// with features of their own, which the model weighs like any other place.
struct MeetingEventReader {
    let words: RelationWords
    private(set) var events: [MeetingEvent] = []

    /// How many sentences after a meeting a list may refer back to it.
    static let reach = 2
    /// The most events an article keeps, and the most people one event keeps: an event's pairs
    /// grow with the square of its participants.
    static let maximumEvents = 16
    static let maximumParticipants = 16
    /// The fewest people a participant list names: one name after "including" is as often a topic
    /// or a place ("including the visit of X") as a participant.
    static let minimumListed = 2
    /// How many tokens may stand between the opener and the phrase of the list's first name.
    static let listGap = 4

    init(words: RelationWords) {
        self.words = words
    }

    /// Reads one sentence: the meetings its cues state (`meetingCues`, the sentence's triggers of
    /// a meeting), and a participant list, which joins the latest meeting in reach. A cue that
    /// names nobody before the list ("the full delegations met, including …") refers back to the
    /// latest meeting in reach when there is one, and opens a meeting of its own when not. A
    /// planned, refused or hypothetical meeting is no event.
    mutating func read(
        sentence: Int, position: Int, tokens: Range<Int>, mentions: ArraySlice<Mention>, meetingCues: some Collection<Trigger>,
        otherCues: some Collection<Range<Int>>, scan: SentenceScan, in analysis: ArticleAnalysis
    ) {
        // The opener serves a cue of this sentence or a meeting in reach: with neither, no word is read.
        let meetingInReach = events.last.map { position - $0.position <= MeetingEventReader.reach } ?? false
        let opener =
            meetingCues.isEmpty && !meetingInReach
            ? nil : listOpener(in: tokens, mentions: mentions, meetingCues: meetingCues, in: analysis)
        for cue in meetingCues where !cue.context.hypothetical && !scan.isUndoneFrame(before: cue.range.lowerBound) {
            // The people the list names are listed, not the cue's own parties.
            let cueEnd = opener.map { $0 > cue.range.lowerBound ? $0 : tokens.upperBound } ?? tokens.upperBound
            var parties: [Int] = []
            for entity in cue.context.sources + cue.context.targets where !parties.contains(entity) {
                if mentions.contains(where: { $0.entity == entity && $0.tokens.lowerBound < cueEnd }) { parties.append(entity) }
            }
            if parties.isEmpty, let last = events.indices.last, position - events[last].position <= MeetingEventReader.reach {
                events[last].position = position
                continue
            }
            guard events.count < MeetingEventReader.maximumEvents else { break }
            events.append(MeetingEvent(parties: parties, position: position, sentence: sentence))
        }
        guard let opener, !scan.isUndoneFrame(before: opener), let last = events.indices.last,
            position - events[last].position <= MeetingEventReader.reach
        else { return }
        // In a later sentence the list names the meeting's people only when nobody is named
        // before it ("The governors include A, B and C"), not someone's own ("X's team included
        // Y"), and no cue of another relation says what it lists ("those banned included A, B").
        if !meetingCues.contains(where: { $0.range.upperBound <= opener }),
            mentions.contains(where: { $0.type == .person && $0.tokens.lowerBound < opener })
                || otherCues.contains(where: { $0.upperBound <= opener })
        {
            return
        }
        var listed: [Int] = []
        for mention in mentions
        where mention.type == .person && mention.kind != .weak && mention.tokens.lowerBound > opener && !listed.contains(mention.entity) {
            listed.append(mention.entity)
        }
        // A list begins right after its opener (a title may come first): one name far after it
        // is the object of another clause ("That includes expanding cooperation, X said").
        guard listed.count >= MeetingEventReader.minimumListed,
            let first = mentions.first(where: { $0.entity == listed[0] && $0.tokens.lowerBound > opener }),
            first.phrase.lowerBound - opener <= MeetingEventReader.listGap
        else { return }
        // The meetings in reach are one event told in steps ("Pence and Erdogan met. … Later, the
        // full delegations met, including …"): their parties take part in it too.
        for earlier in events.indices.dropLast() where position - events[earlier].position <= MeetingEventReader.reach {
            for entity in events[earlier].parties where !events[last].parties.contains(entity) && !listed.contains(entity) {
                events[last].parties.append(entity)
            }
        }
        for entity in listed where !events[last].listed.contains(entity) && !events[last].parties.contains(entity) {
            guard events[last].parties.count + events[last].listed.count < MeetingEventReader.maximumParticipants else { break }
            events[last].listed.append(entity)
        }
        events[last].position = position
        events[last].sentence = sentence
    }

    /// The first word of the sentence that opens a list of participants, outside names. A list of
    /// a delegation's members ("The Pakistan delegation was led by X and included Y") is one
    /// side's, which `DelegationFinder` reads: no opener after a delegation noun, unless a
    /// meeting's cue stands between them ("the full delegations met, including X").
    private func listOpener(
        in tokens: Range<Int>, mentions: ArraySlice<Mention>, meetingCues: some Collection<Trigger>, in analysis: ArticleAnalysis
    )
        -> Int?
    {
        var delegation: Int?
        for token in tokens {
            // The word lists first: most words are in neither, and need no look at the names.
            let isNoun = analysis.token(token, isIn: words.delegationNouns)
            guard isNoun || analysis.token(token, isIn: words.participantOpeners),
                !mentions.contains(where: { $0.phrase.contains(token) })
            else { continue }
            if isNoun {
                delegation = token
            } else {
                if let delegation, !meetingCues.contains(where: { $0.range.lowerBound > delegation && $0.range.upperBound <= token }) {
                    return nil
                }
                return token
            }
        }
        return nil
    }

    /// Adds the candidates the events give: each listed person with each party of the meeting's
    /// cue and with each listed person of another side, their sides told by the affiliations.
    /// Only people are paired: a country or body among a cue's parties is most often a place or
    /// the host's side ("met in Turkey's capital"), and a listed person met it only through its
    /// delegation.
    func addPairs(affiliated: AffiliationIndex, entityTypes: [EntityType], into candidates: inout Candidates) {
        let meeting = FeaturePart.relation(.metWith)
        var seen = Set<[Int]>()
        for event in events where !event.listed.isEmpty {
            let participants = event.parties.filter { entityTypes[$0] == .person } + event.listed
            for (index, first) in participants.enumerated() {
                for second in participants[(index + 1)...] where first != second {
                    // Two parties of the cue are the cue's own pair.
                    let kind: FeaturePart
                    if event.listed.contains(first) {
                        kind = .listedListed
                    } else if event.listed.contains(second) {
                        kind = .partyListed
                    } else {
                        continue
                    }
                    let side: FeaturePart =
                        affiliated.allied(first, second)
                        ? .sameSide
                        : affiliated.hasAffiliation(first) && affiliated.hasAffiliation(second) ? .otherSide : .sideUnknown
                    // Two listed people met each other only when they stand on different sides:
                    // one side's list is a host's aides as often as a meeting's parties.
                    if kind == .listedListed && side != .otherSide { continue }
                    guard seen.insert([min(first, second), max(first, second)]).inserted else { continue }
                    candidates.addOccurrence(
                        source: first, target: second, relation: .metWith, sentence: event.sentence, rationale: .meetingEvent
                    ) { features in
                        features.add(meeting, .eventParticipants, kind, side)
                    }
                }
            }
        }
    }
}
