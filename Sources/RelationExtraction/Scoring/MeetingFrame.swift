import KnowledgeGraph

/// The names of the meeting frame's features.
extension FeaturePart {
    /// The two actors' parts in the meeting the cue states (sorted, so that either order reads
    /// the same), and whether a third actor takes part in it.
    static let meetingRoles: FeaturePart = "meeting-roles"
    static let meetingRolesShared: FeaturePart = "meeting-roles-shared"
    static let meetingRolesAlone: FeaturePart = "meeting-roles-alone"
    /// The parts an actor takes in a meeting, ranked: subject, object, none.
    static let meetingParts: [FeaturePart] = [.subjectRole, .objectRole, .noRole]
    /// One actor reports the meeting ("…, said PM Lee's press secretary", "Lu Kang said that Xi
    /// met Abe") and has no part in it; the part the other actor has.
    static let meetingReporter: FeaturePart = "meeting-reporter"
    /// The meeting is planned, hoped for, refused or called off somewhere in its clause, before
    /// its subject too ("has been expected to use the trip to hold a meeting with").
    static let meetingUndone: FeaturePart = "meeting-undone"
}

extension SentenceScan {
    /// How far back from a meeting cue its clause is read for a word that undoes it, over the
    /// names of its subject.
    static let frameReach = 16

    /// Whether the clause of the cue at `cue` says the event did not (or not yet) happen: a
    /// negation, modal or intent word anywhere between the clause's start and the cue, names
    /// included. `isHypothetical(before:)` stops at the nearest name; a meeting's clause often
    /// puts the plan before its subject ("China threatened countermeasures if the Speaker meets
    /// with …", "declined the Pentagon's request for a meeting between …").
    func isUndoneFrame(before cue: Int) -> Bool {
        if isHypothetical(before: cue) { return true }
        var token = cue - 1
        var steps = 0
        while token >= range.lowerBound && steps < SentenceScan.frameReach {
            if word(token) == .boundary {
                // "denied that the two met": a denied clause did not happen.
                return isWord(token, words.that) && token - 1 >= range.lowerBound && word(token - 1) == .negation
            }
            if word(token) == .negation || word(token) == .modal { return true }
            token -= 1
            steps += 1
        }
        return false
    }

    /// The features of a meeting between two actors of this sentence against its cue: which
    /// part each takes in the meeting (subject or passive agent, object or partner, none), whether
    /// someone else takes part too, whether one of them only reports it, and whether the clause
    /// undoes it.
    ///
    /// "Abiy held talks with A, B and C": A and B are both partners of Abiy, not of each other;
    /// "talks between A and B": the two partners of a meeting nobody else holds met each other.
    func addMeetingFeatures(_ a: Actor, _ b: Actor, trigger: Trigger, speaker: Int?, into features: inout FeatureSet) {
        let r = trigger.relationPart
        let context = trigger.context
        /// The actor's part, ranked: subject (or agent, or the speaker of a quoted cue), object,
        /// none.
        func rank(_ actor: Actor) -> Int {
            if context.sources.contains(actor.entity) { return 0 }
            if context.targets.contains(actor.entity) { return 1 }
            return 2
        }
        let parts = FeaturePart.meetingParts
        let first = rank(a)
        let second = rank(b)
        // In rank order: a symmetric pair reads the same from either actor.
        let low = parts[min(first, second)]
        let high = parts[max(first, second)]
        let others =
            context.sources.contains { $0 != a.entity && $0 != b.entity }
            || context.targets.contains { $0 != a.entity && $0 != b.entity }
        features.add(r, .meetingRoles, low, high)
        features.add(r, others ? .meetingRolesShared : .meetingRolesAlone, low, high)
        // The speaker of the sentence, with no part in the meeting, tells of it.
        if let speaker {
            if speaker == a.entity, first == 2 {
                features.add(r, .meetingReporter, parts[second])
            } else if speaker == b.entity, second == 2 {
                features.add(r, .meetingReporter, parts[first])
            }
        }
        if isUndoneFrame(before: trigger.range.lowerBound) { features.add(r, .meetingUndone) }
    }
}
